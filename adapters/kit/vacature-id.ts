/**
 * The public id of a vacancy. The same vacancy often reaches several partners (werk.nl and the WSP);
 * every adapter derives the id from the employer's KvK number, the normalised title and the postcode,
 * so copies of one vacancy get one id and the loket index merges them.
 */
import { createHash } from 'node:crypto';

export function normaliseTitel(titel: string): string {
  return titel
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\(m\/v(\/x)?\)|m\/v|v\/m/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function vacatureId(kvkNummer: string, titel: string, postcode: string): string {
  const basis = `${kvkNummer}|${normaliseTitel(titel)}|${postcode.replace(/\s+/g, '').toUpperCase()}`;
  return 'vac_' + createHash('sha256').update(basis).digest('base64url').slice(0, 16);
}
