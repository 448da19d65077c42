import { describe, expect, test } from 'vitest';
import {
  Controller, Depends, Forbidden, Get, UseDependencies, apiKeyCookie, apiKeyHeader, apiKeyQuery, compareSecrets, createApp,
  dependency, httpBasic, httpBearer, notAuthenticated, oauth2PasswordBearer, openApiDocument, openIdConnect,
  type BasicCredentials, type BearerCredentials,
} from '@decorumjs/decorum';
import { quiet, serve } from './serve.js';

const bearer = httpBearer({ bearerFormat: 'JWT' });
const basic = httpBasic({ realm: 'admin "area"' });
const headerKey = apiKeyHeader({ name: 'X-API-Key' });
const queryKey = apiKeyQuery({ name: 'api_key' });
const cookieKey = apiKeyCookie({ name: 'session' });
const token = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { 'items:read': 'Read items' } });
const oidc = openIdConnect({ openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration' });
const optionalBearer = httpBearer({ bearerFormat: 'JWT', autoError: false });
const optionalBasic = httpBasic({ autoError: false });

const knownKey = dependency({
  name: 'knownKey',
  inject: [Depends(headerKey)],
  use: (key: string) => {
    if (!compareSecrets(key, 'k-1')) throw new Forbidden('Unknown API key');
    return key;
  },
});

const admin = dependency({
  name: 'admin',
  inject: [Depends(basic)],
  use: (credentials: BasicCredentials) => {
    // Both comparisons run whatever the first gives, so timing tells nothing about which one failed.
    const userOk = compareSecrets(credentials.username, 'stanley');
    const passwordOk = compareSecrets(credentials.password, 'swordfish');
    if (!(userOk && passwordOk)) throw notAuthenticated('Basic', 'Incorrect username or password');
    return credentials.username;
  },
});

@Controller()
class Secured {
  @Get('bearer') withBearer(@Depends(bearer) credentials: BearerCredentials) { return credentials; }
  @Get('basic') withBasic(@Depends(basic) credentials: BasicCredentials) { return credentials; }
  @Get('admin') asAdmin(@Depends(admin) username: string) { return { username }; }
  @Get('header-key') withHeaderKey(@Depends(knownKey) key: string) { return { key }; }
  @Get('query-key') withQueryKey(@Depends(queryKey) key: string) { return { key }; }
  @Get('cookie-key') withCookieKey(@Depends(cookieKey) key: string) { return { key }; }
  @Get('token') withToken(@Depends(token) value: string) { return { token: value }; }
  @Get('oidc') withOidc(@Depends(oidc) authorization: string) { return { authorization }; }
  @Get('maybe') maybe(@Depends(optionalBearer) credentials: BearerCredentials | null) { return { credentials }; }
  @Get('maybe-basic') maybeBasic(@Depends(optionalBasic) credentials: BasicCredentials | null) { return { credentials }; }
  @Get('side-effect') @UseDependencies(bearer) sideEffect() { return { ok: true }; }
  @Get('open') open() { return { ok: true }; }
}

const basicHeader = (value: string) => ({ authorization: `Basic ${Buffer.from(value).toString('base64')}` });

describe('security schemes enforce', () => {
  test('httpBearer: the credentials, or 401 with WWW-Authenticate: Bearer', async () => {
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

  test('httpBasic: username and password, a password may hold colons; 401 with the realm in the challenge', async () => {
    const { json } = await serve({ controllers: [Secured] });
    expect((await json('/basic', { headers: basicHeader('alice:pa:ss') })).body).toEqual({ username: 'alice', password: 'pa:ss' });
    expect((await json('/basic', { headers: basicHeader('élodie:мир') })).body).toEqual({ username: 'élodie', password: 'мир' });
    const missing = await json('/basic');
    expect(missing).toMatchObject({ status: 401, body: { detail: 'Not authenticated' } });
    expect(missing.headers.get('www-authenticate')).toBe('Basic realm="admin \\"area\\""');
    expect((await json('/basic', { headers: { authorization: 'Bearer x' } })).status).toBe(401);
    for (const bad of ['Basic !!!not-base64', `Basic ${Buffer.from('no-colon').toString('base64')}`]) {
      const invalid = await json('/basic', { headers: { authorization: bad } });
      expect(invalid).toMatchObject({ status: 401, body: { detail: 'Invalid authentication credentials' } });
      expect(invalid.headers.get('www-authenticate')).toMatch(/^Basic/);
    }
  });

  test('httpBasic checked with compareSecrets: right pair passes, any wrong half is 401', async () => {
    const { json } = await serve({ controllers: [Secured] });
    expect((await json('/admin', { headers: basicHeader('stanley:swordfish') })).body).toEqual({ username: 'stanley' });
    for (const pair of ['stanley:swordfisH', 'stanle:swordfish', 'stanley:', 'stanley:swordfish-and-more']) {
      const refused = await json('/admin', { headers: basicHeader(pair) });
      expect(refused).toMatchObject({ status: 401, body: { detail: 'Incorrect username or password' } });
      expect(refused.headers.get('www-authenticate')).toBe('Basic');
    }
  });

  test('API keys in a header, a query parameter and a cookie: 401 with WWW-Authenticate: APIKey when missing', async () => {
    const { json } = await serve({ controllers: [Secured] });
    expect((await json('/header-key', { headers: { 'x-api-key': 'k-1' } })).body).toEqual({ key: 'k-1' });
    expect(await json('/header-key', { headers: { 'x-api-key': 'k-2' } })).toMatchObject({ status: 403, body: { detail: 'Unknown API key' } });
    const missing = await json('/header-key');
    expect(missing).toMatchObject({ status: 401, body: { detail: 'Not authenticated' } });
    expect(missing.headers.get('www-authenticate')).toBe('APIKey');
    expect((await json('/query-key?api_key=q-1')).body).toEqual({ key: 'q-1' });
    expect((await json('/query-key?api_key=')).status).toBe(401);
    expect((await json('/query-key')).status).toBe(401);
    expect((await json('/cookie-key', { headers: { cookie: 'theme=dark; session=c-1' } })).body).toEqual({ key: 'c-1' });
    expect((await json('/cookie-key')).status).toBe(401);
  });

  test('oauth2PasswordBearer and openIdConnect: the token or header, or 401 with WWW-Authenticate: Bearer', async () => {
    const { json } = await serve({ controllers: [Secured] });
    expect((await json('/token', { headers: { authorization: 'Bearer t0k3n' } })).body).toEqual({ token: 't0k3n' });
    const missing = await json('/token', { headers: { authorization: 'Basic dTpw' } });
    expect(missing).toMatchObject({ status: 401, body: { detail: 'Not authenticated' } });
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect((await json('/oidc', { headers: { authorization: 'Bearer id.tok' } })).body).toEqual({ authorization: 'Bearer id.tok' });
    expect((await json('/oidc')).status).toBe(401);
  });

  test('autoError: false gives null instead of a 401', async () => {
    const { json } = await serve({ controllers: [Secured] });
    expect((await json('/maybe')).body).toEqual({ credentials: null });
    expect((await json('/maybe', { headers: { authorization: 'Basic x' } })).body).toEqual({ credentials: null });
    expect((await json('/maybe', { headers: { authorization: 'Bearer x' } })).body).toEqual({ credentials: { scheme: 'Bearer', credentials: 'x' } });
    expect((await json('/maybe-basic', { headers: { authorization: 'Basic @@' } })).body).toEqual({ credentials: null });
  });
});

describe('security schemes document', () => {
  test('routes that use them are secured in the document, with the schemes under components', () => {
    const doc = openApiDocument(createApp({ ...quiet, controllers: [Secured] })) as {
      paths: Record<string, { get: { security?: unknown; parameters?: Array<{ name: string }> } }>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.paths['/bearer']?.get.security).toEqual([{ HTTPBearer: [] }]);
    expect(doc.paths['/side-effect']?.get.security).toEqual([{ HTTPBearer: [] }]);
    // Through a dependency that depends on the scheme, too.
    expect(doc.paths['/header-key']?.get.security).toEqual([{ APIKeyHeader: [] }]);
    expect(doc.paths['/admin']?.get.security).toEqual([{ HTTPBasic: [] }]);
    expect(doc.paths['/query-key']?.get.security).toEqual([{ APIKeyQuery: [] }]);
    expect(doc.paths['/cookie-key']?.get.security).toEqual([{ APIKeyCookie: [] }]);
    expect(doc.paths['/token']?.get.security).toEqual([{ OAuth2PasswordBearer: [] }]);
    expect(doc.paths['/oidc']?.get.security).toEqual([{ OpenIdConnect: [] }]);
    expect(doc.paths['/open']?.get.security).toBeUndefined();
    // The credential is read from the context, so it is documented by its scheme, not as a parameter.
    expect(doc.paths['/query-key']?.get.parameters ?? []).toEqual([]);
    expect(doc.components.securitySchemes).toEqual({
      APIKeyCookie: { type: 'apiKey', name: 'session', in: 'cookie' },
      APIKeyHeader: { type: 'apiKey', name: 'X-API-Key', in: 'header' },
      APIKeyQuery: { type: 'apiKey', name: 'api_key', in: 'query' },
      HTTPBasic: { type: 'http', scheme: 'basic' },
      HTTPBearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      OAuth2PasswordBearer: { type: 'oauth2', flows: { password: { tokenUrl: '/token', scopes: { 'items:read': 'Read items' } } } },
      OpenIdConnect: { type: 'openIdConnect', openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration' },
    });
  });
});
