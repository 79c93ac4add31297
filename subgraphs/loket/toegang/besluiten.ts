/**
 * The loket's access decisions for one request: per kandidaat, which personal-data categories the
 * actor may read, and per employer, whether the actor may see its partner-held details. Made from the
 * store on every request (no cache), batched per request with DataLoader, and bound to the whole
 * actor, the purpose pair and the client request (see access-decision.ts):
 * - outside the actor's regions: nothing;
 * - a klantmanager whose organisation has the person as its client, for purpose `re-integratie`:
 *   every category the request's processing activity covers;
 * - otherwise: the categories of consents that hold now for the request's purpose and the actor's
 *   organisation or role;
 * - employers: klantmanagers and accountmanagers of the employer's region, and the employer itself.
 */
import DataLoader from 'dataloader';
import type { Actor } from '../../../kit/auth/actor.js';
import type { AccessContext } from '../../kit/access/access-context.js';
import { actorBinding, BESLUIT_GELDIG_MS, type KandidaatBesluit, type WerkgeverBesluit } from '../../kit/access/access-decision.js';
import type { Database } from '../../kit/store/database.js';
import { GEGEVENSCATEGORIEEN, verwerkingsactiviteit } from '../../kit/access/verwerkingsregister.js';
import { klantrelaties } from './klantrelaties.js';
import { geldendeToestemmingen } from './toestemming-store.js';

/** The purpose under which a client's own organisation reads its file. */
export const DOEL_KLANTRELATIE = 're-integratie';

export interface Besluiten {
  kandidaat: DataLoader<string, KandidaatBesluit>;
  werkgever: DataLoader<string, WerkgeverBesluit>;
}

export function createBesluiten(db: Database, access: AccessContext): Besluiten {
  const doel = access.purpose.ok ? access.purpose.purpose : null;
  const doelbinding = doel?.doelbinding ?? null;
  // A decision never grants more than the request's processing activity may read.
  const activiteit = doel ? verwerkingsactiviteit(doel.verwerking) : undefined;
  const binnenActiviteit = (categorieen: readonly string[]) => categorieen.filter((c) => (activiteit?.categorieen as readonly string[] | undefined)?.includes(c) ?? false);
  const binding = (actor: Actor) => ({ actor: actorBinding(actor), doel, verzoek: access.aanroep?.verzoek ?? null, verloopt: Date.now() + BESLUIT_GELDIG_MS });
  return {
    kandidaat: new DataLoader(async (ids) => {
      const actor = need(access.actor);
      const gebonden = binding(actor);
      const relaties = await klantrelaties(db, ids);
      const inRegio = (id: string) => relaties.has(id) && actor.regios.includes(relaties.get(id)!.regioCode);
      const isKlant = (id: string) => actor.rol === 'klantmanager' && actor.organisatie !== undefined && (relaties.get(id)?.organisaties.includes(actor.organisatie) ?? false);
      const volledig = (id: string) => isKlant(id) && doelbinding === DOEL_KLANTRELATIE;
      // Consent only matters for people in the actor's regions whose file the actor does not already read as their client.
      const consentIds = ids.filter((id) => inRegio(id) && !volledig(id));
      const toestemmingen = doelbinding && consentIds.length > 0 ? await geldendeToestemmingen(db, consentIds, doelbinding, { organisatie: actor.organisatie ?? null, rol: actor.rol }) : [];
      return ids.map((id): KandidaatBesluit => {
        const base = { soort: 'Kandidaat' as const, id, ...gebonden };
        const relatie = relaties.get(id);
        if (!relatie) return { ...base, categorieen: [], weigering: { reden: 'GEEN_KLANTRELATIE_OF_TOESTEMMING', melding: 'the person is not in the loket index' } };
        if (!inRegio(id)) {
          return { ...base, categorieen: [], weigering: { reden: 'REGIO', melding: 'the person lives outside the regions of your token' } };
        }
        if (volledig(id)) return { ...base, categorieen: [...binnenActiviteit(GEGEVENSCATEGORIEEN)] };
        const categorieen = binnenActiviteit([...new Set(toestemmingen.filter((t) => t.kandidaatId === id).flatMap((t) => t.categorieen))].sort());
        const melding = isKlant(id)
          ? `the file of your client is read under purpose "${DOEL_KLANTRELATIE}"; for "${doelbinding ?? 'none'}" no consent covers this`
          : `${actor.organisatie ?? actor.rol} has no client relation with this person and no consent for purpose "${doelbinding ?? 'none'}" covers this`;
        return { ...base, categorieen, weigering: { reden: 'GEEN_KLANTRELATIE_OF_TOESTEMMING', melding } };
      });
    }),
    werkgever: new DataLoader(async (kvks) => {
      const actor = need(access.actor);
      const gebonden = binding(actor);
      const rows = await db.query<{ kvk_nummer: string; regio_code: string }>('SELECT kvk_nummer, regio_code FROM werkgever WHERE kvk_nummer = ANY($1)', [kvks]);
      const regio = new Map(rows.map((r) => [r.kvk_nummer, r.regio_code]));
      return kvks.map((kvk): WerkgeverBesluit => ({ soort: 'Werkgever', id: kvk, ...gebonden, ...werkgeverToegang(actor, kvk, regio.get(kvk)) }));
    }),
  };
}

function werkgeverToegang(actor: Actor, kvk: string, regioCode: string | undefined): Pick<WerkgeverBesluit, 'toegestaan' | 'weigering'> {
  if (actor.rol === 'werkgever') {
    return actor.kvkNummer === kvk ? { toegestaan: true } : { toegestaan: false, weigering: { reden: 'EIGEN_WERKGEVER', melding: 'a werkgever sees only its own employer record' } };
  }
  if (actor.rol !== 'klantmanager' && actor.rol !== 'accountmanager') {
    return { toegestaan: false, weigering: { reden: 'ROL', melding: `employer details are not available to rol ${actor.rol}` } };
  }
  if (regioCode === undefined || !actor.regios.includes(regioCode)) {
    return { toegestaan: false, weigering: { reden: 'REGIO', melding: `the employer is located ${regioCode ? `in ${regioCode}, ` : ''}outside the regions of your token` } };
  }
  return { toegestaan: true };
}

function need(actor: Actor | undefined): Actor {
  if (!actor) throw new Error('access decisions need an authenticated actor');
  return actor;
}
