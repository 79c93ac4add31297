/**
 * Purpose binding (doelbinding): a request for personal data says why, in two headers —
 * `x-doelbinding` (the purpose) and `x-verwerking` (the processing activity of the verwerkingsregister
 * serving that purpose). Read once per request; a field with personal data is refused with the reason
 * when they are missing, unknown, inconsistent, or name an activity the actor's role may not perform.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Actor } from '../../../kit/auth/actor.js';
import { DOELBINDINGEN, verwerkingsactiviteit } from './verwerkingsregister.js';

export interface Purpose {
  doelbinding: string;
  verwerking: string;
}

/** The purpose of a request, or why it has none that allows personal data. */
export type PurposeResult = { ok: true; purpose: Purpose } | { ok: false; reason: string };

export function readPurpose(headers: IncomingHttpHeaders, actor: Actor | undefined): PurposeResult {
  const doelbinding = single(headers['x-doelbinding']);
  const verwerking = single(headers['x-verwerking']);
  if (!doelbinding || !verwerking) {
    const missing = [!doelbinding && 'x-doelbinding', !verwerking && 'x-verwerking'].filter(Boolean);
    const what = missing.length === 2 ? 'headers x-doelbinding and x-verwerking are' : `header ${missing[0]} is`;
    return { ok: false, reason: `personal data needs a purpose: ${what} missing (see README, "Access", purpose headers)` };
  }
  if (!DOELBINDINGEN.some((d) => d.id === doelbinding)) {
    return { ok: false, reason: `x-doelbinding "${clip(doelbinding)}" is not a known purpose (${DOELBINDINGEN.map((d) => d.id).join(', ')})` };
  }
  const activiteit = verwerkingsactiviteit(verwerking);
  if (!activiteit) return { ok: false, reason: `x-verwerking "${clip(verwerking)}" is not in the verwerkingsregister` };
  if (activiteit.doelbinding !== doelbinding) {
    return { ok: false, reason: `x-verwerking "${verwerking}" serves purpose "${activiteit.doelbinding}", not x-doelbinding "${doelbinding}"` };
  }
  if (actor && !activiteit.rollen.includes(actor.rol)) {
    return { ok: false, reason: `rol ${actor.rol} may not perform verwerking "${verwerking}"` };
  }
  return { ok: true, purpose: { doelbinding, verwerking } };
}

function single(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.trim() || undefined;
}

/** Header values are echoed in errors only clipped and stripped to safe characters. */
function clip(value: string): string {
  return value.replace(/[^\w.:-]/g, '?').slice(0, 60);
}
