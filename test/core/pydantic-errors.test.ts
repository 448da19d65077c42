// class-validator constraints that have a pydantic counterpart answer with pydantic's error type, so a
// FastAPI client's error handling reads them unchanged.
import {
  ArrayNotEmpty, Equals, IsDateString, IsDivisibleBy, IsEmail, IsIP, IsNotEmpty, IsOptional, IsUrl, IsUUID,
} from 'class-validator';
import { describe, expect, test } from 'vitest';
import { Body, Controller, Post } from '@decorumjs/decorum';
import { details, serve } from './serve.js';

class Signup {
  @IsOptional() @IsEmail() email?: string;
  @IsOptional() @IsUrl() site?: string;
  @IsOptional() @IsUUID() id?: string;
  @IsOptional() @IsDateString() at?: string;
  @IsOptional() @IsIP('4') ip?: string;
  @IsOptional() @IsDivisibleBy(5) step?: number;
  @IsOptional() @Equals('yes') consent?: string;
  @IsOptional() @ArrayNotEmpty() tags?: string[];
  @IsOptional() @IsUUID('4', { each: true }) ids?: string[];
  @IsOptional() @IsNotEmpty() nick?: string;
}

@Controller()
class SignupController {
  @Post('signup') signup(@Body() body: Signup) { return body; }
}

const api = serve({ controllers: [SignupController] });
const first = async (body: unknown) => (await details(await api.post('/signup', body)))[0];

describe('pydantic error types for class-validator constraints', () => {
  test.each([
    ['isEmail', { email: 'ada' }, { type: 'value_error', loc: ['body', 'email'], msg: 'value is not a valid email address: An email address must have an @-sign.', input: 'ada', ctx: { reason: 'An email address must have an @-sign.' } }],
    ['isEmail on a number', { email: 42 }, { type: 'string_type', loc: ['body', 'email'], msg: 'Input should be a valid string', input: 42 }],
    ['isUrl', { site: 'not a url' }, { type: 'url_parsing', loc: ['body', 'site'], input: 'not a url' }],
    ['isUuid', { id: '1234' }, { type: 'uuid_parsing', loc: ['body', 'id'], input: '1234' }],
    ['isUuid on a number', { id: 1234 }, { type: 'uuid_type', loc: ['body', 'id'], input: 1234 }],
    ['isDateString', { at: 'yesterday' }, { type: 'datetime_parsing', loc: ['body', 'at'], input: 'yesterday' }],
    ['isIp(4)', { ip: '::1' }, { type: 'ip_v4_address', loc: ['body', 'ip'], msg: 'Input is not a valid IPv4 address', input: '::1' }],
    ['isDivisibleBy', { step: 7 }, { type: 'multiple_of', loc: ['body', 'step'], msg: 'Input should be a multiple of 5', input: 7, ctx: { multiple_of: 5 } }],
    ['equals', { consent: 'no' }, { type: 'literal_error', loc: ['body', 'consent'], msg: "Input should be 'yes'", input: 'no', ctx: { expected: "'yes'" } }],
    ['arrayNotEmpty', { tags: [] }, { type: 'too_short', loc: ['body', 'tags'], input: [] }],
    ['isNotEmpty', { nick: '' }, { type: 'string_too_short', loc: ['body', 'nick'], msg: 'String should have at least 1 character', input: '', ctx: { min_length: 1 } }],
    ['isUuid each', { ids: ['0b6e4d1c-4a57-4b8e-9c1e-6f2d3a4b5c6d', 'nope'] }, { type: 'uuid_parsing', loc: ['body', 'ids', 1], input: 'nope' }],
  ])('%s', async (_, body, expected) => {
    expect(await first(body)).toMatchObject(expected);
  });

  test('a valid body passes', async () => {
    const body = { email: 'ada@example.com', site: 'https://example.com', id: '0b6e4d1c-4a57-4b8e-9c1e-6f2d3a4b5c6d', at: '2026-12-02T05:00:00Z', ip: '10.0.0.1', step: 10, consent: 'yes', tags: ['a'] };
    const res = await api.post('/signup', body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(body);
  });
});
