import swc from '@swc/core';
import { describe, expect, it } from 'vitest';
import { formatSwcError } from '../../loader/swc-error.mjs';
import { describeFailure } from '@decorumjs/decorum/runner';

async function swcError(source: string): Promise<unknown> {
  return swc.transform(source, { filename: '/app/src/a.ts', jsc: { parser: { syntax: 'typescript' } } }).then(() => undefined, (e: unknown) => e);
}

describe('compile errors', () => {
  it('point at file:line:column with the code frame, without SWC backtraces', async () => {
    const message = formatSwcError(await swcError('const a = 1;\nconst b: number = ;\n'), '/app/src/a.ts');
    expect(message.split('\n')[0]).toBe('/app/src/a.ts:2:19: Expression expected');
    expect(message).toContain(' 2 | const b: number = ;');
    expect(message).not.toContain('Caused by');
    const failure = describeFailure(new SyntaxError(message));
    expect(failure).toMatchObject({ kind: 'compile', location: '/app/src/a.ts:2:19', message: 'SyntaxError: Expression expected' });
  });
});

describe('describeFailure', () => {
  it('names the port in use', () => {
    const error = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE', port: 8000, address: '127.0.0.1' });
    expect(describeFailure(error)).toMatchObject({ kind: 'port-in-use', message: 'port 8000 is already in use on 127.0.0.1' });
  });

  it('locates a start-up error in the first frame outside dependencies', () => {
    const error = new Error('no database');
    error.stack = 'Error: no database\n    at connect (file:///repo/node_modules/pg/lib/client.js:10:5)\n    at file:///app/src/db.ts:4:9\n    at main (/app/src/main.ts:2:1)';
    expect(describeFailure(error)).toMatchObject({ kind: 'startup', message: 'Error: no database', location: '/app/src/db.ts:4:9' });
  });
});
