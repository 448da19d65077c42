/** The tutorial's routes: the token endpoint, the current user, their items (scope `items`), a public status. */
import { IsBoolean, IsEmail, IsString } from 'class-validator';
import {
  BadRequest, Controller, Depends, Form, Get, OAuth2PasswordRequestForm, Post, ResponseModel, Security,
} from '@decorumjs/decorum';
import { createAccessToken, currentActiveUser } from './auth.js';
import { authenticateUser, type UserInDb } from './users.js';

export class Token {
  @IsString() access_token!: string;
  @IsString() token_type!: string;
}

/** What a user is shown of themselves: never the hash nor the scope list. */
export class User {
  @IsString() username!: string;
  @IsString() full_name!: string;
  @IsEmail() email!: string;
  @IsBoolean() disabled!: boolean;
}

export class Item {
  @IsString() item_id!: string;
  @IsString() owner!: string;
}

@Controller()
export class AuthController {
  /** OAuth2 password grant: the scopes granted are those asked for that the user may have. */
  @Post('token') @ResponseModel(Token)
  async login(@Form() form: OAuth2PasswordRequestForm): Promise<Token> {
    const user = await authenticateUser(form.username, form.password);
    if (!user) throw new BadRequest('Incorrect username or password');
    const scopes = form.scopes.filter((scope) => user.scopes.includes(scope));
    return { access_token: await createAccessToken(user, scopes), token_type: 'bearer' };
  }
}

@Controller('users')
export class UsersController {
  @Get('me') @ResponseModel(User)
  me(@Depends(currentActiveUser) user: UserInDb) { return user; }

  @Get('me/items') @ResponseModel([Item])
  items(@Security(currentActiveUser, { scopes: ['items'] }) user: UserInDb) {
    return [{ item_id: 'Foo', owner: user.username }];
  }
}

@Controller()
export class StatusController {
  @Get('status') status() { return { status: 'ok' }; }
}
