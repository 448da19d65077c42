/**
 * Runs a fetch adapter behind a small node:http server, so the contract suite can test it over a real
 * socket like every other adapter. Test-only: in production, hand `adapter.fetch` to your runtime.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { HttpAdapter, MountTable, ServerAddress } from '@decorumjs/core';
import type { FetchAdapter } from '@decorumjs/platform-fetch';

export function fetchOverNodeHttp(adapter: FetchAdapter): HttpAdapter {
  let server: Server | undefined;
  return {
    name: `${adapter.name} (over node:http)`,
    mount: (table: MountTable) => adapter.mount(table),
    listen(port: number, host: string): Promise<ServerAddress> {
      server = createServer((req, res) => void bridge(adapter, req, res));
      const listening = server;
      return new Promise((resolve) => {
        listening.listen(port, host, () => {
          const address = listening.address() as AddressInfo;
          resolve({ host: address.address, port: address.port, url: `http://${address.address}:${address.port}` });
        });
      });
    },
    close(graceMs: number): Promise<void> {
      const closing = server;
      if (!closing) return Promise.resolve();
      return new Promise((resolve) => {
        closing.close(() => resolve());
        closing.closeIdleConnections();
        setTimeout(() => closing.closeAllConnections(), graceMs).unref();
      });
    },
  };
}

async function bridge(adapter: FetchAdapter, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const response = await adapter.fetch(toRequest(req), { remoteAddress: req.socket.remoteAddress });
    const headers: Record<string, string | string[]> = {};
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') headers[name] = value;
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) headers['set-cookie'] = cookies;
    // A body the app refused to read is still on the socket; close rather than drain it (as platform-node).
    if (response.status === 413) headers.connection = 'close';
    res.writeHead(response.status, headers);
    if (response.body) for await (const chunk of response.body) res.write(chunk);
    res.end();
  } catch {
    if (!res.headersSent) res.writeHead(500);
    res.end();
  }
}

function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: 'half',
  } as RequestInit);
}
