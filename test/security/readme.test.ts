import { describe, expect, test } from 'vitest';
import { openApiDocument, signJwt } from '@decorumjs/decorum';
import { app } from './readme/secure-app.js';
import { listen } from './serve.js';

const SECRET = 'change-me-to-32-bytes-or-more!!!';

describe('the README security example', () => {
  test('JWT with scopes, Basic, SecurityScopes; documented', async () => {
    const { json } = await listen(app);
    const read = await signJwt({ sub: 'alice', scope: 'items:read' }, SECRET, { audience: 'inventory', expiresIn: '5m' });
    const none = await signJwt({ sub: 'bob', scope: '' }, SECRET, { audience: 'inventory', expiresIn: '5m' });
    expect((await json('/items', { headers: { authorization: `Bearer ${read}` } })).body).toEqual({ user: 'alice', items: ['hammer'] });
    expect((await json('/items', { headers: { authorization: `Bearer ${none}` } })).status).toBe(403);
    expect((await json('/items')).status).toBe(401);
    const ops = { authorization: `Basic ${Buffer.from('ops:ops-pass').toString('base64')}` };
    expect((await json('/items/audit', { headers: ops })).body).toEqual({ user: 'ops', scopes: ['audit'] });
    expect((await json('/items/audit')).headers.get('www-authenticate')).toBe('Basic realm="ops"');
    const doc = openApiDocument(app);
    expect(doc.paths?.['/items']?.get?.security).toEqual([{ OAuth2PasswordBearer: ['items:read'] }]);
    expect(doc.paths?.['/items/audit']?.get?.security).toEqual([{ HTTPBasic: [] }]);
  });
});
