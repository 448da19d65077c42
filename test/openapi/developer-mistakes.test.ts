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

test('an operationId declared twice is refused, naming the route', () => {
  @Controller('a') class A { @Get() @Operation({ operationId: 'fetch' }) one() {} }
  @Controller('b') class B { @Get() @Operation({ operationId: 'fetch' }) two() {} }
  expect(() => openApiDocument(appOf(A, B))).toThrow(/DECORUM_ERR_OPENAPI_OPERATION_ID: operationId "fetch" is declared on more than one route \(one is B\.two\).*@Operation\({ operationId }\)/);
});

test('a declared operationId wins, and a handler whose name it took is qualified', () => {
  @Controller('a') class AController { @Get() @Operation({ operationId: 'list' }) all() {} }
  @Controller('b') class BController { @Get() list() {} }
  expect(operationIds(AController, BController)).toEqual(['list', 'bList']);
});

test('one handler on two paths gets two ids', () => {
  @Controller() class PingController { @Get('ping') @Get('healthz') ping() {} }
  expect(operationIds(PingController)).toEqual(['ping', 'ping_2']);
});

test('a handler for every method is told apart by the method', () => {
  @Controller() class ProxyController { @All('proxy') proxy() {} @Get('status') status() {} }
  expect(operationIds(ProxyController)).toEqual(['proxy_get', 'proxy_post', 'proxy_put', 'proxy_patch', 'proxy_delete', 'proxy_head', 'proxy_options', 'status']);
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
