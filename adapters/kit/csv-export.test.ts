import { describe, expect, it } from 'vitest';
import { parseCsvExport } from './csv-export.js';
import { PartnerUnavailableError } from './partner-errors.js';

const FILE = { bron: 'SW_BEDRIJF', bronSysteem: 'sw-am36', bestand: 'werkgevers.csv', sleutelkolom: 'kvk_nummer' } as const;

function failure(text: string): PartnerUnavailableError {
  try {
    parseCsvExport(text, FILE);
  } catch (error) {
    if (error instanceof PartnerUnavailableError) return error;
    throw error;
  }
  throw new Error('parsed');
}

describe('CSV exports', () => {
  it('read one record per row by column name, BOM and short rows included', () => {
    expect(parseCsvExport('\uFEFFkvk_nummer;naam\n12345678;Bakkerij\n87654321\n', FILE)).toEqual([{ kvk_nummer: '12345678', naam: 'Bakkerij' }, { kvk_nummer: '87654321' }]);
  });

  it('read an export with a header and no rows as empty', () => {
    expect(parseCsvExport('kvk_nummer;naam\n', FILE)).toEqual([]);
  });

  it.each([
    ['bytes in no format', '\u0000\u00ff<<not a partner answer', 'no column kvk_nummer in the header'],
    ['an HTML error page', '<html><body>502 Bad Gateway</body></html>', 'no column kvk_nummer in the header'],
    ['another export', 'personeelsnummer;bsn\n1;2\n', 'no column kvk_nummer in the header'],
    ['an empty body', '', 'no header row'],
    ['an unclosed quote', 'kvk_nummer;naam\n12345678;"Bakkerij\n', 'CSV_QUOTE_NOT_CLOSED at line 2'],
  ])('refuse %s as unreadable, naming the file and never its content', (_, text, what) => {
    const error = failure(text);
    expect(error).toMatchObject({ bron: 'SW_BEDRIJF', bronSysteem: 'sw-am36', categorie: 'ONGELDIG_ANTWOORD', retryable: false, detail: `werkgevers.csv is not a readable CSV export (${what})` });
    expect(error.message).toBe('SW_BEDRIJF (sw-am36): the partner system sent an answer that cannot be read');
  });
});
