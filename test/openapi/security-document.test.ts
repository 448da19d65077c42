import { expect, test } from 'vitest';
import { openApiDocument } from '@decorumjs/decorum';
import { app } from '../security/readme/secure-app.js';
import { asSnapshotJson, expectValidOpenApi } from './expect-valid-openapi.js';

const document = openApiDocument(app);

test('the security example’s document matches its reviewed snapshot: schemes, and scopes per operation', async () => {
  await expect(asSnapshotJson(document)).toMatchFileSnapshot('./snapshots/security.openapi.json');
});

test('the security example’s document is valid OpenAPI 3.1', async () => {
  await expectValidOpenApi(document);
});
