import { describe, expect, test } from 'vitest';
import {
  Controller, Depends, Get, Inject, Injectable, Security, SecurityScopes, UseDependencies, createApp, dependency,
  oauth2PasswordBearer, openApiDocument,
} from '@decorumjs/decorum';
import { quiet, serve } from './serve.js';

const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { me: 'Read yourself', items: 'Read items', admin: 'Everything' } });
const USERS: Record<string, { name: string; scopes: string[] }> = {
  'tok-alice': { name: 'alice', scopes: ['me', 'items'] },
  'tok-bob': { name: 'bob', scopes: ['me'] },
};

let currentUserCalls = 0;
const currentUser = dependency({
  name: 'currentUser',
  inject: [Depends(oauth2), Inject(SecurityScopes)],
  use: (token: string, required: SecurityScopes) => {
    currentUserCalls++;
    const user = USERS[token];
    if (!user) throw new Error('unknown token');
    required.require(user.scopes);
    return { ...user, required: required.scopes };
  },
});
// FastAPI's tutorial chain: the route asks for `items`, the active-user dependency for `me`.
const activeUser = dependency({ name: 'activeUser', inject: [Security(currentUser, { scopes: ['me'] })], use: (user: unknown) => user });

@Injectable({ scope: 'request' })
class ScopeEcho {
  constructor(readonly required: SecurityScopes) {}
}

@Controller()
class Items {
  @Get('items') items(@Security(activeUser, { scopes: ['items'] }) user: unknown) { return user; }
  @Get('me') me(@Depends(activeUser) user: unknown) { return user; }
  @Get('admin') @UseDependencies(Security(currentUser, { scopes: ['admin'] })) admin() { return { ok: true }; }
  @Get('echo') echo(@Security(ScopeEcho, { scopes: ['b', 'a'] }) echo: ScopeEcho, @Depends(ScopeEcho) plain: ScopeEcho) {
    return { scoped: echo.required.scopes, plain: plain.required.scopes, scopeStr: echo.required.scopeStr };
  }
  @Get('twice') twice(
    @Security(currentUser, { scopes: ['me'] }) a: unknown,
    @Security(currentUser, { scopes: ['me'] }) b: unknown,
    @Depends(currentUser) c: unknown,
  ) { return { same: a === b, calls: currentUserCalls, plainSeesNone: (c as { required: string[] }).required }; }
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('Security(dep, { scopes }) and SecurityScopes', () => {
  test('a dependency sees the union of the scopes required along its chain', async () => {
    const { json } = await serve({ controllers: [Items] });
    expect((await json('/items', bearer('tok-alice'))).body).toEqual({ name: 'alice', scopes: ['me', 'items'], required: ['items', 'me'] });
    expect((await json('/me', bearer('tok-bob'))).body).toMatchObject({ name: 'bob', required: ['me'] });
    // By constructor type too; the same class without scopes is planned apart and sees none.
    expect((await json('/echo')).body).toEqual({ scoped: ['b', 'a'], plain: [], scopeStr: 'b a' });
  });

  test('a missing scope is 403 with WWW-Authenticate: Bearer scope="…" naming every required scope', async () => {
    const { json } = await serve({ controllers: [Items] });
    const refused = await json('/items', bearer('tok-bob'));
    expect(refused).toMatchObject({ status: 403, body: { detail: 'Not enough permissions' } });
    expect(refused.headers.get('www-authenticate')).toBe('Bearer scope="items me"');
    const sideEffect = await json('/admin', bearer('tok-alice'));
    expect(sideEffect.status).toBe(403);
    expect(sideEffect.headers.get('www-authenticate')).toBe('Bearer scope="admin"');
    // Authentication still comes first: no token is a 401.
    expect((await json('/items')).status).toBe(401);
  });

  test('the per-request cache is keyed by scopes: same scopes share one call, other scopes get their own', async () => {
    const { json } = await serve({ controllers: [Items] });
    currentUserCalls = 0;
    expect((await json('/twice', bearer('tok-alice'))).body).toEqual({ same: true, calls: 2, plainSeesNone: [] });
  });

  test('the operation documents the scopes of its chain', () => {
    const doc = openApiDocument(createApp({ ...quiet, controllers: [Items] }));
    expect(doc.paths?.['/items']?.get?.security).toEqual([{ OAuth2PasswordBearer: ['items', 'me'] }]);
    expect(doc.paths?.['/me']?.get?.security).toEqual([{ OAuth2PasswordBearer: ['me'] }]);
    expect(doc.paths?.['/admin']?.get?.security).toEqual([{ OAuth2PasswordBearer: ['admin'] }]);
    // Two chains to one scheme: the operation needs the scopes of both.
    expect(doc.paths?.['/twice']?.get?.security).toEqual([{ OAuth2PasswordBearer: ['me'] }]);
    expect(doc.paths?.['/echo']?.get?.security).toBeUndefined();
  });
});
