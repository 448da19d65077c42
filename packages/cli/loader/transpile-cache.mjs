// A content-addressed cache of SWC output, shared by every process the CLI starts: a dev restart
// re-reads the unchanged modules' JavaScript instead of transpiling them again. Keyed by the source,
// its path (it appears in source maps) and the SWC version and options, so it never serves stale code.
// DECORUM_CACHE=0 turns it off; DECORUM_CACHE_DIR moves it.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const enabled = process.env.DECORUM_CACHE !== '0';
const directory = process.env.DECORUM_CACHE_DIR || join(tmpdir(), `decorum-swc-${safeUser()}`);
let directoryReady = false;

export function cacheKey(...parts) {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

export function readCached(key) {
  if (!enabled) return undefined;
  try {
    return readFileSync(join(directory, `${key}.js`), 'utf8');
  } catch {
    return undefined;
  }
}

export function writeCached(key, code) {
  if (!enabled) return;
  try {
    if (!directoryReady) mkdirSync(directory, { recursive: true });
    directoryReady = true;
    // Written aside and renamed, so a process reading at the same moment never sees half a file.
    const temporary = join(directory, `${key}.${process.pid}.tmp`);
    writeFileSync(temporary, code);
    renameSync(temporary, join(directory, `${key}.js`));
  } catch {
    // A cache that cannot be written only costs speed.
  }
}

function safeUser() {
  try {
    return userInfo().username.replace(/[^\w.-]/g, '_');
  } catch {
    return String(process.getuid?.() ?? 'user');
  }
}
