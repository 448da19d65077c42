/**
 * How the OpenAPI builder recognises a security scheme on a dependency. The schemes themselves (which
 * enforce as well as document) live in `@decorumjs/security`; this reads their shape without depending
 * on that package: a `securityScheme` holding the key under `components/securitySchemes` and the object.
 */
import type { SecuritySchemeObject } from '../openapi-types.js';

export interface SecurityScheme {
  /** The key under `components/securitySchemes`; two different schemes must not share it. */
  readonly name: string;
  readonly scheme: SecuritySchemeObject;
}

/** What a dependency carries so the routes that use it are documented as secured. */
export interface SecuredDependency {
  readonly securityScheme: SecurityScheme;
}

/** True when `value` carries a security scheme of the shape above. */
export function isSecuredDependency(value: unknown): value is SecuredDependency {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  const scheme = (value as { securityScheme?: unknown }).securityScheme;
  return typeof scheme === 'object' && scheme !== null
    && typeof (scheme as { name?: unknown }).name === 'string'
    && typeof (scheme as { scheme?: unknown }).scheme === 'object';
}
