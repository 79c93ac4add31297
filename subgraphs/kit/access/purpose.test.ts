import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../kit/auth/actor.js';
import { readPurpose } from './purpose.js';

const klantmanager: Actor = { sub: 'km', rol: 'klantmanager', organisatie: 'UWV', regios: ['AM36'] };
const werkgever: Actor = { sub: 'wg', rol: 'werkgever', organisatie: '12345678', kvkNummer: '12345678', regios: ['AM36'] };

describe('purpose headers', () => {
  it('accept a registered activity with its own purpose', () => {
    expect(readPurpose({ 'x-doelbinding': 're-integratie', 'x-verwerking': 'klantdossier-inzien' }, klantmanager)).toEqual({
      ok: true,
      purpose: { doelbinding: 're-integratie', verwerking: 'klantdossier-inzien' },
    });
  });

  it('name the missing header', () => {
    expect(readPurpose({ 'x-verwerking': 'klantdossier-inzien' }, klantmanager)).toMatchObject({ ok: false, reason: expect.stringMatching(/x-doelbinding is missing/) });
    expect(readPurpose({}, klantmanager)).toMatchObject({ ok: false, reason: expect.stringMatching(/headers x-doelbinding and x-verwerking are missing/) });
  });

  it('refuse unknown values, a mismatched pair, and an activity the role may not perform', () => {
    expect(readPurpose({ 'x-doelbinding': 'marketing', 'x-verwerking': 'klantdossier-inzien' }, klantmanager)).toMatchObject({ ok: false, reason: expect.stringMatching(/not a known purpose/) });
    expect(readPurpose({ 'x-doelbinding': 're-integratie', 'x-verwerking': 'alles-inzien' }, klantmanager)).toMatchObject({ ok: false, reason: expect.stringMatching(/not in the verwerkingsregister/) });
    expect(readPurpose({ 'x-doelbinding': 'bemiddeling', 'x-verwerking': 'klantdossier-inzien' }, klantmanager)).toMatchObject({ ok: false, reason: expect.stringMatching(/serves purpose "re-integratie"/) });
    expect(readPurpose({ 'x-doelbinding': 're-integratie', 'x-verwerking': 'klantdossier-inzien' }, werkgever)).toMatchObject({ ok: false, reason: expect.stringMatching(/rol werkgever may not/) });
  });

  it('never echo header values unfiltered', () => {
    const result = readPurpose({ 'x-doelbinding': '<script>alert(1)</script>', 'x-verwerking': 'x' }, klantmanager);
    expect(result.ok ? '' : result.reason).not.toContain('<script>');
  });
});
