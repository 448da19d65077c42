import { describe, expect, test } from 'vitest';
import {
  Controller, Depends, Forbidden, Get, UseDependencies, apiKeyAuth, createApp, dependency, httpBearerAuth, oauth2PasswordBearer,
  openApiDocument, type BearerCredentials,
} from '@decorumjs/decorum';
import { quiet, serve } from './serve.js';

const bearer = httpBearerAuth({ bearerFormat: 'JWT' });
const headerKey = apiKeyAuth({ in: 'header', name: 'X-API-Key' });
const queryKey = apiKeyAuth({ in: 'query', name: 'api_key' });
const cookieKey = apiKeyAuth({ in: 'cookie', name: 'session' });
const token = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { 'items:read': 'Read items' } });
const optionalBearer = httpBearerAuth({ bearerFormat: 'JWT', autoError: false });

const knownKey = dependency({
  name: 'knownKey',
  inject: [Depends(headerKey)],
  use: (key: string) => {
    if (key !== 'k-1') throw new Forbidden('Unknown API key');
    return key;
  },
});

@Controller()
class Secured {
  @Get('bearer') withBearer(@Depends(bearer) credentials: BearerCredentials) { return credentials; }
  @Get('header-key') withHeaderKey(@Depends(knownKey) key: string) { return { key }; }
  @Get('query-key') withQueryKey(@Depends(queryKey) key: string) { return { key }; }
  @Get('cookie-key') withCookieKey(@Depends(cookieKey) key: string) { return { key }; }
  @Get('token') withToken(@Depends(token) value: string) { return { token: value }; }
  @Get('maybe') maybe(@Depends(optionalBearer) credentials: BearerCredentials | undefined) { return { signedIn: credentials !== undefined }; }
  @Get('side-effect') @UseDependencies(bearer) sideEffect() { return { ok: true }; }
  @Get('open') open() { return { ok: true }; }
}

describe('auth dependencies', () => {
  test('httpBearerAuth: the credentials, or 401 with WWW-Authenticate: Bearer', async () => {
    const { json } = await serve({ controllers: [Secured] });
    expect((await json('/bearer', { headers: { authorization: 'Bearer abc.def' } })).body).toEqual({ scheme: 'Bearer', credentials: 'abc.def' });
    const missing = await json('/bearer');
    expect(missing).toMatchObject({ status: 401, body: { detail: 'Not authenticated' } });
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    const wrongScheme = await json('/bearer', { headers: { authorization: 'Basic dTpw' } });
    expect(wrongScheme).toMatchObject({ status: 401, body: { detail: 'Invalid authentication credentials' } });
    expect(wrongScheme.headers.get('www-authenticate')).toBe('Bearer');
    expect((await json('/bearer', { headers: { authorization: 'Bearer' } })).status).toBe(401);
    expect((await json('/side-effect')).status).toBe(401);
    expect((await json('/side-effect', { headers: { authorization: 'bearer x' } })).status).toBe(200);
  });

  test('apiKeyAuth in a header, a query parameter and a cookie: 401 with WWW-Authenticate: APIKey when missing', async () => {
    const { json } = await serve({ controllers: [Secured] });
    expect((await json('/header-key', { headers: { 'x-api-key': 'k-1' } })).body).toEqual({ key: 'k-1' });
    // Checking the key is the app's job: a dependency on the extractor refuses unknown ones.
    expect(await json('/header-key', { headers: { 'x-api-key': 'k-2' } })).toMatchObject({ status: 403, body: { detail: 'Unknown API key' } });
    const missing = await json('/header-key');
    expect(missing).toMatchObject({ status: 401, body: { detail: 'Not authenticated' } });
    expect(missing.headers.get('www-authenticate')).toBe('APIKey');
    expect((await json('/query-key?api_key=q-1')).body).toEqual({ key: 'q-1' });
    expect((await json('/query-key')).status).toBe(401);
    expect((await json('/cookie-key', { headers: { cookie: 'session=c-1' } })).body).toEqual({ key: 'c-1' });
    expect((await json('/cookie-key')).status).toBe(401);
  });

  test('oauth2PasswordBearer: the token, or 401 with WWW-Authenticate: Bearer', async () => {
    const { json } = await serve({ controllers: [Secured] });
    expect((await json('/token', { headers: { authorization: 'Bearer t0k3n' } })).body).toEqual({ token: 't0k3n' });
    const missing = await json('/token', { headers: { authorization: 'Basic dTpw' } });
    expect(missing).toMatchObject({ status: 401, body: { detail: 'Not authenticated' } });
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
  });

  test('autoError: false gives undefined instead of a 401', async () => {
    const { json } = await serve({ controllers: [Secured] });
    expect((await json('/maybe')).body).toEqual({ signedIn: false });
    expect((await json('/maybe', { headers: { authorization: 'Bearer x' } })).body).toEqual({ signedIn: true });
  });

  test('routes that use them are documented as secured, with the schemes under components', async () => {
    const doc = openApiDocument(createApp({ ...quiet, controllers: [Secured] })) as {
      paths: Record<string, { get: { security?: unknown; parameters?: Array<{ name: string }> } }>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.paths['/bearer']?.get.security).toEqual([{ HTTPBearer: [] }]);
    expect(doc.paths['/side-effect']?.get.security).toEqual([{ HTTPBearer: [] }]);
    // Through a dependency that depends on the extractor, too.
    expect(doc.paths['/header-key']?.get.security).toEqual([{ APIKeyHeader: [] }]);
    expect(doc.paths['/query-key']?.get.security).toEqual([{ APIKeyQuery: [] }]);
    expect(doc.paths['/cookie-key']?.get.security).toEqual([{ APIKeyCookie: [] }]);
    expect(doc.paths['/token']?.get.security).toEqual([{ OAuth2PasswordBearer: [] }]);
    expect(doc.paths['/open']?.get.security).toBeUndefined();
    // The credential is read from the context, so it is documented by its scheme, not as a parameter.
    expect(doc.paths['/query-key']?.get.parameters ?? []).toEqual([]);
    expect(doc.components.securitySchemes).toEqual({
      APIKeyCookie: { type: 'apiKey', name: 'session', in: 'cookie' },
      APIKeyHeader: { type: 'apiKey', name: 'X-API-Key', in: 'header' },
      APIKeyQuery: { type: 'apiKey', name: 'api_key', in: 'query' },
      HTTPBearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      OAuth2PasswordBearer: { type: 'oauth2', flows: { password: { tokenUrl: '/token', scopes: { 'items:read': 'Read items' } } } },
    });
  });
});
