/**
 * Small load helpers for the benchmarks and the soak script: closed-loop concurrency (N clients, each
 * sending its next request when the last one is answered) and latency percentiles. Every answer is
 * classified by HTTP status and by the `extensions.code` (and `categorie`) of its GraphQL errors, which
 * a generic load tool does not read.
 */

export interface Answer {
  ms: number;
  status: number;
  /** `code` or `code/categorie` of each GraphQL error. */
  codes: string[];
}

/** `inspect` sees each parsed JSON answer (e.g. to check it for silently missing parts). */
export async function timedPost(url: string, body: string, headers: Record<string, string>, inspect?: (json: unknown) => void): Promise<Answer> {
  const t0 = performance.now();
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const text = await response.text();
    const ms = performance.now() - t0;
    let codes: string[] = [];
    try {
      const json = JSON.parse(text) as { errors?: { extensions?: { code?: string; categorie?: string } }[] };
      inspect?.(json);
      codes = (json.errors ?? []).map((e) => [e.extensions?.code ?? 'ZONDER_CODE', e.extensions?.categorie].filter(Boolean).join('/'));
    } catch {
      codes = ['GEEN_JSON'];
    }
    return { ms, status: response.status, codes };
  } catch (error) {
    return { ms: performance.now() - t0, status: 0, codes: [`VERBINDING:${error instanceof Error ? error.name : 'fout'}`] };
  }
}

/** `total` requests from `concurrency` clients at once. */
export async function closedLoop(total: number, concurrency: number, send: () => Promise<Answer>): Promise<Answer[]> {
  const answers: Answer[] = [];
  let started = 0;
  const client = async () => {
    while (started < total) {
      started++;
      answers.push(await send());
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return answers;
}

export function summarize(answers: readonly Answer[]) {
  const times = answers.map((a) => a.ms).sort((a, b) => a - b);
  const pct = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0);
  const statuses: Record<string, number> = {};
  const errors: Record<string, number> = {};
  for (const answer of answers) {
    statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    for (const code of answer.codes) errors[code] = (errors[code] ?? 0) + 1;
  }
  return { requests: answers.length, p50Ms: pct(0.5), p95Ms: pct(0.95), p99Ms: pct(0.99), maxMs: pct(1), statuses, errors };
}
