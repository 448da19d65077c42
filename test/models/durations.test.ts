/**
 * Durations, as pydantic's `timedelta`: ISO 8601 (`P1DT2H`) or seconds in, seconds in the handler,
 * ISO 8601 out of a response model; years and months, whose length depends on the calendar, refused.
 */
import { Allow, IsString } from 'class-validator';
import { Body, Controller, Duration, Get, Post, Property, Query, ResponseModel, openApiDocument } from '@decorumjs/decorum';
import { describe, expect, test } from 'vitest';
import { serve } from '../core/serve.js';

class Job {
  @IsString() name!: string;
  @Allow() @Property({ type: Duration }) timeout!: Duration;
}

@Controller('durations')
class DurationsController {
  @Post('jobs') create(@Body() job: Job) { return { seconds: job.timeout }; }
  @Get('wait') wait(@Query('for', { type: Duration }) seconds: number) { return { seconds }; }
  @Get('jobs') @ResponseModel(Job) read() { return { name: 'backup', timeout: 93_784.5 }; }
}

const api = serve({ controllers: [DurationsController] });
const post = async (body: unknown) => {
  const res = await api.post('/durations/jobs', body);
  return { status: res.status, body: (await res.json()) as unknown };
};

describe('durations in', () => {
  test.each([
    ['P1DT2H', 93_600],
    ['PT1H30M', 5_400],
    ['PT0.5S', 0.5],
    ['P2W', 1_209_600],
    ['-PT1M', -60],
  ])('%s is %d seconds', async (iso, seconds) => {
    expect(await post({ name: 'j', timeout: iso })).toEqual({ status: 200, body: { seconds } });
  });

  test('a number is seconds, in a body and a query string alike', async () => {
    expect(await post({ name: 'j', timeout: 90 })).toEqual({ status: 200, body: { seconds: 90 } });
    expect(await (await api.get('/durations/wait?for=PT2M')).json()).toEqual({ seconds: 120 });
    expect(await (await api.get('/durations/wait?for=2.5')).json()).toEqual({ seconds: 2.5 });
  });

  test('years, months and non-durations are refused', async () => {
    for (const timeout of ['P1Y', 'P1M', 'PT', 'one hour']) {
      const res = await post({ name: 'j', timeout });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ detail: [{ type: 'time_delta_parsing', loc: ['body', 'timeout'] }] });
    }
    expect((await post({ name: 'j', timeout: true })).body).toMatchObject({ detail: [{ type: 'time_delta_type' }] });
  });
});

test('a response model writes ISO 8601', async () => {
  expect(await (await api.get('/durations/jobs')).json()).toEqual({ name: 'backup', timeout: 'P1DT2H3M4.5S' });
});

test('the document: ISO 8601 or seconds in, ISO 8601 out', () => {
  const schemas = openApiDocument(api.app).components?.schemas as Record<string, { properties: Record<string, unknown> }>;
  expect(schemas.Job?.properties.timeout).toEqual({ anyOf: [{ type: 'string', format: 'duration' }, { type: 'number' }] });
  expect(schemas['Job-Output']?.properties.timeout).toEqual({ type: 'string', format: 'duration' });
});
