import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import {
  Controller, Get, Security, jwtBearer, oauth2PasswordBearer, openApiDocument, remoteJwks, signJwt, verifyJwt,
  createApp, SecurityError, type JwtPayload,
} from '@decorumjs/decorum';
import { quiet, serve } from './serve.js';

const SECRET = 'a-32-byte-secret-for-hs256-tests!';
const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { 'items:read': 'Read items', 'items:write': 'Write items' } });
const claims = jwtBearer({ scheme: oauth2, key: SECRET, issuer: 'https://auth.test', audience: 'inventory', leeway: 30 });

@Controller('items')
class Items {
  @Get() list(@Security(claims, { scopes: ['items:read'] }) token: JwtPayload) { return { sub: token.sub }; }
  @Get('write') write(@Security(claims, { scopes: ['items:write'] }) token: JwtPayload) { return { sub: token.sub }; }
}

const token = (extra: Parameters<typeof signJwt>[2] = {}, scope = 'items:read') =>
  signJwt({ scope }, SECRET, { subject: 'alice', issuer: 'https://auth.test', audience: 'inventory', expiresIn: '5m', ...extra });
const bearer = async (value: string | Promise<string>) => ({ headers: { authorization: `Bearer ${await value}` } });

describe('jwtBearer over HTTP', () => {
  test('a valid token passes; its scope claim is checked against the route', async () => {
    const { json } = await serve({ controllers: [Items] });
    expect(await json('/items', await bearer(token()))).toMatchObject({ status: 200, body: { sub: 'alice' } });
    const refused = await json('/items/write', await bearer(token()));
    expect(refused).toMatchObject({ status: 403, body: { detail: 'Not enough permissions' } });
    expect(refused.headers.get('www-authenticate')).toBe('Bearer scope="items:write"');
    expect((await json('/items/write', await bearer(token({}, 'items:read items:write')))).status).toBe(200);
  });

  test('expiry, not-before, signature, issuer, audience and garbage are 401 invalid_token', async () => {
    const { json } = await serve({ controllers: [Items] });
    const cases: Array<[string, string | Promise<string>]> = [
      ['The token has expired', token({ expiresIn: -60 })],
      ['The nbf claim is invalid', token({ notBefore: 120 })],
      ['The token signature is invalid', signJwt({ scope: 'items:read' }, 'another-secret-of-enough-length!!', { issuer: 'https://auth.test', audience: 'inventory' })],
      ['The iss claim is invalid', token({ issuer: 'https://evil.test' })],
      ['The aud claim is invalid', token({ audience: 'billing' })],
      ['The token is malformed', 'not.a.jwt'],
    ];
    for (const [description, value] of cases) {
      const refused = await json('/items', await bearer(value));
      expect(refused, description).toMatchObject({ status: 401, body: { detail: 'Could not validate credentials' } });
      expect(refused.headers.get('www-authenticate')).toBe(`Bearer error="invalid_token", error_description="${description}"`);
    }
  });

  test('leeway accepts a token that expired within it', async () => {
    const { json } = await serve({ controllers: [Items] });
    expect((await json('/items', await bearer(token({ expiresIn: -10 })))).status).toBe(200);
  });

  test('the operation documents the scheme with the route’s scopes', () => {
    const doc = openApiDocument(createApp({ ...quiet, controllers: [Items] }));
    expect(doc.paths?.['/items']?.get?.security).toEqual([{ OAuth2PasswordBearer: ['items:read'] }]);
    expect(doc.paths?.['/items/write']?.get?.security).toEqual([{ OAuth2PasswordBearer: ['items:write'] }]);
  });
});

describe('signJwt and verifyJwt', () => {
  test('a private key without an algorithm is refused, saying which to name', async () => {
    const error = await signJwt({ sub: 'r' }, generateKeyPairSync('ed25519').privateKey).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(SecurityError);
    expect((error as SecurityError).code).toBe('DECORUM_ERR_JWT_OPTIONS');
    expect((error as SecurityError).fix).toBe("Name the key's algorithm: signJwt(claims, privateKey, { algorithm: 'RS256' }) (or ES256, EdDSA, …).");
  });

  test('RS256 and EdDSA with key pairs; a public key of the wrong kind is refused', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const ed = generateKeyPairSync('ed25519');
    const rs = await signJwt({ sub: 'r' }, rsa.privateKey, { algorithm: 'RS256', expiresIn: 60 });
    const eddsa = await signJwt({ sub: 'e' }, ed.privateKey, { algorithm: 'EdDSA', expiresIn: 60 });
    expect(await verifyJwt(rs, rsa.publicKey, { algorithms: ['RS256'] })).toMatchObject({ sub: 'r' });
    expect(await verifyJwt(eddsa, ed.publicKey, { algorithms: ['EdDSA'] })).toMatchObject({ sub: 'e' });
    await expect(verifyJwt(eddsa, rsa.publicKey)).rejects.toMatchObject({ status: 401 });
    // alg confusion: an HS256 token signed with the RSA public key's bytes never verifies against that key.
    const forged = await signJwt({ sub: 'x' }, rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(), { algorithm: 'HS256' });
    await expect(verifyJwt(forged, rsa.publicKey)).rejects.toMatchObject({ status: 401 });
  });
});

