/**
 * Failures the fuzz finds in areas with a fix under way, each excused narrowly (family, kind of problem,
 * adapters, and what the response looks like) so anything else in the same family still fails. Remove an
 * entry when its fix lands; the run prints the entries that excused nothing.
 */
import type { Problem, ProblemKind } from './check-response.js';
import { FAMILIES, type Family } from './mutators.js';
import type { Observation } from './run-fuzz.js';

export interface KnownFailure {
  readonly id: string;
  /** What is wrong and where it is being fixed. */
  readonly reason: string;
  readonly families: readonly Family[];
  readonly kinds: readonly ProblemKind[];
  /** Only on these adapters (every adapter when absent). */
  readonly adapters?: readonly string[];
  /** Only for these apps (both when absent). */
  readonly apps?: readonly string[];
  /** A narrower test on the request and response, when family and kind are not enough. */
  readonly when?: (observation: Observation, problem: Problem) => boolean;
}

export const KNOWN_FAILURES: readonly KnownFailure[] = [
  {
    id: 'quickstart-boom-route',
    reason: 'the quickstart ships GET /boom, a route that always throws (a 500 by design); it moves out of the example into the tests',
    families: FAMILIES,
    kinds: ['status-5xx'],
    apps: ['quickstart'],
    when: (o) => /\/boom\b/i.test(o.request.target)
      && (bodyOf(o) === '{"detail":"Internal Server Error"}' || (o.request.method === 'HEAD' && bodyOf(o) === '')),
  },
  {
    id: 'deep-nesting-500',
    reason: 'a JSON body nested thousands of levels deep overflows the stack while the 422 is built: a 500 instead of a 4xx',
    families: ['deep-nesting'],
    kinds: ['status-5xx'],
    when: (o) => statusOf(o) === 500,
  },
  {
    id: 'node-parser-errors-without-detail',
    reason: "node's HTTP parser answers what it rejects itself (an unknown method, a target without a leading slash, no Host, "
      + 'headers over 16 KB) with an empty 400/431, and Fastify with its own JSON shape: protocol-level errors are not yet in Decorum\'s shape',
    families: ['unknown-method', 'odd-path', 'odd-host', 'long-path', 'huge-string'],
    kinds: ['no-detail'],
    when: (o) => (statusOf(o) === 400 || statusOf(o) === 431)
      && (bodyOf(o) === '' || (o.adapter === 'fastify' && /^\{"error":"[^"]+","message":"(Client Error|Exceeded maximum allowed HTTP header size)","statusCode":4\d\d\}$/.test(bodyOf(o)))),
  },
  {
    id: 'fastify-own-errors',
    reason: "Fastify's own errors (FST_ERR_BAD_URL for a bad escape in the path, FST_ERR_MAX_PARAM_LENGTH's 414, "
      + "FST_ERR_ROUTE_MISSING_CONTENT_TYPE for a QUERY without Content-Type) reach the client in Fastify's shape, without detail",
    families: FAMILIES,
    kinds: ['no-detail', 'adapters-disagree'],
    adapters: ['fastify'],
    when: (o) => /^\{[^{}]*"code":"FST_ERR_(BAD_URL|MAX_PARAM_LENGTH|ROUTE_MISSING_CONTENT_TYPE)"/.test(bodyOf(o)),
  },
  {
    id: 'fastify-client-error-closes-unannounced',
    reason: "Fastify's answer to what node's parser rejects (a 431 for a 16 KB+ request line) does not say "
      + '"Connection: close", then closes: a client that reuses the connection gets ECONNRESET on its next request',
    families: FAMILIES,
    kinds: ['not-alive'],
    adapters: ['fastify'],
    when: (o, problem) => o.result.ok && (statusOf(o) === 400 || statusOf(o) === 431)
      && !/close/i.test(o.result.response.headers.connection ?? '') && /same connection .*ECONNRESET/.test(problem.message),
  },
  {
    id: 'express-bad-escape-drops-connection',
    reason: 'Express fails to decode a bad percent-escape in a path parameter (`/items/%zz`, `/items/953%2`) and the '
      + 'connection is closed with no response (or answered with its HTML error page), not a JSON 400',
    families: ['bad-escape'],
    kinds: ['no-response', 'no-detail', 'leaked-stack'],
    adapters: ['express'],
    when: (o) => !o.result.ok || /text\/html/.test(o.result.response.headers['content-type'] ?? ''),
  },
  {
    id: 'constructor-key-500',
    reason: 'found by this fuzz, no fix under way yet: an object with an own "constructor" key that is not a function, '
      + 'where a DTO expects a scalar (`{"name":"x","price":{"constructor":"text"}}`), crashes class-transformer\'s '
      + 'plainToInstance (MetadataStorage.getAncestors) in core\'s validate-dto: a 500 instead of a 422, on every adapter',
    families: ['prototype-keys'],
    kinds: ['status-5xx'],
    when: (o) => statusOf(o) === 500 && (o.request.body?.toString('utf8').includes('"constructor":') ?? false),
  },
  {
    id: 'fetch-bridge-targets',
    reason: "the fetch adapter's node bridge builds the URL from the Host header and the target: a malformed Host, an "
      + 'absolute-form target, `*` or the method TRACE make `new Request` throw, answered with an empty 500',
    families: ['odd-host', 'odd-path', 'unknown-method'],
    kinds: ['status-5xx'],
    adapters: ['fetch'],
    when: (o) => statusOf(o) === 500 && bodyOf(o) === '',
  },
  {
    id: 'fetch-bridge-routes-elsewhere',
    reason: "the fetch adapter's node bridge routes by the URL it builds from Host and target, so an odd Host "
      + '(`x/hello?name=y#`), dot segments (`/./items`, `/%2e%2e/items`, `/items/../items`, resolved), a `#` in the '
      + 'target (dropped with what follows), absolute-form, `*` and TRACE reach another route or none, or other values: '
      + 'statuses unlike the other adapters\'',
    families: ['odd-host', 'odd-path', 'unknown-method'],
    kinds: ['adapters-disagree'],
    adapters: ['fetch'],
    when: (o) => o.family === 'odd-host' || o.request.method === 'TRACE'
      || /^(\*|http:)|#|(^|\/)(\.|%2e){1,2}(\/|\?|$)/i.test(o.request.target),
  },
  {
    id: 'double-slash-405',
    reason: 'Fastify and Express answer an empty path segment (`//hello`, `/v1//items`) with 405 and `Allow: HEAD`, '
      + 'node and fetch with 404: the routing decision (404 vs 405, double slashes) is not yet made in one place',
    families: ['odd-path'],
    kinds: ['adapters-disagree'],
    adapters: ['fastify', 'express'],
    when: (o) => statusOf(o) === 405 && /\/\//.test(o.request.target.replace(/^https?:\/\//, '')),
  },
  {
    id: 'long-param-status',
    reason: 'a path parameter over 2,048 characters gets 404 on node and fetch, 414 on Fastify (FST_ERR_MAX_PARAM_LENGTH, '
      + 'see fastify-own-errors) and 422 on Express: parameter length is not yet decided in one place',
    families: ['long-path', 'huge-number'],
    kinds: ['adapters-disagree'],
    adapters: ['express'],
    when: (o) => statusOf(o) === 422 && o.request.target.length > 2048,
  },
  {
    id: 'bad-escape-status',
    reason: 'a bad percent-escape in a path parameter gets a 400 on Express (and Fastify, see fastify-own-errors) but a '
      + '404 on node and fetch: percent-decoding (bad escapes → 400) is not yet decided in one place',
    families: ['bad-escape'],
    kinds: ['adapters-disagree'],
    adapters: ['express'],
    when: (o) => statusOf(o) === 400,
  },
];

function statusOf(observation: Observation): number | undefined {
  return observation.result.ok ? observation.result.response.status : undefined;
}

function bodyOf(observation: Observation): string {
  return observation.result.ok ? observation.result.response.body.toString('utf8') : '';
}

/** The entry that excuses `problem`, if any. */
export function findKnownFailure(observation: Observation, problem: Problem): KnownFailure | undefined {
  return KNOWN_FAILURES.find((entry) => entry.families.includes(observation.family)
    && entry.kinds.includes(problem.kind)
    && (!entry.adapters || entry.adapters.includes(observation.adapter))
    && (!entry.apps || entry.apps.includes(observation.app))
    && (!entry.when || entry.when(observation, problem)));
}
