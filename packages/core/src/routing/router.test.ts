// The router on its own: what each request target matches, with no server in between.
import { describe, expect, test } from 'vitest';
import { compileRouter, type RouterRoute } from './router.js';

const routes: RouterRoute<string>[] = [
  { method: 'GET', path: '/', target: 'root' },
  { method: 'GET', path: '/items/:id', target: 'item' },
  { method: 'GET', path: '/items/latest', target: 'latest' },
  { method: 'POST', path: '/items', target: 'create' },
  { method: 'GET', path: '/café/:name', target: 'cafe' },
  { method: 'GET', path: '/docs/', target: 'docs' },
  { method: 'GET', path: '/proto/:__proto__', target: 'proto' },
];
const router = compileRouter(routes);

describe('match', () => {
  test('found: the target and decoded parameters on a null-prototype object', () => {
    const found = router.match('GET', '/items/a%2Fb?x=1');
    expect(found).toEqual({ kind: 'found', target: 'item', params: expect.objectContaining({ id: 'a/b' }) });
    expect(Object.getPrototypeOf(found.kind === 'found' ? found.params : null)).toBeNull();
    const proto = router.match('GET', '/proto/x');
    expect(proto.kind === 'found' && Object.getOwnPropertyDescriptor(proto.params, '__proto__')?.value).toBe('x');
  });

  test('the root, and HEAD answered by GET', () => {
    expect(router.match('GET', '/')).toMatchObject({ kind: 'found', target: 'root' });
    expect(router.match('HEAD', '/items/latest')).toMatchObject({ kind: 'found', target: 'latest' });
  });

  test('raw UTF-8 bytes (one latin-1 character each, as node reads them) match like their escapes', () => {
    const raw = String.fromCharCode(...Buffer.from('/café/crème', 'utf8'));
    expect(router.match('GET', raw)).toMatchObject({ kind: 'found', target: 'cafe', params: { name: 'crème' } });
    expect(router.match('GET', String.fromCharCode(0x2f, 0xc3, 0x28))).toMatchObject({ kind: 'bad-request', status: 400 });
  });

  test('a fragment anywhere in the target is a 400: RFC 9112 has none, and its text is no path or query', () => {
    for (const url of ['/items/latest#x', '/items/1?q=1#x', '/#', 'http://example.com/#x']) {
      expect(router.match('GET', url)).toEqual({ kind: 'bad-request', status: 400, detail: 'Invalid URL: the request target must not contain a fragment (#)' });
    }
    expect(router.match('GET', '/items/a%23b')).toMatchObject({ kind: 'found', params: { id: 'a#b' } });
  });

  test('absolute-form targets route by their path; anything else that is not a path is a 400', () => {
    expect(router.match('GET', 'http://example.com/items/7?q=1')).toMatchObject({ kind: 'found', params: { id: '7' } });
    expect(router.match('GET', 'http://example.com')).toMatchObject({ kind: 'found', target: 'root' });
    expect(router.match('OPTIONS', '*')).toMatchObject({ kind: 'bad-request', status: 400 });
  });

  test('405 lists the methods of the path in the fixed order', () => {
    expect(router.match('DELETE', '/items')).toEqual({ kind: 'method-not-allowed', allow: 'POST' });
    expect(router.match('POST', '/items/latest')).toEqual({ kind: 'method-not-allowed', allow: 'GET, HEAD' });
  });

  test('a doubled slash never reaches the root or a parameter', () => {
    expect(router.match('GET', '//')).toEqual({ kind: 'not-found' });
    expect(router.match('GET', '/items//')).toEqual({ kind: 'not-found' });
  });
});

describe('trailing-slash modes', () => {
  test('redirect: 307 to the declared form, never for the root', () => {
    const redirecting = compileRouter(routes, { trailingSlash: 'redirect' });
    expect(redirecting.match('GET', '/docs?a=1')).toEqual({ kind: 'redirect', location: '/docs/?a=1' });
    expect(redirecting.match('GET', '/items/7/')).toEqual({ kind: 'redirect', location: '/items/7' });
    expect(redirecting.match('GET', '/')).toMatchObject({ kind: 'found' });
  });

  test('strict: the other form is not found', () => {
    const strict = compileRouter(routes, { trailingSlash: 'strict' });
    expect(strict.match('GET', '/docs')).toEqual({ kind: 'not-found' });
    expect(strict.match('GET', '/docs/')).toMatchObject({ kind: 'found', target: 'docs' });
  });
});

describe('bootstrap', () => {
  test('two spellings of one literal are one path', () => {
    expect(() => compileRouter([
      { method: 'GET', path: '/café', target: 1, id: 'A.raw' },
      { method: 'GET', path: '/caf%C3%A9', target: 2, id: 'A.encoded' },
    ])).toThrow(/A\.encoded: GET \/caf%C3%A9 matches the same requests as A\.raw/);
  });

  test('two forms of one path are refused, naming both routes', () => {
    expect(() => compileRouter([
      { method: 'GET', path: '/a/', target: 1, id: 'A.get' },
      { method: 'POST', path: '/a', target: 2, id: 'A.post' },
    ])).toThrow(/A\.post: POST \/a differs from A\.get at the same path only by its trailing slash/);
  });
});
