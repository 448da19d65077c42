import { IsString } from 'class-validator';
import { describe, expect, test } from 'vitest';
import {
  Body, Controller, Get, Post, Security, Unauthorized, compareSecrets, hashPassword, jwtBearer, needsRehash,
  oauth2PasswordBearer, signJwt, verifyPassword, type JwtPayload,
} from '@decorumjs/decorum';
import { serve } from './serve.js';

const FAST = { logCost: 12 } as const;

describe('hashPassword and verifyPassword', () => {
  test('a self-describing scrypt hash, salted afresh each time, that verifies only the same password', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
    expect(await hashPassword('same', FAST)).not.toBe(await hashPassword('same', FAST));
  });

  test('parameters travel with the hash; weaker ones ask for a rehash; malformed or tampered hashes are false', async () => {
    const weak = await hashPassword('pw', FAST);
    expect(weak.startsWith('$scrypt$ln=12,r=8,p=1$')).toBe(true);
    expect(await verifyPassword('pw', weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(weak, FAST)).toBe(false);
    const [, , params, salt, key] = weak.split('$') as [string, string, string, string, string];
    const flipped = `${key[0] === 'A' ? 'B' : 'A'}${key.slice(1)}`;
    for (const bad of ['', 'plain', `$scrypt$${params}$${salt}$${flipped}`, `$scrypt$ln=40,r=8,p=1$${salt}$${key}`, `$bcrypt$${params}$${salt}$${key}`]) {
      expect(await verifyPassword('pw', bad), bad).toBe(false);
    }
    // Unicode passwords are compared after NFKC normalization: the composed and decomposed é are one password.
    expect(await verifyPassword('caf\u0065\u0301', await hashPassword('caf\u00e9', FAST))).toBe(true);
  });

  test('compareSecrets: equal only when equal, whatever the lengths', () => {
    expect(compareSecrets('s3cret', 's3cret')).toBe(true);
    expect(compareSecrets('s3cret', 's3cre')).toBe(false);
    expect(compareSecrets('', 's3cret')).toBe(false);
    expect(compareSecrets(Buffer.from('s3cret'), 's3cret')).toBe(true);
  });
});

describe('a login flow: password → JWT → scoped route', () => {
  const SECRET = 'login-flow-secret-of-32-bytes!!!';
  class Login {
    @IsString() username!: string;
    @IsString() password!: string;
  }
  const users = new Map<string, { hash: string; scopes: string }>();
  const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { me: 'Read yourself' } });
  const claims = jwtBearer({ scheme: oauth2, key: SECRET });

  @Controller()
  class Auth {
    @Post('login') async login(@Body() body: Login) {
      const user = users.get(body.username);
      // Verify against a dummy hash when the user is unknown, so timing does not reveal which usernames exist.
      const ok = await verifyPassword(body.password, user?.hash ?? DUMMY);
      if (!user || !ok) throw new Unauthorized('Incorrect username or password', { 'www-authenticate': 'Bearer' });
      return { access_token: await signJwt({ sub: body.username, scope: user.scopes }, SECRET, { expiresIn: '15m' }), token_type: 'bearer' };
    }
    @Get('me') me(@Security(claims, { scopes: ['me'] }) token: JwtPayload) { return { username: token.sub }; }
  }
  let DUMMY = '';

  test('the right password gets a token the scoped route accepts; a wrong one is 401', async () => {
    users.set('alice', { hash: await hashPassword('wonderland', FAST), scopes: 'me' });
    DUMMY = await hashPassword('dummy', FAST);
    const { json } = await serve({ controllers: [Auth] });
    const post = (body: unknown) => json('/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const login = await post({ username: 'alice', password: 'wonderland' });
    expect(login).toMatchObject({ status: 200, body: { token_type: 'bearer' } });
    const accessToken = (login.body as { access_token: string }).access_token;
    expect((await json('/me', { headers: { authorization: `Bearer ${accessToken}` } })).body).toEqual({ username: 'alice' });
    expect(await post({ username: 'alice', password: 'nope' })).toMatchObject({ status: 401, body: { detail: 'Incorrect username or password' } });
    expect((await post({ username: 'mallory', password: 'wonderland' })).status).toBe(401);
  });
});
