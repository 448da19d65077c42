/**
 * A mistake in how `decorum` is called is answered like a bootstrap error: one `decorum: <code>: …`
 * line with a stable code and the sentence that says what to do, a non-zero exit and no stack trace,
 * whichever path the command takes (commander, or the bin's fast path for `start`).
 */
import { afterEach, expect, it } from 'vitest';
import { CliProcess, createTempApp, killAll, removeTempApp } from './cli-process.js';

let dirs: string[] = [];

afterEach(() => {
  killAll();
  for (const dir of dirs) removeTempApp(dir);
  dirs = [];
});

const APP = "import { createApp } from '@decorumjs/decorum';\nexport const app = createApp({ controllers: [] });\n";

interface Mistake {
  readonly args: string[];
  readonly files?: Record<string, string>;
  readonly env?: Record<string, string>;
  readonly code: string;
  readonly fix: string;
}

const mistakes: Record<string, Mistake> = {
  'an entry file that does not exist': {
    args: ['dev', 'src/server.ts'], code: 'DECORUM_ERR_CLI_ENTRY_NOT_FOUND',
    fix: 'Check the path (it is relative to the current folder), or leave it out to use package.json "decorum.entry" or src/main.ts.',
  },
  '`decorum start` pointed at TypeScript without a build': {
    args: ['start', 'src/main.ts'], files: { 'src/main.ts': APP }, code: 'DECORUM_ERR_CLI_NOT_BUILT',
    fix: 'Run `decorum build` (it writes dist/main.js), then `decorum start dist/main.js`; or run `decorum dev` to develop.',
  },
  'an unknown option': {
    args: ['build', '--out', 'dist'], code: 'DECORUM_ERR_CLI_USAGE',
    fix: 'See `decorum build --help` for its arguments and options.',
  },
  'a PORT that is no port': {
    args: ['start'], files: { 'dist/main.js': APP }, env: { PORT: 'http' }, code: 'DECORUM_ERR_CLI_PORT',
    fix: 'Set the PORT environment variable to a whole number such as 8000, or unset it for the default, 8000.',
  },
  'an --out-dir that holds the sources': {
    args: ['build', '--out-dir', '.'], files: { 'src/main.ts': APP }, code: 'DECORUM_ERR_CLI_OUT_DIR',
    fix: 'Pass another --out-dir, outside the sources, as in --out-dir dist.',
  },
};

for (const [mistake, { args, files, env, code, fix }] of Object.entries(mistakes)) {
  it(`${mistake}: prints the code and the fix, exits non-zero, no stack trace`, async () => {
    const dir = createTempApp(files ?? {});
    dirs.push(dir);
    const cli = new CliProcess(args, { cwd: dir, env });
    const { code: exitCode } = await cli.waitForExit(20_000);
    expect(exitCode).not.toBe(0);
    const output = cli.output.trim();
    expect(output.split('\n')).toHaveLength(1);
    expect(output).toMatch(new RegExp(`^decorum( \\w+)?: ${code}: `));
    expect(output.endsWith(` ${fix}`)).toBe(true);
    expect(output).not.toMatch(/\s+at |Node\.js v|CliError|node:internal/);
  }, 30_000);
}
