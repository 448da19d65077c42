/**
 * Lingering: what a client was still sending when it was answered is read and thrown away, up to a
 * bound, before the connection is closed or reused. Closing a socket with unread bytes in it makes the
 * kernel send a reset, and a client that is still uploading then sees EPIPE or ECONNRESET instead of the
 * 413 (or 431, 408) it was sent. Past the bound the connection is cut, so nobody can make the server
 * read forever.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { DEFAULT_SERVER_LIMITS } from '@decorumjs/core';

/** How long a closing connection waits for the client to stop sending after its answer. */
const LINGER_MS = 2_000;

const discardLimits = new WeakMap<Duplex, number>();
const discarding = new WeakSet<Duplex>();
const lingering = new WeakSet<Duplex>();
/** Requests with `Expect: 100-continue` that were not invited to send their body: there is none to discard. */
const uninvited = new WeakSet<IncomingMessage>();

/** Records the discard bound of connections accepted by a server Decorum configured. */
export function setDiscardLimit(socket: Duplex, limit: number): void {
  discardLimits.set(socket, limit);
}

export function withholdContinue(req: IncomingMessage): void {
  uninvited.add(req);
}

/** True while a connection is throwing away an answered request's body: no second answer is due. */
export function isDiscarding(socket: Duplex): boolean {
  return discarding.has(socket);
}

/** True once a connection had its last answer and is closing: node's parser, fed the rest, errs again. */
export function isLingering(socket: Duplex): boolean {
  return lingering.has(socket);
}

/**
 * Whether the request announced a body. Cheap, for the hot path: node reports a bodyless request as not
 * `complete` yet while its handler runs, so `complete` alone would send every GET through the discard.
 */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return length === undefined ? req.headers['transfer-encoding'] !== undefined : length !== '0';
}

/**
 * Reads what is left of a request body the app left unread, keeping the connection usable; past the
 * connection's discard bound, closes it. A body someone still reads (a route streaming it) is left alone;
 * one never invited (`Expect: 100-continue`) is not coming: node closes that connection after the answer.
 */
export function discardUnread(req: IncomingMessage): void {
  if (req.complete || uninvited.has(req) || req.listenerCount('data') > 0) return;
  const socket = req.socket;
  const limit = discardLimits.get(socket) ?? DEFAULT_SERVER_LIMITS.discardLimit;
  let seen = 0;
  discarding.add(socket);
  const onData = (chunk: Buffer) => {
    seen += chunk.byteLength;
    if (seen > limit) socket.destroy();
  };
  req.on('data', onData).once('end', () => {
    req.off('data', onData);
    discarding.delete(socket);
  });
  req.resume();
}

/**
 * Ends a connection after a last answer written straight to the socket: half-closes it, reads and drops
 * what the client still sends (up to the bound, for at most `LINGER_MS`), then destroys it.
 */
export function lingerClose(socket: Duplex, answer: string): void {
  const limit = discardLimits.get(socket) ?? DEFAULT_SERVER_LIMITS.discardLimit;
  let seen = 0;
  lingering.add(socket);
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.on('data', (chunk: Buffer) => {
    seen += chunk.byteLength;
    if (seen > limit) socket.destroy();
  });
  socket.once('end', () => socket.destroy());
  socket.once('close', () => clearTimeout(timer));
  socket.end(answer);
  socket.resume();
}
