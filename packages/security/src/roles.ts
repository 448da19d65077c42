/**
 * Role-based access as a guard reading route metadata: `@Roles('admin')` records which roles a route
 * needs with core's `SetMetadata`, and `rolesGuard(rolesOf)` compares them with the caller's. A small,
 * complete example of the guard + metadata pattern as much as a ready-made guard.
 */
import { Forbidden, SetMetadata, type CanActivate, type GuardContext } from '@decorumjs/core';

/** The route metadata key `@Roles` writes and `rolesGuard` reads. */
export const ROLES = Symbol.for('decorum.roles');

/**
 * The roles a route (or every route of a controller) requires: any one of them is enough. A method's
 * `@Roles` replaces its controller's.
 * @example
 * @Controller('admin') @UseGuards(RolesGuard) @Roles('admin')
 * class AdminController { @Get('stats') @Roles('admin', 'auditor') stats() {} }
 */
export function Roles(...roles: string[]): ClassDecorator & MethodDecorator {
  return SetMetadata(ROLES, roles);
}

/**
 * A guard that lets a request through when the route declares no roles, or when the caller has one of
 * them. `rolesOf` finds the caller's roles (from what an auth guard or dependency put in `ctx.state`,
 * say); an unauthenticated caller should be refused before this with a 401.
 * @example
 * const RolesGuard = rolesGuard((ctx) => (ctx.state.get(USER) as User | undefined)?.roles ?? []);
 * createApp({ guards: [AuthGuard, RolesGuard] });
 */
export function rolesGuard(rolesOf: (ctx: GuardContext) => readonly string[] | Promise<readonly string[]>): CanActivate {
  return {
    canActivate(ctx) {
      const required = ctx.route.extensions.get(ROLES) as readonly string[] | undefined;
      if (!required || required.length === 0) return true;
      const check = (held: readonly string[]) => {
        if (required.some((role) => held.includes(role))) return true;
        throw new Forbidden(`Requires one of the roles: ${required.join(', ')}`);
      };
      const held = rolesOf(ctx);
      return held instanceof Promise ? held.then(check) : check(held);
    },
  };
}
