/**
 * Security schemes across adapters: where each reads its credential, the `WWW-Authenticate` challenge
 * of every refusal, scopes along a chain (403 naming them), and JWT errors as RFC 6750 says.
 */
import { describe, expect, test } from 'vitest';
import type { RequestTarget } from '../serve.js';
import { statusAndJson } from './request.js';

// A fixed HS256 token for { sub: 'contract', scope: 'read' } with no expiry, signed with CONTRACT_JWT_SECRET.
const READ_TOKEN = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjb250cmFjdCIsInNjb3BlIjoicmVhZCJ9';

export function securityCases(fetch: RequestTarget, signedToken: () => Promise<string>): void {
  describe('security schemes', () => {
    test('bearer: credentials, or 401 with WWW-Authenticate: Bearer; autoError false gives null', async () => {
      expect(await statusAndJson(fetch('/security/bearer', { headers: { authorization: 'Bearer t.o.k' } })))
        .toEqual({ status: 200, body: { scheme: 'Bearer', credentials: 't.o.k' } });
      const missing = await fetch('/security/bearer');
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toBe('Bearer');
      expect(await missing.json()).toEqual({ detail: 'Not authenticated' });
      expect(await statusAndJson(fetch('/security/maybe'))).toEqual({ status: 200, body: { signedIn: false } });
    });

    test('basic: decoded credentials, or 401 with the realm', async () => {
      const ok = { authorization: `Basic ${Buffer.from('ana:s3:cret').toString('base64')}` };
      expect(await statusAndJson(fetch('/security/basic', { headers: ok }))).toEqual({ status: 200, body: { username: 'ana', password: 's3:cret' } });
      const missing = await fetch('/security/basic');
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toBe('Basic realm="contract"');
    });

    test('API keys from a header, the query and a cookie; 401 with WWW-Authenticate: APIKey', async () => {
      const headers = { 'x-api-key': 'h1', cookie: 'other=1; session=c1' };
      expect(await statusAndJson(fetch('/security/keys?api_key=q1', { headers }))).toEqual({ status: 200, body: { h: 'h1', q: 'q1', c: 'c1' } });
      const missing = await fetch('/security/keys?api_key=q1', { headers: { 'x-api-key': 'h1' } });
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toBe('APIKey');
    });

    test('scopes: the union along the chain, 403 with WWW-Authenticate: Bearer scope="…" when one is missing', async () => {
      expect(await statusAndJson(fetch('/security/scoped', { headers: { authorization: 'Bearer write+read' } })))
        .toEqual({ status: 200, body: { scopes: ['write', 'read'] } });
      const refused = await fetch('/security/scoped', { headers: { authorization: 'Bearer read' } });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('www-authenticate')).toBe('Bearer scope="write read"');
      expect(await refused.json()).toEqual({ detail: 'Not enough permissions' });
    });

    test('JWT: a valid token passes; a bad signature is 401 error="invalid_token"', async () => {
      const token = await signedToken();
      expect(await statusAndJson(fetch('/security/jwt', { headers: { authorization: `Bearer ${token}` } })))
        .toEqual({ status: 200, body: { sub: 'contract' } });
      const forged = await fetch('/security/jwt', { headers: { authorization: `Bearer ${READ_TOKEN}.c2lnbmF0dXJl` } });
      expect(forged.status).toBe(401);
      expect(forged.headers.get('www-authenticate')).toBe('Bearer error="invalid_token", error_description="The token signature is invalid"');
    });
  });
}
