// What a handler returns becomes the response: JSON values, status codes, headers, cookies, explicit
// responses, and response models that keep undeclared fields (a password) on the server.
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, ValidateNested } from 'class-validator';
import { describe, expect, test } from 'vitest';
import { Controller, Delete, Get, HttpCode, HttpResponse, Post, Res, ResponseControl, ResponseHeader, ResponseModel } from '@decorumjs/decorum';
import { rawRequest, serve } from './serve.js';

class OwnerOut {
  @IsString() name!: string;
}

class UserOut {
  @IsInt() id!: number;
  @IsString() name!: string;
  @IsOptional() @ValidateNested() @Type(() => OwnerOut) manager?: OwnerOut;
  @IsOptional() @ValidateNested({ each: true }) @Type(() => OwnerOut) reports?: OwnerOut[];
}

class UserRecord {
  constructor(readonly id: number, readonly name: string, readonly password: string) {}
}

const user = (id: number) => ({ id, name: `u${id}`, password: `secret${id}`, email: `u${id}@example.com` });

@Controller('r')
class ResponsesController {
  @Get('object') object() { return { a: 1, nested: { b: [true, null] } }; }
  @Get('array') array() { return [1, 'two', { three: 3 }]; }
  @Get('number') number() { return 42; }
  @Get('string') string() { return 'hello'; }
  @Get('null') null() { return null; }
  @Get('undefined') undefined(): void {}
  @Get('date') date() { return { at: new Date('2024-05-06T07:08:09Z') }; }
  @Get('async') async async() { await new Promise((r) => setTimeout(r, 5)); return { async: true }; }
  @Get('promise') promise() { return Promise.resolve({ promised: true }); }

  @Post('created') @HttpCode(201) created() { return { id: 1 }; }
  @Delete('gone') @HttpCode(204) gone() { return { ignored: true }; }
  @Get('versioned') @ResponseHeader('X-Version', '2') @ResponseHeader('Cache-Control', 'no-store') versioned() { return { ok: true }; }

  @Post('control')
  control(@Res() res: ResponseControl) {
    res.status(202).header('X-Request-Id', 'abc').cookie('sid', 's1', { maxAge: 60 }).cookie('theme', 'dark', { httpOnly: false });
    return { accepted: true };
  }

  @Post('logout') logout(@Res() res: ResponseControl) { res.clearCookie('sid'); return { ok: true }; }
  @Get('control-204') control204(@Res() res: ResponseControl) { res.status(204); return { ignored: true }; }

  @Get('text') text() { return new HttpResponse('pong', { contentType: 'text/plain; charset=utf-8', headers: { 'X-Extra': '1' } }); }
  @Get('explicit-json') @ResponseModel(UserOut) explicitJson() { return HttpResponse.json(user(1), { status: 203 }); }
  @Get('text-with-cookie') textWithCookie(@Res() res: ResponseControl) {
    res.cookie('seen', '1').header('X-From', 'control');
    return new HttpResponse('ok', { contentType: 'text/plain' });
  }
  @Get('redirect') redirect() { return HttpResponse.redirect('/r/object'); }
  @Get('explicit-204') explicit204() { return new HttpResponse('dropped', { status: 204 }); }

  @Get('user') @ResponseModel(UserOut) one() { return user(1); }
  @Get('users') @ResponseModel([UserOut]) many() { return [user(1), user(2)]; }
  @Get('instance') @ResponseModel(UserOut) instance() { return new UserRecord(7, 'seven', 'hunter2'); }
  @Get('nested') @ResponseModel(UserOut)
  nested() { return { ...user(1), manager: user(2), reports: [user(3), user(4)] }; }
  @Get('async-user') @ResponseModel(UserOut) async asyncUser() { return user(5); }
}

const api = serve({ controllers: [ResponsesController] });
const body = async (path: string) => {
  const res = await api.get(path);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
};

