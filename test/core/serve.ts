/**
 * Starts an app on port 0 for a test file and closes it afterwards. Every test talks to the app over a
 * real socket with `fetch`, or with `rawRequest` when it needs what `fetch` hides (a HEAD body, a lying
 * Content-Length, the exact bytes on the wire).
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { createApp, type App, type AppOptions } from '@decorumjs/decorum';

export interface Served {
  readonly app: App;
  /** `http://127.0.0.1:<port>`, set once the app listens. */
  readonly url: string;
  get(path: string, init?: RequestInit): Promise<Response>;
  /** POSTs `body` as JSON (or as is, when it is already a string) with `content-type: application/json`. */
  post(path: string, body: unknown, init?: RequestInit): Promise<Response>;
}

/** Starts `createApp(options)` for the tests of the calling file (beforeAll / afterAll). */
export function serve(options: AppOptions, setup?: (app: App) => void): Served {
  const app = createApp({ logger: false, ...options });
  setup?.(app);
  let url = '';
  beforeAll(async () => {
    url = (await app.listen(0)).url;
  });
  afterAll(() => app.close());
  return {
    app,
    get url() {
      return url;
    },
    get: (path, init) => fetch(url + path, init),
    post: (path, body, init = {}) => fetch(url + path, {
      method: 'POST',
      ...init,
      headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  };
}

/** Starts an app for one test; the caller closes it. */
export async function start(options: AppOptions, setup?: (app: App) => void): Promise<{ app: App; url: string }> {
  const app = createApp({ logger: false, ...options });
  setup?.(app);
  const { url } = await app.listen(0);
  return { app, url };
}

/** The `detail` list of a validation error response. */
export async function details(res: Response): Promise<Array<{ type: string; loc: unknown[]; msg: string; input?: unknown; ctx?: unknown }>> {
  const body = (await res.json()) as { detail: Array<{ type: string; loc: unknown[]; msg: string }> };
  return body.detail;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** One request over node:http, with headers and body exactly as given. */
export function rawRequest(
  url: string, options: { method?: string; path?: string; headers?: Record<string, string | number>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url + (options.path ?? '/'), { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
