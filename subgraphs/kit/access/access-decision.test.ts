import { describe, expect, it } from 'vitest';
import { createDecisionSigner, type KandidaatBesluit } from './access-decision.js';

const signer = createDecisionSigner('k'.repeat(32));
const besluit: KandidaatBesluit = { soort: 'Kandidaat', id: 'kd_1', actor: 'km-1', doelbinding: 're-integratie', categorieen: ['UWV_DOSSIER'], verloopt: Date.now() + 60_000 };

describe('signed access decisions', () => {
  it('verify what was signed', () => {
    expect(signer.verify(signer.sign(besluit))).toEqual(besluit);
  });

  it('reject a decision whose content was changed, or signed with another key', () => {
    const [payload, signature] = signer.sign(besluit).split('.');
    const widened = Buffer.from(JSON.stringify({ ...besluit, categorieen: ['UWV_DOSSIER', 'GEMEENTE_DOSSIER'] })).toString('base64url');
    expect(signer.verify(`${widened}.${signature}`)).toBeUndefined();
    expect(createDecisionSigner('x'.repeat(32)).verify(`${payload}.${signature}`)).toBeUndefined();
  });

  it('reject expired decisions and anything that is not one', () => {
    expect(signer.verify(signer.sign({ ...besluit, verloopt: Date.now() - 1 }))).toBeUndefined();
    for (const garbage of [undefined, null, 42, '', 'abc', 'a.b.c', '..']) expect(signer.verify(garbage)).toBeUndefined();
  });

  it('refuse a short key', () => {
    expect(() => createDecisionSigner('short')).toThrow(/at least 32/);
  });
});