describe('JSON values', () => {
  test.each([
    ['/r/object', '{"a":1,"nested":{"b":[true,null]}}'],
    ['/r/array', '[1,"two",{"three":3}]'],
    ['/r/number', '42'],
    ['/r/string', '"hello"'],
    ['/r/null', 'null'],
    ['/r/undefined', 'null'],
    ['/r/date', '{"at":"2024-05-06T07:08:09.000Z"}'],
    ['/r/async', '{"async":true}'],
    ['/r/promise', '{"promised":true}'],
  ])('%s → %s', async (path, text) => {
    expect(await body(path)).toEqual({ status: 200, type: 'application/json', text });
  });

  test('content-length is exact', async () => {
    const res = await rawRequest(api.url, { path: '/r/object' });
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(res.body)));
  });
});

describe('status and headers', () => {
  test('@HttpCode(201)', async () => {
    const res = await api.post('/r/created', {});
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: 1 });
  });

  test('@HttpCode(204) sends no body', async () => {
    const res = await rawRequest(api.url, { method: 'DELETE', path: '/r/gone' });
    expect(res.status).toBe(204);
    expect(res.body).toBe('');
    expect(res.headers['content-length']).toBeUndefined();
  });

  test('@ResponseHeader', async () => {
    const res = await api.get('/r/versioned');
    expect(res.headers.get('x-version')).toBe('2');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toBe('application/json');
  });

  test('@Res() sets status, headers and cookies of the normal response', async () => {
    const res = await api.post('/r/control', {});
    expect(res.status).toBe(202);
    expect(res.headers.get('x-request-id')).toBe('abc');
    const cookies = res.headers.getSetCookie();
    expect(cookies).toHaveLength(2);
    expect(cookies[0]).toMatch(/^sid=s1; Max-Age=60; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(cookies[1]).toMatch(/^theme=dark; Path=\/; SameSite=Lax$/);
    expect(await res.json()).toEqual({ accepted: true });
  });

  test('@Res() clears a cookie', async () => {
    const [cookie] = (await api.post('/r/logout', {})).headers.getSetCookie();
    expect(cookie).toMatch(/^sid=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax$/);
  });

  test('@Res() status 204 drops the body', async () => {
    const res = await rawRequest(api.url, { path: '/r/control-204' });
    expect(res.status).toBe(204);
    expect(res.body).toBe('');
  });
});

describe('HttpResponse', () => {
  test('a text response keeps its content type and body as is', async () => {
    const res = await api.get('/r/text');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('x-extra')).toBe('1');
    expect(await res.text()).toBe('pong');
  });

  test('headers and cookies set through @Res() join an explicit response', async () => {
    const res = await api.get('/r/text-with-cookie');
    expect(res.headers.get('x-from')).toBe('control');
    expect(res.headers.getSetCookie()).toEqual(['seen=1; Path=/; HttpOnly; SameSite=Lax']);
    expect(await res.text()).toBe('ok');
  });

  test('an explicit response bypasses the response model', async () => {
    const res = await api.get('/r/explicit-json');
    expect(res.status).toBe(203);
    expect(await res.json()).toEqual(user(1));
  });

  test('a redirect is 307 with Location', async () => {
    const res = await api.get('/r/redirect', { redirect: 'manual' });
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('/r/object');
  });

  test('an explicit 204 has no body', async () => {
    const res = await rawRequest(api.url, { path: '/r/explicit-204' });
    expect(res.status).toBe(204);
    expect(res.body).toBe('');
  });
});

describe('response models', () => {
  test('undeclared fields never leave the server', async () => {
    const { text } = await body('/r/user');
    expect(JSON.parse(text)).toEqual({ id: 1, name: 'u1' });
    expect(text).not.toContain('secret');
  });

  test('in arrays', async () => {
    const { text } = await body('/r/users');
    expect(JSON.parse(text)).toEqual([{ id: 1, name: 'u1' }, { id: 2, name: 'u2' }]);
    expect(text).not.toContain('password');
  });

  test('in nested models and arrays of them', async () => {
    const { text } = await body('/r/nested');
    expect(JSON.parse(text)).toEqual({ id: 1, name: 'u1', manager: { name: 'u2' }, reports: [{ name: 'u3' }, { name: 'u4' }] });
    expect(text).not.toContain('password');
    expect(text).not.toContain('email');
  });

  test('for class instances and async handlers', async () => {
    expect(JSON.parse((await body('/r/instance')).text)).toEqual({ id: 7, name: 'seven' });
    expect(JSON.parse((await body('/r/async-user')).text)).toEqual({ id: 5, name: 'u5' });
  });
});
