/** `decorum build` and `decorum start` on its output: compiled JavaScript, run with no transpiler. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildPackages, BUILD_PACKAGES_MS } from './built-packages.js';
import { CliProcess, createTempApp, killAll, removeTempApp, tryGet, waitFor } from './cli-process.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const START_MS = 30_000;
const TEST_MS = 60_000;

const app = {
  'src/main.ts': `
import { Type } from 'class-transformer';
import { IsInt, ValidateNested } from 'class-validator';
import { Body, Controller, Get, Param, Post, createApp } from '@decorumjs/decorum';
import { describeValue } from './lib/describe-value.js';

class Line {
  @IsInt() qty!: number;
}

class Order {
  @ValidateNested() @Type(() => Line) line!: Line;
}

@Controller()
export class ItemsController {
  @Get('items/:id')
  read(@Param('id') id: number) {
    return describeValue(id);
  }

  @Post('orders')
  order(@Body() order: Order) {
    return { qty: order.line.qty, nested: order.line instanceof Line };
  }

  @Get('pid')
  pid() {
    return { pid: process.pid };
  }

  @Get('env')
  env() {
    return { nodeEnv: process.env.NODE_ENV ?? null };
  }
}

export const app = createApp({ controllers: [ItemsController] });
`,
  'src/lib/describe-value.ts': `
export const describeValue = (id: number): { id: number; type: string } => ({ id, type: typeof id });
`,
  'src/main.test.ts': `throw new Error('tests are not part of the build');\n`,
};

let dirs: string[] = [];

beforeAll(() => buildPackages(), BUILD_PACKAGES_MS);

afterEach(() => {
  killAll();
  for (const dir of dirs) removeTempApp(dir);
  dirs = [];
});

function tempApp(files: Record<string, string> = app): string {
  const dir = createTempApp(files);
  dirs.push(dir);
  symlinkSync(realpathSync(join(repo, 'test/node_modules/class-transformer')), join(dir, 'node_modules/class-transformer'), 'dir');
  return dir;
}

async function post(url: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

async function runCli(dir: string, args: string[], env?: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const cli = new CliProcess(args, { cwd: dir, env });
  const { code } = await cli.waitForExit(START_MS);
  return { code, output: cli.output };
}

async function startCli(dir: string, args: string[] = [], env?: Record<string, string>): Promise<{ cli: CliProcess; url: string }> {
  const cli = new CliProcess(['start', '--port', '0', ...args], { cwd: dir, env });
  const [, url] = await cli.waitForOutput(/"url":"(http:\/\/[^"]+)"/, START_MS);
  return { cli, url: url! };
}

describe('decorum build', () => {
  it('mirrors src into dist as JavaScript with source maps, leaving tests out', async () => {
    const dir = tempApp();
    const { code, output } = await runCli(dir, ['build']);
    expect(code).toBe(0);
    expect(output).toMatch(/compiled 2 files from src to dist in \d+ ms; the app is dist\/main\.js/);
    for (const file of ['dist/main.js', 'dist/main.js.map', 'dist/lib/describe-value.js']) expect(existsSync(join(dir, file))).toBe(true);
    expect(existsSync(join(dir, 'dist/main.test.js'))).toBe(false);
    expect(readFileSync(join(dir, 'dist/main.js'), 'utf8')).toContain('//# sourceMappingURL=main.js.map');
    expect(JSON.parse(readFileSync(join(dir, 'dist/main.js.map'), 'utf8'))).toMatchObject({ sources: ['../src/main.ts'] });
  }, TEST_MS);

  it('writes JavaScript that plain node runs, decorator metadata intact', async () => {
    const dir = tempApp();
    expect((await runCli(dir, ['build'])).code).toBe(0);
    // No CLI, no loader, no flags: what `node dist/main.js` would load.
    const serve = "const { app } = await import('./dist/main.js'); const { url } = await app.listen(0); console.log('URL ' + url);";
    const child = spawn(process.execPath, ['--input-type=module', '-e', serve], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const url = await waitFor(() => /URL (\S+)/.exec(output)?.[1], START_MS, () => output);
      // `id: number` reaches the handler as a number only if `design:paramtypes` survived the build.
      expect(JSON.parse((await tryGet(`${url}/items/42`))!)).toEqual({ id: 42, type: 'number' });
      expect(JSON.parse((await tryGet(`${url}/items/abc`))!)).toMatchObject({ detail: [{ type: 'float_parsing', loc: ['path', 'id'] }] });
      // class-transformer's @Type and class-validator's rules, both read at bootstrap from the build.
      expect(await post(`${url}/orders`, { line: { qty: 3 } })).toEqual({ status: 200, json: { qty: 3, nested: true } });
      expect(await post(`${url}/orders`, { line: { qty: 'x' } })).toMatchObject({ status: 422, json: { detail: [{ loc: ['body', 'line', 'qty'] }] } });
    } finally {
      child.kill('SIGKILL');
    }
  }, TEST_MS);

  it('fails on type errors with --type-check, building nothing', async () => {
    const dir = tempApp({
      'src/main.ts': "export const port: number = 'eight thousand';\n",
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', types: [] }, include: ['src'] }),
    });
    symlinkSync(realpathSync(join(repo, 'node_modules/typescript')), join(dir, 'node_modules/typescript'), 'dir');
    const { code, output } = await runCli(dir, ['build', '--type-check']);
    expect(code).toBe(2);
    expect(output).toContain("src/main.ts(1,14): error TS2322: Type 'string' is not assignable to type 'number'.");
    expect(output).toContain('decorum: DECORUM_ERR_CLI_TYPE_CHECK: type errors (above); nothing was built. Fix them and build again');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  }, TEST_MS);

  it('points at the line of a syntax error and exits 1', async () => {
    const dir = tempApp({ 'src/main.ts': 'export const app = ;\n' });
    const { code, output } = await runCli(dir, ['build']);
    expect(code).toBe(1);
    expect(output).toMatch(/^decorum: DECORUM_ERR_CLI_COMPILE: \/.*src\/main\.ts:1:20: Expression expected/);
    expect(output.trim()).toMatch(/\nFix the syntax above, then build again\.$/);
  }, TEST_MS);
});

describe('decorum start on a build', () => {
  for (const workers of ['1', '2']) {
    it(`serves dist/main.js in production mode, with no transpiler, watcher or argument parser loaded (--workers ${workers})`, async () => {
      const dir = tempApp();
      expect((await runCli(dir, ['build'])).code).toBe(0);
      // Every module the CLI and its workers load, recorded by a module hook of the test's own (see PROBE).
      const loadedFile = join(dir, 'loaded.txt');
      writeFileSync(join(dir, 'probe.mjs'), PROBE);
      // NODE_ENV empty counts as unset (the test runner sets it to "test").
      const env = { NODE_ENV: '', NODE_OPTIONS: `--import=${join(dir, 'probe.mjs')}`, LOADED_FILE: loadedFile };
      const { cli, url } = await startCli(dir, ['--workers', workers], env);
      expect(JSON.parse((await tryGet(`${url}/items/7`))!)).toEqual({ id: 7, type: 'number' });
      expect(JSON.parse((await tryGet(`${url}/env`))!)).toEqual({ nodeEnv: 'production' });
      const server = (JSON.parse((await tryGet(`${url}/pid`))!) as { pid: number }).pid;

      const loaded = readFileSync(loadedFile, 'utf8').split('\n');
      expect(loaded.some((url) => url.endsWith('/dist/main.js'))).toBe(true);
      expect(loaded.filter((url) => /@swc|\/commander\/|\/chokidar\/|\/cli\/loader\/|\/cli\/src\/|\/(core|decorum)\/src\//.test(url))).toEqual([]);
      // Nor what only some apps use: jose, until a token is signed or verified.
      expect(loaded.filter((url) => /\/jose\//.test(url))).toEqual([]);
      // SWC's native binding is mapped into a process if any of its threads loaded it.
      for (const pid of new Set([cli.child.pid!, server])) expect(readFileSync(`/proc/${pid}/maps`, 'utf8')).not.toMatch(/swc/i);
    }, TEST_MS);
  }

  it('keeps a NODE_ENV that is already set', async () => {
    const dir = tempApp();
    expect((await runCli(dir, ['build'])).code).toBe(0);
    const { url } = await startCli(dir, [], { NODE_ENV: 'staging' });
    expect(JSON.parse((await tryGet(`${url}/env`))!)).toEqual({ nodeEnv: 'staging' });
  }, TEST_MS);

  it('refuses TypeScript that was not built, saying how to build it', async () => {
    const dir = tempApp();
    const byDefault = await runCli(dir, ['start']);
    expect(byDefault.code).toBe(1);
    expect(byDefault.output.trim()).toBe(
      'decorum: DECORUM_ERR_CLI_NOT_BUILT: src/main.ts is TypeScript, and `decorum start` runs compiled JavaScript with no ' +
        'transpiler loaded. Run `decorum build` (it writes dist/main.js), then `decorum start`; or run `decorum dev` to develop.',
    );
    expect((await runCli(dir, ['build'])).code).toBe(0);
    const named = await runCli(dir, ['start', 'src/main.ts']);
    expect(named.code).toBe(1);
    expect(named.output).toContain('Serve its build with `decorum start dist/main.js`');
  }, TEST_MS);

  it('serves the build of package.json "decorum.entry"', async () => {
    const { 'src/main.ts': main, ...rest } = app;
    const dir = tempApp({ ...rest, 'src/server.ts': main });
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as object;
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...manifest, decorum: { entry: 'src/server.ts' } }));
    expect((await runCli(dir, ['build'])).code).toBe(0);
    const { url } = await startCli(dir);
    expect(JSON.parse((await tryGet(`${url}/items/1`))!)).toEqual({ id: 1, type: 'number' });
  }, TEST_MS);
});

/** A module hook (run on its own thread) that appends every URL the process loads to $LOADED_FILE. */
const PROBE = `
import { register } from 'node:module';
const hooks = \`
import { appendFileSync } from 'node:fs';
export async function load(url, context, nextLoad) {
  appendFileSync(process.env.LOADED_FILE, url + '\\\\n');
  return nextLoad(url, context);
}\`;
register('data:text/javascript,' + encodeURIComponent(hooks));
`;
