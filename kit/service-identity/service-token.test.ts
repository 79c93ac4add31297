/**
 * Service tokens between the parts: a token proves one part to one other part, for one client request
 * and one user token, for a minute; every other use is refused with a reason.
 */
import { SignJWT, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { newDienstSleutels } from './service-keys.js';
import { dienstTokenMinter, dienstTokenVerifier, DienstIdentiteitFout, nieuwVerzoek } from './service-token.js';

const sleutels = newDienstSleutels();
const router = dienstTokenMinter(sleutels, 'router');
const uwv = dienstTokenVerifier(sleutels, 'uwv');
const USER = 'header.payload.signature-of-a-user';
const verzoek = nieuwVerzoek();

async function refused(promise: Promise<unknown>, message: RegExp): Promise<void> {
  await expect(promise).rejects.toThrow(DienstIdentiteitFout);
  await expect(promise).rejects.toThrow(message);
}

describe('service tokens', () => {
  it('prove the calling part and the client request to the part they are made for', async () => {
    expect(await uwv.verify(await router.mint('uwv', verzoek, USER), USER)).toEqual({ van: 'router', verzoek });
    expect(await uwv.verify(await router.mint('uwv', null), undefined)).toEqual({ van: 'router', verzoek: null });
  });

  it('are refused when missing, for another part, or from another deployment', async () => {
    await refused(uwv.verify(undefined, USER), /no service token \(x-dienst-token\)/);
    await refused(uwv.verify(await router.mint('gemeente', verzoek, USER), USER), /not valid here \(claim aud invalid\)/);
    const elders = dienstTokenMinter(newDienstSleutels(), 'router');
    await refused(uwv.verify(await elders.mint('uwv', verzoek, USER), USER), /not valid here \(signature\)/);
    await refused(uwv.verify('not-a-jwt', USER), /not a service token of a part of this deployment/);
  });

  it('are bound to the user token they were sent with', async () => {
    const token = await router.mint('uwv', verzoek, USER);
    await refused(uwv.verify(token, 'another.user.token'), /made for another access token/);
    await refused(uwv.verify(token, undefined), /made for another access token/);
    await refused(uwv.verify(await router.mint('uwv', verzoek), USER), /made for another access token/);
  });

  it("cannot speak for another part with a part's own key, and expire", async () => {
    const key = await importJWK(sleutels.prive.router as Parameters<typeof importJWK>[0], 'ES256');
    const now = Math.floor(Date.now() / 1000);
    const claims = (iss: string, exp: number) =>
      new SignJWT({ verzoek }).setProtectedHeader({ alg: 'ES256', kid: String(sleutels.prive.router!.kid), typ: 'een-loket-dienst+jwt' }).setIssuer(iss).setAudience('uwv').setIssuedAt(now - 300).setExpirationTime(exp).setJti('x').sign(key);
    await refused(uwv.verify(await claims('loket', now + 60), undefined), /claim iss invalid/);
    await refused(uwv.verify(await claims('router', now - 100), undefined), /expired/);
    const untyped = await new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: String(sleutels.prive.router!.kid) }).setIssuer('router').setAudience('uwv').setIssuedAt().setExpirationTime('1m').setJti('y').sign(key);
    await refused(uwv.verify(untyped, undefined), /claim typ invalid/);
  });
});
