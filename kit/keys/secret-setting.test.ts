/**
 * Secrets from the environment or a file: checked, never a published key, required by name in
 * production, and outside production a development key made once for this machine.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requiredSecret, secretFromEnv, SettingError } from './secret-setting.js';

const dir = mkdtempSync(join(tmpdir(), 'secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SETTING = { name: 'TOEGANG_SLEUTEL', description: 'signs access decisions' };
const GOED = 'q'.repeat(20) + 'Z9x'.repeat(6);
const PRODUCTIE = { EEN_LOKET_OMGEVING: 'productie' };

describe('secrets', () => {
  it('come from NAME or from the file NAME_FILE, not both', () => {
    const file = join(dir, 'toegang');
    writeFileSync(file, `${GOED}\n`);
    expect(secretFromEnv(SETTING, { TOEGANG_SLEUTEL: GOED })).toBe(GOED);
    expect(secretFromEnv(SETTING, { TOEGANG_SLEUTEL_FILE: file })).toBe(GOED);
    expect(secretFromEnv(SETTING, {})).toBeUndefined();
    expect(() => secretFromEnv(SETTING, { TOEGANG_SLEUTEL: GOED, TOEGANG_SLEUTEL_FILE: file })).toThrow(/TOEGANG_SLEUTEL and TOEGANG_SLEUTEL_FILE are both set/);
    expect(() => secretFromEnv(SETTING, { TOEGANG_SLEUTEL_FILE: join(dir, 'nope') })).toThrow(/TOEGANG_SLEUTEL_FILE names ".*nope", which cannot be read \(ENOENT\)/);
  });

  it('refuse short values and the keys once published in the source, without repeating the value', () => {
    const cases: [string, RegExp][] = [
      ['kort', /TOEGANG_SLEUTEL must be at least 32 characters \(got 4\)/],
      [' '.repeat(2) + GOED, /starts or ends with white space/],
      ['een-loket-sandbox-toegangssleutel-niet-voor-productie', /published in this project's source code/],
      ['een-loket-sandbox-sleutel-niet-voor-productie', /published in this project's source code/],
    ];
    for (const [value, message] of cases) {
      for (const env of [{ TOEGANG_SLEUTEL: value }, { ...PRODUCTIE, TOEGANG_SLEUTEL: value }]) {
        let error: unknown;
        try {
          secretFromEnv(SETTING, env);
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(SettingError);
        expect((error as Error).message).toMatch(message);
        expect((error as Error).message).not.toContain(value.trim());
      }
    }
  });

  it('are required by name in production', () => {
    expect(() => requiredSecret(SETTING, PRODUCTIE)).toThrow(/^TOEGANG_SLEUTEL \(or TOEGANG_SLEUTEL_FILE\) is required in production: signs access decisions$/);
    expect(() => requiredSecret(SETTING, { NODE_ENV: 'production' })).toThrow(/required in production/);
    expect(requiredSecret(SETTING, { ...PRODUCTIE, TOEGANG_SLEUTEL: GOED })).toBe(GOED);
  });

  it('outside production default to a random development key made once per machine', () => {
    const env = { DEV_SLEUTELS_DIR: join(dir, 'dev') };
    const first = requiredSecret(SETTING, env);
    expect(first).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(requiredSecret(SETTING, env)).toBe(first);
    expect(requiredSecret({ ...SETTING, name: 'PSEUDONIEM_SLEUTEL' }, env)).not.toBe(first);
    expect(requiredSecret(SETTING, { DEV_SLEUTELS_DIR: join(dir, 'ander') })).not.toBe(first);
  });
});
