/**
 * The register of processing activities (verwerkingsregister, AVG art. 30) that personal-data
 * requests must name: `x-verwerking` is the activity, `x-doelbinding` the purpose it serves. A request
 * for personal data names both, and the pair must be in this register; consent (toestemming) is
 * given for one purpose. Each activity says which roles may perform it and which categories of
 * personal data (`@persoonsgegevens(categorie:)` in the SDL) it may read: a field outside them is
 * refused, whatever the actor may otherwise see.
 */
import type { Rol } from '../../../kit/auth/actor.js';

/** Every category of a candidate's personal data; the SDL's `@persoonsgegevens(categorie:)` values. */
export const GEGEVENSCATEGORIEEN = ['GEMEENTE_DOSSIER', 'UWV_DOSSIER', 'SW_DIENSTVERBAND', 'ONDERWIJS', 'TOESTEMMING'] as const;
export type Gegevenscategorie = (typeof GEGEVENSCATEGORIEEN)[number];

/** The partners' files about a person: what a client's own organisation reads, and what consent can cover. */
const DOSSIERS: readonly Gegevenscategorie[] = ['GEMEENTE_DOSSIER', 'UWV_DOSSIER', 'SW_DIENSTVERBAND', 'ONDERWIJS'];

export interface Doelbinding {
  id: string;
  omschrijving: string;
  /** The legal ground, for the audit log's readers. */
  grondslag: string;
}

export interface Verwerkingsactiviteit {
  id: string;
  naam: string;
  doelbinding: string;
  rollen: readonly Rol[];
  /** The personal-data categories this activity may read. */
  categorieen: readonly Gegevenscategorie[];
}

export const DOELBINDINGEN: readonly Doelbinding[] = [
  {
    id: 're-integratie',
    omschrijving: 'Support of a client towards work by the organisation that has the person as its client',
    grondslag: 'Participatiewet art. 7; Wet SUWI art. 30',
  },
  {
    id: 'bemiddeling',
    omschrijving: 'Proposing a candidate to an employer, with the candidate’s consent for the data shared',
    grondslag: 'AVG art. 6(1)(a) toestemming',
  },
  {
    id: 'werkgeversdienstverlening',
    omschrijving: 'Regional services to employers by the partners of the werkgeversservicepunt: one contact person, no double approach',
    grondslag: 'Wet SUWI art. 10 (regional cooperation of UWV and gemeenten, werkgeversdienstverlening)',
  },
];

export const VERWERKINGSACTIVITEITEN: readonly Verwerkingsactiviteit[] = [
  { id: 'klantdossier-inzien', naam: 'Inzien klantdossier', doelbinding: 're-integratie', rollen: ['klantmanager'], categorieen: [...DOSSIERS, 'TOESTEMMING'] },
  { id: 'toestemming-beheren', naam: 'Toestemming registreren of intrekken', doelbinding: 're-integratie', rollen: ['klantmanager'], categorieen: ['TOESTEMMING'] },
  { id: 'werkgeverscontact-registreren', naam: 'Werkgeverscontact registreren', doelbinding: 'werkgeversdienstverlening', rollen: ['accountmanager'], categorieen: [] },
  { id: 'kandidaat-voorstellen', naam: 'Kandidaat voorstellen aan werkgever', doelbinding: 'bemiddeling', rollen: ['klantmanager', 'accountmanager', 'werkgever'], categorieen: DOSSIERS },
];

export function verwerkingsactiviteit(id: string): Verwerkingsactiviteit | undefined {
  return VERWERKINGSACTIVITEITEN.find((a) => a.id === id);
}

/** Why activity `verwerking` may not read `categorie`, or undefined when it may. */
export function buitenVerwerking(verwerking: string, categorie: string): string | undefined {
  const activiteit = verwerkingsactiviteit(verwerking);
  if (!activiteit) return `x-verwerking "${verwerking}" is not in the verwerkingsregister`;
  if ((activiteit.categorieen as readonly string[]).includes(categorie)) return undefined;
  return `x-verwerking "${verwerking}" does not cover ${categorie} (it covers ${activiteit.categorieen.join(', ')})`;
}
