import { openApiDocument } from '@decorumjs/decorum';
import { expect, test } from 'vitest';
import { app } from '../../apps/quickstart/src/main.js';
import { asSnapshotJson, expectValidOpenApi } from './expect-valid-openapi.js';

test('the quickstart document matches its reviewed snapshot', async () => {
  await expect(asSnapshotJson(openApiDocument(app))).toMatchFileSnapshot('./snapshots/quickstart.openapi.json');
});

test('the quickstart document is valid OpenAPI 3.1', async () => {
  await expectValidOpenApi(openApiDocument(app));
});

test('the docs routes are served but not documented', () => {
  const paths = Object.keys(openApiDocument(app).paths);
  expect(paths).toEqual(['/hello', '/items/{item_id}', '/items', '/greet']);
  expect(app.routes.map((r) => r.path)).toEqual(expect.arrayContaining(['/openapi.json', '/docs', '/docs/:file', '/redoc']));
});
