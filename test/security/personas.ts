/**
 * The people of the access tests, chosen from a generated world: one actor per role working in AM36
 * (plus a klantmanager of another region), and the candidates and employers they look at.
 */
import type { Pseudonymize } from '../../adapters/kit/pseudonym.js';
import type { DevTokenClaims } from '../../kit/auth/dev-issuer.js';
import type { Persoon, Werkgever, World } from '../../sandbox/generator/world-types.js';

export const REGIO = 'AM36';

export interface Cast {
  /** Known to UWV and to a gemeente, both records well-formed. */
  gedeeld: Persoon & { id: string };
  /** A gemeente client unknown to UWV. */
  gemeenteKlant: Persoon & { id: string };
  /** An employer UWV knows, and another one. */
  werkgever: Werkgever;
  andereWerkgever: Werkgever;
  actors: Record<'klantmanagerUwv' | 'klantmanagerGemeente' | 'klantmanagerElders' | 'accountmanager' | 'werkgever' | 'analist' | 'beheerder', DevTokenClaims>;
}

/** The cast of a stack's world; ids with the stack's own pseudonym key. */
export function cast({ world, pseudonymize }: { world: World; pseudonymize: Pseudonymize }, suffix = ''): Cast {
  const inRegio = world.personen.filter((p) => p.regioCode === REGIO);
  const gedeeld = pick(inRegio.filter((p) => p.uwv && !p.uwv.corrupt && p.gemeente && !p.gemeente.corrupt && !p.sw?.corrupt && !p.onderwijs?.corrupt), 'person known to UWV and gemeente');
  const gemeenteKlant = pick(inRegio.filter((p) => !p.uwv && p.gemeente && !p.gemeente.corrupt && !p.sw?.corrupt && !p.onderwijs?.corrupt), 'gemeente client unknown to UWV');
  const werkgevers = world.werkgevers.filter((w) => w.regioCode === REGIO && w.uwv);
  const werkgever = pick(werkgevers, 'employer known to UWV');
  const andereWerkgever = pick(werkgevers.slice(1), 'second employer known to UWV');
  const sub = (name: string) => `${name}${suffix}`;
  return {
    gedeeld: { ...gedeeld, id: pseudonymize(gedeeld.bsn) },
    gemeenteKlant: { ...gemeenteKlant, id: pseudonymize(gemeenteKlant.bsn) },
    werkgever,
    andereWerkgever,
    actors: {
      klantmanagerUwv: { sub: sub('km-uwv'), rol: 'klantmanager', organisatie: 'UWV', regios: [REGIO] },
      klantmanagerGemeente: { sub: sub('km-gemeente'), rol: 'klantmanager', organisatie: gemeenteKlant.gemeenteCode, regios: [REGIO] },
      klantmanagerElders: { sub: sub('km-elders'), rol: 'klantmanager', organisatie: 'UWV', regios: ['AM01'] },
      accountmanager: { sub: sub('am-wsp'), rol: 'accountmanager', organisatie: `WSP-${REGIO}`, regios: [REGIO] },
      werkgever: { sub: sub('wg'), rol: 'werkgever', kvk: werkgever.kvkNummer, regios: [REGIO] },
      analist: { sub: sub('analist'), rol: 'analist', organisatie: 'CBS-ANALYSE', regios: [REGIO] },
      beheerder: { sub: sub('beheerder'), rol: 'beheerder' },
    },
  };
}

function pick<T>(items: T[], what: string): T {
  const [item] = items;
  if (item === undefined) throw new Error(`the test world has no ${what}`);
  return item;
}