describe('remoteJwks', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  });

  async function jwksServer(keys: Array<{ kid: string; publicKey: KeyObject }>) {
    let fetches = 0;
    const server = createServer((_req, res) => {
      fetches++;
      const jwks = { keys: keys.map(({ kid, publicKey }) => ({ ...publicKey.export({ format: 'jwk' }), kid, alg: 'EdDSA', use: 'sig' })) };
      res.writeHead(200, { 'content-type': 'application/jwk-set+json' }).end(JSON.stringify(jwks));
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`, fetches: () => fetches, server };
  }

  test('keys are fetched once and cached; a new kid refetches after the cooldown; an unknown one is 401', async () => {
    const first = { kid: 'k1', ...generateKeyPairSync('ed25519') };
    const keys = [first];
    const jwks = await jwksServer(keys);
    const getKey = remoteJwks(jwks.url, { cooldown: 0 });
    const sign = (key: typeof first) => signJwt({ sub: key.kid }, key.privateKey, { algorithm: 'EdDSA', keyId: key.kid, expiresIn: 60 });
    expect(await verifyJwt(await sign(first), getKey)).toMatchObject({ sub: 'k1' });
    expect(await verifyJwt(await sign(first), getKey)).toMatchObject({ sub: 'k1' });
    expect(jwks.fetches()).toBe(1);
    // The provider rotates: a token naming the new kid makes the set refetch.
    const second = { kid: 'k2', ...generateKeyPairSync('ed25519') };
    keys.push(second);
    expect(await verifyJwt(await sign(second), getKey)).toMatchObject({ sub: 'k2' });
    expect(jwks.fetches()).toBe(2);
    const stranger = { kid: 'k3', ...generateKeyPairSync('ed25519') };
    await expect(verifyJwt(await sign(stranger), getKey)).rejects.toMatchObject({ status: 401, description: 'No key matches the token' });
  });

  test('within the cooldown an unknown kid does not refetch; an unreachable key server is 503, not 401', async () => {
    const first = { kid: 'k1', ...generateKeyPairSync('ed25519') };
    const jwks = await jwksServer([first]);
    const getKey = remoteJwks(jwks.url);
    const good = await signJwt({}, first.privateKey, { algorithm: 'EdDSA', keyId: 'k1' });
    await verifyJwt(good, getKey);
    const other = generateKeyPairSync('ed25519');
    await expect(verifyJwt(await signJwt({}, other.privateKey, { algorithm: 'EdDSA', keyId: 'k9' }), getKey)).rejects.toMatchObject({ status: 401 });
    expect(jwks.fetches()).toBe(1);
    await new Promise((resolve) => jwks.server.close(resolve));
    const down = remoteJwks(jwks.url, { timeout: 1000 });
    await expect(verifyJwt(good, down)).rejects.toMatchObject({ status: 503 });
  });
});

describe('jwtBearer with an optional scheme', () => {
  const optional = jwtBearer({ scheme: oauth2PasswordBearer({ tokenUrl: '/token', autoError: false }), key: SECRET });
  @Controller('feed')
  class Feed {
    @Get() feed(@Security(optional) token: JwtPayload | null) { return { personal: token !== null, sub: token?.sub ?? null }; }
  }

  test('no token is anonymous; a bad token is still 401', async () => {
    const { json } = await serve({ controllers: [Feed] });
    expect((await json('/feed')).body).toEqual({ personal: false, sub: null });
    const signed = await signJwt({}, SECRET, { subject: 'carol', expiresIn: 60 });
    expect((await json('/feed', { headers: { authorization: `Bearer ${signed}` } })).body).toEqual({ personal: true, sub: 'carol' });
    expect((await json('/feed', { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
  });
});
