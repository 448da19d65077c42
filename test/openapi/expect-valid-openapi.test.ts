import { expect, test } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';

// Guards the guard: the validator used by every document test does reject broken documents.
test('the OpenAPI validator rejects a dangling $ref and a missing info object', async () => {
  const broken = {
    openapi: '3.1.0',
    info: { title: 'Broken', version: '1' },
    paths: { '/a': { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Nope' } } } } } } } },
  };
  expect((await new Validator().validate(broken)).valid).toBe(false);
  const missingInfo = { openapi: '3.1.0', paths: {} };
  expect((await new Validator().validate(missingInfo)).valid).toBe(false);
});
