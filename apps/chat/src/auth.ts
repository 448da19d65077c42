/**
 * One auth dependency for the chat's HTTP routes and its WebSocket alike. A browser's `WebSocket` cannot
 * set headers, so the token also comes as `?token=`; other clients send `Authorization: Bearer …`.
 * A missing or unknown token is a 401: on the WebSocket route the upgrade is refused with it.
 */
import { Header, Query, Unauthorized, dependency } from '@decorumjs/decorum';
import { userForToken, type User } from './users.js';

export const currentUser = dependency({
  name: 'currentUser',
  inject: [
    Header('authorization', { optional: true, description: 'Bearer <token>' }),
    Query('token', { optional: true, description: 'The access token, for browsers (a WebSocket cannot set headers)' }),
  ],
  use: (authorization: string | undefined, token: string | undefined): User => {
    const given = token ?? (authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined);
    if (given === undefined) throw new Unauthorized('Not authenticated', { 'www-authenticate': 'Bearer' });
    const user = userForToken(given);
    if (!user) throw new Unauthorized('Invalid token', { 'www-authenticate': 'Bearer error="invalid_token"' });
    return user;
  },
});
