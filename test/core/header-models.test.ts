// @Header() and @Cookie() with a DTO class: FastAPI's header and cookie parameter models. Each property
// is read from its header (underscores become hyphens) or cookie, coerced, validated as query DTOs are,
// and documented as a parameter.
import { IsInt, IsOptional, IsString, Max, MinLength } from 'class-validator';
import { describe, expect, test } from 'vitest';
import { Controller, Cookie, Get, Header, openApiDocument } from '@decorumjs/decorum';
import { details, serve } from './serve.js';

class CommonHeaders {
  @IsString() @MinLength(3) x_token!: string;
  @IsOptional() @IsInt() @Max(10) x_retries?: number;
  @IsOptional() @IsString() host?: string;
}

class Session {
  @IsString() session_id!: string;
  @IsOptional() @IsInt() visits?: number;
}

@Controller()
class ModelsController {
  @Get('headers') headers(@Header() headers: CommonHeaders) {
    return { isModel: headers instanceof CommonHeaders, ...headers };
  }

  @Get('cookies') cookies(@Cookie() cookies: Session) {
    return { isModel: cookies instanceof Session, ...cookies };
  }

  @Get('raw') raw(@Header() headers: Record<string, string>) {
    return { token: headers['x-token'] };
  }
}

const api = serve({ controllers: [ModelsController] });

describe('header models', () => {
  test('declared headers only, coerced, as an instance of the model', async () => {
    const res = await api.get('/headers', { headers: { 'x-token': 'secret', 'x-retries': '3', 'x-other': 'dropped' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ isModel: true, x_token: 'secret', x_retries: 3, host: expect.stringContaining('127.0.0.1') });
  });

  test('a missing or invalid header is a 422 located at the header name', async () => {
    const res = await api.get('/headers', { headers: { 'x-retries': 'many' } });
    expect(res.status).toBe(422);
    // Every problem at once: the value that did not parse, and the header that is missing.
    expect(await details(res)).toEqual([
      expect.objectContaining({ type: 'int_parsing', loc: ['header', 'x-retries'], input: 'many' }),
      expect.objectContaining({ type: 'missing', loc: ['header', 'x-token'] }),
    ]);
    const missing = await api.get('/headers');
    expect(await details(missing)).toEqual([expect.objectContaining({ type: 'missing', loc: ['header', 'x-token'] })]);
    const short = await api.get('/headers', { headers: { 'x-token': 'ab', 'x-retries': '11' } });
    expect(await details(short)).toEqual([
      expect.objectContaining({ type: 'string_too_short', loc: ['header', 'x-token'], input: 'ab' }),
      expect.objectContaining({ type: 'less_than_equal', loc: ['header', 'x-retries'], input: 11 }),
    ]);
  });

  test('@Header() without a model is still the raw record', async () => {
    expect(await (await api.get('/raw', { headers: { 'x-token': 't' } })).json()).toEqual({ token: 't' });
  });
});

describe('cookie models', () => {
  test('declared cookies, coerced and validated', async () => {
    const res = await api.get('/cookies', { headers: { cookie: 'session_id=abc; visits=4; other=1' } });
    expect(await res.json()).toEqual({ isModel: true, session_id: 'abc', visits: 4 });
    const bad = await api.get('/cookies', { headers: { cookie: 'visits=x' } });
    expect(bad.status).toBe(422);
    expect(await details(bad)).toEqual([
      expect.objectContaining({ type: 'int_parsing', loc: ['cookie', 'visits'], input: 'x' }),
      expect.objectContaining({ type: 'missing', loc: ['cookie', 'session_id'] }),
    ]);
    expect(await details(await api.get('/cookies'))).toEqual([expect.objectContaining({ type: 'missing', loc: ['cookie', 'session_id'] })]);
  });
});

test('the models are documented as header and cookie parameters', () => {
  const paths = openApiDocument(api.app).paths as Record<string, { get: { parameters?: Array<Record<string, unknown>> } }>;
  expect(paths['/headers']?.get.parameters).toEqual([
    { name: 'x-token', in: 'header', required: true, schema: { type: 'string', minLength: 3 } },
    { name: 'x-retries', in: 'header', required: false, schema: { type: 'integer', maximum: 10 } },
    { name: 'host', in: 'header', required: false, schema: { type: 'string' } },
  ]);
  expect(paths['/cookies']?.get.parameters).toEqual([
    { name: 'session_id', in: 'cookie', required: true, schema: { type: 'string' } },
    { name: 'visits', in: 'cookie', required: false, schema: { type: 'integer' } },
  ]);
});
