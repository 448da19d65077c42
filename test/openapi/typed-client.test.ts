/**
 * The promise of a correct document: a generated client type-checks and talks to the running app.
 * openapi-typescript turns the quickstart document into types, the TypeScript compiler checks a client
 * written against them (and rejects a wrong one), and the checked client, compiled to JS, calls the app
 * through openapi-fetch.
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
import { app } from '../../apps/quickstart/src/main.js';

const require = createRequire(import.meta.url);
const openapiFetchTypes = join(dirname(require.resolve('openapi-fetch')), 'index.d.mts');

// `import type` only, so the compiled module needs nothing at runtime: the test passes `createClient` in.
const CLIENT = `
import type createClient from 'openapi-fetch';
import type { paths } from './schema.js';

export async function callQuickstart(create: typeof createClient, baseUrl: string) {
  const client = create<paths>({ baseUrl });
  const hello = await client.GET('/hello', { params: { query: { name: 'Ada' } } });
  const item = await client.GET('/items/{item_id}', { params: { path: { item_id: 42 }, query: { q: 'x' } } });
  const created = await client.POST('/items', { body: { name: 'Hammer', price: 9.5 } });
  const rejected = await client.POST('/greet', { body: { name: 42 as unknown as string } });
  const firstError: (string | number)[] | undefined = rejected.error?.detail?.[0]?.loc;
  // The responses are typed by the routes' response models: these assignments do not compile against {}.
  const message: string | undefined = hello.data?.message;
  const q: string | null | undefined = item.data?.q;
  const price: number | undefined = created.data?.price;
  return { hello: hello.data, item: item.data, created: created.data, rejected: rejected.response.status, firstError, typed: { message, q, price } };
}
`;

const WRONG_CLIENT = `
import type createClient from 'openapi-fetch';
import type { paths } from './schema.js';

export async function wrong(create: typeof createClient) {
  const client = create<paths>({ baseUrl: 'http://localhost' });
  await client.GET('/items/{item_id}', { params: { path: { item_id: 'forty-two' } } });
  await client.POST('/items', { body: { name: 'Hammer' } });
}
`;

let dir = '';
let base = '';
let schema = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'decorum-client-'));
  schema = astToString(await openapiTS(JSON.stringify(openApiDocument(app))));
  await writeFile(join(dir, 'schema.d.ts'), schema);
  await writeFile(join(dir, 'client.mts'), CLIENT);
  await writeFile(join(dir, 'wrong.mts'), WRONG_CLIENT);
  base = (await app.listen(0, '127.0.0.1')).url;
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

function compile(file: string, emit: boolean): readonly ts.Diagnostic[] {
  const program = ts.createProgram([join(dir, file)], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    noEmit: !emit,
    outDir: dir,
    types: [],
    // The temp folder has no node_modules; point the compiler at the installed openapi-fetch types.
    paths: { 'openapi-fetch': [openapiFetchTypes] },
  });
  const emitted = emit ? program.emit().diagnostics : [];
  return [...ts.getPreEmitDiagnostics(program), ...emitted];
}

const format = (diagnostics: readonly ts.Diagnostic[]) =>
  diagnostics.map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);

test('a client written against the generated types compiles with no errors', () => {
  expect(format(compile('client.mts', true))).toEqual([]);
});

test('the generated types reject a wrong path parameter type and a missing body property', () => {
  const messages = format(compile('wrong.mts', false));
  expect(messages).toEqual([
    "TS2322: Type 'string' is not assignable to type 'number'.",
    expect.stringContaining("Property 'price' is missing"),
  ]);
});

// The same types, committed, so test/types/typed-client.test-d.ts checks a client in the type-check step.
const SCHEMA_HEADER = `// The quickstart's OpenAPI document as openapi-typescript types; test/openapi/typed-client.test.ts keeps it
// current (update with \`npx vitest run test/openapi/typed-client.test.ts -u\`).
`;

test('the committed client types are what openapi-typescript generates from the quickstart today', async () => {
  await expect(SCHEMA_HEADER + schema).toMatchFileSnapshot('./snapshots/quickstart.openapi.d.ts');
});

test('the compiled client calls the running app', async () => {
  compile('client.mts', true);
  const { callQuickstart } = (await import(pathToFileURL(join(dir, 'client.mjs')).href)) as {
    callQuickstart: (create: typeof createClient, baseUrl: string) => Promise<Record<string, unknown>>;
  };
  expect(await callQuickstart(createClient, base)).toEqual({
    hello: { message: 'Hello, Ada!' },
    item: { item_id: 42, q: 'x' },
    created: { created: 'Hammer', price: 9.5 },
    rejected: 422,
    firstError: ['body', 'name'],
    typed: { message: 'Hello, Ada!', q: 'x', price: 9.5 },
  });
});
