/**
 * Type tests of a typed client (checked by tsc, never run): openapi-fetch over the types openapi-typescript
 * generates from the quickstart's document (committed beside the document snapshot and kept current by
 * test/openapi/typed-client.test.ts). Path, query and body types come from the decorators; the 422 is
 * FastAPI's HTTPValidationError.
 */
import createClient from 'openapi-fetch';
import { expectTypeOf } from 'vitest';
import type { components, paths } from '../openapi/snapshots/quickstart.openapi.js';

const client = createClient<paths>({ baseUrl: 'http://127.0.0.1:8000' });

export async function calls() {
  const item = await client.GET('/items/{item_id}', { params: { path: { item_id: 42 }, query: { q: null } } });
  expectTypeOf(item.response).toEqualTypeOf<Response>();
  const created = await client.POST('/items', { body: { name: 'Hammer', price: 9.5 } });
  if (created.error) {
    expectTypeOf(created.error).toMatchTypeOf<components['schemas']['HTTPValidationError']>();
    expectTypeOf(created.error.detail?.[0]?.loc).toEqualTypeOf<(string | number)[] | undefined>();
  }
  await client.GET('/hello', { params: { query: { name: 'Ada' } } });
  await client.POST('/greet', { body: { name: 'Ada', excited: true } });
  await client.GET('/hello');

  // @ts-expect-error item_id is declared { type: Int }, so the path parameter is a number
  await client.GET('/items/{item_id}', { params: { path: { item_id: 'forty-two' } } });
  // @ts-expect-error the path parameter is required
  await client.GET('/items/{item_id}', { params: { path: {} } });
  // @ts-expect-error CreateItem requires a price
  await client.POST('/items', { body: { name: 'Hammer' } });
  // @ts-expect-error Greeting's excited is a boolean
  await client.POST('/greet', { body: { name: 'Ada', excited: 'yes' } });
  // @ts-expect-error there is no GET /items in the quickstart
  await client.GET('/items');
}
