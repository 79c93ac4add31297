/**
 * Identity-first validation: a record with a readable identity is kept (with its issue when another
 * field is bad), a record without one becomes an issue only, and no issue ever carries a BSN.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isValidBsn } from './bsn.js';
import { createPseudonymizer } from './pseudonym.js';
import { field, validateIdentified, type ValidationContext } from './validate.js';

const pseudonymize = createPseudonymizer('pseudoniemsleutel-voor-de-validatietest');
const BSN = '111222333';
const ONGELDIG_BSN = '123456789';

const Identiteit = z
  .object({ klantnummer: z.string().min(1), bsn: z.string().refine(isValidBsn, 'not a valid BSN (elfproef)') })
  .transform(({ klantnummer, bsn }) => ({ klantnummer, pseudonym: pseudonymize(bsn) }));
const Klant = z.object({ klantnummer: z.string().min(1), geboortedatum: z.iso.date() });

const ctx: ValidationContext = { bron: 'GEMEENTE', bronSysteem: 'gm-test', recordSoort: 'klant', recordKey: (raw) => field(raw, 'klantnummer') };

describe('validateIdentified', () => {
  it('returns a valid record with its identity and no issue', () => {
    const read = validateIdentified(Identiteit, Klant, [{ klantnummer: 'K1', bsn: BSN, geboortedatum: '1980-01-01' }], ctx);
    expect(read).toEqual({
      rows: [{ identity: { klantnummer: 'K1', pseudonym: pseudonymize(BSN) }, record: { klantnummer: 'K1', geboortedatum: '1980-01-01' }, issue: null }],
      issues: [],
    });
  });

  it('keeps a record whose identity is readable but another field is not, with the issue naming that field', () => {
    const read = validateIdentified(Identiteit, Klant, [{ klantnummer: 'K2', bsn: BSN, geboortedatum: '1980-02-31' }], ctx);
    const issue = { bron: 'GEMEENTE', bronSysteem: 'gm-test', recordSoort: 'klant', record: 'K2', veld: 'geboortedatum', melding: expect.any(String) };
    expect(read.rows).toEqual([{ identity: { klantnummer: 'K2', pseudonym: pseudonymize(BSN) }, record: null, issue }]);
    expect(read.issues).toEqual([issue]);
  });

  it('reports a record without a readable identity as an issue only, by its key or else its position', () => {
    const raws = [{ klantnummer: 'K3', bsn: ONGELDIG_BSN, geboortedatum: '1980-01-01' }, { klantnummer: 'K4', bsn: BSN, geboortedatum: '1980-01-01' }, { bsn: BSN }, null];
    const read = validateIdentified(Identiteit, Klant, raws, ctx);
    expect(read.rows.map((row) => row.identity.klantnummer)).toEqual(['K4']);
    expect(read.issues.map((i) => [i.record, i.veld])).toEqual([
      ['K3', 'bsn'],
      ['#2', 'klantnummer'],
      ['#3', '(record)'],
    ]);
  });

  it('never puts a BSN in an issue', () => {
    const raws = [
      { klantnummer: 'K5', bsn: ONGELDIG_BSN },
      { klantnummer: 'K6', bsn: BSN, geboortedatum: 'gisteren' },
      { klantnummer: '', bsn: BSN },
    ];
    const read = validateIdentified(Identiteit, Klant, raws, ctx);
    expect(read.issues).toHaveLength(3);
    const everything = JSON.stringify(read);
    for (const bsn of [BSN, ONGELDIG_BSN]) expect(everything).not.toContain(bsn);
  });
});
