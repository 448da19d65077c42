/** The command over a real process: a mistake prints its code and fix on one line, exits 1, shows no stack. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { errors } from './errors.js';

const bin = fileURLToPath(new URL('../bin/create-app.mjs', import.meta.url));
let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'create-app-cli-'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

function run(args: string[]): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stderr: result.stderr };
}

test.each([
  ['no directory', [], errors.missingDirectory()],
  ['two directories', ['my', 'api'], errors.extraArguments(['api'])],
  ['an unknown option', ['my-api', '--typescript'], errors.badOption("Unknown option '--typescript'")],
  ['a name npm refuses', ['My API'], errors.badName('My API')],
])('%s: one line with the code and the fix, exit 1', (_, args, expected) => {
  const { status, stderr } = run(args);
  expect(status).toBe(1);
  expect(stderr).toBe(`create-app: ${expected.message}\n`);
  expect(stderr).toContain(expected.code);
  expect(stderr).toContain(expected.fix);
});
