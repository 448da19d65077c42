// Where Fastify keeps its own server (your instance, your serverFactory, HTTPS), what node's parser refuses
// still gets Decorum's answer: a JSON detail that announces the close, so a client reusing the
// connection is told rather than reset.
import { createServer } from 'node:http';
import { connect } from 'node:net';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Controller, Get, createApp, type App } from '@decorumjs/core';
import { FastifyAdapter, clientErrorHandler } from './index.js';

@Controller('hello')
class HelloController {
  @Get() hello() { return { hello: 'world' }; }
}

interface Exchanged { readonly text: string; readonly error: string | undefined }

/** Writes `bytes`, then `next` once the first answer arrives, and reads until the server closes; a reset shows as `error`. */
function exchange(url: string, bytes: string, next?: string): Promise<Exchanged> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let error: string | undefined;
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(bytes));
    socket.on('data', (chunk: Buffer) => {
      if (chunks.push(chunk) === 1 && next) socket.write(next);
    });
    socket.on('error', (e: NodeJS.ErrnoException) => { error = e.code ?? e.message; });
    socket.on('close', () => resolve({ text: Buffer.concat(chunks).toString('latin1'), error }));
  });
}

const LONG_LINE = `GET /hello?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`;

describe.each([
  ['your own instance, with clientErrorHandler', () => new FastifyAdapter({ instance: Fastify({ clientErrorHandler }) })],
  ['a serverFactory of your own', () => new FastifyAdapter({ fastify: { serverFactory: (handler) => createServer(handler) } })],
])('on %s', (_name, createAdapter) => {
  let app: App;
  let url = '';
  beforeAll(async () => {
    app = createApp({ adapter: createAdapter(), controllers: [HelloController], logger: false });
    url = (await app.listen(0)).url;
  });
  afterAll(() => app.close());

  test('a request line over 16 KB is a JSON 431 that says Connection: close, then a clean close', async () => {
    const { text, error } = await exchange(url, LONG_LINE);
    const [head = '', body] = text.split('\r\n\r\n');
    expect({ status: head.split(' ')[1], close: /\r\nconnection: close\r\n/i.test(`${head}\r\n`), body, error })
      .toEqual({ status: '431', close: true, body: '{"detail":"Request Header Fields Too Large"}', error: undefined });
  });

  test('a malformed request after a good one on the same connection: answered, announced, no reset', async () => {
    const { text, error } = await exchange(url, 'GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n', 'FOO /hello HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    expect(text).toMatch(/HTTP\/1\.1 400 Bad Request\r\n[^]*connection: close\r\n[^]*\{"detail":"Bad Request"\}$/i);
    expect(error).toBeUndefined();
  });
});
