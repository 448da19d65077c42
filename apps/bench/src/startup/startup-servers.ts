/**
 * What `bench --startup` starts: the quickstart as a user runs it in production (`decorum build`,
 * then `decorum start` on its dist/main.js), beside Fastify with the same routes and raw node:http
 * (the bench's own servers, started by serve.js).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVE = fileURLToPath(new URL('../serve.js', import.meta.url));
const QUICKSTART = fileURLToPath(new URL('../../../quickstart/', import.meta.url));
/** The development CLI, for `decorum build`. */
const DECORUM_BIN = fileURLToPath(new URL('../../../../packages/cli/bin/decorum.mjs', import.meta.url));
/** The `decorum` bin an app runs `start` with in production: @decorumjs/decorum's, no CLI involved. */
const START_BIN = fileURLToPath(new URL('../../../../packages/decorum/bin/decorum.mjs', import.meta.url));

export interface StartupServer {
  readonly id: string;
  readonly label: string;
  /** The node arguments that serve it on `port`, and the folder to run them in. */
  command(port: number): { args: string[]; cwd?: string };
}

export const STARTUP_SERVERS: readonly StartupServer[] = [
  { id: 'raw-node', label: 'raw node:http', command: (port) => ({ args: [SERVE, 'raw-node', String(port)] }) },
  { id: 'fastify', label: 'Fastify 5 (JSON schema)', command: (port) => ({ args: [SERVE, 'fastify', String(port)] }) },
  {
    id: 'decorum-start',
    label: 'Decorum quickstart (`decorum start`, built)',
    command: (port) => ({ args: [START_BIN, 'start', '--port', String(port)], cwd: QUICKSTART }),
  },
];

export const STARTUP_BASELINE = 'fastify';
export const DECORUM_START = 'decorum-start';

/** `decorum build` in the quickstart, so `decorum start` serves this tree's code. */
export function buildQuickstart(): void {
  execFileSync(process.execPath, [DECORUM_BIN, 'build'], { cwd: QUICKSTART, stdio: 'inherit' });
}
