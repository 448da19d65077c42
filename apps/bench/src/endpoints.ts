/**
 * The three requests every server answers, and the answer each must give. The expected bodies are
 * Decorum's quickstart answers; every peer is written to give the same bytes' worth of JSON.
 */
export interface Endpoint {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
  readonly expected: { readonly status: number; readonly body: unknown };
  /** A malformed variant that a validating server must refuse with a 4xx (its error format is its own). */
  readonly invalid?: { readonly path: string; readonly body?: string };
}

export const ENDPOINTS: readonly Endpoint[] = [
  {
    name: 'GET /hello',
    method: 'GET',
    path: '/hello',
    expected: { status: 200, body: { message: 'Hello, world!' } },
  },
  {
    name: 'GET /items/42?q=x',
    method: 'GET',
    path: '/items/42?q=x',
    expected: { status: 200, body: { item_id: 42, q: 'x' } },
    invalid: { path: '/items/forty-two?q=x' },
  },
  {
    name: 'POST /items',
    method: 'POST',
    path: '/items',
    body: JSON.stringify({ name: 'Widget', price: 9.5 }),
    expected: { status: 200, body: { created: 'Widget', price: 9.5 } },
    invalid: { path: '/items', body: JSON.stringify({ name: 'Widget', price: 'cheap' }) },
  },
];
