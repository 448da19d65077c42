import { describe, expect, test } from 'vitest';
import {
  BadRequest, Controller, DefaultValuePipe, Get, Injectable, Param, ParseArrayPipe, ParseEnumPipe, ParseIntPipe, ParseUUIDPipe,
  PipeError, Query, UsePipes, type PipeMetadata, type PipeTransform,
} from '@decorumjs/decorum';
import { serve } from './serve.js';

const upper: PipeTransform = { transform: (value) => (typeof value === 'string' ? value.toUpperCase() : value) };
const tag = (label: string) => (value: unknown) => (typeof value === 'string' ? `${value}+${label}` : value);

describe('pipes', () => {
  test('built-ins: ParseIntPipe, ParseUUIDPipe, ParseEnumPipe, ParseArrayPipe, DefaultValuePipe', async () => {
    @Controller()
    class Builtins {
      @Get('int/:n') int(@Param('n', ParseIntPipe) n: number) { return { n, type: typeof n }; }
      @Get('uuid/:id') uuid(@Param('id', ParseUUIDPipe) id: string) { return { id }; }
      @Get('enum') enumeration(@Query('color', ParseEnumPipe(['red', 'green'])) color: string) { return { color }; }
      @Get('array') array(@Query('ids', ParseArrayPipe({ items: Number })) ids: number[]) { return { ids }; }
      @Get('default') withDefault(@Query('page', DefaultValuePipe(1)) page: number) { return { page }; }
    }
    const { json } = await serve({ controllers: [Builtins] });
    expect((await json('/int/42')).body).toEqual({ n: 42, type: 'number' });
    const badInt = await json('/int/4x');
    expect(badInt.status).toBe(422);
    expect(badInt.body).toMatchObject({ detail: [{ type: 'int_parsing', loc: ['path', 'n'], input: '4x' }] });

    const id = '3f0c8a52-3b2a-4c1e-9d7e-0a1b2c3d4e5f';
    expect((await json(`/uuid/${id}`)).body).toEqual({ id });
    expect((await json('/uuid/nope')).body).toEqual({
      detail: [{ type: 'uuid_parsing', loc: ['path', 'id'], msg: 'Input should be a valid UUID', input: 'nope' }],
    });

    expect((await json('/enum?color=red')).body).toEqual({ color: 'red' });
    const badEnum = await json('/enum?color=blue');
    expect(badEnum.status).toBe(422);
    expect(badEnum.body).toMatchObject({ detail: [{ type: 'enum', loc: ['query', 'color'] }] });

    expect((await json('/array?ids=1,2,3')).body).toEqual({ ids: [1, 2, 3] });
    expect((await json('/array?ids=1,x')).status).toBe(422);

    expect((await json('/default')).body).toEqual({ page: 1 });
    expect((await json('/default?page=3')).body).toEqual({ page: 3 });
  });

  test('per parameter, per route, per controller and global pipes run global first, the parameter\'s last', async () => {
    @Controller('order') @UsePipes(tag('controller'))
    class Ordered {
      @Get() @UsePipes(tag('route'))
      read(@Query('q', tag('param')) q: string, @Query('r') r: string) { return { q, r }; }
    }
    const { json } = await serve({ controllers: [Ordered], pipes: [tag('global')] });
    expect((await json('/order?q=a&r=b')).body).toEqual({
      q: 'a+global+controller+route+param',
      r: 'b+global+controller+route',
    });
  });

  test('a pipe object and a pipe class built by the container with its dependency', async () => {
    @Injectable() class Prefixes { readonly prefix = 'item-'; }
    @Injectable() class PrefixPipe implements PipeTransform {
      constructor(readonly prefixes: Prefixes) {}
      transform(value: unknown) { return `${this.prefixes.prefix}${String(value)}`; }
    }
    @Controller()
    class Items {
      @Get('items/:id') read(@Param('id', upper, PrefixPipe) id: string) { return { id }; }
    }
    const { json } = await serve({ controllers: [Items] });
    expect((await json('/items/abc')).body).toEqual({ id: 'item-ABC' });
  });

  test('an async pipe is awaited, and sees where its value comes from', async () => {
    const seen: Array<Omit<PipeMetadata, 'ctx'>> = [];
    const lookup = async (value: unknown, meta: PipeMetadata) => {
      seen.push({ source: meta.source, name: meta.name, loc: meta.loc });
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { name: value, path: meta.ctx.path };
    };
    @Controller()
    class Users {
      @Get('users/:name') read(@Param('name', { type: String }, lookup) user: { name: string }) { return user; }
    }
    const { json } = await serve({ controllers: [Users] });
    expect((await json('/users/ada')).body).toEqual({ name: 'ada', path: '/users/ada' });
    expect(seen).toEqual([{ source: 'path', name: 'name', loc: ['path', 'name'] }]);
  });

  test('PipeErrors from several parameters, sync and async, are one 422 with each loc', async () => {
    const even = (value: unknown) => {
      if (Number(value) % 2 !== 0) throw new PipeError('Input should be even', 'even', { parity: 'even' });
      return Number(value);
    };
    const known = async (value: unknown) => {
      await Promise.resolve();
      if (value !== 'known') throw new PipeError('Unknown value');
      return value;
    };
    @Controller()
    class Checked {
      @Get('checked/:n') read(@Param('n', even) n: number, @Query('name', known) name: string) { return { n, name }; }
    }
    const { json } = await serve({ controllers: [Checked] });
    expect((await json('/checked/4?name=known')).body).toEqual({ n: 4, name: 'known' });
    const failed = await json('/checked/3?name=other');
    expect(failed.status).toBe(422);
    expect(failed.body).toEqual({
      detail: [
        // `input` is what the pipe received: the value after coercion.
        { type: 'even', loc: ['path', 'n'], msg: 'Input should be even', input: 3, ctx: { parity: 'even' } },
        { type: 'value_error', loc: ['query', 'name'], msg: 'Unknown value', input: 'other' },
      ],
    });
  });

  test('an HttpError thrown by a pipe answers as thrown', async () => {
    const noAdmin = (value: unknown) => {
      if (value === 'admin') throw new BadRequest('Reserved name', { 'x-reason': 'reserved' });
      return value;
    };
    @Controller()
    class Names {
      @Get('names/:name') read(@Param('name', noAdmin) name: string) { return { name }; }
    }
    const { json } = await serve({ controllers: [Names] });
    const refused = await json('/names/admin');
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ detail: 'Reserved name' });
    expect(refused.headers.get('x-reason')).toBe('reserved');
  });

  test('a failed validation stops the parameter\'s pipes: they never see an invalid value', async () => {
    let calls = 0;
    const counting = (value: unknown) => {
      calls++;
      return value;
    };
    @Controller()
    class Typed {
      @Get('typed/:n') read(@Param('n', ParseIntPipe, counting) n: number) { return { n }; }
    }
    const { json } = await serve({ controllers: [Typed] });
    expect((await json('/typed/x')).status).toBe(422);
    expect(calls).toBe(0);
    expect((await json('/typed/7')).body).toEqual({ n: 7 });
    expect(calls).toBe(1);
  });
});
