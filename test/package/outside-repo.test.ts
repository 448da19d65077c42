// A user's first hour, outside this repository: every package packed to a tarball, a project scaffolded
// by the packed create-app in a temporary folder, installed with plain npm, and its test, openapi, dev,
// build and start scripts run, the servers answering over HTTP. Then a production install
// (`npm install --omit=dev`): its size, no dev tooling in it, and `npm start` serving the build.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { waitFor } from '../cli/cli-process.js';
import { freePort, measureInstall, packPackages, repo, run, RunningScript, userEnv, useTarballs } from './outside-repo.js';

const PRODUCTION_BUDGET_BYTES = 25_000_000;
/** Asked of this checkout's CLI when the file is collected, so a missing command is a visible skip. */
const cliHasBuild = /^\s+build\b/m.test(spawnSync(process.execPath, [join(repo, 'packages/cli/bin/decorum.mjs'), '--help'], { encoding: 'utf8' }).stdout);
if (!cliHasBuild) console.warn('outside-repo: `decorum build` is not in @decorumjs/cli yet; the build + start step is skipped');

let work: string;
let project: string;
let installOutput: string;
let hasBuild: boolean;
let tarballs: Map<string, string>;
const servers: RunningScript[] = [];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'decorum-outside-'));
  expect(relative(repo, work).startsWith('..')).toBe(true);
  run(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-b'], repo);
  tarballs = packPackages(join(work, 'tarballs'));
  mkdirSync(join(work, 'projects'));
  run('npx', ['--yes', '--package', tarballs.get('@decorumjs/create-app')!, 'create-app', 'my-api'], join(work, 'projects'));
  project = join(work, 'projects/my-api');
  useTarballs(project, tarballs);
  installOutput = run('npm', ['install', '--no-audit', '--no-fund'], project).output;
  hasBuild = /^\s+build\b/m.test(run('npx', ['decorum', '--help'], project).output);
}, 420_000);

