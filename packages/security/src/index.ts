/**
 * @decorumjs/security: security schemes that enforce and document in one object (FastAPI's
 * `fastapi.security`), OAuth2 scopes, JWT, password hashing and secret comparison.
 * @example
 * import { Security, oauth2PasswordBearer, jwtBearer } from '@decorumjs/security';
 * const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { 'items:read': 'Read items' } });
 * const claims = jwtBearer({ scheme: oauth2, key: process.env.JWT_SECRET! });
 * @Get('items') list(@Security(claims, { scopes: ['items:read'] }) token: JwtPayload) {}
 */
export { Security, SecurityScopes, insufficientScope, type ScopedDependency } from '@decorumjs/core';
export {
  authorizationOf, defineScheme, notAuthenticated, type SchemeOptions, type SecurityScheme, type SecuritySchemeDoc,
} from './security-scheme.js';
export { httpBearer, type BearerCredentials, type HttpBearerOptions } from './http-bearer.js';
export { basicChallenge, httpBasic, type BasicCredentials, type HttpBasicOptions } from './http-basic.js';
export { apiKeyCookie, apiKeyHeader, apiKeyQuery, type ApiKeyOptions } from './api-key.js';
export {
  oauth2AuthorizationCodeBearer, oauth2PasswordBearer, openIdConnect,
  type OAuth2AuthorizationCodeBearerOptions, type OAuth2PasswordBearerOptions, type OpenIdConnectOptions,
} from './oauth2.js';
export { ROLES, Roles, rolesGuard } from './roles.js';
export { compareSecrets } from './compare-secrets.js';
export { hashPassword, needsRehash, verifyPassword, type PasswordHashOptions } from './password-hash.js';
export { SecurityError, securityErrors, type SecurityErrorCode } from './errors.js';
export { signJwt, type JwtAlgorithm, type JwtClaims, type SignJwtOptions, type SigningKey } from './jwt/sign-jwt.js';
export { InvalidToken, verifyJwt, type JwtPayload, type VerificationKey, type VerifyJwtOptions } from './jwt/verify-jwt.js';
export { remoteJwks, type RemoteJwksOptions } from './jwt/remote-jwks.js';
export { grantedScopes, jwtBearer, type JwtBearerOptions } from './jwt/jwt-bearer.js';
export { OAuth2PasswordRequestForm, OAuth2PasswordRequestFormStrict } from './oauth2-password-form.js';
