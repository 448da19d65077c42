/**
 * Mutators that break a request on the wire: odd or missing content types, malformed JSON, bad
 * percent-escapes, very long paths, unknown methods, duplicate query keys, odd paths and Host headers.
 */
import { render, targetOf } from './fuzz-request.js';
import type { Mutate } from './mutate-values.js';

const CONTENT_TYPES = [
  '', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=zz', 'application/json; charset=iso-8859-1',
  'application/json; charset=utf-16', 'APPLICATION/JSON', 'application/json;', ' application/json ', 'application/jsonp',
  'application/vnd.api+json', 'application/json, text/plain', '*/*', 'application/xml', 'text/json', 'application/jsön',
  'application/json; charset="utf-8"; foo', 'application/problem+json; charset=utf-8', ';', 'application/',
];
const BAD_ESCAPES = ['%zz', '%', '%4', '%%', '%C0%AF', '%ff', '%00', '%E0%A4%A', '%u0041', '%2', '%2F', '%252F', '%0d%0a', '%ED%A0%80', '%F4%90%80%80'];
/** Methods node's parser knows (they reach the router) and ones it rejects itself. */
const METHODS = ['HEAD', 'PURGE', 'PROPFIND', 'SEARCH', 'MKCOL', 'LINK', 'REPORT', 'LOCK', 'PATCH', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'FOO', 'BREW', 'get', 'QUERY'];
const ODD_PATHS = ['//', '/./', '/../', '/%2e%2e/', '/.%2e/'];
const ODD_HOSTS = [[], [''], ['x/hello?name=y#'], ['a b'], ['[::1'], ['example.com:99999'], ['%zz'], ['ünïcode.test'], ['h'.repeat(4000)], ['a.test', 'b.test']];

export const contentType: Mutate = (draft, rng) => {
  const body = draft.body ?? { any: 'body' };
  const chosen = rng.pick([undefined, ...CONTENT_TYPES]);
  const headers = rng.chance(0.15) ? [...draft.headers, ['content-type', 'text/plain'] as [string, string]] : draft.headers;
  const request = render({ ...draft, headers, body, contentType: chosen });
  if (rng.chance(0.3)) request.framing = 'chunked';
  return request;
};

export const malformedJson: Mutate = (draft, rng) => {
  const valid = JSON.stringify(draft.body ?? { name: 'a', price: 1 });
  const text = rng.pick<() => string | Buffer>([
    () => valid.slice(0, rng.int(0, Math.max(0, valid.length - 1))),
    () => `${valid}x`,
    () => `${valid}${valid}`,
    () => valid.replace(/"/g, "'"),
    () => valid.replace(/"([^"]+)":/g, '$1:'),
    () => 'NaN',
    () => `{"a":1,}`,
    () => `[1,]`,
    () => `/*c*/${valid}`,
    () => `\ufeff${valid}`,
    () => Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    () => Buffer.from([0xc3, 0x28]),
    () => `{"name":"a\nb","price":1}`,
    () => `{"name":"abc`,
    () => '   ',
    () => 'null',
    () => `{"name":"\\ud800","price":1}`,
    () => `{"name":"\\x41"}`,
    () => `{"name":"a","name":1,"price":2}`,
    () => '\u0000',
  ])();
  return render({ ...draft, contentType: 'application/json' }, { bodyText: text });
};

export const badEscape: Mutate = (draft, rng) => {
  const escape = rng.pick(BAD_ESCAPES);
  const path = targetOf({ ...draft, query: [] });
  const query = draft.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  const segments = path.split('/');
  // The last segment half the time: that is where path parameters are, and where decoding happens.
  const at = rng.chance(0.5) ? segments.length - 1 : rng.int(1, Math.max(1, segments.length - 1));
  const options = [
    () => segments.map((s, i) => (i === at ? `${s}${escape}` : s)).join('/') + suffix(query),
    () => `${path}?${[...query, `${rng.pick(['q', 'name', 'limit'])}=${escape}`].join('&')}`,
    () => `${path}?${[...query, `${escape}=1`].join('&')}`,
  ];
  return render(draft, { target: rng.pick(options)() });
};

export const longPath: Mutate = (draft, rng) => {
  const length = rng.pick([2049, 4096, 8000, 12_000, 20_000]);
  const path = targetOf({ ...draft, query: [] });
  const query = suffix(draft.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`));
  const paramNames = Object.keys(draft.pathParams);
  const options = [
    () => `${path}${'/a'.repeat(length / 2)}${query}`,
    () => `${path}${query}${query ? '&' : '?'}long=${'q'.repeat(length)}`,
  ];
  if (paramNames.length > 0) {
    const name = rng.pick(paramNames);
    options.push(() => targetOf({ ...draft, pathParams: { ...draft.pathParams, [name]: rng.pick(['9', 'a', 'é']).repeat(length) } }));
  }
  return render(draft, { target: rng.pick(options)() });
};

export const unknownMethod: Mutate = (draft, rng) => {
  const request = render(draft);
  request.method = rng.pick(METHODS);
  return request;
};

export const duplicateQuery: Mutate = (draft, rng) => {
  const names = draft.op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
  const name = names.length > 0 ? rng.pick(names) : 'q';
  const count = rng.pick([2, 3, 20, 1000]);
  const values = Array.from({ length: count }, (_, i) => rng.pick([String(i + 1), 'x', '', '-1', '5', ...draft.query.filter(([k]) => k === name).map(([, v]) => v)]));
  const pairs: Array<[string, string]> = [...draft.query, ...values.map((v): [string, string] => [name, v])];
  const target = rng.chance(0.2) ? `${targetOf({ ...draft, query: pairs })}&&&=&=x&${name}` : targetOf({ ...draft, query: pairs });
  return render(draft, { target });
};

export const oddPath: Mutate = (draft, rng) => {
  const target = targetOf(draft);
  const options = [
    () => target.replace('/', rng.pick(ODD_PATHS)),
    () => target.replace(/\/([^/?]+)(?=[?]|$)/, `//$1`),
    () => target.replace(/(\?|$)/, '/$1'),
    () => target.replace(/(\?|$)/, ';x=1$1'),
    () => `${target}#fragment`,
    () => target.toUpperCase(),
    () => target.slice(1),
    () => `http://example.test${target}`,
    () => '*',
    () => `/items/../${target.slice(1)}`,
  ];
  return render(draft, { target: rng.pick(options)() });
};

export const oddHost: Mutate = (draft, rng) => {
  const request = render(draft);
  request.hosts = rng.pick(ODD_HOSTS);
  return request;
};

function suffix(query: string[]): string {
  return query.length > 0 ? `?${query.join('&')}` : '';
}