afterAll(() => {
  for (const server of servers) server.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed packages', () => {
  test('are every package of the workspace, each with its manifest, README and LICENSE, and no sources, tests, maps or build info', () => {
    const workspacePackages = readdirSync(join(repo, 'packages')).filter((dir) => existsSync(join(repo, 'packages', dir, 'package.json')));
    expect([...tarballs.keys()].sort()).toEqual(workspacePackages.map((dir) => `@decorumjs/${dir}`).sort());
    for (const [name, tarball] of tarballs) {
      const files = run('tar', ['-tzf', tarball], work).output.split('\n').filter(Boolean);
      expect(files, name).toEqual(expect.arrayContaining(['package/package.json', 'package/README.md', 'package/LICENSE']));
      // create-app's template/ is the new project, its own test included.
      const shipped = files.filter((file) => !file.startsWith('package/template/'));
      expect(shipped.filter((file) => /\.test\.|\.tsbuildinfo$|\.map$|^package\/src\//.test(file)), name).toEqual([]);
      const manifest = JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json'], work).output) as Record<string, unknown>;
      expect(manifest, name).toMatchObject({ license: 'MIT', engines: { node: '>=20.19.0' }, repository: expect.anything(), description: expect.any(String), types: expect.any(String) });
      // publishConfig.exports must stay the in-repo exports less the source condition: nothing lost.
      const dir = name.replace('@decorumjs/', '');
      const inRepo = JSON.parse(readFileSync(join(repo, 'packages', dir, 'package.json'), 'utf8')) as { exports: unknown };
      expect(manifest['exports'], `${name}: publishConfig.exports`).toEqual(withoutSourceCondition(inRepo.exports));
      const text = JSON.stringify(manifest);
      expect(text, `${name}: a workspace protocol or the in-repo source condition left in`).not.toMatch(/workspace:|decorum-source/);
    }
  });
});

describe('a project made by npm create @decorumjs/app, installed from the packed tarballs', () => {
  test('installs with no engine, peer or install-script warning', () => {
    const warnings = installOutput.split('\n').filter((line) => /\bwarn\b/i.test(line));
    expect(warnings).toEqual([]);
  });

  test('has the scaffolded files and scripts', () => {
    for (const file of ['package.json', 'tsconfig.json', 'README.md', '.gitignore', 'src/main.ts', 'src/items.ts', 'test/app.test.ts']) {
      expect(existsSync(join(project, file)), file).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { name: string; scripts: Record<string, string> };
    expect(manifest.name).toBe('my-api');
    expect(Object.keys(manifest.scripts).sort()).toEqual(['build', 'dev', 'openapi', 'start', 'test']);
    expect(JSON.parse(readFileSync(join(project, 'tsconfig.json'), 'utf8')).compilerOptions).toMatchObject({ emitDecoratorMetadata: true, experimentalDecorators: true });
  });

  test('npm test passes its tests', () => {
    const { output } = run('npm', ['test'], project);
    expect(output).toMatch(/^# fail 0$/m);
    expect(Number(/^# pass (\d+)$/m.exec(output)?.[1])).toBeGreaterThan(0);
  }, 120_000);

  // NestJS-style tsconfigs still say `moduleResolution: node`; `main`/`types`/`typesVersions` beside
  // `exports` make the packed types resolve there as well as under node16/nodenext and bundler.
  test.each([
    ['nodenext', 'nodenext'],
    ['node16', 'node16'],
    ['commonjs', 'node'],
    ['esnext', 'bundler'],
  ])('the app and its test type-check with --module %s --moduleResolution %s', (module, resolution) => {
    writeFileSync(join(project, 'tsconfig.typecheck.json'), JSON.stringify({ extends: './tsconfig.json', compilerOptions: { noEmit: true, rootDir: '.' }, include: ['src', 'test', 'typecheck'] }));
    mkdirSync(join(project, 'typecheck'), { recursive: true });
    writeFileSync(join(project, 'typecheck/subpath.ts'), "import { runAdapterContract } from '@decorumjs/testing/contract';\nexport const contract: typeof runAdapterContract = runAdapterContract;\n");
    run('npx', ['tsc', '-p', 'tsconfig.typecheck.json', '--module', module, '--moduleResolution', resolution], project);
  }, 60_000);

  test('npm run openapi writes the document', () => {
    run('npm', ['run', 'openapi'], project);
    const document = JSON.parse(readFileSync(join(project, 'openapi.json'), 'utf8')) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual(['/greet', '/hello', '/items', '/items/{item_id}']);
  }, 120_000);

  test('npm run dev serves the API with its docs, offline', async () => {
    const base = await serve('dev');
    await expectTheExampleApi(base);
    const docs = await fetch(`${base}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger-ui-bundle.js');
    expect((await fetch(`${base}/docs/swagger-ui-bundle.js`)).status).toBe(200);
    expect((await fetch(`${base}/redoc/redoc.standalone.js`)).status).toBe(200);
  }, 120_000);

  // `decorum build` arrives with the compiled production build. Until this checkout's CLI lists it,
  // there is no dist/ for `npm start` to run: the step is reported as skipped, never passed.
  test.skipIf(!cliHasBuild)('npm run build, then npm start serves the compiled app', async () => {
    expect(hasBuild, 'the packed CLI lists `decorum build` like the checkout').toBe(true);
    run('npm', ['run', 'build'], project);
    expect(existsSync(join(project, 'dist/main.js'))).toBe(true);
    const base = await serve('start');
    await expectTheExampleApi(base);
  }, 180_000);

  test('the production install (npm install --omit=dev) is small, has no dev tooling, and npm start serves the build', async () => {
    const production = join(work, 'production');
    mkdirSync(production);
    cpSync(join(project, 'package.json'), join(production, 'package.json'));
    cpSync(join(project, 'package-lock.json'), join(production, 'package-lock.json'));
    run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund'], production);
    const { bytes, packages } = measureInstall(join(production, 'node_modules'));
    console.log(`production install: ${(bytes / 1e6).toFixed(1)} MB in ${packages.length} packages (budget ${PRODUCTION_BUDGET_BYTES / 1e6} MB)`);
    console.log(`  ${packages.join(', ')}`);
    for (const devOnly of ['@decorumjs/cli', '@swc/core', 'chokidar', 'commander', 'typescript', 'redoc', 'react', 'swagger-ui-dist']) {
      expect(packages, devOnly).not.toContain(devOnly);
    }
    expect(packages).toContain('@decorumjs/decorum');
    expect(bytes).toBeLessThan(PRODUCTION_BUDGET_BYTES);

    // A production image: the compiled dist/ from the build step, no sources, no dev dependencies.
    // `decorum start` is @decorumjs/decorum's own bin, so `npm start` runs with the CLI absent.
    expect(existsSync(join(project, 'dist/main.js')), 'dist/ from the build step').toBe(true);
    cpSync(join(project, 'dist'), join(production, 'dist'), { recursive: true });
    const base = await serve('start', production);
    await expectTheExampleApi(base);
    // The development commands say, in one line, what to install.
    const dev = spawnSync(join(production, 'node_modules/.bin/decorum'), ['dev'], { cwd: production, env: userEnv, encoding: 'utf8', timeout: 30_000 });
    expect(dev.status).toBe(1);
    expect(dev.stderr.trim()).toMatch(/^decorum: DECORUM_ERR_CLI_NOT_INSTALLED: `decorum dev` comes with the development tools, @decorumjs\/cli, .*npm install --save-dev @decorumjs\/cli/);
    expect(dev.stderr.trim().split('\n')).toHaveLength(1);
  }, 240_000);
});

function withoutSourceCondition(exports: unknown): unknown {
  if (typeof exports !== 'object' || exports === null) return exports;
  return Object.fromEntries(Object.entries(exports).filter(([key]) => key !== 'decorum-source').map(([key, value]) => [key, withoutSourceCondition(value)]));
}

/** Starts `npm run <script>` (in the scaffolded project, or `cwd`) on a free port; resolves with its base URL once /hello answers. */
async function serve(script: string, cwd = project): Promise<string> {
  const port = await freePort();
  const server = new RunningScript(script, cwd, { PORT: String(port), HOST: '127.0.0.1' });
  servers.push(server);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => ((await fetch(`${base}/hello`).catch(() => undefined))?.ok ? true : undefined),
    60_000,
    () => `npm run ${script} never answered on ${base}; output:\n${server.output}`,
  );
  return base;
}

async function expectTheExampleApi(base: string): Promise<void> {
  const json = async (path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  expect(await json('/hello?name=Ada')).toEqual({ status: 200, body: { message: 'Hello, Ada!' } });
  expect(await json('/items/42?q=hi')).toEqual({ status: 200, body: { item_id: 42, q: 'hi' } });
  expect((await json('/items/abc')).status).toBe(422);
  expect(await json('/items', { name: 'Foo', price: 9.5 })).toEqual({ status: 200, body: { created: 'Foo', price: 9.5 } });
  expect(await json('/greet', { name: 'Ada' })).toEqual({ status: 200, body: { message: 'Hello, Ada' } });
  expect(await json('/greet', { name: 'Ada', excited: true })).toEqual({ status: 200, body: { message: 'Hello, Ada!!!' } });
}
