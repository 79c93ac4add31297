/**
 * What `/ready` says about a part: a list of checks (the store answers, the subgraphs answer, the
 * partner systems were read), each required or not. A part is `ready` when all pass, `degraded` when
 * only checks that are not required fail (it serves, with gaps it names), and `not-ready` when a
 * required check fails or it is stopping — then `/ready` answers 503 (`application/problem+json`), so
 * a load balancer sends its traffic elsewhere.
 */

export interface Check {
  /** What was checked, e.g. `store` or `subgraph:uwv` or `bron:sw-am12`. */
  name: string;
  ok: boolean;
  /** Why it failed (never personal data, never a secret). */
  detail?: string;
  /** A failing required check makes the part not ready; others make it degraded. */
  required?: boolean;
}

export type ReadinessStatus = 'ready' | 'degraded' | 'not-ready';

export interface Readiness {
  status: ReadinessStatus;
  checks: Check[];
}

export function readiness(checks: Check[]): Readiness {
  const failing = checks.filter((c) => !c.ok);
  const status: ReadinessStatus = failing.some((c) => c.required) ? 'not-ready' : failing.length > 0 ? 'degraded' : 'ready';
  return { status, checks };
}

/** A check that runs `probe` and passes when it resolves within `timeoutMs`. */
export async function probe(name: string, run: () => Promise<unknown>, options: { required?: boolean; timeoutMs?: number } = {}): Promise<Check> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([run(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)))]);
    return { name, ok: true, ...(options.required && { required: true }) };
  } catch (error) {
    return { name, ok: false, detail: error instanceof Error ? error.message : String(error), ...(options.required && { required: true }) };
  } finally {
    clearTimeout(timer);
  }
}
