/** Starts an app on a free port for one test file and closes it after. */
import type { App } from '@decorumjs/decorum';

export interface Served {
  url: string;
  get(path: string, init?: RequestInit): Promise<Response>;
  post(path: string, json: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function serve(app: App): Promise<Served> {
  const { url } = await app.listen(0, '127.0.0.1');
  return {
    url,
    get: (path, init) => fetch(url + path, init),
    post: (path, json, headers = {}) =>
      fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(json) }),
    close: () => app.close(),
  };
}
