/** `decorum start` end to end: workers sharing a port, graceful shutdown, compiled JavaScript. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildPackages, BUILD_PACKAGES_MS } from './built-packages.js';
import { CliProcess, createTempApp, getOnNewConnection, killAll, removeTempApp, tryGet, waitFor, waitForBody } from './cli-process.js';

const START_MS = 30_000;
/** A build, then several processes each loading the framework; slow on a shared machine. */
const TEST_MS = 90_000;

const app = `
import { Controller, Get, createApp } from '@decorumjs/decorum';

@Controller()
export class ProcessController {
  @Get('pid')
  pid() {
    return { pid: process.pid };
  }

  @Get('slow')
  async slow() {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    return { finished: true };
  }
}

export const app = createApp({ controllers: [ProcessController] });
app.onShutdown(() => console.log('shutdown hook ran'));
`;

let dirs: string[] = [];

beforeAll(() => buildPackages(), BUILD_PACKAGES_MS);

afterEach(() => {
  killAll();
  for (const dir of dirs) removeTempApp(dir);
  dirs = [];
});

/** Builds the app (when it is TypeScript), starts `decorum start` with `args` and resolves with the URL it serves. */
async function start(args: string[], files: Record<string, string> = { 'src/main.ts': app }): Promise<{ cli: CliProcess; url: string }> {
  const dir = await builtApp(files);
  const cli = new CliProcess(['start', '--port', '0', ...args], { cwd: dir });
  const [, url] = await cli.waitForOutput(/"url":"(http:\/\/[^"]+)"/, START_MS);
  await waitForBody(`${url!}/pid`, /pid/, 5_000);
  return { cli, url: url! };
}

async function builtApp(files: Record<string, string>): Promise<string> {
  const dir = createTempApp(files);
  dirs.push(dir);
  if (Object.keys(files).some((file) => file.endsWith('.ts'))) {
    const build = new CliProcess(['build'], { cwd: dir });
    const { code } = await build.waitForExit(START_MS);
    if (code !== 0) throw new Error(`decorum build failed:\n${build.output}`);
  }
  return dir;
}

describe('decorum start', () => {
  it('answers from two processes with --workers 2', async () => {
    const { cli, url } = await start(['--workers', '2']);
    await cli.waitForOutput(/with 2 workers/, START_MS);
    const pids = new Set<number>();
    await waitFor(async () => {
      const body = await getOnNewConnection(`${url}/pid`);
      if (body) pids.add((JSON.parse(body) as { pid: number }).pid);
      return pids.size >= 2 ? true : undefined;
    }, 10_000, () => `only saw pids ${[...pids].join(', ')}`);
    expect(pids.has(cli.child.pid!)).toBe(false);
  }, TEST_MS);

  it('replaces a worker that dies', async () => {
    const { cli, url } = await start(['--workers', '2']);
    await cli.waitForOutput(/with 2 workers/, START_MS);
    const victim = (JSON.parse((await getOnNewConnection(`${url}/pid`))!) as { pid: number }).pid;
    process.kill(victim, 'SIGKILL');
    await cli.waitForOutput(new RegExp(`worker ${victim} died.*starting a new one`), 5_000);
    const pids = new Set<number>();
    await waitFor(async () => {
      const body = await getOnNewConnection(`${url}/pid`);
      if (body) pids.add((JSON.parse(body) as { pid: number }).pid);
      return pids.size >= 2 ? true : undefined;
    }, 15_000, () => `only saw pids ${[...pids].join(', ')}`);
    expect(pids.has(victim)).toBe(false);
  }, TEST_MS);

  for (const workers of ['1', '2']) {
    it(`on SIGTERM finishes the in-flight request, runs shutdown hooks and exits 0 (--workers ${workers})`, async () => {
      const { cli, url } = await start(['--workers', workers]);
      if (workers === '2') await cli.waitForOutput(/with 2 workers/, START_MS);
      const slow = fetch(`${url}/slow`).then((response) => response.json() as Promise<unknown>);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the request is in flight
      process.kill(cli.child.pid!, 'SIGTERM');
      expect(await slow).toEqual({ finished: true });
      const { code } = await cli.waitForExit(10_000);
      expect(code).toBe(0);
      expect(cli.output).toContain('shutdown hook ran');
      expect(await tryGet(`${url}/pid`)).toBeUndefined();
    }, TEST_MS);
  }

  it('runs compiled JavaScript', async () => {
    const js = `
import { createApp } from '@decorumjs/decorum';
class PidController { pid() { return { pid: process.pid }; } }
export default createApp({ controllers: [PidController] });
`;
    // Decorators applied by hand, as compiled output does (no TypeScript involved).
    const compiled = js.replace(
      "export default",
      "import { Controller, Get } from '@decorumjs/decorum';\nController()(PidController);\nGet('pid')(PidController.prototype, 'pid', Object.getOwnPropertyDescriptor(PidController.prototype, 'pid'));\nexport default",
    );
    const { url } = await start(['dist/main.js'], { 'dist/main.js': compiled });
    expect(await tryGet(`${url}/pid`)).toMatch(/"pid":\d+/);
  }, TEST_MS);

  it('says which port is in use and exits 1', async () => {
    const { url } = await start([]);
    const port = new URL(url).port;
    const dir = await builtApp({ 'src/main.ts': app });
    const second = new CliProcess(['start', '--port', port, '--workers', '2'], { cwd: dir });
    const { code } = await second.waitForExit(START_MS);
    expect(code).toBe(1);
    expect(second.output).toContain(`port ${port} is already in use`);
    expect(second.output.match(/already in use/g)).toHaveLength(1);
  }, TEST_MS);
});
