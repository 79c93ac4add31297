/**
 * Checks the logboek's arguments before anything is read or written. A wrong value becomes a
 * `BAD_USER_INPUT` error whose `extensions.argument` names it (`verwerkingen[2].traceId`,
 * `filter.van`, `first`); messages never repeat the value, which may be personal data.
 */
import { z } from 'zod';
import { PSEUDONIEM } from '../../adapters/kit/pseudonym.js';
import { WERKGEVER_BETROKKENE } from './client.js';
import { badInput } from '../kit/errors.js';
import type { NieuweVerwerking, VerwerkingenFilter } from './store/verwerkingen.js';
import type { QueryVerwerkingenArgs, VerwerkingInput } from './generated/resolvers-types.js';

/** Most records one `vastleggen` call takes (a page of 100 candidates is 100 records). */
export const MAX_RECORDS = 1000;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

const hex = (digits: number) =>
  z
    .string()
    .regex(new RegExp(`^[0-9a-f]{${digits}}$`), `must be ${digits} lowercase hex digits`)
    .refine((v) => !/^0+$/.test(v), 'must not be all zeros');
const traceId = hex(32);
const spanId = hex(16);

const tekst = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((v) => !/\p{Cc}/u.test(v), 'must not contain control characters');

const dateTime = z.string().refine(isDateTime, 'must be an ISO 8601 date-time with offset, e.g. 2026-11-24T09:30:00Z');

const verwerking = z
  .object({
    traceId,
    spanId,
    parentSpanId: spanId.nullish(),
    naam: tekst(200),
    startTijd: dateTime,
    eindTijd: dateTime,
    status: z.enum(['OK', 'ERROR', 'UNSET']),
    resource: tekst(200),
    verwerkingsactiviteit: tekst(200),
    doelbinding: tekst(200),
    betrokkene: z.string().refine((v) => PSEUDONIEM.test(v) || WERKGEVER_BETROKKENE.test(v), 'must be a pseudonym (a Kandidaat.id: kd_ and 22 characters) or an employer (wg_ and its 8-digit KvK number), never a BSN, a name or other text'),
    velden: z
      .array(z.string().regex(/^[A-Z][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/, 'must be a field coordinate such as Kandidaat.uwvDossier'))
      .min(1, 'must name at least one field')
      .max(200, 'must name at most 200 fields'),
    foreignOperation: z
      .object({ traceId, spanId, entity: z.string().max(500, 'must be at most 500 characters').refine((v) => URL.canParse(v), 'must be a URI') })
      .nullish(),
  })
  .superRefine((r, ctx) => {
    if (isDateTime(r.startTijd) && isDateTime(r.eindTijd) && Date.parse(r.eindTijd) < Date.parse(r.startTijd)) {
      ctx.addIssue({ code: 'custom', path: ['eindTijd'], message: 'must not be before startTijd' });
    }
  });

const verwerkingen = z.array(verwerking).max(MAX_RECORDS, `must hold at most ${MAX_RECORDS} records`);

/** The records of a `vastleggen` call, checked; throws BAD_USER_INPUT naming the first wrong field. */
export function checkVerwerkingen(input: readonly VerwerkingInput[]): NieuweVerwerking[] {
  const parsed = verwerkingen.safeParse(input);
  if (!parsed.success) throw fromIssue(parsed.error.issues[0], 'verwerkingen');
  return parsed.data.map((r) => ({
    ...r,
    parentSpanId: r.parentSpanId ?? null,
    foreignOperation: r.foreignOperation ?? null,
  }));
}

const filter = z
  .object({
    betrokkene: tekst(200).nullish(),
    actor: tekst(200).nullish(),
    organisatie: tekst(200).nullish(),
    van: dateTime.nullish(),
    tot: dateTime.nullish(),
    traceId: traceId.nullish(),
  })
  .superRefine((f, ctx) => {
    if (f.van && f.tot && isDateTime(f.van) && isDateTime(f.tot) && Date.parse(f.tot) < Date.parse(f.van)) {
      ctx.addIssue({ code: 'custom', path: ['tot'], message: 'must not be before filter.van' });
    }
  });

/** The arguments of `verwerkingen`, checked: the filter, page size (default 20, at most 100) and cursor. */
export function checkVerwerkingenArgs(args: QueryVerwerkingenArgs): VerwerkingenFilter & { first: number; after: string | null } {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, 'first');
  }
  const parsed = filter.safeParse(args.filter ?? {});
  if (!parsed.success) throw fromIssue(parsed.error.issues[0], 'filter');
  return { ...parsed.data, first, after: args.after ?? null };
}

function fromIssue(issue: z.ZodError['issues'][number] | undefined, root: string) {
  const argument = (issue?.path ?? []).reduce<string>((path, key) => (typeof key === 'number' ? `${path}[${key}]` : `${path}.${String(key)}`), root);
  return badInput(`${argument} ${issue?.message ?? 'is invalid'}`, argument);
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,9})?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** ISO 8601 date-time with seconds and an offset, on a day that exists. */
export function isDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
