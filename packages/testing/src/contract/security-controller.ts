/**
 * The security part of the contract app: every scheme's credential source (Authorization header,
 * other headers, query, cookie), its challenge header, scopes along a chain, and optional credentials.
 */
import { Controller, Depends, Get, Inject, Security, SecurityScopes, dependency } from '@decorumjs/core';
import {
  apiKeyCookie, apiKeyHeader, apiKeyQuery, httpBasic, httpBearer, jwtBearer, oauth2PasswordBearer,
  type BasicCredentials, type BearerCredentials, type JwtPayload,
} from '@decorumjs/security';

/** The HS256 secret the contract's JWT route verifies with. */
export const CONTRACT_JWT_SECRET = 'contract-secret-of-at-least-32-bytes';

const bearer = httpBearer();
const maybeBearer = httpBearer({ autoError: false });
const basic = httpBasic({ realm: 'contract' });
const headerKey = apiKeyHeader({ name: 'X-API-Key' });
const queryKey = apiKeyQuery({ name: 'api_key' });
const cookieKey = apiKeyCookie({ name: 'session' });
const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { read: 'Read', write: 'Write' } });
const claims = jwtBearer({ scheme: oauth2, key: CONTRACT_JWT_SECRET });
const granted = dependency({
  name: 'granted',
  inject: [Depends(oauth2), Inject(SecurityScopes)],
  use: (token: string, required: SecurityScopes) => {
    required.require(token.split('+'));
    return required.scopes;
  },
});
const reader = dependency({ name: 'reader', inject: [Security(granted, { scopes: ['read'] })], use: (scopes: readonly string[]) => scopes });

@Controller('security')
export class SecurityController {
  @Get('bearer') bearer(@Depends(bearer) c: BearerCredentials) { return c; }
  @Get('maybe') maybe(@Depends(maybeBearer) c: BearerCredentials | null) { return { signedIn: c !== null }; }
  @Get('basic') basic(@Depends(basic) c: BasicCredentials) { return c; }
  @Get('keys') keys(@Depends(headerKey) h: string, @Depends(queryKey) q: string, @Depends(cookieKey) c: string) { return { h, q, c }; }
  @Get('scoped') scoped(@Security(reader, { scopes: ['write'] }) scopes: readonly string[]) { return { scopes }; }
  @Get('jwt') jwt(@Security(claims, { scopes: ['read'] }) payload: JwtPayload) { return { sub: payload.sub }; }
}
