/**
 * The HTTP/1.1 wire, written byte for byte: request targets in each of their forms, a `Host` that is
 * not a host, and TRACE (which the fetch standard cannot even express). Every adapter takes the path
 * from the request target alone (RFC 9112 §3.2) and answers the same.
 */
import { describe, expect, test } from 'vitest';
import { rawExchange, type RawExchange } from '../raw-http.js';

export function wireCases(baseUrl: () => string): void {
  const send = (head: string): Promise<RawExchange> => rawExchange(baseUrl(), { head: `${head}\r\nConnection: close` });
  const json = (res: RawExchange): unknown => JSON.parse(res.body);

  describe('request targets', () => {
    test('an absolute-form target is routed by its path, whatever Host says', async () => {
      const res = await send('GET http://example.com/items/42?q=x HTTP/1.1\r\nHost: other.example');
      expect(res.status).toBe(200);
      expect(json(res)).toEqual({ item_id: 42, q: 'x' });
    });

    test('a Host with a path, query and fragment in it does not change the route', async () => {
      const res = await send('GET /items/42 HTTP/1.1\r\nHost: x/hello?name=y#');
      expect(res.status).toBe(200);
      expect(json(res)).toEqual({ item_id: 42, q: null });
    });

    test('dot segments are not resolved: /items/../hello is not /hello', async () => {
      const res = await send('GET /items/../hello HTTP/1.1\r\nHost: localhost');
      expect(res.status).toBe(404);
      expect(json(res)).toEqual({ detail: 'Not Found' });
    });

    test('OPTIONS * (the server as a whole) is a JSON 400: a route is always a path', async () => {
      const res = await send('OPTIONS * HTTP/1.1\r\nHost: localhost');
      expect(res.status).toBe(400);
      expect(json(res)).toEqual({ detail: 'Invalid URL: the request target must be a path' });
    });

    test('TRACE on a known path is a 405 with Allow and a JSON detail', async () => {
      const res = await send('TRACE /hello HTTP/1.1\r\nHost: localhost');
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
      expect(json(res)).toEqual({ detail: 'Method Not Allowed' });
    });
  });

  describe('requests node\'s HTTP parser refuses: a JSON detail, then an announced close', () => {
    // No `Connection: close` from the client: the server must say it closes, and close without a reset.
    const refused = (head: string) => rawExchange(baseUrl(), { head, untilClose: true });
    const answer = (res: RawExchange) => ({
      status: res.status, error: res.error, connection: res.headers.connection, type: res.headers['content-type'], body: json(res),
    });
    const badRequest = { status: 400, error: undefined, connection: 'close', type: 'application/json', body: { detail: 'Bad Request' } };

    test('an unknown method, a lowercase one, a target without a leading slash', async () => {
      for (const line of ['FOO /hello HTTP/1.1', 'get /hello HTTP/1.1', 'GET hello HTTP/1.1']) {
        expect({ line, ...answer(await refused(`${line}\r\nHost: localhost`)) }).toEqual({ line, ...badRequest });
      }
    });

    test('HTTP/1.1 without Host (RFC 9112 §3.2); HTTP/1.0 may omit it', async () => {
      expect(answer(await refused('GET /hello HTTP/1.1'))).toEqual({
        ...badRequest, body: { detail: 'Bad Request: an HTTP/1.1 request must have a Host header' },
      });
      expect((await refused('GET /hello HTTP/1.0')).status).toBe(200);
    });

    test('a request line over the header size limit is a 431', async () => {
      expect(answer(await refused(`GET /hello?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: localhost`))).toEqual({
        ...badRequest, status: 431, body: { detail: 'Request Header Fields Too Large' },
      });
    });
  });
}
