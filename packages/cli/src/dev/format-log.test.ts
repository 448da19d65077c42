import { describe, expect, it } from 'vitest';
import { colorsFor } from '@decorumjs/decorum/runner';
import { formatLogLine } from './format-log.js';
import { stableModules } from './stable-modules.js';

const plain = colorsFor({ isTTY: false }, {});

describe('formatLogLine', () => {
  it('turns a pino access-log line into time, level and message, dropping fields the message shows', () => {
    const line = JSON.stringify({
      level: 30, time: new Date(2026, 0, 1, 12, 26, 40, 5).getTime(), pid: 7, hostname: 'h', name: 'decorum',
      method: 'GET', url: '/items', status: 200, ms: 1.2, msg: 'GET /items 200 1.2ms',
    });
    expect(formatLogLine(line, plain)).toBe('12:26:40.005 INFO  GET /items 200 1.2ms');
  });

  it('keeps other fields as key=value and prints an error stack below', () => {
    const line = JSON.stringify({ level: 50, time: 0, msg: 'unhandled error', route: 'GET /boom', err: { stack: 'Error: x\n    at f (a.ts:1:1)' } });
    const [head, ...stack] = formatLogLine(line, plain).split('\n');
    expect(head).toMatch(/ERROR unhandled error route=GET \/boom$/);
    expect(stack).toEqual(['    Error: x', '    at f (a.ts:1:1)']);
  });

  it('passes other lines through', () => {
    expect(formatLogLine('plain console.log output', plain)).toBe('plain console.log output');
    expect(formatLogLine('{"not":"pino"}', plain)).toBe('{"not":"pino"}');
  });
});

describe('stableModules', () => {
  it('keeps file modules outside the watched directories, once each', () => {
    const loaded = [
      'file:///app/src/main.ts', 'file:///repo/node_modules/pino/pino.js', 'node:fs',
      'file:///app-other/x.js', 'file:///repo/node_modules/pino/pino.js',
    ];
    expect(stableModules(loaded, ['/app'])).toEqual(['file:///repo/node_modules/pino/pino.js', 'file:///app-other/x.js']);
  });
});
