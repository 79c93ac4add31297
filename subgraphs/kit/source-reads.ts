/**
 * Which of a partner's source systems a partner subgraph has read: the systems whose latest read of
 * their lists failed (or that were never read), with the failure, and when each was last read
 * successfully. The subgraph's readiness, its `BronStatus.<partner>Koppeling` field and the
 * unread-system check on its fields (`unread-systems.ts`) all read it.
 */
import { asPartnerUnavailable, PartnerUnavailableError } from '../../adapters/kit/partner-errors.js';
import type { Bron } from '../../adapters/kit/vocabulary.js';
import type { Check } from '../../kit/http/readiness.js';
import type { SubgraphName } from '../../schema/subgraphs.js';

/** What `Koppelingstatus` says of one source system. */
export interface Koppelingstatus {
  gelezen: boolean;
  gelezenOp: string | null;
  fout: string | null;
}

export class SourceReads {
  readonly #unread: Map<string, PartnerUnavailableError>;
  readonly #readAt = new Map<string, Date>();

  constructor(
    readonly bron: Bron,
    readonly systemen: readonly string[],
  ) {
    // Until its first read succeeds, every system is unread.
    this.#unread = new Map(systemen.map((systeem) => [systeem, new PartnerUnavailableError(bron, systeem, 'NIET_GELEZEN', { detail: 'not read yet' })]));
  }

  /** Systems whose latest read failed, with the failure. */
  get unread(): ReadonlyMap<string, PartnerUnavailableError> {
    return this.#unread;
  }

  /** A read of `attempted` finished; `failed` are the systems it could not read. */
  record(attempted: Iterable<string>, failed: readonly PartnerUnavailableError[], at = new Date()): void {
    const byName = new Map(failed.map((error) => [error.bronSysteem, error]));
    for (const systeem of attempted) {
      const error = byName.get(systeem);
      if (error) {
        this.#unread.set(systeem, error);
      } else {
        this.#unread.delete(systeem);
        this.#readAt.set(systeem, at);
      }
    }
  }

  /** A read of `attempted` failed as a whole. */
  recordFailure(attempted: Iterable<string>, error: unknown): void {
    for (const systeem of attempted) this.#unread.set(systeem, asPartnerUnavailable(error, this.bron, systeem));
  }

  /** The status of one of this partner's systems; null for another partner's. */
  statusOf(systeem: string): Koppelingstatus | null {
    if (!this.systemen.includes(systeem)) return null;
    const error = this.#unread.get(systeem);
    return { gelezen: !error, gelezenOp: this.#readAt.get(systeem)?.toISOString() ?? null, fout: error?.message ?? null };
  }

  /** One failing readiness check per unread system (not required: the subgraph serves the others). */
  checks(): Check[] {
    return [...this.#unread].map(([systeem, error]) => ({ name: `bron:${systeem}`, ok: false, detail: error.message }));
  }
}

/** The field a partner subgraph adds to `BronStatus`, e.g. `swBedrijfKoppeling` for `sw-bedrijf`. */
export function koppelingField(name: SubgraphName): string {
  return `${name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())}Koppeling`;
}

/** Resolvers for `BronStatus.<partner>Koppeling`: the loket owns the entity, this subgraph adds the field. */
export function koppelingResolvers(name: SubgraphName, reads: SourceReads) {
  return {
    BronStatus: {
      __resolveReference: (reference: { bronSysteem: string }) => reference,
      [koppelingField(name)]: (status: { bronSysteem: string }) => reads.statusOf(status.bronSysteem),
    },
  };
}
