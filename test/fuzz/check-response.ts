/**
 * What every fuzz response must satisfy: never a 5xx nor a dropped connection; every 4xx a JSON object
 * with `detail`; no stack trace or server path in any body; a 2xx the operation declares, with a body
 * its declared JSON schema accepts (and the same for a 4xx whose schema is declared, such as the 422).
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { OpenApiLike, Operation } from './operations.js';
import type { RawResponse, SendResult } from './send-raw.js';

export type ProblemKind =
  | 'no-response' | 'status-5xx' | 'no-detail' | 'leaked-stack' | 'undeclared-status' | 'schema' | 'polluted' | 'not-alive'
  /** A request built from the document, unchanged, was refused for its form (400, 415, 422…). */
  | 'valid-refused'
  /** The same case got another status on this adapter than on node (see compare-adapters.ts). */
  | 'adapters-disagree';

export interface Problem {
  readonly kind: ProblemKind;
  readonly message: string;
}

// A stack frame (`    at fn (/path/file.js:1:2)`, after a newline or a JSON-escaped `\n`), or a path into
// the server's dependencies.
const LEAKED_STACK = /(\n|\\n)\s*at \S[^\n]*?:\d+:\d+|node_modules[\\/]|file:\/\//;

export class ResponseChecker {
  readonly #document: OpenApiLike;
  readonly #ajv: Ajv2020;
  readonly #validators = new Map<string, ValidateFunction>();

  constructor(document: OpenApiLike) {
    this.#document = document;
    // OpenAPI 3.1 schemas are JSON Schema 2020-12; `strict: false` lets OpenAPI's own keywords (`example`) pass.
    this.#ajv = new Ajv2020({ strict: false, allErrors: false });
    (addFormats as unknown as (ajv: Ajv2020) => void)(this.#ajv);
    this.#ajv.addSchema({ ...structuredClone(document), $id: 'urn:fuzz:document' });
  }

  check(result: SendResult, method: string, op: Operation | undefined): Problem[] {
    if (!result.ok) return [{ kind: 'no-response', message: `${result.error}; received ${JSON.stringify(result.received)}` }];
    const { response } = result;
    const problems: Problem[] = [];
    const text = response.body.toString('utf8');
    if (response.status >= 500) problems.push({ kind: 'status-5xx', message: `status ${response.status}` });
    if (LEAKED_STACK.test(text)) problems.push({ kind: 'leaked-stack', message: 'the body shows a stack trace or a server path' });
    const head = method === 'HEAD';
    if (response.status >= 400 && response.status < 500 && !head) {
      const detail = checkDetail(response, text);
      if (detail) problems.push({ kind: 'no-detail', message: detail });
    }
    if (op && !head) problems.push(...this.#checkDeclared(op, response, text));
    return problems;
  }

  #checkDeclared(op: Operation, response: RawResponse, text: string): Problem[] {
    const status = String(response.status);
    const declared = [status, `${status[0]}XX`, 'default'].find((key) => op.responses.has(key));
    const success = response.status >= 200 && response.status < 300;
    if (declared === undefined) {
      return success ? [{ kind: 'undeclared-status', message: `${op.id} answered ${status}, which it does not declare` }] : [];
    }
    const schema = op.responses.get(declared);
    if (!schema || (!success && !(response.status >= 400 && response.status < 500))) return [];
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return [{ kind: 'schema', message: `${op.id} ${status}: the body is not JSON, yet the document declares a JSON schema` }];
    }
    const validate = this.#validator(op, declared);
    if (validate(body)) return [];
    const errors = (validate.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
    return [{ kind: 'schema', message: `${op.id} ${status}: the body does not match the declared schema: ${errors}` }];
  }

  #validator(op: Operation, status: string): ValidateFunction {
    const key = `${op.id} ${status}`;
    let validate = this.#validators.get(key);
    if (!validate) {
      const pointer = ['paths', op.path, op.method.toLowerCase(), 'responses', status, 'content', jsonMediaType(this.#document, op, status), 'schema']
        .map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
      validate = this.#ajv.compile({ $ref: `urn:fuzz:document#/${pointer}` });
      this.#validators.set(key, validate);
    }
    return validate;
  }
}

/** Why a 4xx body is not a JSON object with `detail`, or undefined when it is. */
function checkDetail(response: RawResponse, text: string): string | undefined {
  const type = response.headers['content-type'] ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) return `a ${response.status} with content-type ${JSON.stringify(type)}, not JSON: ${JSON.stringify(text.slice(0, 200))}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `a ${response.status} whose body is not JSON: ${JSON.stringify(text.slice(0, 200))}`;
  }
  if (typeof body !== 'object' || body === null || !('detail' in body)) return `a ${response.status} without "detail": ${text.slice(0, 200)}`;
  return undefined;
}

function jsonMediaType(document: OpenApiLike, op: Operation, status: string): string {
  const path = document.paths?.[op.path] as Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }> | undefined;
  const content = path?.[op.method.toLowerCase()]?.responses?.[status]?.content ?? {};
  return Object.keys(content).find((type) => /^application\/(.+\+)?json$/.test(type)) ?? 'application/json';
}
