// The README example's auth dependency, the same an HTTP route would use: a bearer token names the user.
import { Depends, dependency, httpBearer, notAuthenticated, type BearerCredentials } from '@decorumjs/decorum';

export interface User { name: string }

const bearer = httpBearer();

export const currentUser = dependency({
  inject: [Depends(bearer)],
  use: ({ credentials }: BearerCredentials): User => {
    if (!credentials.startsWith('user-')) throw notAuthenticated('Bearer', 'Invalid token');
    return { name: credentials.slice('user-'.length) };
  },
});
