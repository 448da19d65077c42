/**
 * Mutators that break a valid request's values while keeping it well-formed HTTP: wrong types, missing
 * and extra fields, huge strings and numbers, deep nesting, prototype keys. Each returns `undefined`
 * when the operation has nothing it can change (a GET with no parameters has no field to drop).
 */
import { render, type Draft, type RawRequest } from './fuzz-request.js';
import type { Prng } from './prng.js';

export type Mutate = (draft: Draft, rng: Prng) => RawRequest | undefined;

const OTHER_VALUES: unknown[] = [0, -1, 1.5, 'text', '', true, false, null, [], {}, [1, 'a'], { a: 1 }];
const NOT_INTEGERS = ['abc', '1.5', '', ' 7', '7 ', '0x10', '1e3', 'NaN', 'Infinity', '--1', '+', '１２', 'true', 'null', '[]', '1,2'];
const HUGE_NUMBERS = ['1e400', '-1e400', '1e-400', '123456789012345678901234567890', '9007199254740993', '-0', '0.0000000000000000000001',
  '-9223372036854775809', '1e308', '4.9e-324', `1${'0'.repeat(5000)}`, `0.${'1'.repeat(5000)}`];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];
/** Stands for a raw JSON literal in a body until the body is text. */
const MARKER = '\u0001fuzz-raw\u0001';

export const wrongType: Mutate = (draft, rng) => {
  const options: Array<() => RawRequest> = [];
  const fields = objectKeys(draft.body);
  if (fields.length > 0) {
    options.push(() => {
      const field = rng.pick(fields);
      const current = (draft.body as Record<string, unknown>)[field];
      const replacement = rng.pick(OTHER_VALUES.filter((v) => kindOf(v) !== kindOf(current)));
      return render({ ...draft, body: { ...(draft.body as object), [field]: replacement } });
    });
  }
  if (draft.body !== undefined) options.push(() => render({ ...draft, body: rng.pick([[], [draft.body], 'a string', 42, true, null]) }));
  for (const param of draft.op.parameters.filter((p) => isNumeric(p.schema) && p.in !== 'header')) {
    options.push(() => withParam(draft, param.in, param.name, rng.pick(NOT_INTEGERS.filter((v) => param.in !== 'path' || v !== ''))));
  }
  return options.length > 0 ? rng.pick(options)() : undefined;
};

export const missingField: Mutate = (draft, rng) => {
  const options: Array<() => RawRequest> = [];
  // Dropping any field, not only required ones: a missing optional field must not break the handler either.
  const keys = objectKeys(draft.body);
  if (keys.length > 0) {
    options.push(() => {
      const drop = new Set(rng.subset(keys).concat(rng.pick(keys)));
      return render({ ...draft, body: Object.fromEntries(Object.entries(draft.body as object).filter(([k]) => !drop.has(k))) });
    });
  }
  if (draft.body !== undefined) {
    options.push(() => render({ ...draft, body: undefined }));
    options.push(() => render({ ...draft, body: undefined, contentType: undefined }));
    options.push(() => render({ ...draft, body: {} }));
  }
  if (draft.headers.length > 0) options.push(() => render({ ...draft, headers: draft.headers.slice(1) }));
  if (draft.query.length > 0) options.push(() => render({ ...draft, query: draft.query.slice(1) }));
  return options.length > 0 ? rng.pick(options)() : undefined;
};

export const extraField: Mutate = (draft, rng) => {
  const extras = Object.fromEntries(Array.from({ length: rng.pick([1, 3, 200]) }, (_, i) => [`extra_${i}_${rng.string(4, 'xyz')}`, rng.pick(OTHER_VALUES)]));
  const options: Array<() => RawRequest> = [
    () => render({ ...draft, query: [...draft.query, ...Object.keys(extras).map((k): [string, string] => [k, 'x'])] }),
    () => render({ ...draft, headers: [...draft.headers, ['x-fuzz-extra', 'yes'], ['x-token-2', 'x']] }),
  ];
  if (isObject(draft.body)) options.push(() => render({ ...draft, body: { ...draft.body as object, ...extras, nested: { ...extras } } }));
  return rng.pick(options)();
};

