// FastAPI's security tutorial, over a real socket: password form → JWT → current user → scopes.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openApiDocument, signJwt } from '@decorumjs/decorum';
import { SECRET_KEY } from '../src/auth.js';
import { app } from '../src/main.js';

let url = '';
beforeAll(async () => {
  url = (await app.listen(0, '127.0.0.1')).url;
});
afterAll(() => app.close());

async function call(path: string, init?: RequestInit): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(url + path, init);
  return { status: res.status, body: await res.json(), headers: res.headers };
}
const login = (fields: Record<string, string>) => call('/token', { method: 'POST', body: new URLSearchParams(fields) });
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

async function tokenFor(username: string, password: string, scope = ''): Promise<string> {
  const res = await login({ username, password, scope });
  expect(res.status).toBe(200);
  return (res.body as { access_token: string }).access_token;
}

describe('POST /token', () => {
  test('answers a bearer JWT carrying the user and the granted scopes, expiring in 30 minutes', async () => {
    const res = await login({ grant_type: 'password', username: 'johndoe', password: 'secret', scope: 'me items admin' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ access_token: expect.any(String), token_type: 'bearer' });
    const [, payload] = (res.body as { access_token: string }).access_token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as { sub: string; scope: string; exp: number; iat: number };
    // `admin` was asked for, but johndoe may not have it.
    expect(claims).toMatchObject({ sub: 'johndoe', scope: 'me items' });
    expect(claims.exp - claims.iat).toBe(30 * 60);
  });

  test('a wrong password or an unknown user is 400 "Incorrect username or password"', async () => {
    for (const fields of [{ username: 'johndoe', password: 'wrong' }, { username: 'nobody', password: 'secret' }]) {
      const res = await login(fields);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ detail: 'Incorrect username or password' });
    }
  });

  test('a missing username is a 422 at ["body","username"]', async () => {
    const res = await login({ password: 'secret' });
    expect(res.status).toBe(422);
    expect((res.body as { detail: Array<{ loc: unknown[] }> }).detail.map((d) => d.loc)).toEqual([['body', 'username']]);
  });
});

describe('GET /users/me and /users/me/items', () => {
  test('the token gives the current user, without the password hash', async () => {
    const token = await tokenFor('johndoe', 'secret');
    const res = await call('/users/me', bearer(token));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ username: 'johndoe', full_name: 'John Doe', email: 'johndoe@example.com', disabled: false });
  });

  test('no token is 401 with WWW-Authenticate: Bearer', async () => {
    for (const path of ['/users/me', '/users/me/items']) {
      const res = await call(path);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ detail: 'Not authenticated' });
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  test('items need the items scope: 403 with WWW-Authenticate: Bearer scope="items" without it, 200 with it', async () => {
    const without = await call('/users/me/items', bearer(await tokenFor('johndoe', 'secret', 'me')));
    expect(without.status).toBe(403);
    expect(without.body).toEqual({ detail: 'Not enough permissions' });
    expect(without.headers.get('www-authenticate')).toBe('Bearer scope="items"');
    const granted = await call('/users/me/items', bearer(await tokenFor('johndoe', 'secret', 'me items')));
    expect(granted.status).toBe(200);
    expect(granted.body).toEqual([{ item_id: 'Foo', owner: 'johndoe' }]);
  });

  test('an expired, forged or ownerless token is 401 invalid_token', async () => {
    const expired = await signJwt({ sub: 'johndoe', scope: 'me items' }, SECRET_KEY, { expiresIn: -60 });
    const forged = await signJwt({ sub: 'johndoe', scope: 'me items' }, 'someone-elses-secret-of-32-bytes!!', { expiresIn: 60 });
    for (const token of [expired, forged, 'not-a-jwt']) {
      const res = await call('/users/me', bearer(token));
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    }
    const ghost = await signJwt({ sub: 'ghost' }, SECRET_KEY, { expiresIn: 60 });
    const res = await call('/users/me', bearer(ghost));
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ detail: 'Could not validate credentials' });
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  test('a disabled user is 400 "Inactive user"', async () => {
    const res = await call('/users/me', bearer(await tokenFor('alice', 'secret2', 'me')));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ detail: 'Inactive user' });
  });
});

test('GET /status needs no authentication', async () => {
  expect(await call('/status')).toMatchObject({ status: 200, body: { status: 'ok' } });
});

test('the document declares the password flow with tokenUrl "token" and its scopes, per operation', () => {
  const doc = openApiDocument(app) as {
    components: { securitySchemes: Record<string, unknown> };
    paths: Record<string, Record<string, { security?: unknown }>>;
  };
  expect(doc.components.securitySchemes).toEqual({
    OAuth2PasswordBearer: {
      type: 'oauth2',
      flows: { password: { tokenUrl: 'token', scopes: { me: 'Read information about the current user.', items: 'Read items.' } } },
    },
  });
  expect(doc.paths['/users/me/items']!.get!.security).toEqual([{ OAuth2PasswordBearer: ['items'] }]);
  expect(doc.paths['/users/me']!.get!.security).toEqual([{ OAuth2PasswordBearer: [] }]);
  expect(doc.paths['/status']!.get!.security).toBeUndefined();
});
