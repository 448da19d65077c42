/**
 * Mistakes the document builder reports, and the edges of operation ids, each with an app small enough
 * to read in one glance.
 */
import { IsString, Validate } from 'class-validator';
import {
  All, Body, Controller, Get, Operation, Post, UseDependencies, apiKeyHeader, apiKeyQuery, createApp, openApiDocument, type Class,
} from '@decorumjs/decorum';
import { expect, test } from 'vitest';

const appOf = (...controllers: Class[]) => createApp({ controllers, logger: false });
const operationIds = (...controllers: Class[]) =>
  Object.values(openApiDocument(appOf(...controllers)).paths).flatMap((item) => Object.values(item).map((op) => op.operationId));

test('an operationId declared twice is refused, naming both routes', () => {
  @Controller('a') class A { @Get() @Operation({ operationId: 'fetch' }) one() {} }
  @Controller('b') class B { @Get() @Operation({ operationId: 'fetch' }) two() {} }
  expect(() => openApiDocument(appOf(A, B))).toThrow(
    /DECORUM_ERR_OPENAPI_OPERATION_ID: operationId "fetch" is declared for more than one route \(GET \/a A\.one and GET \/b B\.two\)/);
});

test('every id is the controller and handler name, so a second `list` renames nothing', () => {
  @Controller('a') class AController { @Get() list() {} }
  @Controller('b') class BController { @Get() list() {} }
  expect(operationIds(AController)).toEqual(['aList']);
  expect(operationIds(AController, BController)).toEqual(['aList', 'bList']);
});

test('a declared operationId wins and leaves the other routes as they were', () => {
  @Controller('a') class AController { @Get() @Operation({ operationId: 'list' }) all() {} }
  @Controller('b') class BController { @Get() list() {} }
  expect(operationIds(AController, BController)).toEqual(['list', 'bList']);
});

test('an app-wide generateOperationId names every route that declares none', () => {
  @Controller('items') class ItemsController { @Get(':id') read() {} @Post() @Operation({ operationId: 'makeItem' }) create() {} }
  const app = createApp({ controllers: [ItemsController], logger: false,
    openapi: { generateOperationId: (route) => `${route.handlerName}_${route.method.toLowerCase()}` } });
  const ids = Object.values(openApiDocument(app).paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
  expect(ids).toEqual(['read_get', 'makeItem']);
});

test('two controllers that share a name are refused with the fix, not numbered', () => {
  const v1 = (() => { @Controller('v1/users') class UsersController { @Get() list() {} } return UsersController; })();
  const v2 = (() => { @Controller('v2/users') class UsersController { @Get() list() {} } return UsersController; })();
  expect(() => openApiDocument(appOf(v1, v2))).toThrow(
    /operationId "usersList" is generated for more than one route \(GET \/v1\/users UsersController\.list and GET \/v2\/users UsersController\.list\)\. Two controllers share a name: rename one, or give one route @Operation\(\{ operationId \}\)/);
});

test('one handler on two paths is told apart by the path', () => {
  @Controller() class PingController { @Get('ping') @Get('healthz') ping() {} }
  expect(operationIds(PingController)).toEqual(['pingPing_healthz', 'pingPing_ping']);
});

test('a handler for every method is told apart by the method', () => {
  @Controller() class ProxyController { @All('proxy') proxy() {} @Get('status') status() {} }
  expect(operationIds(ProxyController)).toEqual([
    'proxyProxy_get', 'proxyProxy_post', 'proxyProxy_put', 'proxyProxy_patch', 'proxyProxy_delete',
    'proxyProxy_head', 'proxyProxy_options', 'proxyStatus',
  ]);
});

test('two different security schemes under one name are refused', () => {
  const headerKey = apiKeyHeader({ name: 'x-key', schemeName: 'Key' });
  const queryKey = apiKeyQuery({ name: 'key', schemeName: 'Key' });
  @Controller() class KeysController {
    @Get('a') @UseDependencies(headerKey) a() {}
    @Get('b') @UseDependencies(queryKey) b() {}
  }
  expect(() => openApiDocument(appOf(KeysController))).toThrow(/DECORUM_ERR_OPENAPI_SECURITY_SCHEME: two different security schemes are named "Key".*schemeName option/);
});

test('a property checked only by a custom validator is documented by its type alone', () => {
  class Coupon {
    @IsString() @Validate(class StartsWithPromo { validate = (v: unknown) => String(v).startsWith('PROMO'); }) code!: string;
  }
  @Controller() class CouponsController { @Post('coupons') redeem(@Body() coupon: Coupon) { return coupon; } }
  expect(openApiDocument(appOf(CouponsController)).components?.schemas?.Coupon).toEqual({
    type: 'object', title: 'Coupon', properties: { code: { type: 'string' } }, required: ['code'],
  });
});