export const hugeString: Mutate = (draft, rng) => {
  // Large, yet inside the 1 MiB body limit: the point is what validation and error building do with them.
  const huge = rng.pick(['a', 'é', '😀', '\\', '"', '\u0000']).repeat(rng.pick([10_000, 100_000, 250_000]));
  const options: Array<() => RawRequest> = [
    () => withParam(draft, 'query', draft.query[0]?.[0] ?? 'q', huge.slice(0, 3000)),
    () => render({ ...draft, headers: [...draft.headers, ['x-huge', 'h'.repeat(rng.pick([4000, 8000]))]] }),
  ];
  const fields = objectKeys(draft.body);
  if (fields.length > 0) {
    options.push(() => render({ ...draft, body: { ...(draft.body as object), [rng.pick(fields)]: huge } }));
    options.push(() => render({ ...draft, body: { ...(draft.body as object), [huge.slice(0, 20_000)]: 1 } }));
  }
  return rng.pick(options)();
};

export const hugeNumber: Mutate = (draft, rng) => {
  const literal = rng.pick(HUGE_NUMBERS);
  const options: Array<() => RawRequest> = [];
  const fields = objectKeys(draft.body);
  if (fields.length > 0) options.push(() => withRawLiteral(draft, { ...(draft.body as object), [rng.pick(fields)]: MARKER }, literal));
  for (const param of draft.op.parameters.filter((p) => p.in === 'path' || p.in === 'query')) {
    options.push(() => withParam(draft, param.in, param.name, literal));
  }
  return options.length > 0 ? rng.pick(options)() : undefined;
};

export const deepNesting: Mutate = (draft, rng) => {
  const depth = rng.pick([1000, 10_000, 100_000]);
  const deep = rng.pick([
    () => `${'['.repeat(depth)}${']'.repeat(depth)}`,
    () => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
    () => `${'[{"a":'.repeat(depth / 2)}null${'}]'.repeat(depth / 2)}`,
  ])();
  const options: Array<() => RawRequest> = [
    () => render({ ...draft, contentType: 'application/json' }, { bodyText: deep }),
    // Bracketed query keys, the shape `qs` nests on.
    () => withParam(draft, 'query', `a${'[b]'.repeat(Math.min(depth, 1000))}`, '1'),
  ];
  const fields = objectKeys(draft.body);
  if (fields.length > 0) options.push(() => withRawLiteral(draft, { ...(draft.body as object), [rng.pick(fields)]: MARKER }, deep));
  return rng.pick(options)();
};

export const prototypeKeys: Mutate = (draft, rng) => {
  const key = rng.pick(PROTO_KEYS);
  const payload = rng.pick([
    `{"polluted":"yes"}`, `{"prototype":{"polluted":"yes"}}`, `{"toString":"boom","valueOf":1}`, `"text"`, `null`, `[1]`,
  ]);
  const options: Array<() => RawRequest> = [
    () => withParam(draft, 'query', rng.pick([key, `${key}[polluted]`, `constructor[prototype][polluted]`, 'toString', 'hasOwnProperty']), 'yes'),
    () => render({ ...draft, headers: [...draft.headers, [rng.pick([...PROTO_KEYS, 'hasOwnProperty']), 'yes']] }),
  ];
  if (draft.body !== undefined) {
    const base = isObject(draft.body) ? draft.body : {};
    options.push(() => withRawLiteral(draft, { ...base, [key]: MARKER }, payload));
    options.push(() => withRawLiteral(draft, { [key]: MARKER, ...base }, payload));
    if (objectKeys(base).length > 0) {
      const field = rng.pick(objectKeys(base));
      options.push(() => withRawLiteral(draft, { ...base, [field]: { [key]: MARKER } }, payload));
    }
  }
  return rng.pick(options)();
};

/** The request with one path or query parameter set to `value` (added when absent). */
export function withParam(draft: Draft, where: string, name: string, value: string): RawRequest {
  if (where === 'path') return render({ ...draft, pathParams: { ...draft.pathParams, [name]: value } });
  const query = draft.query.some(([k]) => k === name)
    ? draft.query.map(([k, v]): [string, string] => [k, k === name ? value : v])
    : [...draft.query, [name, value] as [string, string]];
  return render({ ...draft, query });
}

/** The body as JSON text with `MARKER` replaced by a literal JSON cannot hold as a value (`1e400`, deep text). */
function withRawLiteral(draft: Draft, body: object, literal: string): RawRequest {
  const text = JSON.stringify(body).replace(JSON.stringify(MARKER), () => literal);
  return render({ ...draft, contentType: draft.contentType ?? 'application/json' }, { bodyText: text });
}

function isNumeric(schema: Record<string, unknown>): boolean {
  const type = schema.type;
  return type === 'integer' || type === 'number' || (Array.isArray(type) && (type.includes('integer') || type.includes('number')));
}

function objectKeys(value: unknown): string[] {
  return isObject(value) ? Object.keys(value) : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}
