/**
 * Where `dev` and `start` listen: `--port`/`--host`, else the PORT/HOST environment variables (as
 * platforms such as Heroku and Cloud Run set them), else 127.0.0.1:8000 like `fastapi dev`.
 */
import { cliErrors } from './errors.js';

export const DEFAULT_PORT = 8000;
export const DEFAULT_HOST = '127.0.0.1';

export interface ListenOptions {
  port: number;
  host: string;
}

export function resolveListenOptions(flags: { port?: string; host?: string }, env = process.env): ListenOptions {
  const port = flags.port ?? env.PORT;
  return {
    port: port === undefined || port === '' ? DEFAULT_PORT : parsePort(port, flags.port === undefined ? 'PORT' : '--port'),
    host: flags.host ?? (env.HOST || DEFAULT_HOST),
  };
}

function parsePort(value: string, source: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) throw cliErrors.portInvalid(source, value);
  return port;
}

/** The URL to print for a listening address: a wildcard host is shown as localhost, which a browser can open. */
export function displayUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}
