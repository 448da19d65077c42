import { describe, expect, test } from 'vitest';
import {
  Controller, Get, Injectable, Roles, SetMetadata, Unauthorized, UseGuards, rolesGuard, type CanActivate, type GuardContext,
} from '@decorumjs/decorum';
import { serve } from './serve.js';

describe('guards', () => {
  test('false answers 403; true lets the request through', async () => {
    const open = () => true;
    const closed = () => false;
    @Controller()
    class Doors {
      @Get('open') @UseGuards(open) opened() { return { ok: true }; }
      @Get('closed') @UseGuards(closed) shut() { return { ok: true }; }
    }
    const { json } = await serve({ controllers: [Doors] });
    expect(await json('/open')).toMatchObject({ status: 200, body: { ok: true } });
    expect(await json('/closed')).toMatchObject({ status: 403, body: { detail: 'Forbidden' } });
  });

  test('a thrown Unauthorized answers 401 with its WWW-Authenticate challenge', async () => {
    const needsToken = (ctx: GuardContext) => {
      if (ctx.headers.authorization !== 'Bearer secret') throw new Unauthorized('Not authenticated', { 'www-authenticate': 'Bearer' });
      return true;
    };
    @Controller()
    class Private {
      @Get('private') @UseGuards(needsToken) read() { return { secret: 42 }; }
    }
    const { json } = await serve({ controllers: [Private] });
    const refused = await json('/private');
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ detail: 'Not authenticated' });
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    expect((await json('/private', { headers: { authorization: 'Bearer secret' } })).body).toEqual({ secret: 42 });
  });

  test('roles from @SetMetadata are read from ctx.route.extensions; a method\'s value replaces its controller\'s', async () => {
    const rolesOf = (ctx: GuardContext) => String(ctx.headers['x-roles'] ?? '').split(',');
    const RequireRoles: CanActivate = {
      canActivate: (ctx) => {
        const required = ctx.route.extensions.get('roles') as string[] | undefined;
        return !required || required.some((role) => rolesOf(ctx).includes(role));
      },
    };
    @Controller('admin') @UseGuards(RequireRoles) @SetMetadata('roles', ['admin'])
    class Admin {
      @Get('stats') stats() { return { users: 3 }; }
      @Get('audit') @SetMetadata('roles', ['auditor']) audit() { return { entries: [] }; }
    }
    const { json } = await serve({ controllers: [Admin] });
    const as = (roles: string) => ({ headers: { 'x-roles': roles } });
    expect((await json('/admin/stats', as('admin'))).status).toBe(200);
    expect((await json('/admin/stats', as('auditor'))).status).toBe(403);
    expect((await json('/admin/audit', as('auditor'))).status).toBe(200);
    expect((await json('/admin/audit', as('admin'))).status).toBe(403);
  });

  test('the ready-made @Roles and rolesGuard: any listed role passes, the refusal names them', async () => {
    const RolesGuard = rolesGuard(async (ctx) => String(ctx.headers['x-roles'] ?? '').split(','));
    @Controller('reports') @UseGuards(RolesGuard)
    class Reports {
      @Get('public') open() { return { ok: true }; }
      @Get('finance') @Roles('cfo', 'auditor') finance() { return { ok: true }; }
    }
    const { json } = await serve({ controllers: [Reports] });
    expect((await json('/reports/public')).status).toBe(200);
    expect((await json('/reports/finance', { headers: { 'x-roles': 'intern,auditor' } })).status).toBe(200);
    expect(await json('/reports/finance', { headers: { 'x-roles': 'intern' } })).toMatchObject({
      status: 403, body: { detail: 'Requires one of the roles: cfo, auditor' },
    });
  });

  test('global guards run before controller guards, which run before route guards; the first refusal stops the rest', async () => {
    const log: string[] = [];
    const pass = (name: string) => () => {
      log.push(name);
      return true;
    };
    const asyncPass = (name: string) => async () => {
      await Promise.resolve();
      log.push(name);
      return true;
    };
    @Controller('ordered') @UseGuards(asyncPass('controller'))
    class Ordered {
      @Get() @UseGuards(pass('route'), () => { log.push('refuse'); return false; }, pass('never')) read() { return {}; }
      @Get('ok') @UseGuards(pass('route')) ok() { return { ok: true }; }
    }
    const { json } = await serve({ controllers: [Ordered], guards: [pass('global')] });
    expect((await json('/ordered')).status).toBe(403);
    expect(log).toEqual(['global', 'controller', 'route', 'refuse']);
    log.length = 0;
    expect((await json('/ordered/ok')).status).toBe(200);
    expect(log).toEqual(['global', 'controller', 'route']);
  });

  test('a guard class is built by the container with its injected dependency', async () => {
    @Injectable() class ApiKeys { has(key: unknown) { return key === 'k-123'; } }
    @Injectable() class ApiKeyGuard implements CanActivate {
      constructor(readonly keys: ApiKeys) {}
      canActivate(ctx: GuardContext) { return this.keys.has(ctx.headers['x-api-key']); }
    }
    @Controller()
    class Keyed {
      @Get('keyed') @UseGuards(ApiKeyGuard) read() { return { ok: true }; }
    }
    const { json } = await serve({ controllers: [Keyed] });
    expect((await json('/keyed')).status).toBe(403);
    expect((await json('/keyed', { headers: { 'x-api-key': 'k-123' } })).status).toBe(200);
  });
});
