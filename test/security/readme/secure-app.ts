// The README's "Security" example, verbatim: test/security/readme.test.ts runs it.
import {
  Controller, Depends, Get, Inject, Security, SecurityScopes, createApp, dependency, httpBasic, jwtBearer, notAuthenticated,
  oauth2PasswordBearer, compareSecrets, type BasicCredentials, type JwtPayload,
} from '@decorumjs/decorum';

const SECRET = process.env.JWT_SECRET ?? 'change-me-to-32-bytes-or-more!!!';

const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { 'items:read': 'Read items', 'items:write': 'Change items' } });
const claims = jwtBearer({ scheme: oauth2, key: SECRET, audience: 'inventory' });   // verifies, checks `scope`

const basic = httpBasic({ realm: 'ops' });
const operator = dependency({
  inject: [Depends(basic)],
  use: (c: BasicCredentials) => {
    const ok = [compareSecrets(c.username, 'ops'), compareSecrets(c.password, process.env.OPS_PASSWORD ?? 'ops-pass')];
    if (!ok.every(Boolean)) throw notAuthenticated('Basic realm="ops"', 'Incorrect username or password');
    return c.username;
  },
});

// Your own scope check: SecurityScopes holds every scope required along the chain.
const scopeEcho = dependency({ inject: [Inject(SecurityScopes)], use: (s: SecurityScopes) => s.scopes });

@Controller('items')
class ItemsController {
  @Get() list(@Security(claims, { scopes: ['items:read'] }) token: JwtPayload) {
    return { user: token.sub, items: ['hammer'] };
  }
  @Get('audit') audit(@Depends(operator) user: string, @Security(scopeEcho, { scopes: ['audit'] }) scopes: readonly string[]) {
    return { user, scopes };
  }
}

export const app = createApp({ controllers: [ItemsController] });
