/**
 * CBS reference data (Bron: CBS, CC BY 4.0): the 342 gemeenten of 2026 and the 35
 * arbeidsmarktregio's they belong to. Loaded once from the CSV next to this file.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export interface GemeenteRef {
  /** CBS gemeentecode, e.g. `GM0193`. */
  code: string;
  /** CBS spelling, e.g. `'s-Gravenhage`. */
  naam: string;
  /** Arbeidsmarktregio code, e.g. `AM36`. */
  regioCode: string;
}

export interface RegioRef {
  code: string;
  naam: string;
  /** Gemeenten of the region, ordered by name. */
  gemeenten: GemeenteRef[];
}

export interface Referentie {
  gemeenten: GemeenteRef[];
  regios: RegioRef[];
  gemeente(code: string): GemeenteRef | undefined;
  regio(code: string): RegioRef | undefined;
}

interface CsvRow {
  gemeentecode: string;
  gemeentenaam: string;
  amcode: string;
  arbeidsmarktregio: string;
}

const CSV_URL = new URL('./gemeenten_arbeidsmarktregio_2026.csv', import.meta.url);

let cached: Referentie | undefined;

/** The reference data, parsed on first use. */
export function referentie(): Referentie {
  cached ??= build(parse(readFileSync(CSV_URL, 'utf8'), { columns: true, skip_empty_lines: true }) as CsvRow[]);
  return cached;
}

function build(rows: CsvRow[]): Referentie {
  const byCode = new Map<string, GemeenteRef>();
  const regios = new Map<string, RegioRef>();
  for (const row of rows) {
    const gemeente: GemeenteRef = { code: row.gemeentecode, naam: row.gemeentenaam, regioCode: row.amcode };
    byCode.set(gemeente.code, gemeente);
    let regio = regios.get(row.amcode);
    if (!regio) {
      regio = { code: row.amcode, naam: row.arbeidsmarktregio, gemeenten: [] };
      regios.set(row.amcode, regio);
    }
    regio.gemeenten.push(gemeente);
  }
  const collator = new Intl.Collator('nl');
  const regioList = [...regios.values()].sort((a, b) => a.code.localeCompare(b.code));
  for (const regio of regioList) regio.gemeenten.sort((a, b) => collator.compare(a.naam, b.naam));
  return {
    gemeenten: [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code)),
    regios: regioList,
    gemeente: (code) => byCode.get(code),
    regio: (code) => regios.get(code),
  };
}
