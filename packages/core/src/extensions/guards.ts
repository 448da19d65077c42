/**
 * Guards decide whether a request may reach its handler. They run first, with the request context
 * and the route (its `extensions` hold `@SetMetadata` values such as roles). `false` answers 403; a
 * thrown `HttpError` answers as thrown (throw `Unauthorized` for missing credentials: 401, as FastAPI).
 * @example
 * const RolesGuard: CanActivate = { canActivate: (ctx) => userRoles(ctx).includes(ctx.route.extensions.get('role')) };
 * @UseGuards(RolesGuard) @SetMetadata('role', 'admin') @Delete(':id') remove() {}
 */
import type { RequestContext } from '../http/request-context.js';
import type { RouteDef } from '../route-table/route-def.js';
import type { Class } from '../metadata/records.js';

export interface GuardContext extends RequestContext {
  readonly route: RouteDef;
}

export interface CanActivate {
  canActivate(ctx: GuardContext): boolean | Promise<boolean>;
}

/** A guard class (built by the container, so it may inject), a guard object, or a plain function. */
export type GuardLike = Class<CanActivate> | CanActivate | ((ctx: GuardContext) => boolean | Promise<boolean>);
