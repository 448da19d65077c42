/**
 * The raw client reads what servers really send: framed by length, by chunks or by the close; several
 * responses on one connection; and it tells a server that stops answering from one that said it closes.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { exchange, sendRaw } from './send-raw.js';

const servers: Server[] = [];
afterEach(() => Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve())))));

/** A TCP server that answers the n-th request it sees (one per `\r\n\r\n`) with `answers[n]`. */
async function serveAnswers(answers: string[]): Promise<number> {
  const server = createServer((socket: Socket) => {
    let seen = 0;
    socket.on('data', (chunk) => {
      const requests = chunk.toString('latin1').split('\r\n\r\n').length - 1;
      for (let i = 0; i < requests; i++) {
        const answer = answers[seen++];
        if (answer === undefined) continue;
        socket.write(answer);
        if (/connection: close/i.test(answer)) socket.end();
      }
    });
    socket.on('error', () => {});
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

const request = Buffer.from('GET / HTTP/1.1\r\nhost: x\r\n\r\n');

test('responses framed by length and by chunks follow one another on one connection', async () => {
  const port = await serveAnswers([
    'HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}',
    'HTTP/1.1 404 Not Found\r\ntransfer-encoding: chunked\r\n\r\n3\r\n{"d\r\n2\r\n":\r\n3\r\n1}\n\r\n0\r\n\r\n',
  ]);
  const [first, second] = await exchange(port, [{ bytes: request }, { bytes: request }], 2000);
  expect(first).toMatchObject({ ok: true, response: { status: 200 } });
  expect(second?.ok && second.response.body.toString()).toBe('{"d":1}\n');
});

test('a response with neither length nor chunks ends with the connection', async () => {
  const port = await serveAnswers(['HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\nbad']);
  const result = await sendRaw(port, request, 2000);
  expect(result.ok && [result.response.status, result.response.body.toString()]).toEqual([400, 'bad']);
});

test('after "connection: close" the next request is not sent; a server that goes quiet is a timeout', async () => {
  const closing = await serveAnswers(['HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n']);
  expect(await exchange(closing, [{ bytes: request }, { bytes: request }], 2000)).toHaveLength(1);
  const quiet = await serveAnswers(['HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n']);
  const [, second] = await exchange(quiet, [{ bytes: request }, { bytes: request }], 300);
  expect(second).toMatchObject({ ok: false, error: 'no complete response within 300 ms' });
});

test('a HEAD response has a length and no body', async () => {
  const port = await serveAnswers(['HTTP/1.1 200 OK\r\ncontent-length: 20\r\n\r\n', 'HTTP/1.1 200 OK\r\ncontent-length: 1\r\n\r\nx']);
  const results = await exchange(port, [{ bytes: request, head: true }, { bytes: request }], 2000);
  expect(results.map((r) => r.ok && r.response.body.toString())).toEqual(['', 'x']);
});
