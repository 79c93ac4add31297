/**
 * The register of processing activities (verwerkingsregister, AVG art. 30) that personal-data
 * requests must name: `x-verwerking` is the activity, `x-doelbinding` the purpose it serves. A request
 * for personal data names both, and the pair must be in this register; consent (toestemming) is
 * given for one purpose. Each activity says which roles may perform it.
 */
import type { Rol } from '../../../kit/auth/actor.js';

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
];

export const VERWERKINGSACTIVITEITEN: readonly Verwerkingsactiviteit[] = [
  { id: 'klantdossier-inzien', naam: 'Inzien klantdossier', doelbinding: 're-integratie', rollen: ['klantmanager'] },
  { id: 'toestemming-beheren', naam: 'Toestemming registreren of intrekken', doelbinding: 're-integratie', rollen: ['klantmanager'] },
  { id: 'kandidaat-voorstellen', naam: 'Kandidaat voorstellen aan werkgever', doelbinding: 'bemiddeling', rollen: ['klantmanager', 'accountmanager', 'werkgever'] },
];

export function verwerkingsactiviteit(id: string): Verwerkingsactiviteit | undefined {
  return VERWERKINGSACTIVITEITEN.find((a) => a.id === id);
}
