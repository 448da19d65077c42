/**
 * Type tests of dependencies and injection (checked by tsc, never run): what `dependency()`, tokens,
 * `app.get` and the auth dependencies infer, and what the compiler must reject.
 */
import { expectTypeOf } from 'vitest';
import {
  Depends, Inject, Injectable, InjectionToken, Int, Query, Security, SecurityScopes, apiKeyHeader, createApp, defineModule, dependency,
  httpBasic, httpBearer, jwtBearer, oauth2PasswordBearer, type App, type BasicCredentials, type BearerCredentials, type FunctionDependency,
  type JwtPayload, type Provider, type Token,
} from '@decorumjs/decorum';

interface ItemStore { list(): string[] }
const ITEM_STORE = new InjectionToken<ItemStore>('ItemStore');

@Injectable()
class Clock { now() { return 0; } }

@Injectable({ scope: 'request' })
export class ItemsService {
  constructor(@Inject(ITEM_STORE) readonly store: ItemStore, readonly clock: Clock) {}
}

// dependency(): the value type is the function's return type, sync, async or generator.
const pagination = dependency({
  inject: [Query('limit', { type: Int, default: 10 }), Query('offset', { type: Int, default: 0 })],
  use: (limit: number, offset: number) => ({ limit, offset }),
});
expectTypeOf(pagination).toEqualTypeOf<FunctionDependency<{ limit: number; offset: number }>>();
expectTypeOf(dependency({ use: async () => 'token' })).toEqualTypeOf<FunctionDependency<Promise<string>>>();
const session = dependency({ use: function* () { yield { id: 1 }; } });
expectTypeOf(session).toMatchTypeOf<FunctionDependency<Generator<{ id: number }>>>();

// Tokens carry their type to app.get, for classes and InjectionTokens alike.
declare const app: App;
expectTypeOf(app.get(ITEM_STORE)).toEqualTypeOf<ItemStore>();
expectTypeOf(app.get(ItemsService)).toEqualTypeOf<ItemsService>();
expectTypeOf(ITEM_STORE).toMatchTypeOf<Token<ItemStore>>();

// Providers in NestJS's spellings; a typed provider checks its value against the token.
const providers: Provider[] = [
  Clock,
  { provide: ITEM_STORE, useValue: { list: () => [] } },
  { provide: 'config', useFactory: (clock: Clock) => ({ at: clock.now() }), inject: [Clock] },
  { provide: ItemsService, useClass: ItemsService, scope: 'request' },
  { provide: 'store', useExisting: ITEM_STORE },
];
const typed: Provider<ItemStore> = { provide: ITEM_STORE, useValue: { list: () => ['a'] } };
expectTypeOf(createApp({ providers: [...providers, typed], modules: [defineModule({ prefix: '/m', providers })] })).toEqualTypeOf<App>();

// Security schemes: a credential, or null once autoError is off; jwtBearer follows its scheme.
expectTypeOf(httpBearer()).returns.toEqualTypeOf<BearerCredentials>();
expectTypeOf(httpBearer({ autoError: false })).returns.toEqualTypeOf<BearerCredentials | null>();
expectTypeOf(httpBasic({ realm: 'r' })).returns.toEqualTypeOf<BasicCredentials>();
expectTypeOf(apiKeyHeader({ name: 'x-key' })).returns.toEqualTypeOf<string>();
expectTypeOf(oauth2PasswordBearer({ tokenUrl: '/token', autoError: false })).returns.toEqualTypeOf<string | null>();
expectTypeOf(jwtBearer({ scheme: httpBearer(), key: 'k' })).toEqualTypeOf<FunctionDependency<Promise<JwtPayload>>>();
expectTypeOf(jwtBearer({ scheme: httpBearer({ autoError: false }), key: 'k' })).toEqualTypeOf<FunctionDependency<Promise<JwtPayload | null>>>();
// Security() is a parameter decorator; SecurityScopes is injectable by type.
expectTypeOf(Security(httpBearer(), { scopes: ['a'] })).toMatchTypeOf<ParameterDecorator>();
expectTypeOf(new SecurityScopes(['a', 'b']).scopeStr).toEqualTypeOf<string>();

export class Handlers {
  list(@Depends(pagination) page: { limit: number }, @Depends(ItemsService, { useCache: false }) items: ItemsService) {
    return [page, items];
  }
}

// @ts-expect-error a typed provider's value must have the token's type
export const wrongValue: Provider<ItemStore> = { provide: ITEM_STORE, useValue: { list: () => 42 } };
// @ts-expect-error scopes are singleton, request or transient
@Injectable({ scope: 'session' }) export class WrongScope {}
// @ts-expect-error a provider object needs one of useClass, useValue, useFactory or useExisting
export const noUse: Provider = { provide: 'x', use: 1 };
// @ts-expect-error useCache is a boolean
export const wrongCache = Depends(pagination, { useCache: 'no' });
// @ts-expect-error an API key scheme needs the name of its header, query parameter or cookie
export const noKeyName = apiKeyHeader({});
// @ts-expect-error dependency() needs the function to call
export const noUse2 = dependency({ inject: [] });
