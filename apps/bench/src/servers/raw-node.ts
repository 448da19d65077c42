/**
 * The baseline: node:http with the least code that gives the same answers, including a hand-written
 * check of the POST body (what a validated DTO costs when written by hand).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HOST, type StartServer } from './server.js';

const JSON_HEADERS = { 'content-type': 'application/json' };

function send(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { ...JSON_HEADERS, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function createItem(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let item: unknown;
    try {
      item = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(res, 400, { detail: 'invalid JSON' });
    }
    const { name, price } = (item ?? {}) as { name?: unknown; price?: unknown };
    if (typeof name !== 'string' || typeof price !== 'number') return send(res, 422, { detail: 'invalid item' });
    send(res, 200, { created: name, price });
  });
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const query = new URLSearchParams(q === -1 ? '' : url.slice(q + 1));
  if (req.method === 'GET' && path === '/hello') {
    return send(res, 200, { message: `Hello, ${query.get('name') ?? 'world'}!` });
  }
  if (req.method === 'GET' && path.startsWith('/items/')) {
    const raw = path.slice('/items/'.length);
    const itemId = Number(raw);
    if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(itemId)) return send(res, 422, { detail: 'item_id must be an integer' });
    return send(res, 200, { item_id: itemId, q: query.get('q') });
  }
  if (req.method === 'POST' && path === '/items') return createItem(req, res);
  send(res, 404, { detail: 'Not Found' });
}

export const start: StartServer = (port) => new Promise((resolve) => {
  const server = createServer(handle);
  server.listen(port, HOST, () => {
    const { port: bound } = server.address() as AddressInfo;
    resolve({
      url: `http://${HOST}:${bound}`,
      close: () => new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
    });
  });
});
