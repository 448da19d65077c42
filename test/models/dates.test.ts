/**
 * A `Date` in a body DTO takes an ISO 8601 string, as pydantic's `datetime` does and as the document
 * says (`format: date-time`), and is written back as ISO 8601.
 */
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString } from 'class-validator';
import { Body, Controller, Post, openApiDocument } from '@decorumjs/decorum';
import { describe, expect, test } from 'vitest';
import { serve } from '../core/serve.js';

class EventIn {
  @IsString() name!: string;
  @IsDate() at!: Date;
  @IsOptional() @IsDate() until?: Date;
}

class TransformedIn {
  @Type(() => Date) @IsDate() at!: Date;
}

@Controller('dates')
class DatesController {
  @Post('event') event(@Body() event: EventIn) {
    return { isDate: event.at instanceof Date, year: event.at.getUTCFullYear(), at: event.at, until: event.until ?? null };
  }
  @Post('transformed') transformed(@Body() body: TransformedIn) { return { isDate: body.at instanceof Date, at: body.at }; }
  @Post('many') many(@Body({ type: [EventIn] }) events: EventIn[]) { return events.map((e) => e.at.toISOString()); }
}

const api = serve({ controllers: [DatesController] });
const post = async (path: string, body: unknown) => {
  const res = await api.post(path, body);
  return { status: res.status, body: (await res.json()) as unknown };
};
const errors = async (path: string, body: unknown) => {
  const res = await post(path, body);
  expect(res.status).toBe(422);
  return (res.body as { detail: Array<{ loc: unknown[]; type: string }> }).detail.map((d) => `${d.loc.join('.')}:${d.type}`);
};

describe('dates in bodies', () => {
  test('an ISO 8601 string reaches the handler as a Date and is written back as ISO 8601', async () => {
    expect(await post('/dates/event', { name: 'launch', at: '2024-05-06T07:08:09+02:00' })).toEqual({
      status: 200, body: { isDate: true, year: 2024, at: '2024-05-06T05:08:09.000Z', until: null },
    });
    expect((await post('/dates/event', { name: 'day', at: '2024-05-06', until: '2024-05-07T00:00:00Z' })).body)
      .toMatchObject({ at: '2024-05-06T00:00:00.000Z', until: '2024-05-07T00:00:00.000Z' });
  });

  test('@Type(() => Date) is a date too, and the app starts', async () => {
    expect(await post('/dates/transformed', { at: '2025-01-01T00:00:00Z' })).toEqual({
      status: 200, body: { isDate: true, at: '2025-01-01T00:00:00.000Z' },
    });
  });

  test('a string that is not ISO 8601 is datetime_parsing; a non-string datetime_type', async () => {
    expect(await errors('/dates/event', { name: 'x', at: 'May 5' })).toEqual(['body.at:datetime_parsing']);
    expect(await errors('/dates/event', { name: 'x', at: '2024-02-30' })).toEqual(['body.at:datetime_parsing']);
    expect(await errors('/dates/event', { name: 'x', at: 1714979289 })).toEqual(['body.at:datetime_type']);
    expect(await errors('/dates/transformed', { at: 'tomorrow' })).toEqual(['body.at:datetime_parsing']);
  });

  test('a bad date is reported beside the other errors, and a missing one is missing', async () => {
    expect(await errors('/dates/event', { name: 1, at: 'soon', until: 'later' })).toEqual(
      ['body.name:string_type', 'body.at:datetime_parsing', 'body.until:datetime_parsing']);
    expect(await errors('/dates/event', { name: 'x' })).toEqual(['body.at:missing']);
  });

  test('each item of an array body', async () => {
    expect(await post('/dates/many', [{ name: 'a', at: '2024-01-01T00:00:00Z' }, { name: 'b', at: '2024-06-01T12:00:00Z' }])).toEqual({
      status: 200, body: ['2024-01-01T00:00:00.000Z', '2024-06-01T12:00:00.000Z'],
    });
    expect(await errors('/dates/many', [{ name: 'a', at: '2024-01-01T00:00:00Z' }, { name: 'b', at: 'noon' }])).toEqual(['body.1.at:datetime_parsing']);
  });

  test('the document says date-time, which is what is accepted', () => {
    const schemas = openApiDocument(api.app).components?.schemas as Record<string, { properties: Record<string, unknown> }>;
    expect(schemas.EventIn?.properties.at).toEqual({ type: 'string', format: 'date-time' });
    expect(schemas.TransformedIn?.properties.at).toEqual({ type: 'string', format: 'date-time' });
  });
});
