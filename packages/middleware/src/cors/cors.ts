/**
 * Cross-origin resource sharing, as FastAPI's (Starlette's) `CORSMiddleware`, written against Decorum's
 * middleware contract so it runs the same on every adapter. A request without `Origin` is not a CORS
 * request: it passes through untouched, at the cost of one header lookup, and (as in Starlette) gets
 * no `Vary: Origin`.
 * @see https://fetch.spec.whatwg.org/#http-cors-protocol
 */
import { HttpResponse, withCondition, type Middleware, type RequestContext } from '@decorumjs/core';
import { appendVary, headerOf, listOf } from '../headers.js';
import { compileCors, type CompiledCors, type CorsOptions } from './cors-options.js';

/**
 * Answers CORS preflights and adds the CORS headers to actual responses.
 *
 * A preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) is answered here, before
 * routing, with **204** and no body when the origin, method and headers are allowed, and with **400**
 * (`Disallowed CORS origin`, `method` or `headers`, plain text, no CORS headers) when not, as Starlette.
 * An actual request from a disallowed origin is served without CORS headers, so the browser hides the
 * response from the page.
 * @example
 * app.use(cors({ allowOrigins: ['https://app.example.com'], allowMethods: ['GET', 'POST'], allowCredentials: true }));
 * app.use('/public', cors({ allowOrigins: '*' }));
 */
export function cors(options: CorsOptions = {}): Middleware {
  const config = compileCors(options);
  const middleware: Middleware = (ctx, next) => {
    const origin = ctx.headers.origin;
    if (typeof origin !== 'string') return next();
    if (ctx.method === 'OPTIONS' && ctx.headers['access-control-request-method'] !== undefined) return preflight(ctx, origin, config);
    return actual(ctx, origin, config, next);
  };
  // Same-origin and server-to-server requests carry no Origin: they go straight to the route.
  return withCondition(middleware, (request) => typeof request.headers.origin === 'string');
}

async function preflight(ctx: RequestContext, origin: string, config: CompiledCors): Promise<HttpResponse> {
  const headers: Record<string, string> = {};
  const failures: string[] = [];
  if (await config.isAllowedOrigin(origin, ctx)) {
    headers['access-control-allow-origin'] = config.anyOrigin ? '*' : origin;
  } else {
    failures.push('origin');
  }
  const method = headerOf(ctx, 'access-control-request-method') ?? '';
  if (!config.allowedMethods.has(method.toUpperCase())) failures.push('method');
  const requested = headerOf(ctx, 'access-control-request-headers');
  const { allowedHeaders } = config;
  if (allowedHeaders === null) {
    // Any header may be asked for: echo the request's list (a literal `*` means nothing with credentials).
    if (requested) headers['access-control-allow-headers'] = requested;
  } else {
    if (listOf(requested).some((h) => !allowedHeaders.has(h.toLowerCase()))) failures.push('headers');
    headers['access-control-allow-headers'] = config.allowHeadersValue;
  }
  if (!config.anyOrigin) headers.vary = 'Origin';
  if (failures.length > 0) {
    return new HttpResponse(`Disallowed CORS ${failures.join(', ')}`, {
      status: 400, contentType: 'text/plain; charset=utf-8', headers: config.anyOrigin ? {} : { vary: 'Origin' },
    });
  }
  headers['access-control-allow-methods'] = config.allowMethodsValue;
  headers['access-control-max-age'] = config.maxAgeValue;
  if (config.credentials) headers['access-control-allow-credentials'] = 'true';
  return new HttpResponse(null, { status: 204, headers });
}

function actual(
  ctx: RequestContext, origin: string, config: CompiledCors, next: () => Promise<HttpResponse>,
): Promise<HttpResponse> {
  const allowed = config.isAllowedOrigin(origin, ctx);
  // A list or '*' answers at once; only a predicate of the user's may need awaiting.
  if (typeof allowed === 'boolean') return next().then((response) => withCorsHeaders(response, origin, config, allowed));
  return allowed.then((verdict) => next().then((response) => withCorsHeaders(response, origin, config, verdict)));
}

function withCorsHeaders(response: HttpResponse, origin: string, config: CompiledCors, allowed: boolean): HttpResponse {
  // The answer depends on the origin unless it is `*` for everyone: caches must keep one per origin.
  if (!config.anyOrigin) appendVary(response, 'Origin');
  if (!allowed) return response;
  response.headers['access-control-allow-origin'] = config.anyOrigin ? '*' : origin;
  if (config.credentials) response.headers['access-control-allow-credentials'] = 'true';
  if (config.exposeHeadersValue) response.headers['access-control-expose-headers'] = config.exposeHeadersValue;
  return response;
}
