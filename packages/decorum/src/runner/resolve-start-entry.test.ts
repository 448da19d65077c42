import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtEntryOf, outputPathOf, sourceDirOf } from './output-path.js';
import { resolveStartEntry } from './resolve-start-entry.js';

let dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'decorum-start-entry-'));
  dirs.push(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

describe('where decorum build writes', () => {
  it('mirrors the entry’s top folder, or the project for an entry at its root', () => {
    expect(sourceDirOf('/app/src/main.ts', '/app')).toBe('/app/src');
    expect(sourceDirOf('/app/src/server/index.ts', '/app')).toBe('/app/src');
    expect(sourceDirOf('/app/main.ts', '/app')).toBe('/app');
    expect(builtEntryOf('/app/src/server/index.ts', '/app')).toBe('/app/dist/server/index.js');
    expect(builtEntryOf('/app/main.ts', '/app', 'build')).toBe('/app/build/main.js');
  });

  it('keeps the module kind in the extension', () => {
    expect(outputPathOf('/app/src/a.mts', '/app/src', '/app/dist')).toBe('/app/dist/a.mjs');
    expect(outputPathOf('/app/src/b.cts', '/app/src', '/app/dist')).toBe('/app/dist/b.cjs');
    expect(outputPathOf('/app/src/data.json', '/app/src', '/app/dist')).toBe('/app/dist/data.json');
  });
});

describe('what decorum start serves', () => {
  it('the build of the conventional entries, sources or not', () => {
    expect(resolveStartEntry(undefined, project({ 'dist/main.js': '' }))).toMatch(/\/dist\/main\.js$/);
    expect(resolveStartEntry(undefined, project({ 'dist/app.js': '', 'src/app.ts': '' }))).toMatch(/\/dist\/app\.js$/);
  });

  it('the build of decorum.entry, or that file when it is JavaScript', () => {
    const manifest = (entry: string) => JSON.stringify({ decorum: { entry } });
    expect(resolveStartEntry(undefined, project({ 'package.json': manifest('src/api/server.ts'), 'dist/api/server.js': '' }))).toMatch(/\/dist\/api\/server\.js$/);
    expect(resolveStartEntry(undefined, project({ 'package.json': manifest('out/server.js'), 'out/server.js': '' }))).toMatch(/\/out\/server\.js$/);
  });

  it('says what it looked for when nothing is built', () => {
    expect(() => resolveStartEntry(undefined, project({}))).toThrow(/^DECORUM_ERR_CLI_NO_ENTRY: no app to start: looked for dist\/main\.js, dist\/app\.js \(written by `decorum build`\)/);
  });
});
