/**
 * The `decorum` bin of @decorumjs/decorum, the package a production install keeps: it serves
 * `decorum start` with @decorumjs/cli absent, hands every other command to the CLI when the project
 * has it, and says in one line what to install when it does not.
 */
import { symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildPackages, BUILD_PACKAGES_MS } from './built-packages.js';
import { CliProcess, createTempApp, killAll, removeTempApp, tryGet, umbrellaBin, waitForBody } from './cli-process.js';

const START_MS = 30_000;
const TEST_MS = 60_000;
const repo = resolve(import.meta.dirname, '../..');

/** Compiled output of a one-route app: decorators applied by hand, as the compiler's output does. */
const compiledApp = `
import { Controller, Get, createApp } from '@decorumjs/decorum';
class PidController { pid() { return { pid: process.pid, env: process.env.NODE_ENV }; } }
Controller()(PidController);
Get('pid')(PidController.prototype, 'pid', Object.getOwnPropertyDescriptor(PidController.prototype, 'pid'));
export const app = createApp({ controllers: [PidController] });
`;

/**
 * A user's shell: pnpm's bin shims put the workspace's packages on NODE_PATH (a project has only its
 * own node_modules), and the test runner's NODE_ENV=test would hide the production default.
 */
const userShell = { NODE_PATH: '', NODE_ENV: '' };

let dirs: string[] = [];

beforeAll(() => buildPackages(), BUILD_PACKAGES_MS);

afterEach(() => {
  killAll();
  for (const dir of dirs) removeTempApp(dir);
  dirs = [];
});

function tempApp(): string {
  const dir = createTempApp({ 'dist/main.js': compiledApp });
  dirs.push(dir);
  return dir;
}

describe("@decorumjs/decorum's decorum bin", () => {
  it('serves `decorum start` in production mode in a project without @decorumjs/cli', async () => {
    const dir = tempApp();
    const cli = new CliProcess(['start', '--port', '0'], { cwd: dir, bin: umbrellaBin, env: userShell });
    const [, url] = await cli.waitForOutput(/"url":"(http:\/\/[^"]+)"/, START_MS);
    await waitForBody(`${url!}/pid`, /pid/, 5_000);
    expect(JSON.parse((await tryGet(`${url!}/pid`))!)).toMatchObject({ pid: cli.child.pid, env: 'production' });
  }, TEST_MS);

  for (const args of [['dev'], ['build'], ['--help'], ['start', '--help'], ['start', '--workers', '0']]) {
    it(`says in one line to install @decorumjs/cli for \`decorum ${args.join(' ')}\` when it is missing`, async () => {
      const cli = new CliProcess(args, { cwd: tempApp(), bin: umbrellaBin, env: userShell });
      const { code } = await cli.waitForExit(START_MS);
      expect(code).toBe(1);
      const lines = cli.output.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^decorum: DECORUM_ERR_CLI_(NOT_INSTALLED|USAGE): .*@decorumjs\/cli.* Install them with `npm install --save-dev @decorumjs\/cli`/);
    }, TEST_MS);
  }

  it("hands every other command to the project's @decorumjs/cli", async () => {
    const dir = tempApp();
    symlinkSync(join(repo, 'packages/cli'), join(dir, 'node_modules/@decorumjs/cli'), 'dir');
    const cli = new CliProcess(['--help'], { cwd: dir, bin: umbrellaBin, env: userShell });
    const { code } = await cli.waitForExit(START_MS);
    expect(code).toBe(0);
    for (const command of ['dev', 'build', 'start', 'openapi']) expect(cli.output).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
  }, TEST_MS);
});
