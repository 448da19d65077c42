/**
 * What a server framework says on its own (a URL it cannot decode, a parameter too long, its name in
 * `X-Powered-By`) comes out in Decorum's shape on every adapter: JSON with a `detail`, no HTML page,
 * no stack trace, no path echoed back.
 */
import { describe, expect, test } from 'vitest';
import type { RequestTarget } from '../serve.js';

async function expectDecorumError(res: Response): Promise<void> {
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const text = await res.text();
  expect(JSON.parse(text)).toEqual({ detail: expect.any(String) });
  expect(text).not.toMatch(/URIError|FST_ERR|at \w|\/node_modules\//);
}

export function protocolErrorCases(fetch: RequestTarget): void {
  describe('protocol-level errors in Decorum\'s shape', () => {
    test('a path parameter with a malformed escape is a JSON 4xx, without a stack trace', async () => {
      await expectDecorumError(await fetch('/items/%zz'));
      await expectDecorumError(await fetch('/items/%E0%A4%A'));
    });

    // Which status a long parameter gets is the router's decision; whichever it is, never a 5xx, and an
    // error never in the server framework's own words.
    test('a path parameter over the length limit is never a 5xx, and a refusal does not echo the path', async () => {
      const long = 'a'.repeat(3_000);
      const res = await fetch(`/params/path/${long}/1`);
      expect(res.status).toBeLessThan(500);
      const text = await res.clone().text();
      if (res.status >= 400) {
        await expectDecorumError(res);
        expect(text).not.toContain(long);
      }
    });

    test('no X-Powered-By header, on a route or off one', async () => {
      for (const path of ['/hello', '/no/such/path']) {
        const res = await fetch(path);
        await res.arrayBuffer();
        expect([path, res.headers.get('x-powered-by')]).toEqual([path, null]);
      }
    });
  });
}
