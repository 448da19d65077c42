/**
 * A bare TCP client for the cases about the transport itself, where `fetch` would hide what matters:
 * it writes a request head and an optional body (sized or chunked, with backpressure), reads whatever
 * the server answers, and reports any write or read error (EPIPE, ECONNRESET) it met on the way.
 */
import { connect, type Socket } from 'node:net';

export interface RawExchange {
  /** Everything the server sent, as text. */
  readonly text: string;
  readonly status: number | undefined;
  /** The first response's body, cut at its Content-Length. */
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The first error the socket reported, if any. */
  readonly error: string | undefined;
  /** Bytes of the body written before the exchange ended. */
  readonly sent: number;
}

export interface RawRequest {
  /** The request line and headers, without the blank line that ends them. */
  readonly head: string;
  /** Body bytes to send after the head, in 64 KiB writes. */
  readonly bodySize?: number;
  /** Send the body as chunked transfer coding. */
  readonly chunked?: boolean;
  /** Wait for the server's first bytes before sending the body (Expect: 100-continue). */
  readonly waitForContinue?: boolean;
  /** Give up after this long, in ms (the exchange is then reported as it stands). */
  readonly timeoutMs?: number;
  /** Leave the head unfinished (no blank line): `drive` goes on sending header lines. */
  readonly partialHead?: boolean;
  /** Read until the server closes the connection, so a reset after the answer is seen too. */
  readonly untilClose?: boolean;
  /** Called with the socket once connected, to send a body by hand (a slow trickle). */
  readonly drive?: (socket: Socket) => void;
}

const CHUNK = Buffer.alloc(64 * 1024, 0x78);

export function rawExchange(url: string, request: RawRequest): Promise<RawExchange> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    // Half-open allowed: a server that answers early and half-closes may still be reading the rest of the body.
    const socket = connect({ port: Number(port), host: hostname, allowHalfOpen: true });
    const received: Buffer[] = [];
    let error: string | undefined;
    let sent = 0;
    let settled = false;
    // As a real client does: the exchange ends once the body is sent and the response read, or on close.
    let writing = (request.bodySize ?? 0) > 0;
    let answered = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(parse(Buffer.concat(received).toString('latin1'), error, sent));
    };
    const timer = setTimeout(finish, request.timeoutMs ?? 10_000);
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      answered = complete(Buffer.concat(received).toString('latin1'));
      if (answered && !writing && !request.untilClose) finish();
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error ??= e.code ?? e.message;
      finish();
    });
    socket.on('end', () => {
      if (!writing) finish();
    });
    socket.on('close', finish);
    socket.on('connect', () => {
      socket.write(request.partialHead ? request.head : `${request.head}\r\n\r\n`);
      if (request.drive) return request.drive(socket);
      if (!writing) {
        if (request.untilClose) socket.end();
        return;
      }
      const start = () => {
        void writeBody(socket, request.bodySize ?? 0, request.chunked === true, (n) => (sent = n)).then(() => {
          writing = false;
          if (request.untilClose) socket.end();
          else if (answered) finish();
        });
      };
      if (!request.waitForContinue) return start();
      socket.once('data', (first: Buffer) => {
        if (/^HTTP\/1\.1 100 /.test(first.toString('latin1'))) return start();
        // A final answer instead of the invitation: the body is never sent.
        writing = false;
        if (answered && !request.untilClose) finish();
      });
    });
  });
}

async function writeBody(socket: Socket, size: number, chunked: boolean, progress: (sent: number) => void): Promise<void> {
  let sent = 0;
  while (sent < size && !socket.destroyed) {
    const piece = CHUNK.subarray(0, Math.min(CHUNK.byteLength, size - sent));
    const framed = chunked ? Buffer.concat([Buffer.from(`${piece.byteLength.toString(16)}\r\n`), piece, Buffer.from('\r\n')]) : piece;
    sent += piece.byteLength;
    progress(sent);
    if (!socket.write(framed)) await new Promise((r) => { socket.once('drain', r); socket.once('close', r); });
  }
  if (chunked && !socket.destroyed) socket.write('0\r\n\r\n');
}

function complete(text: string): boolean {
  const rest = skipInterim(text);
  const end = rest.indexOf('\r\n\r\n');
  if (end === -1) return false;
  const length = /\r\ncontent-length: *(\d+)/i.exec(rest.slice(0, end));
  return length !== null && Buffer.byteLength(rest.slice(end + 4), 'latin1') >= Number(length[1]);
}

/** Drops interim responses (`100 Continue`) from the front. */
function skipInterim(text: string): string {
  let rest = text;
  while (/^HTTP\/1\.1 1\d\d /.test(rest) && rest.includes('\r\n\r\n')) rest = rest.slice(rest.indexOf('\r\n\r\n') + 4);
  return rest;
}

function parse(text: string, error: string | undefined, sent: number): RawExchange {
  const rest = skipInterim(text);
  const end = rest.indexOf('\r\n\r\n');
  const head = end === -1 ? rest : rest.slice(0, end);
  const status = /^HTTP\/1\.1 (\d{3})/.exec(head)?.[1];
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = headers['content-length'];
  const raw = end === -1 ? '' : rest.slice(end + 4);
  const body = length === undefined ? raw : raw.slice(0, Number(length));
  return { text, status: status === undefined ? undefined : Number(status), body, headers, error, sent };
}
