/**
 * What the outside-the-repo test needs: the packages packed to tarballs as they would be published, a
 * project scaffolded by the packed create-app in a temporary folder, and plain `npm` run there with an
 * environment free of this workspace (no pnpm or vitest variables, no workspace bins on PATH).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The environment of a user's shell: no npm, pnpm or vitest settings leaking in from the test runner
 * (pnpm's bin shims set NODE_PATH to the workspace's packages, which would make the repo's CLI resolvable).
 */
export const userEnv: Record<string, string> = Object.fromEntries(
  Object.entries(process.env)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .filter(([key]) => !/^(npm_|pnpm_|PNPM_|VITEST|NODE_OPTIONS$|NODE_ENV$|NODE_PATH$|DECORUM_)/i.test(key))
    .map(([key, value]) => [key, key === 'PATH' ? withoutWorkspaceBins(value) : value]),
);

function withoutWorkspaceBins(path: string): string {
  return path.split(delimiter).filter((dir) => !dir.startsWith(repo + sep) && !dir.includes(`${sep}node_modules${sep}.bin`)).join(delimiter);
}

export interface RunResult {
  status: number | null;
  output: string;
}

/** Runs a command to its end (bounded), stdout and stderr together. Throws with the output on failure. */
export function run(command: string, args: string[], cwd: string, options: { env?: Record<string, string>; timeoutMs?: number } = {}): RunResult {
  const result = spawnSync(command, args, {
    cwd,
    env: { ...userEnv, ...options.env },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 240_000,
    killSignal: 'SIGKILL',
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) {
    throw new Error(`\`${command} ${args.join(' ')}\` in ${cwd} exited ${result.status ?? result.signal}:\n${output}`);
  }
  return { status: result.status, output };
}

/** Packs every package of the workspace (pnpm rewrites workspace:* and applies publishConfig). */
export function packPackages(destination: string): Map<string, string> {
  run('npx', ['-y', 'pnpm@12.21.0', '-r', '--filter', './packages/*', 'pack', '--pack-destination', destination], repo);
  const tarballs = new Map<string, string>();
  for (const file of readdirSync(destination).filter((f) => f.endsWith('.tgz'))) {
    const name = `@decorumjs/${file.replace(/^decorumjs-/, '').replace(/-\d+\.\d+\.\d+(?:-[\w.]+)?\.tgz$/, '')}`;
    tarballs.set(name, join(destination, file));
  }
  return tarballs;
}

/**
 * Points the scaffolded project's @decorumjs dependencies at the tarballs, and every @decorumjs package
 * anywhere in the tree (the umbrella's own dependencies) through npm `overrides`, as the registry would.
 */
export function useTarballs(projectDir: string, tarballs: Map<string, string>): void {
  const path = join(projectDir, 'package.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Record<string, string> | unknown>;
  const specs = Object.fromEntries([...tarballs].map(([name, file]) => [name, `file:${file}`]));
  for (const field of ['dependencies', 'devDependencies']) {
    const deps = manifest[field] as Record<string, string>;
    for (const name of Object.keys(deps)) if (specs[name]) deps[name] = specs[name];
  }
  manifest['overrides'] = specs;
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Bytes on disk (the files' sizes) and the packages installed under a node_modules folder, nested ones included. */
export function measureInstall(nodeModules: string): { bytes: number; packages: string[] } {
  return { bytes: sizeOf(nodeModules), packages: packagesIn(nodeModules).sort() };
}

function sizeOf(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) bytes += sizeOf(path);
    else if (entry.isFile()) bytes += lstatSync(path).size;
  }
  return bytes;
}

function packagesIn(nodeModules: string): string[] {
  const found: string[] = [];
  const visit = (path: string, name: string): void => {
    found.push(name);
    const nested = join(path, 'node_modules');
    if (existsSync(nested)) found.push(...packagesIn(nested));
  };
  for (const entry of readdirSync(nodeModules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const path = join(nodeModules, entry.name);
    if (!entry.name.startsWith('@')) visit(path, entry.name);
    else for (const scoped of readdirSync(path)) visit(join(path, scoped), `${entry.name}/${scoped}`);
  }
  return found;
}

/** A TCP port that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** An `npm run <script>` left running (a server), in its own process group so it can be ended whole. */
export class RunningScript {
  readonly child: ChildProcess;
  output = '';

  constructor(script: string, cwd: string, env: Record<string, string>) {
    this.child = spawn('npm', ['run', script], { cwd, env: { ...userEnv, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  stop(): void {
    try {
      process.kill(-this.child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
