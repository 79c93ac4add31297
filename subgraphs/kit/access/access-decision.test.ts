import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../kit/auth/actor.js';
import { actorBinding, boundTo, createDecisionSigner, type KandidaatBesluit } from './access-decision.js';

const KEY = 'k'.repeat(32);
const signer = createDecisionSigner({ sleutel: KEY });
const actor: Actor = { sub: 'km-1', rol: 'klantmanager', organisatie: 'GM0193', regios: ['AM36', 'AM14'] };
const doel = { doelbinding: 're-integratie', verwerking: 'klantdossier-inzien' };
const VERZOEK = 'a'.repeat(32);
const besluit: KandidaatBesluit = { soort: 'Kandidaat', id: 'kd_1', actor: actorBinding(actor), doel, verzoek: VERZOEK, categorieen: ['UWV_DOSSIER'], verloopt: Date.now() + 60_000 };

/** Every base64url character whose 6 bits differ from `c` only in the low `bits` bits. */
function sameHighBits(c: string, bits: number): string[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const value = alphabet.indexOf(c);
  return [...alphabet].filter((other, i) => other !== c && i >> bits === value >> bits);
}

describe('signed access decisions', () => {
  it('verify what was signed', () => {
    expect(signer.verify(signer.sign(besluit))).toEqual(besluit);
  });

  it('reject a decision whose content was changed, or signed with another key', () => {
    const [payload, signature] = signer.sign(besluit).split('.');
    const widened = Buffer.from(JSON.stringify({ ...besluit, categorieen: ['UWV_DOSSIER', 'GEMEENTE_DOSSIER'] })).toString('base64url');
    expect(signer.verify(`${widened}.${signature}`)).toBeUndefined();
    expect(createDecisionSigner({ sleutel: 'x'.repeat(32) }).verify(`${payload}.${signature}`)).toBeUndefined();
  });

  it('reject every other spelling of a valid signature: a changed first character, and a last character with stray low bits', () => {
    const [payload, signature] = signer.sign(besluit).split('.') as [string, string];
    const first = signature[0]!;
    expect(signer.verify(`${payload}.${first === 'A' ? 'B' : 'A'}${signature.slice(1)}`)).toBeUndefined();
    // 32 bytes are 43 base64url characters; the last carries 4 bits and 2 unused ones, so 3 other
    // characters decode to the very same bytes. None of them is accepted.
    const last = signature.at(-1)!;
    const aliases = sameHighBits(last, 2);
    expect(aliases).toHaveLength(3);
    for (const alias of aliases) {
      const other = `${payload}.${signature.slice(0, -1)}${alias}`;
      expect(Buffer.from(other.split('.')[1]!, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));
      expect(signer.verify(other)).toBeUndefined();
    }
  });

  it('reject expired decisions and anything that is not one', () => {
    expect(signer.verify(signer.sign({ ...besluit, verloopt: Date.now() - 1 }))).toBeUndefined();
    for (const garbage of [undefined, null, 42, '', 'abc', 'a.b.c', '..', 'a.b']) expect(signer.verify(garbage)).toBeUndefined();
  });

  it('refuse a short key', () => {
    expect(() => createDecisionSigner({ sleutel: 'short' })).toThrow(/at least 32/);
    expect(() => createDecisionSigner({ sleutel: KEY, extra: 'short' })).toThrow(/at least 32/);
  });

  it('rotate keys: while the extra key is configured, decisions of both keys hold; the new key signs', () => {
    const oud = createDecisionSigner({ sleutel: KEY });
    const nieuw = 'n'.repeat(40);
    const stap1 = createDecisionSigner({ sleutel: KEY, extra: nieuw }); // every part accepts the new key
    const stap2 = createDecisionSigner({ sleutel: nieuw, extra: KEY }); // parts switch to signing with it
    const stap3 = createDecisionSigner({ sleutel: nieuw }); // the old key is gone
    const vanOud = oud.sign(besluit);
    const vanNieuw = stap2.sign(besluit);
    expect([stap1, stap2].map((s) => [s.verify(vanOud), s.verify(vanNieuw)])).toEqual([
      [besluit, besluit],
      [besluit, besluit],
    ]);
    expect(oud.verify(vanNieuw)).toBeUndefined();
    expect(stap3.verify(vanOud)).toBeUndefined();
    expect(stap3.verify(vanNieuw)).toEqual(besluit);
  });
});

describe('a decision is bound to', () => {
  it('the whole actor, the purpose pair and the client request', () => {
    expect(boundTo(besluit, actor, doel, VERZOEK)).toBe(true);
    expect(boundTo(besluit, { ...actor, regios: ['AM14', 'AM36'] }, doel, VERZOEK)).toBe(true);
    const others: [string, Actor, typeof doel | null, string | null][] = [
      ['another organisation, same sub', { ...actor, organisatie: 'GM0363' }, doel, VERZOEK],
      ['another role, same sub', { ...actor, rol: 'accountmanager' }, doel, VERZOEK],
      ['other regions', { ...actor, regios: ['AM36'] }, doel, VERZOEK],
      ['a kvk claim', { ...actor, kvkNummer: '12345678' }, doel, VERZOEK],
      ['another sub', { ...actor, sub: 'km-2' }, doel, VERZOEK],
      ['another activity for the same purpose', actor, { ...doel, verwerking: 'toestemming-beheren' }, VERZOEK],
      ['no purpose', actor, null, VERZOEK],
      ['another request', actor, doel, 'b'.repeat(32)],
      ['no request', actor, doel, null],
    ];
    for (const [what, other, otherDoel, verzoek] of others) expect(boundTo(besluit, other, otherDoel, verzoek), what).toBe(false);
  });
});
