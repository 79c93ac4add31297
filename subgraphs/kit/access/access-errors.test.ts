import { describe, expect, it } from 'vitest';
import { AuthenticationError, KeysUnavailableError } from '../../../kit/auth/token-verifier.js';
import { unauthenticated } from './access-errors.js';

describe('authentication failures in a subgraph', () => {
  it('are 401 UNAUTHENTICATED for a bad or missing token', () => {
    for (const cause of [undefined, new AuthenticationError('expired', 'Token expired')]) {
      expect(unauthenticated(cause).extensions).toMatchObject({ code: 'UNAUTHENTICATED', http: { status: 401 } });
    }
  });

  it("are 503 AUTHENTICATION_UNAVAILABLE when the issuer's keys cannot be fetched", () => {
    expect(unauthenticated(new KeysUnavailableError('JWKS at https://idp.example/jwks did not answer')).extensions).toMatchObject({ code: 'AUTHENTICATION_UNAVAILABLE', http: { status: 503 } });
  });
});
