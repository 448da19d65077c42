/**
 * Reads and parses a JSON request body. JSON must say so in its Content-Type (FastAPI 0.132's strict
 * check, which stops cross-site "simple" requests); keys `__proto__` and `constructor.prototype` are
 * dropped (secure-json-parse), so a body can never reach an object's prototype. Bodies nested deeper than
 * the depth limit are refused before parsing, as pydantic's JSON parser refuses them (`json_invalid`).
 */
import secureJson from 'secure-json-parse';
import type { AdapterRequest } from '../adapter/adapter.js';
import { UnsupportedMediaType } from '../http/http-error.js';
import { RequestValidationError } from '../http/validation-error.js';
import { issue } from './issues.js';
import { findTooDeep } from './json-depth.js';

/** The request had no body at all. */
export const NO_BODY: unique symbol = Symbol('decorum.noBody');

const decoder = new TextDecoder('utf-8', { fatal: true });

export async function readJsonBody(req: AdapterRequest, limit: number, depthLimit: number): Promise<unknown> {
  const bytes = await req.readBody(limit);
  if (bytes.byteLength === 0) return NO_BODY;
  const contentType = req.headers['content-type'];
  if (!isJson(typeof contentType === 'string' ? contentType : undefined)) {
    throw new UnsupportedMediaType(`Unsupported Media Type: expected a JSON body with Content-Type application/json, got ${
      contentType ? `"${String(contentType)}"` : 'no Content-Type'}`);
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new RequestValidationError([issue.jsonInvalid(['body', 0], 'Body is not valid UTF-8')]);
  }
  const tooDeep = findTooDeep(bytes, depthLimit);
  if (tooDeep !== -1) {
    // The position counts characters, as JSON.parse's own positions do.
    const position = decoder.decode(bytes.subarray(0, tooDeep)).length;
    throw new RequestValidationError([issue.jsonInvalid(['body', position], `JSON is nested deeper than the limit of ${depthLimit} levels`)]);
  }
  try {
    return secureJson.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    throw new RequestValidationError([issue.jsonInvalid(['body', position === undefined ? 0 : Number(position)], message)]);
  }
}

/** `application/json`, `application/problem+json; charset=utf-8`… */
function isJson(contentType: string | undefined): boolean {
  if (contentType === 'application/json') return true; // nearly every request: skip the parse and lower-casing
  if (!contentType) return false;
  const semi = contentType.indexOf(';');
  const mime = (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  return mime === 'application/json' || (mime.startsWith('application/') && mime.endsWith('+json'));
}
