/**
 * The OAuth2 password grant's token request (RFC 6749 §4.3.2) as a form DTO: FastAPI's
 * `OAuth2PasswordRequestForm` and `OAuth2PasswordRequestFormStrict`, for `@Form() form: …`.
 */
import { IsOptional, IsString, Matches } from 'class-validator';
import { Property } from '@decorumjs/core';

/** The fields both forms share; `grant_type`'s rule is what tells them apart. */
abstract class PasswordGrantFields {
  @IsString() username!: string;

  @IsString() @Property({ format: 'password', writeOnly: true }) password!: string;

  /** The scopes asked for, space-separated as OAuth2 sends them; read them split as `scopes`. */
  @IsOptional() @IsString() scope: string = '';

  @IsOptional() @IsString() client_id?: string;

  @IsOptional() @IsString() @Property({ format: 'password', writeOnly: true }) client_secret?: string;

  /** `scope` split on spaces, empty entries dropped (`'me  items'` → `['me', 'items']`). */
  get scopes(): string[] {
    return (this.scope ?? '').split(' ').filter((scope) => scope !== '');
  }
}

/**
 * What a client posts to the token URL of `oauth2PasswordBearer({ tokenUrl })`; Swagger UI's Authorize
 * sends exactly this. `grant_type` may be left out (as FastAPI allows); when sent it must be `password`.
 * @example
 * @Post('token') async token(@Form() form: OAuth2PasswordRequestForm) {
 *   const user = await authenticate(form.username, form.password);
 *   return { access_token: await signJwt({ sub: user.name, scope: form.scopes.join(' ') }, key), token_type: 'bearer' };
 * }
 */
export class OAuth2PasswordRequestForm extends PasswordGrantFields {
  @IsOptional() @IsString() @Matches(/^password$/, { message: "grant_type must be 'password'" })
  grant_type?: string;
}

/**
 * The same, requiring `grant_type=password` as RFC 6749 does (FastAPI's `OAuth2PasswordRequestFormStrict`).
 * Class-validator merges a parent's rules into a subclass, so this is a sibling, not a subclass.
 */
export class OAuth2PasswordRequestFormStrict extends PasswordGrantFields {
  @IsString() @Matches(/^password$/, { message: "grant_type must be 'password'" })
  grant_type!: string;
}
