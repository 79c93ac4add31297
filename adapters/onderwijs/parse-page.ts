/**
 * Parses the text of an SBB response into its `{ items, nextCursor }` envelope. A response that is
 * not that JSON document means the partner is failing, not one bad record: it becomes a
 * `PartnerUnavailableError` naming the source (never the body, which may hold personal data).
 */
import { PartnerUnavailableError } from '../kit/partner-errors.js';
import { PagePayload } from './payload-schemas.js';

export interface PageSource {
  bronSysteem: string;
  /** Path of the request, for the error message. */
  path: string;
}

export function parsePage(text: string, source: PageSource): PagePayload {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PartnerUnavailableError('ONDERWIJS', source.bronSysteem, 'ONGELDIG_ANTWOORD', { detail: `response of ${source.path} is not JSON` });
  }
  const parsed = PagePayload.safeParse(json);
  if (!parsed.success) {
    throw new PartnerUnavailableError('ONDERWIJS', source.bronSysteem, 'ONGELDIG_ANTWOORD', { detail: `response of ${source.path} is not an { items, nextCursor } page` });
  }
  return parsed.data;
}
