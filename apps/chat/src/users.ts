/**
 * The example's users and their access tokens. A fixed table keeps the example about WebSockets; a real
 * app verifies a signed token here instead (`verifyJwt` from `@decorumjs/decorum`, as the security
 * tutorial does) and nothing else changes: the dependency in `auth.ts` is what the routes see.
 */
export interface User {
  readonly name: string;
}

const USERS_BY_TOKEN: ReadonlyMap<string, User> = new Map([
  ['alice-token', { name: 'alice' }],
  ['bob-token', { name: 'bob' }],
]);

export function userForToken(token: string): User | undefined {
  return USERS_BY_TOKEN.get(token);
}
