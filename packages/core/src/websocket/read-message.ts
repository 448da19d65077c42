/**
 * One incoming message → a validated value, as a JSON body becomes one: UTF-8, the depth limit, the
 * secure parse, then the declared type. Failures are the items a 422 would carry, at `["message", …]`,
 * for the error frame `ws.messages()` sends back (the connection stays open).
 */
import secureJson from 'secure-json-parse';
import type { ErrorDetail, Loc } from '../http/validation-error.js';
import type { TypeRef } from '../schema/type-spec.js';
import { issue } from '../compile/issues.js';
import { findTooDeep } from '../compile/json-depth.js';
import type { DtoValidationOptions } from '../compile/validate-dto.js';
import { compileJsonValidator, isPromise } from '../compile/validate-json.js';

export type MessageOutcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly errors: ErrorDetail[] };
export type MessageReader = (data: string | Uint8Array) => MessageOutcome | Promise<MessageOutcome>;

const LOC: Loc = ['message'];
const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** With `type` undefined, any JSON value is accepted as it is. */
export function compileMessageReader(type: TypeRef | undefined, validation: DtoValidationOptions, depthLimit: number): MessageReader {
  const validate = type === undefined ? undefined : compileJsonValidator(type, validation);
  return (data) => {
    const errors: ErrorDetail[] = [];
    const parsed = parseMessage(data, depthLimit, errors);
    if (errors.length > 0) return { ok: false, errors };
    if (!validate) return { ok: true, value: parsed };
    const value = validate(parsed, LOC, errors);
    if (isPromise(value)) return value.then((v) => (errors.length > 0 ? { ok: false, errors } : { ok: true, value: v }));
    return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
  };
}

/** The JSON in a message (text, or bytes of UTF-8), or undefined after recording why not. */
export function parseMessage(data: string | Uint8Array, depthLimit: number, errors: ErrorDetail[]): unknown {
  let text: string;
  try {
    text = typeof data === 'string' ? data : decoder.decode(data);
  } catch {
    errors.push(issue.jsonInvalid([...LOC, 0], 'Message is not valid UTF-8'));
    return undefined;
  }
  // Only a text longer than the limit can nest deeper than it: most messages skip the scan.
  if (text.length > depthLimit) {
    const bytes = typeof data === 'string' ? encoder.encode(text) : data;
    const tooDeep = findTooDeep(bytes, depthLimit);
    if (tooDeep !== -1) {
      const position = decoder.decode(bytes.subarray(0, tooDeep)).length;
      errors.push(issue.jsonInvalid([...LOC, position], `JSON is nested deeper than the limit of ${depthLimit} levels`));
      return undefined;
    }
  }
  try {
    return secureJson.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    errors.push(issue.jsonInvalid([...LOC, position === undefined ? 0 : Number(position)], message));
    return undefined;
  }
}
