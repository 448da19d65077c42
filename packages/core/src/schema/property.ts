/**
 * `@Property` says what class-validator cannot: description, example, nullability, and a type for
 * properties whose TypeScript type is lost in metadata (unions, `unknown`).
 */
import { classRecord } from '../metadata/store.js';
import type { TypeSpec } from './type-spec.js';

export interface PropertyOptions {
  description?: string;
  example?: unknown;
  /** `null` is a valid value (OpenAPI 3.1 `type: [T, "null"]`); validation lets it through. */
  nullable?: boolean;
  deprecated?: boolean;
  /** OpenAPI `format` when it is not implied by a validator (`IsEmail` already gives `email`). */
  format?: string;
  readOnly?: boolean;
  writeOnly?: boolean;
  /** The type, when `design:type` cannot say it (a union, an array's items). */
  type?: TypeSpec;
}

const propertyOptions = new WeakMap<object, Map<string, PropertyOptions>>();

/**
 * Documents a DTO property.
 * @example
 * class Item { @IsString() @Property({ description: 'Display name', example: 'Foo' }) name!: string }
 */
export function Property(options: PropertyOptions): PropertyDecorator {
  return (target, key) => {
    const ctor = (target as { constructor: object }).constructor;
    classRecord(ctor);
    let map = propertyOptions.get(ctor);
    if (!map) propertyOptions.set(ctor, (map = new Map()));
    map.set(String(key), { ...map.get(String(key)), ...options });
  };
}

export function readPropertyOptions(ctor: object, key: string): PropertyOptions | undefined {
  for (let c: unknown = ctor; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    const found = propertyOptions.get(c)?.get(key);
    if (found) return found;
  }
  return undefined;
}
