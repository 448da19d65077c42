/**
 * Runs the fuzz cases of one app on one running server: each case draws an operation, a valid request
 * and a mutation family from its own seeded generator, sends the bytes, checks the response, checks the
 * process's prototypes are untouched, and probes that the server still answers a normal request.
 */
import { ResponseChecker, type Problem } from './check-response.js';
import { draftValid, render, serialize, type AppHeaders, type RawRequest } from './fuzz-request.js';
import { FAMILIES, MUTATORS, type Family } from './mutators.js';
import { findOperation, readOperations, type OpenApiLike } from './operations.js';
import { prngForCase, Prng } from './prng.js';
import { exchange, sendRaw, type SendResult } from './send-raw.js';

export interface FuzzTarget {
  readonly app: string;
  readonly adapter: string;
  readonly port: number;
  readonly document: OpenApiLike;
  readonly headers: AppHeaders;
}

export interface FuzzPlan {
  readonly seed: number;
  /** Case indexes to run: `0..runs-1`, or the one case being reproduced. */
  readonly cases: readonly number[];
  readonly timeoutMs: number;
}

export interface Observation {
  readonly app: string;
  readonly adapter: string;
  readonly seed: number;
  readonly caseIndex: number;
  readonly family: Family;
  readonly request: RawRequest;
  /** The request's bytes (only their start in the copy kept for comparing adapters). */
  readonly bytes: Buffer;
  /** How many bytes the request had. */
  readonly size: number;
  /** The normal request that followed was sent on the same connection. */
  readonly sameConnection: boolean;
  readonly result: SendResult;
  readonly problems: readonly Problem[];
}

const MUTATED = FAMILIES.filter((f) => f !== 'valid');
/** Statuses that say a request was malformed, which a request the document allows never is. */
const REFUSALS = [400, 405, 411, 413, 414, 415, 422, 431];

export async function runFuzz(target: FuzzTarget, plan: FuzzPlan, observe: (o: Observation) => void): Promise<void> {
  const operations = readOperations(target.document);
  if (operations.length === 0) throw new Error(`${target.app}: the document has no operations to fuzz`);
  const checker = new ResponseChecker(target.document);
  const host = `127.0.0.1:${target.port}`;
  const probe = probeRequest(target, operations);
  const prototypeKeys = ownKeys();
  for (const caseIndex of plan.cases) {
    const rng = prngForCase(plan.seed, caseIndex);
    const op = rng.pick(operations);
    const draft = draftValid(target.document, op, rng, target.headers);
    let family: Family = rng.chance(0.15) ? 'valid' : rng.pick(MUTATED);
    let request = MUTATORS[family](draft, rng);
    if (!request) {
      family = 'valid';
      request = render(draft);
    }
    if (request.body && !request.framing && rng.chance(0.1)) request.framing = 'chunked';
    // Half the cases keep the connection open and send the normal request next on it: a request that leaves
    // the connection in a bad state (an unread body parsed as the next request) shows there.
    const sameConnection = rng.chance(0.5);
    const bytes = serialize(request, host, sameConnection);
    const probeBytes = serialize(probe, host);
    const [result, probedOnSame] = sameConnection
      ? await exchange(target.port, [{ bytes, head: request.method === 'HEAD' }, { bytes: probeBytes }], plan.timeoutMs)
      : [await sendRaw(target.port, bytes, plan.timeoutMs, request.method === 'HEAD')];
    if (!result) throw new Error('an exchange always answers its first request');
    // Prototypes first: a polluted Object.prototype would also mislead the checks that follow.
    const problems = checkPrototypes(prototypeKeys);
    problems.push(...checker.check(result, request.method, findOperation(operations, request.method, pathnameOf(request.target))));
    // A request built from the document must not be refused for its form (a 404 for an unknown item is fine).
    if (family === 'valid' && result.ok && REFUSALS.includes(result.response.status)) {
      problems.push({ kind: 'valid-refused', message: `a request the document allows was refused: ${result.response.status} ${result.response.body.toString('utf8').slice(0, 300)}` });
    }
    if (probedOnSame && (!probedOnSame.ok || probedOnSame.response.status >= 300)) {
      problems.push({ kind: 'not-alive', message: `the next normal request on the same connection (${probe.method} ${probe.target}) got ${describe(probedOnSame)}` });
    }
    const alive = await sendRaw(target.port, probeBytes, plan.timeoutMs);
    if (!alive.ok || alive.response.status >= 300) {
      problems.push({ kind: 'not-alive', message: `the next normal request (${probe.method} ${probe.target}) got ${describe(alive)}` });
    }
    observe({ app: target.app, adapter: target.adapter, seed: plan.seed, caseIndex, family, request, bytes, size: bytes.byteLength, sameConnection, result, problems });
  }
}

/** A request every app answers with a 2xx: a GET with no path parameters, or the document itself. */
function probeRequest(target: FuzzTarget, operations: ReturnType<typeof readOperations>): RawRequest {
  const op = operations.find((o) => o.method === 'GET' && !o.path.includes('{') && o.parameters.every((p) => !p.required));
  if (!op) return { method: 'GET', target: '/openapi.json', headers: [] };
  const draft = draftValid(target.document, op, new Prng(1), target.headers);
  return render({ ...draft, query: [] });
}

function describe(result: SendResult): string {
  return result.ok ? `${result.response.status} ${result.response.body.toString('utf8').slice(0, 200)}` : result.error;
}

function pathnameOf(target: string): string {
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype] as Array<Record<string, unknown>>;

function ownKeys(): Array<Set<string>> {
  return PROTOTYPES.map((proto) => new Set(Reflect.ownKeys(proto).map(String)));
}

/** A key a request added to a shared prototype (and is removed again, so later cases start clean). */
function checkPrototypes(before: ReadonlyArray<Set<string>>): Problem[] {
  const problems: Problem[] = [];
  PROTOTYPES.forEach((proto, i) => {
    for (const key of Reflect.ownKeys(proto).map(String)) {
      if (before[i]?.has(key)) continue;
      problems.push({ kind: 'polluted', message: `the request added "${key}" to a built-in prototype` });
      delete proto[key];
    }
  });
  return problems;
}
