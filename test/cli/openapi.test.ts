/** `decorum openapi` end to end: writes the document without listening or running startup hooks. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectValidOpenApi } from '../openapi/expect-valid-openapi.js';
import { CliProcess, createTempApp, killAll, removeTempApp } from './cli-process.js';

const TEST_MS = 60_000;

const app = `
import { IsString } from 'class-validator';
import { Body, Controller, Get, Param, Post, createApp } from '@decorumjs/decorum';

export class CreatePet {
  @IsString() name!: string;
}

@Controller('pets')
export class PetsController {
  @Get(':id')
  read(@Param('id') id: number) {
    return { id };
  }

  @Post()
  create(@Body() pet: CreatePet) {
    return pet;
  }
}

export const app = createApp({ title: 'Pets', version: '2.0.0', controllers: [PetsController] });
app.onStartup(() => {
  throw new Error('startup hooks must not run for decorum openapi');
});
`;

let dirs: string[] = [];

afterEach(() => {
  killAll();
  for (const dir of dirs) removeTempApp(dir);
  dirs = [];
});

function tempApp(): string {
  const dir = createTempApp({ 'src/main.ts': app });
  dirs.push(dir);
  return dir;
}

describe('decorum openapi', () => {
  it('writes a valid OpenAPI 3.1 document to --out, without listening or startup hooks', async () => {
    const dir = tempApp();
    const cli = new CliProcess(['openapi', '--out', 'build/openapi.json'], { cwd: dir });
    const { code } = await cli.waitForExit(30_000);
    expect(cli.output).toContain('wrote build/openapi.json');
    expect(code).toBe(0);
    expect(cli.output).not.toContain('listening');
    const document = JSON.parse(readFileSync(join(dir, 'build/openapi.json'), 'utf8')) as {
      openapi: string;
      info: unknown;
      paths: Record<string, unknown>;
    };
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(document.info).toMatchObject({ title: 'Pets', version: '2.0.0' });
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/pets/{id}', '/pets']));
    await expectValidOpenApi(document);
  }, TEST_MS);

  it('writes YAML with --yaml to stdout', async () => {
    const dir = tempApp();
    const cli = new CliProcess(['openapi', 'src/main.ts', '--yaml'], { cwd: dir });
    const { code } = await cli.waitForExit(30_000);
    expect(code).toBe(0);
    expect(cli.output).toMatch(/^openapi: 3\.1\.\d+$/m);
    expect(cli.output).toMatch(/^ {2}\/pets:$/m);
    expect(cli.output).toMatch(/^ {2}title: Pets$/m);
    expect(existsSync(join(dir, 'openapi.json'))).toBe(false);
  }, TEST_MS);

  it('says in one line when --out cannot be written', async () => {
    const dir = tempApp();
    const cli = new CliProcess(['openapi', '--out', 'src/main.ts/openapi.json'], { cwd: dir });
    const { code } = await cli.waitForExit(30_000);
    expect(code).toBe(1);
    expect(cli.output.trim()).toMatch(/^decorum: DECORUM_ERR_CLI_OUT_FILE: cannot write src\/main\.ts\/openapi\.json \((ENOTDIR|EEXIST)\)\. Choose another --out path, in a folder you can write to\.$/);
  }, TEST_MS);

  it('reports a bootstrap failure as one ✖ line, like dev and start, without a stack', async () => {
    const dir = createTempApp({ 'src/main.ts': missingProviderApp });
    dirs.push(dir);
    const cli = new CliProcess(['openapi'], { cwd: dir });
    const { code } = await cli.waitForExit(30_000);
    expect(code).toBe(1);
    const lines = cli.output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^✖ DecorumError: DECORUM_ERR_PROVIDER_MISSING: ValueController → Missing: no provider for Missing/);
    expect(cli.output).not.toMatch(/\s+at |Node\.js v|\^/);
  }, TEST_MS);
});

/** Fails while the routes are planned (the DI plan), after the entry imported fine. */
const missingProviderApp = `
import { Controller, Get, createApp } from '@decorumjs/decorum';

class Missing {}

@Controller()
export class ValueController {
  constructor(private readonly missing: Missing) {}

  @Get('value')
  value() {
    return { value: 1 };
  }
}

export const app = createApp({ title: 'Broken', controllers: [ValueController] });
`;
