/**
 * The tutorial's fake users "database": scrypt hashes, never passwords, and the scopes each user may be
 * granted. A real app keeps these in its store; the lookups are what the routes need.
 */
import { hashPassword, verifyPassword } from '@decorumjs/decorum';

export interface UserInDb {
  username: string;
  full_name: string;
  email: string;
  disabled: boolean;
  hashed_password: string;
  /** The scopes a token for this user may carry; asking for others grants only these. */
  scopes: readonly string[];
}

// johndoe / secret, alice / secret2 (alice is disabled, as in FastAPI's tutorial).
const USERS: Readonly<Record<string, UserInDb>> = {
  johndoe: {
    username: 'johndoe', full_name: 'John Doe', email: 'johndoe@example.com', disabled: false, scopes: ['me', 'items'],
    hashed_password: '$scrypt$ln=17,r=8,p=1$8dYiwo0lw4JHDdHv/7KZwA==$+vNkO5ndiMfhXf+EaRgDV9jVv0UJ/xBXk/qu5Htr4uA=',
  },
  alice: {
    username: 'alice', full_name: 'Alice Wonderson', email: 'alice@example.com', disabled: true, scopes: ['me'],
    hashed_password: '$scrypt$ln=17,r=8,p=1$kb/ABGaG1Wtp3QczW1WXrg==$NE74gCKy5U4fa1/mdEzZgqONJfxsxyrE0c/wn+2lEzk=',
  },
};

export function findUser(username: string): UserInDb | undefined {
  return Object.hasOwn(USERS, username) ? USERS[username] : undefined;
}

// Verifying against a hash of the same cost when the user does not exist keeps the answer's timing from
// telling which usernames exist.
const DUMMY_HASH = hashPassword('not a password of anyone');

/** The user when the password is theirs, otherwise `undefined` (after the same work either way). */
export async function authenticateUser(username: string, password: string): Promise<UserInDb | undefined> {
  const user = findUser(username);
  const ok = await verifyPassword(password, user?.hashed_password ?? await DUMMY_HASH);
  return user && ok ? user : undefined;
}
