/**
 * class-validator rules → JSON Schema keywords. Only rules with an exact JSON Schema meaning are
 * translated; every other rule (custom validators included) adds nothing, so the document never claims
 * more than the server checks. Say what a custom rule means with `@Property({ description, format })`.
 */
import type { ValidationRule } from '@decorumjs/core';
import type { JsonSchema } from '../openapi-types.js';

type Translate = (constraints: readonly unknown[], schema: JsonSchema) => JsonSchema | undefined;

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const isStringSchema = (schema: JsonSchema) => schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'));

const IP_FORMATS: Record<string, string> = { '4': 'ipv4', '6': 'ipv6' };

/** Keyed by class-validator's rule name (`@Min` registers as `min`, `@IsUUID` as `isUuid`). */
const TRANSLATIONS: Record<string, Translate> = {
  min: ([n]) => ({ minimum: num(n) }),
  max: ([n]) => ({ maximum: num(n) }),
  isPositive: () => ({ exclusiveMinimum: 0 }),
  isNegative: () => ({ exclusiveMaximum: 0 }),
  isDivisibleBy: ([n]) => ({ multipleOf: num(n) }),
  minLength: ([n]) => ({ minLength: num(n) }),
  maxLength: ([n]) => ({ maxLength: num(n) }),
  isLength: ([min, max]) => ({ minLength: num(min), maxLength: num(max) }),
  isNotEmpty: (_, schema) => (isStringSchema(schema) ? { minLength: 1 } : undefined),
  matches: ([pattern]) => ({ pattern: pattern instanceof RegExp ? pattern.source : typeof pattern === 'string' ? pattern : undefined }),
  arrayMinSize: ([n]) => ({ minItems: num(n) }),
  arrayMaxSize: ([n]) => ({ maxItems: num(n) }),
  arrayNotEmpty: () => ({ minItems: 1 }),
  arrayUnique: () => ({ uniqueItems: true }),
  isEmail: () => ({ format: 'email' }),
  isUuid: () => ({ format: 'uuid' }),
  isUrl: () => ({ format: 'uri' }),
  isIp: ([version]) => ({ format: IP_FORMATS[String(version)] }),
  isDateString: () => ({ format: 'date-time' }),
  isIso8601: () => ({ format: 'date-time' }),
  equals: ([value]) => ({ const: value }),
  isNotIn: ([values]) => (Array.isArray(values) ? { not: { enum: values } } : undefined),
};

/** Lower bounds take the largest value and upper bounds the smallest, whatever order rules come in. */
const LOWER = new Set(['minimum', 'exclusiveMinimum', 'minLength', 'minItems']);
const UPPER = new Set(['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems']);

/**
 * The property's schema with its rules applied: rules declared with `{ each: true }` go to the array's
 * `items`, the others to the property itself.
 */
export function applyValidationRules(schema: JsonSchema, rules: readonly ValidationRule[]): JsonSchema {
  // class-validator stores a property's rules in the order decorators run, bottom-up; reversed, the
  // keywords read in the order the user wrote them (`@Min(1) @Max(9)` → minimum, maximum).
  const declared = [...rules].reverse();
  const own = declared.filter((r) => !r.each);
  const each = declared.filter((r) => r.each);
  let result = applyRules(schema, own);
  if (each.length > 0 && isObject(result.items)) result = { ...result, items: applyRules(result.items, each) };
  return result;
}

function applyRules(schema: JsonSchema, rules: readonly ValidationRule[]): JsonSchema {
  const result: JsonSchema = { ...schema };
  for (const rule of rules) {
    if (rule.custom) continue;
    const keywords = TRANSLATIONS[rule.name]?.(rule.constraints, result);
    for (const [keyword, value] of Object.entries(keywords ?? {})) {
      if (value === undefined) continue;
      const current = result[keyword];
      if (typeof current === 'number' && typeof value === 'number' && LOWER.has(keyword)) result[keyword] = Math.max(current, value);
      else if (typeof current === 'number' && typeof value === 'number' && UPPER.has(keyword)) result[keyword] = Math.min(current, value);
      else result[keyword] = value;
    }
  }
  return result;
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
