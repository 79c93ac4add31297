/**
 * Parses a gemeente system's JSON response into its envelope `{ data, pagina }`. A body that is not
 * that envelope makes the whole response unusable: a `PartnerUnavailableError` for the system.
 */
import { PartnerUnavailableError } from '../kit/partner-errors.js';
import { JsonPagina } from './payload-schemas.js';

export function parseJsonPagina(text: string, bronSysteem: string): JsonPagina {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new PartnerUnavailableError('GEMEENTE', bronSysteem, 'ONGELDIG_ANTWOORD', { detail: 'response is not JSON' });
  }
  const parsed = JsonPagina.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PartnerUnavailableError('GEMEENTE', bronSysteem, 'ONGELDIG_ANTWOORD', { detail: `unexpected response shape at ${issue?.path.join('.') || '(body)'}` });
  }
  return parsed.data;
}
