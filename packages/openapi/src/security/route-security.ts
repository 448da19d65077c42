/**
 * Which security schemes a route needs: those named with `@ApiSecurity` (recorded through core's
 * `SetMetadata`, so they reach the route table like any extension) and those carried by the route's
 * auth dependencies. A route needs all of them at once, so they form one OpenAPI requirement object.
 */
import { SetMetadata, type RouteDef } from '@decorumjs/core';
import { openApiErrors } from '../errors.js';
import type { SecurityRequirementObject, SecuritySchemeObject } from '../openapi-types.js';
import { isSecuredDependency, type SecurityScheme } from './security-scheme.js';

class SecurityMark {
  constructor(
    readonly scheme: SecurityScheme,
    readonly scopes: readonly string[],
  ) {}
}

/**
 * Documents a route (or, on a class, every route of a controller) as needing `scheme`. It records for
 * the docs only: enforcing credentials is the job of a guard or an auth dependency.
 * @example
 * const bearer = httpBearer();
 * @Controller('me') @ApiSecurity(bearer)
 * class MeController { @Get() read() {} }
 */
export function ApiSecurity(scheme: SecurityScheme, scopes: readonly string[] = []): ClassDecorator & MethodDecorator {
  // One key per scheme name, so several schemes stack and a method's scopes replace its controller's.
  return SetMetadata(Symbol.for(`decorum.openapi.security:${scheme.name}`), new SecurityMark(scheme, scopes));
}

export interface RouteSecurityNeed {
  readonly scheme: SecurityScheme;
  readonly scopes: readonly string[];
}

export function routeSecurity(route: RouteDef): RouteSecurityNeed[] {
  const needs = new Map<string, RouteSecurityNeed>();
  const add = (scheme: SecurityScheme, scopes: readonly string[]) => {
    const previous = needs.get(scheme.name);
    needs.set(scheme.name, { scheme, scopes: [...new Set([...(previous?.scopes ?? []), ...scopes])] });
  };
  for (const value of route.extensions.values()) if (value instanceof SecurityMark) add(value.scheme, value.scopes);
  // The app fills `dependencyTargets` with every dependency however deep; a bare route table has only its direct ones.
  const dependencies = route.dependencyTargets
    ?? [...route.dependencies, ...route.params.filter((p) => p.source === 'dependency').map((p) => p.target)];
  for (const dependency of dependencies) {
    for (const candidate of unwrap(dependency)) {
      if (isSecuredDependency(candidate)) add(candidate.securityScheme, candidate.securityScopes ?? []);
    }
  }
  return [...needs.values()];
}

/** A dependency may be the provider itself or a wrapper around it (`{ dependency }`, `{ target }`). */
function unwrap(value: unknown): unknown[] {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return [];
  const { dependency, target } = value as { dependency?: unknown; target?: unknown };
  return [value, dependency, target].filter((v) => v !== undefined);
}

/** Collects schemes for `components/securitySchemes`, refusing two different schemes under one name. */
export class SecuritySchemes {
  readonly #schemes = new Map<string, SecuritySchemeObject>();

  requirement(needs: readonly RouteSecurityNeed[]): SecurityRequirementObject[] | undefined {
    if (needs.length === 0) return undefined;
    const requirement: SecurityRequirementObject = {};
    for (const { scheme, scopes } of needs) {
      this.#add(scheme);
      requirement[scheme.name] = [...scopes];
    }
    return [requirement];
  }

  components(): Record<string, SecuritySchemeObject> | undefined {
    if (this.#schemes.size === 0) return undefined;
    return Object.fromEntries([...this.#schemes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  #add({ name, scheme }: SecurityScheme): void {
    const existing = this.#schemes.get(name);
    if (existing && JSON.stringify(existing) !== JSON.stringify(scheme)) {
      throw openApiErrors.securitySchemeClash(name);
    }
    this.#schemes.set(name, scheme);
  }
}
