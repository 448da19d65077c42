/**
 * Every mutation family by name. The names are what a failure reports and what `KNOWN_FAILURES` refers
 * to; `valid` sends the generated request unchanged.
 */
import { render } from './fuzz-request.js';
import { deepNesting, extraField, hugeNumber, hugeString, missingField, prototypeKeys, wrongType, type Mutate } from './mutate-values.js';
import { badEscape, contentType, duplicateQuery, longPath, malformedJson, oddHost, oddPath, unknownMethod } from './mutate-wire.js';

export const MUTATORS = {
  'valid': (draft) => render(draft),
  'wrong-type': wrongType,
  'missing-field': missingField,
  'extra-field': extraField,
  'huge-string': hugeString,
  'huge-number': hugeNumber,
  'deep-nesting': deepNesting,
  'prototype-keys': prototypeKeys,
  'content-type': contentType,
  'malformed-json': malformedJson,
  'bad-escape': badEscape,
  'long-path': longPath,
  'unknown-method': unknownMethod,
  'duplicate-query': duplicateQuery,
  'odd-path': oddPath,
  'odd-host': oddHost,
} satisfies Record<string, Mutate>;

export type Family = keyof typeof MUTATORS;

export const FAMILIES = Object.keys(MUTATORS) as Family[];
