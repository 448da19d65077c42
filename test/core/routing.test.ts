// Routing over the wire: path syntax, 404 versus 405 with Allow, HEAD on GET routes, trailing slashes, and the
// unmatched answers (404, 405, 400, 414, 307) going through the app's exception handlers and middleware.
import { describe, expect, test } from 'vitest';
import {
  All, Controller, Delete, Get, Head, HttpError, HttpResponse, Param, Patch, Post, Put, Res, ResponseControl, ResponseHeader,
} from '@decorumjs/decorum';
import { rawRequest, serve } from './serve.js';

@Controller('items')
class ItemsController {
  @Get() list() { return [{ id: 1 }]; }
  @Post() create() { return { created: true }; }
  @Get(':id') @ResponseHeader('X-Kind', 'item') read(@Param('id') id: string) { return { id, via: 'colon' }; }
  @Put('{id}') replace(@Param('id') id: string) { return { id, via: 'brace' }; }
  @Patch('{id}') patch(@Param('id') id: string) { return { id, method: 'PATCH' }; }
  @Delete(':id') remove(@Param('id') id: string) { return { id, method: 'DELETE' }; }
  @Get('{item_id}/parts/:part') part(@Param('item_id') itemId: string, @Param('part') part: string) { return { itemId, part }; }
}

@Controller()
class RootController {
  @Get() root() { return { root: true }; }
}

@Controller('static-first')
class StaticController {
  @Get(':id') one(@Param('id') id: string) { return { id }; }
  @Get('new') fresh() { return { fresh: true }; }
}

@Controller('/misc/')
class MiscController {
  @Get('/probe/') probe(@Res() res: ResponseControl) { res.header('X-Probe', 'get'); return { probe: 'get' }; }
  @Head('custom-head') customHead(@Res() res: ResponseControl) { res.header('X-Head', 'explicit'); return null; }
  @Get('custom-head') customGet() { return { from: 'get' }; }
  @All('any') any() { return { any: true }; }
  @Get('boom') boom() { throw new Error('boom'); }
}

const api = serve({ controllers: [ItemsController, MiscController, RootController, StaticController] });
const json = async (path: string, method = 'GET') => {
  const res = await api.get(path, { method });
  return { status: res.status, body: (await res.json()) as unknown };
};

describe('path syntax', () => {
  test(':id and {id} both bind the segment', async () => {
    expect(await json('/items/42')).toEqual({ status: 200, body: { id: '42', via: 'colon' } });
    expect(await json('/items/42', 'PUT')).toEqual({ status: 200, body: { id: '42', via: 'brace' } });
    expect(await json('/items/a1/parts/p2')).toEqual({ status: 200, body: { itemId: 'a1', part: 'p2' } });
  });

  test('path parameters are percent-decoded, an encoded slash included', async () => {
    expect(await json('/items/a%2Fb')).toEqual({ status: 200, body: { id: 'a/b', via: 'colon' } });
    expect(await json('/items/a%20b')).toEqual({ status: 200, body: { id: 'a b', via: 'colon' } });
    expect(await json('/items/caf%C3%A9')).toEqual({ status: 200, body: { id: 'café', via: 'colon' } });
  });

  test('every method reaches its handler', async () => {
    expect(await json('/items', 'POST')).toEqual({ status: 200, body: { created: true } });
    expect(await json('/items/3', 'PATCH')).toEqual({ status: 200, body: { id: '3', method: 'PATCH' } });
    expect(await json('/items/3', 'DELETE')).toEqual({ status: 200, body: { id: '3', method: 'DELETE' } });
  });

  test('@All answers every method', async () => {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      expect(await json('/misc/any', method)).toEqual({ status: 200, body: { any: true } });
    }
  });

  test('a static segment wins over a parameter, whatever the declaration order', async () => {
    expect(await json('/static-first/new')).toEqual({ status: 200, body: { fresh: true } });
    expect(await json('/static-first/old')).toEqual({ status: 200, body: { id: 'old' } });
  });

  test('the root route', async () => {
    expect(await json('/')).toEqual({ status: 200, body: { root: true } });
  });

  test('slashes in prefixes and paths are normalised', async () => {
    expect(await json('/misc/probe')).toEqual({ status: 200, body: { probe: 'get' } });
  });
});

