/**
 * The operations of an OpenAPI 3.1 document, in the shape the generator needs: method, path template,
 * parameters, JSON body schema and the schema declared for each response status. `$ref`s stay as they
 * are; `resolveRef` follows one when a generator or validator needs the target.
 */

export type JsonSchema = Record<string, unknown>;

export interface OpenApiLike {
  paths?: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface ParameterSpec {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required: boolean;
  readonly schema: JsonSchema;
}

export interface Operation {
  /** `POST /items`, for messages. */
  readonly id: string;
  readonly method: string;
  /** `/items/{item_id}` */
  readonly path: string;
  readonly parameters: readonly ParameterSpec[];
  /** The `application/json` request body, when the operation declares one. */
  readonly body?: { readonly required: boolean; readonly schema: JsonSchema };
  /** Declared statuses (`"200"`, `"4XX"`, `"default"`) and the JSON schema of each, when there is one. */
  readonly responses: ReadonlyMap<string, JsonSchema | undefined>;
  readonly pathPattern: RegExp;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function readOperations(document: OpenApiLike): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const shared = asArray(item.parameters);
    for (const method of METHODS) {
      const op = item[method] as Record<string, unknown> | undefined;
      if (!op) continue;
      const parameters = [...shared, ...asArray(op.parameters)].map((p) => readParameter(p));
      operations.push({
        id: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters,
        body: readBody(op.requestBody),
        responses: readResponses(op.responses),
        pathPattern: patternOf(path),
      });
    }
  }
  return operations;
}

/** The operation a request reaches, by method and (still encoded) path, as a router would match it. */
export function findOperation(operations: readonly Operation[], method: string, pathname: string): Operation | undefined {
  const exact = operations.filter((op) => op.method === method && op.pathPattern.test(pathname));
  // A literal segment beats a parameter (`/items/audit/transactions` over `/items/{id}`), as in every router.
  return exact.sort((a, b) => paramCount(a.path) - paramCount(b.path))[0];
}

export function resolveRef(document: OpenApiLike, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 32; hops++) {
    const ref = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
    let target: unknown = document;
    for (const key of ref.slice(2).split('/')) target = (target as Record<string, unknown>)[decodePointer(key)];
    if (!target || typeof target !== 'object') throw new Error(`unresolved $ref ${ref}`);
    current = target as JsonSchema;
  }
  return current;
}

function readParameter(raw: unknown): ParameterSpec {
  const p = raw as { name: string; in: ParameterSpec['in']; required?: boolean; schema?: JsonSchema };
  return { name: p.name, in: p.in, required: p.required === true || p.in === 'path', schema: p.schema ?? {} };
}

function readBody(raw: unknown): Operation['body'] {
  const body = raw as { required?: boolean; content?: Record<string, { schema?: JsonSchema }> } | undefined;
  const json = body?.content?.['application/json'];
  return json ? { required: body?.required === true, schema: json.schema ?? {} } : undefined;
}

function readResponses(raw: unknown): Map<string, JsonSchema | undefined> {
  const responses = new Map<string, JsonSchema | undefined>();
  for (const [status, response] of Object.entries((raw ?? {}) as Record<string, { content?: Record<string, { schema?: JsonSchema }> }>)) {
    const content = response.content ?? {};
    const json = Object.entries(content).find(([type]) => /^application\/(.+\+)?json$/.test(type))?.[1];
    responses.set(status, json?.schema);
  }
  return responses;
}

function patternOf(path: string): RegExp {
  const source = path.split('/').map((segment) => (/^\{[^}]+\}$/.test(segment) ? '[^/]+' : escapeRegExp(segment))).join('/');
  return new RegExp(`^${source}$`);
}

function paramCount(path: string): number {
  return (path.match(/\{/g) ?? []).length;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function decodePointer(key: string): string {
  return key.replace(/~1/g, '/').replace(/~0/g, '~');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
