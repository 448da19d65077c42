/** How the CLI answers mistakes in how it is called, and its help. */
import { afterEach, describe, expect, it } from 'vitest';
import { CliProcess, createTempApp, killAll, removeTempApp } from './cli-process.js';

let dirs: string[] = [];

afterEach(() => {
  killAll();
  for (const dir of dirs) removeTempApp(dir);
  dirs = [];
});

async function run(args: string[], files: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const dir = createTempApp(files);
  dirs.push(dir);
  const cli = new CliProcess(args, { cwd: dir });
  const { code } = await cli.waitForExit(20_000);
  return { code, output: cli.output };
}

describe('decorum usage', () => {
  it('rejects an unknown flag with one line and a non-zero exit', async () => {
    const { code, output } = await run(['dev', '--bogus']);
    expect(code).not.toBe(0);
    expect(output.trim()).toBe("decorum dev: DECORUM_ERR_CLI_USAGE: unknown option '--bogus'. See `decorum dev --help` for its arguments and options.");
  });

  it('says which entries it looked for when there is none', async () => {
    const { code, output } = await run(['dev']);
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toHaveLength(1);
    expect(output).toMatch(/^decorum: DECORUM_ERR_CLI_NO_ENTRY: no entry found: looked for "decorum.entry" in package.json and src\/main.ts/);
    expect(output.trim()).toMatch(/Pass one, as in `decorum dev src\/server.ts`, or name it in package.json: .*\.$/);
  });

  it('names a missing entry', async () => {
    const { code, output } = await run(['start', 'src/nope.ts']);
    expect(code).toBe(1);
    expect(output.trim()).toBe('decorum: DECORUM_ERR_CLI_ENTRY_NOT_FOUND: entry not found: src/nope.ts. Check the path (it is relative ' +
      'to the current folder), or leave it out to use package.json "decorum.entry" or src/main.ts.');
  });

  it('rejects a bad port and a bad worker count', async () => {
    const port = await run(['start', '--port', 'eighty'], { 'src/main.ts': '' });
    expect(port.code).toBe(1);
    expect(port.output.trim()).toBe('decorum: DECORUM_ERR_CLI_PORT: --port must be a port number from 0 to 65535, got "eighty". ' +
      'Pass a whole number, as in --port 8000 (0 picks a free port).');
    const workers = await run(['start', '--workers', '0']);
    expect(workers.code).not.toBe(0);
    expect(workers.output).toContain("option '-w, --workers <count>' argument '0' is invalid");
  });

  it('says what an entry must export', async () => {
    const { code, output } = await run(['openapi'], { 'src/main.ts': 'export const notTheApp = 1;\n' });
    expect(code).toBe(1);
    expect(output.trim()).toBe('decorum: DECORUM_ERR_CLI_NO_APP_EXPORT: src/main.ts exports no app (it exports notTheApp). ' +
      'Export it as `export const app = createApp({ … })`, or as the default export.');
  });

  for (const command of ['dev', 'build', 'start', 'openapi']) {
    it(`prints help with examples for ${command}`, async () => {
      const { code, output } = await run([command, '--help']);
      expect(code).toBe(0);
      expect(output).toContain(`Usage: decorum ${command} [options] [entry]`);
      expect(output).toContain('Examples:');
    });
  }
});
