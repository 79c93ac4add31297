/**
 * Reading the SW-bedrijven's CSV files: the Excel quirks (BOM, quoted `;`, decimal comma, `ja`/`nee`,
 * date-times), rows that are short or malformed, and files that are not CSV at all.
 */
import { describe, expect, it } from 'vitest';
import { PartnerUnavailableError } from '../kit/partner-errors.js';
import { readInstrumenten, readMedewerkers, readWerkgevers } from './read-exports.js';
import { BSN, INSTRUMENTEN_AM36, MEDEWERKERS_AM36, TEST_BRONNEN, WERKGEVERS_AM36, pseudonymize } from './test-exports.js';

const am36 = TEST_BRONNEN.swBedrijf.find((b) => b.id === 'sw-am36');
if (!am36) throw new Error('sw-am36 missing from the configuration');

describe('reading SW-bedrijf exports', () => {
  it('reads an employee row without keeping BSN or names', () => {
    const { rows } = readMedewerkers(MEDEWERKERS_AM36, am36, pseudonymize);
    expect(rows[0]).toEqual({
      identity: { personeelsnummer: 'P0000001', id: pseudonymize(BSN.berg) },
      rij: {
        personeelsnummer: 'P0000001',
        geboortedatum: '1965-03-14',
        gemeentecode: 'GM0193',
        dienstverband: 'WSW',
        in_dienst_sinds: '2004-09-01',
        werkfit: true,
        uren_per_week: 32,
        gedetacheerd_bij_kvk: '12345678',
        laatst_gewijzigd: '2026-10-15T09:30:00.000Z',
      },
      issue: null,
    });
  });

  it('keeps a malformed row known by its identity, with the issue', () => {
    const { rows, issues } = readMedewerkers(MEDEWERKERS_AM36, am36, pseudonymize);
    expect(rows[2]).toMatchObject({ identity: { personeelsnummer: 'P0000003', id: pseudonymize(BSN.vries) }, rij: null, issue: { veld: 'in_dienst_sinds' } });
    expect(issues).toHaveLength(1);
  });

  it('reports a short row by its missing field and the line number when it has no key', () => {
    const kort = MEDEWERKERS_AM36 + `P0000004;${BSN.bakker};E.;;Bakker;05-05-1970;GM0014\r\n;;;;;;;;;;;;\r\n`;
    const { rows, issues } = readMedewerkers(kort, am36, pseudonymize);
    expect(rows.map((r) => r.identity.personeelsnummer)).toEqual(['P0000001', 'P0000002', 'P0000003', 'P0000004']);
    expect(issues.map((i) => [i.record, i.veld])).toEqual([
      ['P0000003', 'in_dienst_sinds'],
      ['P0000004', 'dienstverband'],
      ['regel 6', 'personeelsnummer'],
    ]);
  });

  it('accepts Excel variants: no BOM, `Ja`, date-time without seconds, thousands separator', () => {
    const variant = 'kvk_nummer;naam;gemeentecode;aantal_gedetacheerden;uren_per_week_totaal;laatst_gewijzigd\n12345678;Groot Bedrijf;GM0193;40;1.280,0;15-10-2026 09:30\n';
    expect(readWerkgevers(variant, am36).rows[0]?.rij).toMatchObject({ uren_per_week_totaal: 1280, laatst_gewijzigd: '2026-10-15T09:30:00.000Z' });
    const ja = MEDEWERKERS_AM36.replace(';ja;', ';Ja;');
    expect(readMedewerkers(ja, am36, pseudonymize).rows[0]?.rij?.werkfit).toBe(true);
  });

  it('rejects an impossible date-time and a kind of instrument it does not know', () => {
    expect(readWerkgevers(WERKGEVERS_AM36, am36).issues).toEqual([expect.objectContaining({ record: '34567890', veld: 'laatst_gewijzigd' })]);
    const onbekend = readInstrumenten(INSTRUMENTEN_AM36.replace(';detachering;', ';uitzenden;'), am36);
    expect(onbekend.issues).toEqual([expect.objectContaining({ record: 'sw-am36-DET', veld: 'soort' })]);
    expect(onbekend.records.map((r) => r.instrument_id)).toEqual(['sw-am36-DIAG']);
  });

  it('treats a file that is not CSV as an unavailable export, without quoting its content', () => {
    const kapot = MEDEWERKERS_AM36 + `"P0000009;${BSN.bakker};E."x;;\r\n`;
    let error: unknown;
    try {
      readMedewerkers(kapot, am36, pseudonymize);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PartnerUnavailableError);
    expect(error).toMatchObject({ bron: 'SW_BEDRIJF', bronSysteem: 'sw-am36' });
    expect(String(error)).not.toContain(BSN.bakker);
  });
});
