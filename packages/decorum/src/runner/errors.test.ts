import { expect, test } from 'vitest';
import { CliError } from './cli-error.js';
import { cliErrors } from './errors.js';

// Stand-ins that serve as any entry's specifics: a string in a template, a list where one is joined.
const specifics = [['A', 'B'], ['C'], ['D']];

test.each(Object.entries(cliErrors))('%s: a stable code, a reason and a fix', (_, entry) => {
  const error = (entry as (...args: unknown[]) => CliError)(...specifics);
  expect(error).toBeInstanceOf(CliError);
  expect(error.code).toBe(entry.code);
  expect(error.code).toMatch(/^DECORUM_ERR_CLI_[A-Z_]+$/);
  expect(error.reason).toMatch(/[.)]$/);
  expect(error.fix).toMatch(/^[A-Z].*\.$/s);
  expect(error.message).toBe(`${error.code}: ${error.reason} ${error.fix}`);
  expect(error.exitCode).toBe(1);
});
