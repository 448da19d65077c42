/**
 * The one query-string parser: core uses it (lazily, once, when something reads the query), and Fastify,
 * which parses every query anyway, is given it, so a request's query is parsed once and has one shape everywhere.
 */
import { parse } from 'fast-querystring';

export type QueryValues = Readonly<Record<string, string | string[] | undefined>>;

// No prototype, so `ctx.query.toString` is undefined like any other key the client did not send.
const NO_QUERY: QueryValues = Object.freeze(Object.create(null) as QueryValues);

/**
 * `a=1&b=2&b=3` → `{ a: '1', b: ['2', '3'] }`, on a null-prototype object (`?__proto__=x` is just a key).
 * Takes the text after `?`.
 */
export function parseQueryString(query: string): QueryValues {
  return query.length === 0 ? NO_QUERY : (parse(query) as QueryValues);
}
