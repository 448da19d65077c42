/**
 * OAuth2 bearer tokens whose docs say where to get one (FastAPI's `OAuth2PasswordBearer`,
 * `OAuth2AuthorizationCodeBearer`) and OpenID Connect (FastAPI's `OpenIdConnect`).
 */
import { authorizationOf, defineScheme, notAuthenticated, refuse, withDescription, type Optional, type SchemeOptions, type SecurityScheme } from './security-scheme.js';
import type { RequestContext } from '@decorumjs/core';

export interface OAuth2PasswordBearerOptions extends SchemeOptions {
  /** Where clients post `username` and `password` for a token (shown in the docs; your route serves it). */
  tokenUrl: string;
  refreshUrl?: string;
  /** Scopes the docs offer, with their descriptions. Routes require them with `Security(dep, { scopes })`. */
  scopes?: Record<string, string>;
}

export interface OAuth2AuthorizationCodeBearerOptions extends SchemeOptions {
  authorizationUrl: string;
  tokenUrl: string;
  refreshUrl?: string;
  scopes?: Record<string, string>;
}

/**
 * Reads the bearer token: 401 `Not authenticated` with `WWW-Authenticate: Bearer` when it is missing or
 * sent with another scheme. Documented with the password flow, so Swagger UI's "Authorize" asks for a
 * username and password and sends the token it gets.
 * @example
 * const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { 'items:read': 'Read items' } });
 * @Get('items') list(@Depends(oauth2) token: string) { … }
 */
export function oauth2PasswordBearer<O extends OAuth2PasswordBearerOptions>(options: O): SecurityScheme<Optional<O, string>>;
export function oauth2PasswordBearer(options: OAuth2PasswordBearerOptions): SecurityScheme<string | null> {
  const { schemeName = 'OAuth2PasswordBearer', tokenUrl, refreshUrl, scopes = {}, description, autoError = true } = options;
  const flows = { password: { tokenUrl, ...(refreshUrl && { refreshUrl }), scopes } };
  return defineScheme('oauth2PasswordBearer', bearerToken(autoError), { name: schemeName, scheme: { type: 'oauth2', flows, ...withDescription(description) } });
}

/** The same for the authorization code flow. */
export function oauth2AuthorizationCodeBearer<O extends OAuth2AuthorizationCodeBearerOptions>(options: O): SecurityScheme<Optional<O, string>>;
export function oauth2AuthorizationCodeBearer(options: OAuth2AuthorizationCodeBearerOptions): SecurityScheme<string | null> {
  const { schemeName = 'OAuth2AuthorizationCodeBearer', authorizationUrl, tokenUrl, refreshUrl, scopes = {}, description, autoError = true } = options;
  const flows = { authorizationCode: { authorizationUrl, tokenUrl, ...(refreshUrl && { refreshUrl }), scopes } };
  return defineScheme('oauth2AuthorizationCodeBearer', bearerToken(autoError), { name: schemeName, scheme: { type: 'oauth2', flows, ...withDescription(description) } });
}

export interface OpenIdConnectOptions extends SchemeOptions {
  /** The provider's discovery document (`…/.well-known/openid-configuration`). */
  openIdConnectUrl: string;
}

/**
 * The whole `Authorization` header, as FastAPI's `OpenIdConnect` gives it: 401 `Not authenticated` with
 * `WWW-Authenticate: Bearer` when it is missing. Verify the token with `verifyJwt` and `remoteJwks`.
 */
export function openIdConnect<O extends OpenIdConnectOptions>(options: O): SecurityScheme<Optional<O, string>>;
export function openIdConnect(options: OpenIdConnectOptions): SecurityScheme<string | null> {
  const { schemeName = 'OpenIdConnect', openIdConnectUrl, description, autoError = true } = options;
  return defineScheme('openIdConnect', (ctx) => {
    const header = ctx.headers.authorization;
    if (typeof header === 'string' && header.trim() !== '') return header;
    return refuse(autoError, () => notAuthenticated('Bearer'));
  }, { name: schemeName, scheme: { type: 'openIdConnect', openIdConnectUrl, ...withDescription(description) } });
}

function bearerToken(autoError: boolean): (ctx: RequestContext) => string | null {
  return (ctx) => {
    const authorization = authorizationOf(ctx);
    if (authorization && authorization.scheme.toLowerCase() === 'bearer') return authorization.credentials;
    return refuse(autoError, () => notAuthenticated('Bearer'));
  };
}
