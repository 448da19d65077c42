/**
 * Date-only and time-only values, as pydantic's `date` and `time`: checked strings in, the strings the
 * handler got, and a `Date` a response model is given written as its UTC date or time.
 */
import { Allow, IsString } from 'class-validator';
import { Body, Controller, DateOnly, Get, Post, Property, Query, ResponseModel, TimeOnly, openApiDocument } from '@decorumjs/decorum';
import { expect, test } from 'vitest';
import { serve } from '../core/serve.js';

class Opening {
  @IsString() shop!: string;
  @Allow() @Property({ type: DateOnly }) day!: DateOnly;
  @Allow() @Property({ type: TimeOnly }) opens!: TimeOnly;
}

@Controller('parts')
class PartsController {
  @Post('openings') create(@Body() opening: Opening) { return opening; }
  @Get('day') day(@Query('on', { type: DateOnly }) on: string) { return { on }; }
  @Get('openings') @ResponseModel(Opening) read() { return { shop: 'bakery', day: new Date('2025-03-04T05:06:07.008Z'), opens: new Date('2025-03-04T05:06:07.008Z') }; }
}

const api = serve({ controllers: [PartsController] });
const post = async (body: unknown) => {
  const res = await api.post('/parts/openings', body);
  return { status: res.status, body: (await res.json()) as { detail?: Array<{ loc: unknown[]; type: string }> } };
};

test('valid dates and times reach the handler as sent', async () => {
  expect(await post({ shop: 'bakery', day: '2024-02-29', opens: '07:30' })).toEqual({ status: 200, body: { shop: 'bakery', day: '2024-02-29', opens: '07:30' } });
  expect((await post({ shop: 'bakery', day: '2024-02-29', opens: '07:30:15.250+01:00' })).status).toBe(200);
  expect(await (await api.get('/parts/day?on=2025-12-31')).json()).toEqual({ on: '2025-12-31' });
});

test('impossible dates and times, and other types, are refused with their own codes', async () => {
  const where = async (body: unknown) => (await post(body)).body.detail?.map((d) => `${d.loc.join('.')}:${d.type}`);
  expect(await where({ shop: 'b', day: '2023-02-29', opens: '24:00' })).toEqual(['body.day:date_from_datetime_parsing', 'body.opens:time_parsing']);
  expect(await where({ shop: 'b', day: 20250101, opens: 730 })).toEqual(['body.day:date_type', 'body.opens:time_type']);
  expect((await api.get('/parts/day?on=2025-13-01')).status).toBe(422);
});

test('a response model writes a Date as its UTC date or time', async () => {
  expect(await (await api.get('/parts/openings')).json()).toEqual({ shop: 'bakery', day: '2025-03-04', opens: '05:06:07.008Z' });
});

test('the document says format date and time', () => {
  const schemas = openApiDocument(api.app).components?.schemas as Record<string, { properties: Record<string, unknown> }>;
  expect(schemas.Opening?.properties.day).toEqual({ type: 'string', format: 'date' });
  expect(schemas.Opening?.properties.opens).toEqual({ type: 'string', format: 'time' });
});
