/**
 * The whole document of an app that uses mapped types, a dictionary, a generic page, a discriminated
 * union, dates, defaults and response models: a reviewed snapshot, valid OpenAPI 3.1, and a typed client that compiles against it with
 * typed request and response bodies (a defaulted field is optional to send but always there to read)
 * and talks to the running app.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import createClient from 'openapi-fetch';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { openApiDocument } from '@decorumjs/decorum';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { asSnapshotJson, expectValidOpenApi } from '../openapi/expect-valid-openapi.js';
import { app } from './fixtures/catalog-app.js';

const require = createRequire(import.meta.url);
const openapiFetchTypes = join(dirname(require.resolve('openapi-fetch')), 'index.d.mts');
const document = openApiDocument(app);

const CLIENT = `
import type createClient from 'openapi-fetch';
import type { paths } from './schema.js';

export async function callCatalog(create: typeof createClient, baseUrl: string) {
  const client = create<paths>({ baseUrl });
  const created = await client.POST('/items', { body: { name: 'Lamp', price: 3, availableFrom: '2025-01-01T00:00:00Z', stock: { ber: 2 } } });
  const stock: number | undefined = created.data!.stock?.ber;
  // Required in the output schema: a plain string, not string | undefined.
  const tier: string = created.data!.tier;
  const id: number = created.data!.id;
  const patched = await client.PATCH('/items/{id}', { params: { path: { id } }, body: { price: 4 } });
  const page = await client.GET('/items');
  const names: string[] = (page.data?.items ?? []).map((item) => item.name);
  const total: number | undefined = page.data?.total;
  const paid = await client.POST('/items/{id}/payments', { params: { path: { id } }, body: { method: 'transfer', iban: 'DE00' } });
  const paidAt: string | undefined = paid.data?.paidAt;
  return { created: created.data, tier, stock, patched: patched.data, names, total, paidAt };
}
`;

const WRONG_CLIENT = `
import type createClient from 'openapi-fetch';
import type { paths } from './schema.js';

export async function wrong(create: typeof createClient) {
  const client = create<paths>({ baseUrl: 'http://localhost' });
  await client.POST('/items', { body: { price: 3 } });
  const page = await client.GET('/items');
  const tier: string | undefined = page.data?.items[0]?.tier;
  await client.POST('/items/{id}/payments', { params: { path: { id: 1 } }, body: { method: 'card', iban: 'DE00' } });
}
`;

let dir = '';
let base = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'decorum-catalog-'));
  // openapi-typescript's default makes every field with a default required, which is true of the
  // output schemas alone; they say so themselves (`required`), so the option can be off.
  const types = await openapiTS(JSON.stringify(document), { defaultNonNullable: false });
  await writeFile(join(dir, 'schema.d.ts'), astToString(types));
  await writeFile(join(dir, 'client.mts'), CLIENT);
  await writeFile(join(dir, 'wrong.mts'), WRONG_CLIENT);
  base = (await app.listen(0, '127.0.0.1')).url;
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

function compile(file: string, emit: boolean): string[] {
  const program = ts.createProgram([join(dir, file)], {
    strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true, noEmit: !emit, outDir: dir, types: [], paths: { 'openapi-fetch': [openapiFetchTypes] },
  });
  const emitted = emit ? program.emit().diagnostics : [];
  return [...ts.getPreEmitDiagnostics(program), ...emitted].map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

test('the catalog document matches its reviewed snapshot and is valid OpenAPI 3.1', async () => {
  await expect(asSnapshotJson(document)).toMatchFileSnapshot('./snapshots/catalog.openapi.json');
  await expectValidOpenApi(document);
});

test('a client written against the generated types compiles, with typed bodies both ways', () => {
  expect(compile('client.mts', true)).toEqual([]);
});

test('the generated types reject a missing required field and a field the summary model lacks', () => {
  expect(compile('wrong.mts', false)).toEqual([
    expect.stringContaining("Property 'name' is missing"),
    expect.stringContaining("Property 'tier' does not exist"),
    expect.stringContaining("Object literal may only specify known properties"),
  ]);
});

test('the compiled client talks to the running app', async () => {
  compile('client.mts', true);
  const { callCatalog } = (await import(pathToFileURL(join(dir, 'client.mjs')).href)) as {
    callCatalog: (create: typeof createClient, baseUrl: string) => Promise<Record<string, unknown>>;
  };
  expect(await callCatalog(createClient, base)).toEqual({
    created: { name: 'Lamp', price: 3, tier: 'basic', availableFrom: '2025-01-01T00:00:00.000Z', stock: { ber: 2 }, id: 1 },
    tier: 'basic',
    stock: 2,
    patched: { name: 'Lamp', price: 4, tier: 'basic', availableFrom: '2025-01-01T00:00:00.000Z', stock: { ber: 2 }, id: 1 },
    names: ['Lamp'],
    total: 1,
    paidAt: '2025-01-02T03:04:05.000Z',
  });
});
