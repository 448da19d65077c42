/** Starts an app on a free port for one test and closes it after; requests go through node's fetch. */
import { afterEach } from 'vitest';
import { createApp, type App, type DecorumAppOptions } from '@decorumjs/decorum';

export const quiet = { logger: false, shutdownSignals: false, openapi: false } as const;

export interface Served {
  url: string;
  app: App;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  json(path: string, init?: RequestInit): Promise<{ status: number; body: unknown; headers: Headers }>;
}

const running: App[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()));
});

/** `createApp` with quiet defaults, listening on a random port, closed after the test. */
export async function serve(options: DecorumAppOptions, setup?: (app: App) => void): Promise<Served> {
  const app = createApp({ ...quiet, ...options });
  setup?.(app);
  return listen(app);
}

export async function listen(app: App): Promise<Served> {
  running.push(app);
  const { url } = await app.listen(0, '127.0.0.1');
  const call = (path: string, init?: RequestInit) => fetch(url + path, init);
  return {
    url,
    app,
    fetch: call,
    async json(path, init) {
      const response = await call(path, init);
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : JSON.parse(text), headers: response.headers };
    },
  };
}
