/**
 * Maps a public id (a person's pseudonym, a vacancy id, a KvK number) to the partner's own key(s) and
 * source system(s). An adapter fills it while it reads the partner's lists, so resolving 50 entity
 * references becomes one batched lookup per source system by the partner's own keys. Partner keys
 * never leave the subgraph.
 */
export interface PartnerKey {
  /** Configured source system id, e.g. `gm-am36-a`. */
  bronSysteem: string;
  /** The partner's own record key (client number, vacancy number, KvK number). */
  sleutel: string;
}

export class KeyRegistry {
  private readonly keys = new Map<string, PartnerKey[]>();

  /** Records that `publicId` is known at `key`; adding the same pair twice is a no-op. */
  add(publicId: string, key: PartnerKey): void {
    const existing = this.keys.get(publicId);
    if (!existing) this.keys.set(publicId, [key]);
    else if (!existing.some((k) => k.bronSysteem === key.bronSysteem && k.sleutel === key.sleutel)) existing.push(key);
  }

  /** Every place the partner knows `publicId`; empty when it does not. */
  get(publicId: string): readonly PartnerKey[] {
    return this.keys.get(publicId) ?? [];
  }

  get size(): number {
    return this.keys.size;
  }
}
