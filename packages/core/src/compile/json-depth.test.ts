import { describe, expect, test } from 'vitest';
import { findTooDeep } from './json-depth.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('findTooDeep', () => {
  test('finds the bracket that opens the first level past the limit', () => {
    expect(findTooDeep(bytes('['.repeat(5) + ']'.repeat(5)), 4)).toBe(4);
    expect(findTooDeep(bytes('{"a":{"b":[{"c":1}]}}'), 3)).toBe(11);
    expect(findTooDeep(bytes('{"a":{"b":[{"c":1}]}}'), 4)).toBe(-1);
  });

  test('siblings do not add up: depth, not count', () => {
    expect(findTooDeep(bytes(`[${'[],'.repeat(1_000)}[]]`), 2)).toBe(-1);
  });

  test('brackets in strings do not count, whatever the escapes before the closing quote', () => {
    expect(findTooDeep(bytes(`["${'['.repeat(50)}"]`), 2)).toBe(-1);
    expect(findTooDeep(bytes(`["\\"${'['.repeat(50)}"]`), 2)).toBe(-1);
    // An escaped backslash ends the string: the brackets after it are structure.
    expect(findTooDeep(bytes(`["\\\\",${'['.repeat(50)}`), 2)).toBe(7);
  });

  test('invalid JSON is left to the parser: an unterminated string ends the scan', () => {
    expect(findTooDeep(bytes(`"${'['.repeat(50)}`), 2)).toBe(-1);
  });
});
