/**
 * Password hashing on `node:crypto`'s scrypt (RFC 7914): no native add-on to build, and a hash string
 * that carries its own parameters and salt, so cost can be raised later without breaking old hashes.
 * Format: `$scrypt$ln=17,r=8,p=1$<salt base64>$<key base64>` (the PHC string format).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface PasswordHashOptions {
  /** log2 of the CPU/memory cost N. Default 17 (N = 131072, 128 MiB × r / 8), OWASP's minimum for scrypt. */
  logCost?: number;
  /** Block size. Default 8. */
  blockSize?: number;
  /** Parallelism. Default 1. */
  parallelism?: number;
}

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,3}),p=(\d{1,2})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

/**
 * Hashes `password` with a fresh random salt.
 * @example
 * const stored = await hashPassword('correct horse'); // '$scrypt$ln=17,r=8,p=1$…$…'
 * await verifyPassword('correct horse', stored); // true
 */
export async function hashPassword(password: string, options: PasswordHashOptions = {}): Promise<string> {
  const { logCost = 17, blockSize = 8, parallelism = 1 } = options;
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, { N: 2 ** logCost, r: blockSize, p: parallelism });
  return `$scrypt$ln=${logCost},r=${blockSize},p=${parallelism}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * True when `password` matches `stored` (made by `hashPassword`), compared in constant time. A malformed
 * `stored` is false, not an error, so a corrupt row cannot be told apart from a wrong password.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = FORMAT.exec(stored);
  if (!match) return false;
  const [, ln, r, p, salt, key] = match as unknown as [string, string, string, string, string, string];
  const expected = Buffer.from(key, 'base64');
  if (expected.length < 16 || Number(ln) > 24) return false;
  const actual = await derive(password, Buffer.from(salt, 'base64'), expected.length, { N: 2 ** Number(ln), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected);
}

/** True when `stored` was made with weaker parameters than `options`: rehash on the next good login. */
export function needsRehash(stored: string, options: PasswordHashOptions = {}): boolean {
  const match = FORMAT.exec(stored);
  if (!match) return true;
  const { logCost = 17, blockSize = 8, parallelism = 1 } = options;
  return Number(match[1]) < logCost || Number(match[2]) < blockSize || Number(match[3]) < parallelism;
}

function derive(password: string, salt: Buffer, length: number, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  // Node refuses N·r above its default memory cap (32 MiB); allow what the parameters need, with headroom.
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
