import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { Controller, Get, Injectable, createApp } from '@decorumjs/decorum';

const quiet = { logger: false as const, shutdownSignals: false as const, openapi: false as const };
const repo = fileURLToPath(new URL('../..', import.meta.url));

describe('lifecycle', () => {
  test('provider init hooks are awaited before listening; shutdown runs app hooks then providers, in reverse', async () => {
    const events: string[] = [];
    @Injectable() class Pool {
      async onInit() { await new Promise((r) => setTimeout(r, 30)); events.push('pool init'); }
      async onShutdown() { events.push('pool shutdown'); }
    }
    @Injectable() class Cache {
      constructor(readonly pool: Pool) {}
      onInit() { events.push('cache init'); }
      onShutdown() { events.push('cache shutdown'); }
    }
    @Controller() class C {
      constructor(readonly cache: Cache) {}
      @Get() x() { return 1; }
    }
    const app = createApp({ ...quiet, controllers: [C] })
      .onStartup(() => void events.push('startup hook'))
      .onShutdown(() => void events.push('shutdown hook 1'))
      .onShutdown(() => void events.push('shutdown hook 2'));
    await app.listen(0);
    events.push('listening');
    await app.close();
    expect(events).toEqual([
      'pool init', 'cache init', 'startup hook', 'listening',
      'shutdown hook 2', 'shutdown hook 1', 'cache shutdown', 'pool shutdown',
    ]);
  });

  test('SIGTERM closes the app gracefully: shutdown hooks run and the process exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'decorum-signal-'));
    const entry = join(dir, 'main.ts');
    writeFileSync(entry, `
      import { Controller, Get, createApp } from '@decorumjs/decorum';
      @Controller() class Ping { @Get('ping') ping() { return 'pong'; } }
      const app = createApp({ logger: false, openapi: false, controllers: [Ping] });
      app.onShutdown(() => { process.stdout.write('shutdown hook ran\\n'); });
      const { url } = await app.listen(0);
      process.stdout.write('listening ' + url + '\\n');
    `);
    // Resolve '@decorumjs/decorum' from the workspace: run with the repo as the working directory of module resolution.
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    const { symlinkSync, mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'node_modules/@decorumjs'), { recursive: true });
    symlinkSync(join(repo, 'packages/decorum'), join(dir, 'node_modules/@decorumjs/decorum'));
    const child = spawn(process.execPath, [
      '--conditions=decorum-source', '--import', join(repo, 'packages/cli/loader/register.mjs'), entry,
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listen line: ${out}`)), 15_000);
      child.stdout.on('data', () => {
        const match = /listening (\S+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1] as string);
        }
      });
    });
    expect(await (await fetch(`${url}/ping`)).json()).toBe('pong');
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(out).toContain('shutdown hook ran');
  });
});
