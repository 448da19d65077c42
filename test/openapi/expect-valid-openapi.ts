/**
 * Validates a document against the OpenAPI 3.1 schema (JSON Schema 2020-12 dialect included), and
 * checks every `$ref` resolves, with @seriousme/openapi-schema-validator. Fully offline.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { expect } from 'vitest';

export async function expectValidOpenApi(document: object): Promise<void> {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(document) as Record<string, unknown>);
  expect(result.errors ?? [], 'OpenAPI 3.1 validation errors').toEqual([]);
  expect(result.valid).toBe(true);
  expect(validator.version).toBe('3.1');
}

/** The document as committed: two-space JSON with a final newline, so diffs review like code. */
export function asSnapshotJson(document: object): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
