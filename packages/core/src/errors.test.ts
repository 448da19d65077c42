import { expect, test } from 'vitest';
import { DecorumError, decorumErrors } from './errors.js';

// Stand-ins that serve as any entry's specifics: a string in a template, a list for a chain, truthy for a flag.
const specifics = [['A', 'B'], ['C'], ['D'], ['E']];

test.each(Object.entries(decorumErrors))('%s: a stable code, a message and a fix', (_, entry) => {
  const error = (entry as (...args: unknown[]) => DecorumError)(...specifics);
  expect(error).toBeInstanceOf(DecorumError);
  expect(error.code).toBe(entry.code);
  expect(error.code).toMatch(/^DECORUM_ERR_[A-Z_]+$/);
  expect(error.reason.length).toBeGreaterThan(0);
  expect(error.fix).toMatch(/^[A-Z].*[.)]$/s);
  expect(error.message).toBe(`${error.code}: ${error.reason} ${error.fix}`);
});

test('within() names where the mistake was made and keeps the code and the fix', () => {
  const error = decorumErrors.dtoWithoutValidators('Item').within('ItemsController.create(#1 from body)');
  expect(error.code).toBe('DECORUM_ERR_DTO_INVALID');
  expect(error.message).toMatch(/^DECORUM_ERR_DTO_INVALID: ItemsController\.create\(#1 from body\): Item is used as a DTO/);
  expect(error.fix).toContain('@Allow()');
});
