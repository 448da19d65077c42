/**
 * `decorum build --type-check`: the project's own TypeScript checks its types (`tsc --noEmit`) before
 * SWC compiles, as `nest build --type-check` does; SWC alone only strips them.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { commandErrors } from '../errors.js';

export async function checkTypes(root: string): Promise<void> {
  let tsc: string;
  try {
    tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    throw commandErrors.typeScriptMissing();
  }
  // tsc's colours and code frames when a person reads them, plain `file(line,col): error` lines otherwise.
  const pretty = Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;
  const args = [tsc, '--noEmit', '--pretty', String(pretty), ...(existsSync(join(root, 'tsconfig.json')) ? ['-p', root] : [])];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) {
    process.stderr.write(output.trimEnd() + '\n');
    throw commandErrors.typeErrors();
  }
}
