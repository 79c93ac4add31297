/**
 * Resolvers of the loket subgraph: regions and gemeenten from the CBS reference data, cross-partner
 * lists and entity identities from the loket index.
 */
import { referentie, type GemeenteRef, type RegioRef } from '../../schema/referentie/gemeenten.js';
import { forbidden } from '../kit/access/access-errors.js';
import { dateArgument } from '../kit/date-argument.js';
import { badInput } from '../kit/errors.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { bronStatussen, instrumentenVoorRegio, kandidatenPage, vacaturesPage, werkgeversPage } from './store/index-queries.js';
import { pageSize } from './store/keyset-page.js';
import { requireRegio } from './toegang/regio.js';
import { leveringTellingen } from './register/contact-store.js';
import { registerResolvers } from './register/register-resolvers.js';
import { toestemmingResolvers } from './toegang/toestemming-resolvers.js';

const ref = referentie();

function gemeenteOf(code: string): GemeenteRef {
  const gemeente = ref.gemeente(code);
  if (!gemeente) throw new Error(`index holds unknown gemeente ${code}`);
  return gemeente;
}

function regioOf(code: string): RegioRef {
  const regio = ref.regio(code);
  if (!regio) throw new Error(`unknown arbeidsmarktregio ${code}`);
  return regio;
}

/** A gemeente filter must name a gemeente of this region. */
function gemeenteInRegio(regio: RegioRef, code: string | null | undefined, argument: string): string | null {
  if (code === null || code === undefined) return null;
  if (!regio.gemeenten.some((g) => g.code === code)) {
    throw badInput(`${argument}: ${code} is not a gemeente of ${regio.code} (${regio.naam})`, argument);
  }
  return code;
}

