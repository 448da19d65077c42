/** Handler dependencies: their parameters are validated and documented as the route's own. */
import { Header, Int, Query, Unauthorized, dependency } from '@decorumjs/decorum';

export interface Page {
  limit: number;
  offset: number;
}

export const pagination = dependency({
  name: 'pagination',
  inject: [
    Query('limit', { type: Int, default: 10, ge: 1, le: 100, description: 'Items per page' }),
    Query('offset', { type: Int, default: 0, ge: 0, description: 'Items to skip' }),
  ],
  use: (limit: number, offset: number): Page => ({ limit, offset }),
});

/** Run for its side effect on every write route: a missing or wrong token is a 401. */
export const requireToken = dependency({
  name: 'requireToken',
  inject: [Header('x-token', { optional: true })],
  use: (token: string | undefined) => {
    if (token !== 'secret-token') {
      throw new Unauthorized(token === undefined ? 'Not authenticated' : 'Invalid token', { 'www-authenticate': 'Token' });
    }
  },
});
