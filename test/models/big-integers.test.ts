/**
 * Integers past 2^53 are handled deliberately: JSON numbers that large have lost digits before any
 * code sees them, so an integer field refuses them (`int_parsing_size`, with the fix) instead of
 * storing a rounded value; a bigint the handler returns is written as a string that keeps every digit.
 */
import { IsInt, Max } from 'class-validator';
import { Body, Controller, Get, Int, Post, Query } from '@decorumjs/decorum';
import { describe, expect, test } from 'vitest';
import { serve } from '../core/serve.js';

class Account {
  @IsInt() id!: number;
  @IsInt() @Max(10) level!: number;
}

@Controller('big')
class BigController {
  @Get('query') query(@Query('id', { type: Int }) id: number) { return { id }; }
  @Post('dto') dto(@Body() account: Account) { return account; }
  @Post('embedded') embedded(@Body('n', { type: Int }) n: number) { return { n }; }
  @Get('bigint') bigint() { return { id: 2n ** 63n - 1n }; }
}

const api = serve({ controllers: [BigController] });
const detail = async (res: Response) => {
  expect(res.status).toBe(422);
  return ((await res.json()) as { detail: Array<{ loc: unknown[]; type: string; msg: string }> }).detail;
};
const MESSAGE = 'Input should be an integer between -(2^53 - 1) and 2^53 - 1: a larger JSON number loses digits; send it as a string';

describe('integers past 2^53', () => {
  test('the largest safe integer is accepted everywhere', async () => {
    expect(await (await api.get('/big/query?id=9007199254740991')).json()).toEqual({ id: 9007199254740991 });
    expect(await (await api.post('/big/dto', '{"id":9007199254740991,"level":1}')).json()).toEqual({ id: 9007199254740991, level: 1 });
  });

  test('in a query string', async () => {
    const [error] = await detail(await api.get('/big/query?id=9007199254740993'));
    expect(error).toMatchObject({ type: 'int_parsing_size', loc: ['query', 'id'], msg: MESSAGE, input: '9007199254740993' });
  });

  test('in a body DTO, where @IsInt() alone would accept the rounded number', async () => {
    const errors = await detail(await api.post('/big/dto', '{"id":9007199254740993,"level":1}'));
    expect(errors.map((e) => `${e.loc.join('.')}:${e.type}`)).toEqual(['body.id:int_parsing_size']);
  });

  test('a field whose own rule already failed is reported once', async () => {
    const errors = await detail(await api.post('/big/dto', '{"id":1,"level":90071992547409930}'));
    expect(errors.map((e) => e.loc.join('.'))).toEqual(['body.level']);
  });

  test('in an embedded body value', async () => {
    const [error] = await detail(await api.post('/big/embedded', '{"n":1e300}'));
    expect(error).toMatchObject({ type: 'int_parsing_size', loc: ['body', 'n'] });
  });

  test('a returned bigint keeps every digit as a string', async () => {
    expect(await (await api.get('/big/bigint')).text()).toBe('{"id":"9223372036854775807"}');
  });
});
