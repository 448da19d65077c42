// The opt-in lax mode for JSON bodies (pydantic's lax conversions), per app and per route; strict
// stays the default.
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsNumber, IsOptional, IsString, Max, ValidateNested } from 'class-validator';
import { describe, expect, test } from 'vitest';
import { Body, Controller, Int, Post, Validation } from '@decorumjs/decorum';
import { details, serve } from './serve.js';

class Dimensions {
  @IsNumber() width!: number;
}

class Reading {
  @IsNumber() value!: number;
  @IsOptional() @IsInt() @Max(100) count?: number;
  @IsOptional() @IsBoolean() ok?: boolean;
  @IsOptional() @IsString() label?: string;
  @IsOptional() @IsNumber({}, { each: true }) series?: number[];
  @IsOptional() @ValidateNested() @Type(() => Dimensions) size?: Dimensions;
}

@Controller()
class ReadingsController {
  @Post('readings') create(@Body() reading: Reading) {
    return reading;
  }

  @Post('price') price(@Body('price', { type: Number }) price: number, @Body('qty', { type: Int }) qty: number) {
    return { total: price * qty };
  }

  @Post('strict') @Validation({ mode: 'strict' }) strict(@Body() reading: Reading) {
    return reading;
  }
}

@Controller()
class StrictAppController {
  @Post('readings') create(@Body() reading: Reading) {
    return reading;
  }

  @Post('lax') @Validation({ mode: 'lax' }) lax(@Body() reading: Reading) {
    return reading;
  }
}

describe("validation: { mode: 'lax' }", () => {
  const api = serve({ controllers: [ReadingsController], validation: { mode: 'lax' } });

  test('numeric and boolean strings are converted, in nested DTOs and lists too', async () => {
    const res = await api.post('/readings', { value: '50.5', count: ' 7 ', ok: 'yes', series: ['1', 2, '3.5'], size: { width: '2' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ value: 50.5, count: 7, ok: true, series: [1, 2, 3.5], size: { width: 2 } });
    expect(await (await api.post('/readings', { value: 1, ok: 0 })).json()).toEqual({ value: 1, ok: false });
  });

  test('what does not parse is pydantic\'s parsing error', async () => {
    const res = await api.post('/readings', { value: 'abc', count: '4.5', ok: 'maybe' });
    expect(res.status).toBe(422);
    expect(await details(res)).toEqual([
      { type: 'float_parsing', loc: ['body', 'value'], msg: 'Input should be a valid number, unable to parse string as a number', input: 'abc' },
      { type: 'int_parsing', loc: ['body', 'count'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: '4.5' },
      { type: 'bool_parsing', loc: ['body', 'ok'], msg: 'Input should be a valid boolean, unable to interpret input', input: 'maybe' },
    ]);
    expect(await details(await api.post('/readings', { value: 1, ok: 2 }))).toEqual([expect.objectContaining({ type: 'bool_parsing', input: 2 })]);
  });

  test('a number never becomes a string', async () => {
    const res = await api.post('/readings', { value: 1, label: 42 });
    expect(await details(res)).toEqual([expect.objectContaining({ type: 'string_type', loc: ['body', 'label'], input: 42 })]);
  });

  test('constraints apply to the converted value', async () => {
    expect(await details(await api.post('/readings', { value: 1, count: '101' }))).toEqual([
      expect.objectContaining({ type: 'less_than_equal', loc: ['body', 'count'], input: '101' }),
    ]);
  });

  test('embedded primitive body keys are converted too', async () => {
    expect(await (await api.post('/price', { price: '2.5', qty: '4' })).json()).toEqual({ total: 10 });
    expect(await details(await api.post('/price', { price: 'x', qty: 4 }))).toEqual([
      expect.objectContaining({ type: 'float_parsing', loc: ['body', 'price'], input: 'x' }),
    ]);
  });

  test("@Validation({ mode: 'strict' }) keeps one route strict", async () => {
    expect(await details(await api.post('/strict', { value: '50.5' }))).toEqual([
      expect.objectContaining({ type: 'float_type', loc: ['body', 'value'], input: '50.5' }),
    ]);
  });
});

describe('strict by default', () => {
  const api = serve({ controllers: [StrictAppController] });

  test('a numeric string is float_type', async () => {
    expect(await details(await api.post('/readings', { value: '50.5' }))).toEqual([
      expect.objectContaining({ type: 'float_type', loc: ['body', 'value'], input: '50.5' }),
    ]);
  });

  test("@Validation({ mode: 'lax' }) opts one route in", async () => {
    expect(await (await api.post('/lax', { value: '50.5' })).json()).toEqual({ value: 50.5 });
  });
});
