/**
 * Starting a part from its settings: every setting is read before anything listens, all problems are
 * reported at once (an operator fixes them in one go), and a part that cannot start says so in one
 * readable message per problem — no stack trace — and exits with code 1.
 */
import { SettingError } from './keys/secret-setting.js';

/** One or more settings are missing or wrong; `problems` has one line per setting. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
  constructor(readonly problems: readonly string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} settings are missing or wrong:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
}

type Loaded<T extends Record<string, () => unknown>> = { [K in keyof T]: ReturnType<T[K]> };

/**
 * Runs every loader and returns their results by name; when any fails, throws one SettingsError with
 * every problem (loaders that throw a SettingsError contribute each of theirs).
 */
export function loadSettings<T extends Record<string, () => unknown>>(loaders: T): Loaded<T> {
  const result: Partial<Loaded<T>> = {};
  const problems: string[] = [];
  for (const [name, load] of Object.entries(loaders) as [keyof T, () => unknown][]) {
    try {
      result[name] = load() as Loaded<T>[keyof T];
    } catch (error) {
      if (error instanceof SettingsError) problems.push(...error.problems);
      else problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (problems.length > 0) throw new SettingsError([...new Set(problems)]);
  return result as Loaded<T>;
}

/** What an entry started: something to stop gracefully. */
export interface Stoppable {
  stop(): Promise<void>;
}

/**
 * Runs the `main` of a process entry: on failure prints `<part> cannot start: <problem>` (a settings
 * problem without a stack trace) and sets exit code 1. On SIGTERM or SIGINT (a process supervisor, or
 * Ctrl-C) it stops what `main` started — new requests refused, in-flight ones finished within the
 * HTTP layer's grace period — and exits 0; a second signal exits at once.
 */
export async function runEntry(part: string, main: () => Promise<Stoppable | void>): Promise<void> {
  try {
    const started = await main();
    if (started) stopOnSignals(part, started);
  } catch (error) {
    const known = error instanceof SettingsError || error instanceof SettingError;
    const message = error instanceof Error ? error.message : String(error);
    console.error(`${part} cannot start: ${message}`);
    if (!known && error instanceof Error && error.stack) console.error(error.stack);
    process.exitCode = 1;
    // Whatever was started before the failure must not keep the process alive.
    setTimeout(() => process.exit(1), 100).unref();
  }
}

function stopOnSignals(part: string, started: Stoppable): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`${part}: ${signal}, stopping after the requests in flight`);
    started.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`${part}: stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
