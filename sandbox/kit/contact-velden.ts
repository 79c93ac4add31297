/**
 * The checks every sandbox partner applies to a delivered contact moment, whatever its format: a real
 * partner refuses a contact it cannot file. Each partner names the fields its own way; these are the
 * building blocks of its zod schema, plus reading a JSON partner's request (key header and body) and
 * its 400 problem+json. Messages say what is wrong, never quote the value.
 */
import { z } from 'zod';
import { datumDDMMJJJJ, datumISO, datumJJJJMMDD } from '../../adapters/kit/dates.js';
import type { SandboxRequest, SandboxResponse } from './partner-server.js';

const tekst = z.string({ error: (issue) => (issue.input === undefined ? 'ontbreekt' : 'is geen tekst') });

/** The idempotency key, kept exactly as sent: what makes a repeated delivery recognisable. */
export const sleutelVeld = tekst.regex(/\S/, 'is leeg').max(200, 'is langer dan 200 tekens');
export const kvkVeld = tekst.regex(/^\d{8}$/, 'is geen KvK-nummer van 8 cijfers');
export const gemeentecodeVeld = tekst.regex(/^GM\d{4}$/, 'is geen CBS-gemeentecode (GMxxxx)');
export const regioVeld = tekst.regex(/^AM\d{2}$/, 'is geen arbeidsmarktregio (AMxx)');

/** Free text of at most `max` characters, not empty. */
export function tekstVeld(max: number) {
  return tekst.trim().min(1, 'is leeg').max(max, `is langer dan ${max} tekens`);
}

const DATUM_FORMATEN = { JJJJMMDD: datumJJJJMMDD, 'JJJJ-MM-DD': datumISO, 'dd-mm-jjjj': datumDDMMJJJJ } as const;

/** A date that exists, in the partner's format; kept as the partner wrote it. */
export function datumVeld(formaat: keyof typeof DATUM_FORMATEN) {
  return tekst.refine((value) => DATUM_FORMATEN[formaat].safeParse(value).success, `is geen bestaande datum (${formaat})`);
}

/** One of the partner's codes. */
export function codeVeld<const T extends readonly [string, ...string[]]>(codes: T) {
  return z.enum(codes, { error: (issue) => (issue.input === undefined ? 'ontbreekt' : `is geen van ${codes.join(', ')}`) });
}

export interface VeldFout {
  /** The field in the partner's own name (a dotted path for nested fields). */
  veld: string;
  melding: string;
}

/** The key from the `Idempotency-Key` header and the JSON body checked with `schema`, or the first thing wrong. */
export function leesJsonContact<S extends z.ZodType>(request: SandboxRequest, schema: S): { sleutel: string; body: z.output<S> } | VeldFout {
  const sleutel = sleutelVeld.safeParse(request.headers['idempotency-key']);
  if (!sleutel.success) return { veld: 'Idempotency-Key', melding: eersteVeldFout(sleutel.error).melding };
  let json: unknown;
  try {
    json = JSON.parse(request.body);
  } catch {
    return { veld: '(body)', melding: 'is geen JSON' };
  }
  const body = schema.safeParse(json);
  return body.success ? { sleutel: sleutel.data, body: body.data } : eersteVeldFout(body.error);
}

/** A 400 problem+json (NL API Design Rules) for a refused contact, the field in `invalidParams`. */
export function ongeldigVerzoek(fout: VeldFout): SandboxResponse {
  const detail = `${fout.veld} ${fout.melding}`;
  return {
    status: 400,
    contentType: 'application/problem+json',
    body: JSON.stringify({ type: 'about:blank', title: 'Ongeldig verzoek', status: 400, detail, invalidParams: [{ name: fout.veld, code: 'invalid', reason: fout.melding }] }),
  };
}

/** The first thing wrong with a refused contact. */
export function eersteVeldFout(error: z.ZodError): VeldFout {
  const issue = error.issues[0];
  return { veld: issue?.path.map(String).join('.') || '(bericht)', melding: issue?.message ?? 'is ongeldig' };
}