export const resolvers: Resolvers = {
  Query: {
    arbeidsmarktregios: () => ref.regios,
    arbeidsmarktregio: (_, { code }) => ref.regio(code) ?? null,
    gemeente: (_, { code }) => ref.gemeente(code) ?? null,
    werkgever: async (_, { kvkNummer }, ctx) => {
      if (!/^\d{8}$/.test(kvkNummer)) throw badInput(`kvkNummer must be 8 digits, got "${kvkNummer.slice(0, 20)}"`, 'kvkNummer');
      const werkgever = await ctx.loaders.werkgever.load(kvkNummer);
      if (!werkgever) return null;
      const besluit = await ctx.besluiten.werkgever.load(kvkNummer);
      if (!besluit.toegestaan) throw forbidden(`Query.werkgever: ${besluit.weigering?.melding}`, besluit.weigering?.reden ?? 'ROL', 'Query.werkgever');
      return werkgever;
    },
    kandidaat: async (_, { id }, ctx) => {
      const kandidaat = await ctx.loaders.kandidaat.load(id);
      if (kandidaat) requireRegio(ctx.access.actor, kandidaat.regioCode, 'Query.kandidaat', 'this candidate');
      return kandidaat;
    },
    vacature: async (_, { id }, ctx) => {
      const vacature = await ctx.loaders.vacature.load(id);
      if (vacature) requireRegio(ctx.access.actor, vacature.regioCode, 'Query.vacature', 'this vacancy');
      return vacature;
    },
    instrument: (_, { id }, ctx) => ctx.loaders.instrument.load(id),
    bronStatus: (_, __, ctx) => bronStatussen(ctx.db),
    contactLeveringen: (_, __, ctx) => leveringTellingen(ctx.db),
  },
  Arbeidsmarktregio: {
    __resolveReference: (reference) => ref.regio(reference.code) ?? null,
    kandidaten: (regio, { filter, first, after }, ctx) => {
      requireRegio(ctx.access.actor, regio.code, 'Arbeidsmarktregio.kandidaten');
      if (ctx.access.actor?.rol === 'werkgever' && (filter?.doelgroep || filter?.bron)) {
        // Filtering on them would reveal what the werkgever may not read.
        throw forbidden('Arbeidsmarktregio.kandidaten: a werkgever may not filter on doelgroep or bron', 'ROL', 'Arbeidsmarktregio.kandidaten');
      }
      return kandidatenPage(ctx.db, {
        regioCode: regio.code,
        first: pageSize(first),
        after,
        gemeente: gemeenteInRegio(regio, filter?.gemeente, 'filter.gemeente'),
        doelgroep: filter?.doelgroep,
        bron: filter?.bron,
        werkDenkNiveauMin: filter?.werkDenkNiveauMin,
        competentie: filter?.competentie,
      });
    },
    vacatures: (regio, { filter, first, after }, ctx) => {
      requireRegio(ctx.access.actor, regio.code, 'Arbeidsmarktregio.vacatures');
      return vacaturesPage(ctx.db, {
        regioCode: regio.code,
        first: pageSize(first),
        after,
        gemeente: gemeenteInRegio(regio, filter?.gemeente, 'filter.gemeente'),
        soort: filter?.soort,
        bron: filter?.bron,
        doelgroep: filter?.doelgroep,
      });
    },
    werkgevers: (regio, { filter, first, after }, ctx) => {
      requireRegio(ctx.access.actor, regio.code, 'Arbeidsmarktregio.werkgevers');
      return werkgeversPage(ctx.db, {
        regioCode: regio.code,
        first: pageSize(first),
        after,
        gemeente: gemeenteInRegio(regio, filter?.gemeente, 'filter.gemeente'),
        bron: filter?.bron,
        minBronnen: filter?.minBronnen,
        sector: filter?.sector?.trim() || null,
        erkendLeerbedrijf: filter?.erkendLeerbedrijf,
        metOpenVacatures: filter?.metOpenVacatures,
        zonderAccountmanager: filter?.zonderAccountmanager,
        laatsteContactVoor: filter?.laatsteContactVoor == null ? null : dateArgument(filter.laatsteContactVoor, 'filter.laatsteContactVoor'),
        laatsteContactNa: filter?.laatsteContactNa == null ? null : dateArgument(filter.laatsteContactNa, 'filter.laatsteContactNa'),
      });
    },
    ...registerResolvers.Arbeidsmarktregio,
    instrumenten: (regio, { doelgroep, gemeente }, ctx) => {
      const only = gemeenteInRegio(regio, gemeente, 'gemeente');
      return instrumentenVoorRegio(ctx.db, { regioCode: regio.code, gemeenteCodes: only ? [only] : regio.gemeenten.map((g) => g.code), doelgroep });
    },
  },
  Gemeente: {
    __resolveReference: (reference) => ref.gemeente(reference.code) ?? null,
    arbeidsmarktregio: (gemeente) => regioOf(gemeente.regioCode),
  },
  Kandidaat: {
    // Routers only reach candidates through the region-checked entry points; a direct `_entities`
    // call is held to the token's regions as well.
    __resolveReference: async (reference, ctx) => {
      const kandidaat = await ctx.loaders.kandidaat.load(reference.id);
      if (kandidaat) requireRegio(ctx.access.actor, kandidaat.regioCode, 'Kandidaat', 'this candidate');
      return kandidaat;
    },
    gemeente: (kandidaat) => gemeenteOf(kandidaat.gemeenteCode),
    toegang: async (kandidaat, _, ctx) => ctx.access.signer.sign(await ctx.besluiten.kandidaat.load(kandidaat.id)),
    bronSystemen: (kandidaat, _, ctx) => ctx.loaders.bronSystemen.kandidaat.load(kandidaat.id),
    ...toestemmingResolvers.Kandidaat,
  },
  Vacature: {
    __resolveReference: (reference, ctx) => ctx.loaders.vacature.load(reference.id),
    werkgever: (vacature, _, ctx) => ctx.loaders.werkgever.load(vacature.kvkNummer),
    gemeente: (vacature) => gemeenteOf(vacature.gemeenteCode),
    postcodeGebied: (vacature) => vacature.postcode.slice(0, 4),
    bronSystemen: (vacature, _, ctx) => ctx.loaders.bronSystemen.vacature.load(vacature.id),
  },
  Werkgever: {
    __resolveReference: (reference, ctx) => ctx.loaders.werkgever.load(reference.kvkNummer),
    gemeente: (werkgever) => ref.gemeente(werkgever.gemeenteCode) ?? null,
    toegang: async (werkgever, _, ctx) => ctx.access.signer.sign(await ctx.besluiten.werkgever.load(werkgever.kvkNummer)),
    bronSystemen: (werkgever, _, ctx) => ctx.loaders.bronSystemen.werkgever.load(werkgever.kvkNummer),
    vacatures: (werkgever, { first, after }, ctx) => vacaturesPage(ctx.db, { kvkNummer: werkgever.kvkNummer, first: pageSize(first), after }),
    ...registerResolvers.Werkgever,
  },
  BronStatus: {
    // The partner subgraphs' Koppeling fields are fetched with this key; the loket's own fields resolve here.
    __resolveReference: async (reference, ctx) => (await bronStatussen(ctx.db, [reference.bronSysteem]))[0] ?? null,
  },
  Mutation: { ...toestemmingResolvers.Mutation, ...registerResolvers.Mutation },
  Contactmoment: registerResolvers.Contactmoment,
  Levering: registerResolvers.Levering,
  Accountmanager: registerResolvers.Accountmanager,
  DubbeleBenadering: registerResolvers.DubbeleBenadering,
  Toestemming: toestemmingResolvers.Toestemming,
  Instrument: {
    __resolveReference: (reference, ctx) => ctx.loaders.instrument.load(reference.id),
    gemeente: (instrument) => (instrument.gemeenteCode ? gemeenteOf(instrument.gemeenteCode) : null),
    arbeidsmarktregio: (instrument) => (instrument.regioCode ? regioOf(instrument.regioCode) : null),
  },
};
