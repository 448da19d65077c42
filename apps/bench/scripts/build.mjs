// Builds what the bench runs: Decorum's packages and the bench itself with tsc (decorator metadata
// intact), and @decorumjs/platform-fastify only when it exists in the tree; the bench skips it otherwise.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const build = (project) => execFileSync(process.execPath, [tsc, '-b', project], { cwd: root, stdio: 'inherit' });

function fastifyAdapterCommitted() {
  if (!existsSync(`${root}packages/platform-fastify/src/index.ts`)) return false;
  try {
    return execFileSync('git', ['log', '-1', '--format=%h', '--', 'packages/platform-fastify/src'], { cwd: root, encoding: 'utf8' }).trim() !== '';
  } catch {
    return true; // not a git checkout (a tarball): trust the files
  }
}

if (fastifyAdapterCommitted()) {
  try {
    build('packages/platform-fastify');
  } catch {
    console.log('note: @decorumjs/platform-fastify does not build yet; the bench will skip it');
  }
} else {
  console.log('note: @decorumjs/platform-fastify is not in the tree yet; the bench will skip it');
}
// `bench --startup` runs the quickstart under `decorum start`, whose fast path is the compiled CLI.
build('packages/cli');
build('apps/bench');