describe('trailing slash', () => {
  test('a trailing slash reaches the same route', async () => {
    expect(await json('/items/')).toEqual({ status: 200, body: [{ id: 1 }] });
    expect(await json('/items/7/')).toEqual({ status: 200, body: { id: '7', via: 'colon' } });
    expect(await json('/misc/probe/')).toEqual({ status: 200, body: { probe: 'get' } });
  });
});

describe('404 and 405', () => {
  test('an unknown path is 404 with a JSON detail', async () => {
    const res = await api.get('/nowhere');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ detail: 'Not Found' });
    expect((await api.get('/items/1/2/3')).status).toBe(404);
  });

  test('a known path with another method is 405 with Allow', async () => {
    const res = await api.get('/items', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(await res.json()).toEqual({ detail: 'Method Not Allowed' });
    expect(res.headers.get('allow')?.split(', ').sort()).toEqual(['GET', 'HEAD', 'POST']);
    const one = await api.get('/items/1', { method: 'POST' });
    expect(one.status).toBe(405);
    expect(one.headers.get('allow')?.split(', ').sort()).toEqual(['DELETE', 'GET', 'HEAD', 'PATCH', 'PUT']);
  });

  test('405 with a query string and a trailing slash still lists the methods', async () => {
    const res = await api.get('/items/?page=2', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')?.split(', ').sort()).toEqual(['GET', 'HEAD', 'POST']);
  });
});

describe('HEAD', () => {
  test('HEAD on a GET route sends the GET headers and no body', async () => {
    const get = await rawRequest(api.url, { path: '/items/9' });
    const head = await rawRequest(api.url, { method: 'HEAD', path: '/items/9' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-type']).toBe(get.headers['content-type']);
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.headers['x-kind']).toBe('item');
  });

  test('headers set through @Res() also come with HEAD', async () => {
    const head = await rawRequest(api.url, { method: 'HEAD', path: '/misc/probe' });
    expect(head.headers['x-probe']).toBe('get');
    expect(head.body).toBe('');
  });

  test('HEAD on a failing GET route is a bodiless 500', async () => {
    const head = await rawRequest(api.url, { method: 'HEAD', path: '/misc/boom' });
    expect(head.status).toBe(500);
    expect(head.body).toBe('');
  });

  test('OPTIONS on a path without an OPTIONS route is 405', async () => {
    const res = await api.get('/misc/probe', { method: 'OPTIONS' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  test('an explicit @Head route wins over the GET fallback', async () => {
    const head = await rawRequest(api.url, { method: 'HEAD', path: '/misc/custom-head' });
    expect(head.status).toBe(200);
    expect(head.headers['x-head']).toBe('explicit');
    expect(head.body).toBe('');
  });
});

describe('unmatched answers are the app\'s, not the adapter\'s', () => {
  const seen: string[] = [];
  const app = serve({
    controllers: [ItemsController, MiscController],
    routing: { trailingSlash: 'redirect', maxParamLength: 16 },
    middleware: [async (ctx, next) => {
      const response = await next();
      seen.push(`${ctx.method} ${ctx.url} ${response.status}`);
      return response;
    }],
  }, (served) => {
    served.exceptionHandler(HttpError, (error) => HttpResponse.json({ problem: error.detail }, { status: error.status, headers: error.headers }));
  });

  test('exception handlers answer 404, 405, 400 and 414', async () => {
    const answers = await Promise.all(['/nowhere', '/items/%zz', `/items/${'x'.repeat(17)}`].map(async (path) => {
      const res = await app.get(path);
      return [res.status, await res.json()];
    }));
    expect(answers).toEqual([
      [404, { problem: 'Not Found' }],
      [400, { problem: 'Invalid URL: the path has a malformed percent-encoding' }],
      [414, { problem: 'Path parameter is longer than 16 characters' }],
    ]);
    const wrongMethod = await app.get('/items', { method: 'DELETE' });
    expect([wrongMethod.status, wrongMethod.headers.get('allow'), await wrongMethod.json()])
      .toEqual([405, 'GET, HEAD, POST', { problem: 'Method Not Allowed' }]);
  });

  test('middleware sees the trailing-slash redirect, which has no body', async () => {
    const res = await app.get('/misc/probe?x=1', { redirect: 'manual' });
    expect([res.status, res.headers.get('location'), await res.text()]).toEqual([307, '/misc/probe/?x=1', '']);
    expect(seen).toContain('GET /misc/probe?x=1 307');
  });
});
