/**
 * Which security schemes a route needs: those carried by the dependencies it resolves, however deep
 * (the schemes of `@decorumjs/security`, or any dependency with a `securityScheme`), each with the OAuth2
 * scopes required along its chain (`Security(dep, { scopes })`). A route needs all of them at once, so
 * they form one OpenAPI requirement object, as FastAPI's `get_openapi_security_definitions` builds it.
 */
import type { RouteDef } from '@decorumjs/core';
import { openApiErrors } from '../errors.js';
import type { SecurityRequirementObject, SecuritySchemeObject } from '../openapi-types.js';
import { isSecuredDependency, type SecurityScheme } from './security-scheme.js';

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
  // The app fills `dependencyUses` with every dependency however deep; a bare route table has only its direct ones.
  const uses = route.dependencyUses ?? [...route.dependencies, ...route.params.filter((p) => p.source === 'dependency').map((p) => p.target)]
    .map((target) => ({ target, scopes: [] as readonly string[] }));
  for (const { target, scopes } of uses) {
    if (isSecuredDependency(target)) add(target.securityScheme, scopes);
  }
  return [...needs.values()];
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
