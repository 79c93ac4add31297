/** Formats a person's name as UWV registers it: "Voornamen [voorvoegsel] Achternaam". */
import type { UwvDossierModel } from './models.js';

export function volledigeNaam(klant: Pick<UwvDossierModel, 'voornamen' | 'voorvoegsel' | 'achternaam'>): string {
  return [klant.voornamen, klant.voorvoegsel, klant.achternaam].filter((deel) => deel !== null && deel.trim() !== '').join(' ');
}
