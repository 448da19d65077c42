import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CreateAppError } from './errors.js';
import { scaffoldProject } from './scaffold-project.js';

let parent: string;
beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), 'create-app-'));
});
afterEach(() => rmSync(parent, { recursive: true, force: true }));

const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
const ownVersion = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('scaffoldProject', () => {
  test('writes the template with the name, the Decorum version and a real .gitignore', async () => {
    const result = await scaffoldProject({ directory: join(parent, 'my-api') });
    expect(result.name).toBe('my-api');
    expect(result.files).toEqual(['.gitignore', 'README.md', 'package.json', 'src/items.ts', 'src/main.ts', 'test/app.test.ts', 'tsconfig.json']);
    const manifest = manifestOf(result.directory);
    expect(manifest['name']).toBe('my-api');
    expect(manifest['dependencies']!['@decorumjs/decorum']).toBe(`^${ownVersion}`);
    expect(manifest['devDependencies']!['@decorumjs/cli']).toBe(`^${ownVersion}`);
    expect(existsSync(join(result.directory, '_gitignore'))).toBe(false);
    expect(readFileSync(join(result.directory, 'README.md'), 'utf8')).toMatch(/^# my-api$/m);
    expect(readFileSync(join(result.directory, 'src/main.ts'), 'utf8')).toContain("title: 'my-api'");
  });

  test('--name sets a scoped package name', async () => {
    const result = await scaffoldProject({ directory: join(parent, 'api'), name: '@acme/api' });
    expect(manifestOf(result.directory)['name']).toBe('@acme/api');
  });

  test('refuses a directory that already has files, unless forced', async () => {
    writeFileSync(join(parent, 'notes.txt'), 'mine');
    await expect(scaffoldProject({ directory: parent, name: 'x' })).rejects.toMatchObject({ code: 'DECORUM_ERR_CREATE_APP_NOT_EMPTY' });
    await scaffoldProject({ directory: parent, name: 'x', force: true });
    expect(readFileSync(join(parent, 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(parent, 'src/main.ts'))).toBe(true);
  });

  test('refuses a name npm would not accept, and says how to give one', async () => {
    const error = await scaffoldProject({ directory: join(parent, 'My API') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CreateAppError);
    expect(error).toMatchObject({ code: 'DECORUM_ERR_CREATE_APP_BAD_NAME', message: expect.stringContaining('--name') });
    expect(existsSync(join(parent, 'My API'))).toBe(false);
  });

  test('refuses a path that is a file', async () => {
    writeFileSync(join(parent, 'file'), '');
    await expect(scaffoldProject({ directory: join(parent, 'file') })).rejects.toMatchObject({ code: 'DECORUM_ERR_CREATE_APP_NOT_A_DIRECTORY' });
  });
});
