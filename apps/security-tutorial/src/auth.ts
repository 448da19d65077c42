/**
 * FastAPI's security tutorial in Decorum: OAuth2 password flow, JWT access tokens with scopes, and the
 * current user as a dependency that checks the scopes its route requires.
 */
import {
  BadRequest, Depends, Inject, InvalidToken, Security, SecurityScopes, dependency, grantedScopes, notAuthenticated,
  oauth2PasswordBearer, signJwt, verifyJwt,
} from '@decorumjs/decorum';
import { findUser, type UserInDb } from './users.js';

/** HS256 key. Set `SECRET_KEY` (e.g. `openssl rand -hex 32`) outside development. */
export const SECRET_KEY = process.env.SECRET_KEY ?? '09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7';
export const ACCESS_TOKEN_EXPIRE_MINUTES = 30;

// `tokenUrl` is relative, as in FastAPI's tutorial: Swagger UI resolves it against the docs' URL.
export const oauth2 = oauth2PasswordBearer({
  tokenUrl: 'token',
  scopes: { me: 'Read information about the current user.', items: 'Read items.' },
});

/** A signed access token for the user, carrying the scopes it was granted. */
export function createAccessToken(user: UserInDb, scopes: readonly string[], expiresInSeconds = ACCESS_TOKEN_EXPIRE_MINUTES * 60): Promise<string> {
  return signJwt({ sub: user.username, scope: scopes.join(' ') }, SECRET_KEY, { expiresIn: expiresInSeconds });
}

/**
 * The token's user: a bad, expired or foreign token is 401 `invalid_token`, a token whose user is gone
 * 401, and a token without every scope required along the chain 403 `Bearer scope="…"`.
 */
export const currentUser = dependency({
  name: 'currentUser',
  inject: [Depends(oauth2), Inject(SecurityScopes)],
  use: async (token: string, required: SecurityScopes): Promise<UserInDb> => {
    const payload = await verifyJwt(token, SECRET_KEY, { algorithms: ['HS256'] });
    if (typeof payload.sub !== 'string') throw new InvalidToken('The token names no user');
    const user = findUser(payload.sub);
    if (!user) throw notAuthenticated('Bearer', 'Could not validate credentials');
    required.require(grantedScopes(payload));
    return user;
  },
});

/** The current user, refused with 400 `Inactive user` when disabled (as FastAPI's tutorial does). */
export const currentActiveUser = dependency({
  name: 'currentActiveUser',
  inject: [Security(currentUser)],
  use: (user: UserInDb): UserInDb => {
    if (user.disabled) throw new BadRequest('Inactive user');
    return user;
  },
});
