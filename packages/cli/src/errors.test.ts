import { CliError } from '@decorumjs/decorum/runner';
import { expect, test } from 'vitest';
import { commandErrors } from './errors.js';

test.each(Object.entries(commandErrors))('%s: a stable code, a reason and a fix', (_, entry) => {
  const error = (entry as (...args: unknown[]) => CliError)('src/main.ts', 'EACCES');
  expect(error).toBeInstanceOf(CliError);
  expect(error.code).toBe(entry.code);
  expect(error.code).toMatch(/^DECORUM_ERR_CLI_[A-Z_]+$/);
  expect(error.reason.length).toBeGreaterThan(0);
  expect(error.fix).toMatch(/^[A-Z].*\.$/s);
  expect(error.message).toBe(`${error.code}: ${error.reason} ${error.fix}`);
});

test('a reason of several lines (a code frame) gets its fix on a line of its own', () => {
  const error = commandErrors.syntaxError('/app/src/main.ts:1:20: Expression expected\n1 | export const app = ;');
  expect(error.message).toBe('DECORUM_ERR_CLI_COMPILE: /app/src/main.ts:1:20: Expression expected\n1 | export const app = ;\n' +
    'Fix the syntax above, then build again.');
});

test('type errors exit 2, so scripts can tell them from other failures', () => {
  expect(commandErrors.typeErrors().exitCode).toBe(2);
});
