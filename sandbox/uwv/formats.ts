/**
 * How UWV writes values: dates `YYYYMMDD`, timestamps `YYYYMMDDhhmmss` (UTC), indications `J`/`N`,
 * gemeentecodes as the four CBS digits without `GM`. Corrupt slices get an impossible date that is
 * still well-formed XML, so only that record fails validation.
 */

/** A date that cannot exist (month 13, day 45): what a corrupt slice carries in its date element. */
export const ONMOGELIJKE_DATUM = '20251345';
/** The timestamp counterpart, for records whose only date is `DatTijdWijziging`. */
export const ONMOGELIJK_TIJDSTIP = '20251345256161';

/** `2026-11-24` → `20261124`. */
export function datum(iso: string): string {
  return iso.slice(0, 10).replace(/-/g, '');
}

/** `2026-11-24T09:30:00.000Z` → `20261124093000` (UTC). */
export function tijdstip(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19).replace(/[-T:]/g, '');
}

export function indicatie(value: boolean): 'J' | 'N' {
  return value ? 'J' : 'N';
}

/** `GM0193` → `0193`. */
export function gemeentecode(cbsCode: string): string {
  return cbsCode.replace(/^GM/, '');
}
