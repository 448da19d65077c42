/**
 * Dictionaries, as pydantic's `dict[str, float]` and `dict[int, float]`: `Dict(Number)` and
 * `Dict(Number, { keys: Int })` for bodies, DTO properties and responses, with bad values reported at
 * their key and bad keys at `[…, key, "[key]"]`; the document says `additionalProperties`.
 */
import { IsObject, IsString } from 'class-validator';
import { Body, Controller, Dict, Get, Int, Post, Property, ResponseModel, openApiDocument } from '@decorumjs/decorum';
import { describe, expect, test } from 'vitest';
import { expectValidOpenApi } from '../openapi/expect-valid-openapi.js';
import { serve } from '../core/serve.js';

class Score {
  @IsString() player!: string;
}

class Board {
  @IsString() name!: string;
  @IsObject() @Property({ type: Dict(Number) }) scores!: Record<string, number>;
  @IsObject() @Property({ type: Dict(Score, { keys: Int }) }) ranks!: Record<number, Score>;
}

@Controller('dicts')
class DictsController {
  @Post('weights') weights(@Body({ type: Dict(Number, { keys: Int }) }) weights: Record<number, number>) { return weights; }
  @Post('board') board(@Body() board: Board) { return board; }
  @Get('board') @ResponseModel(Board) read() {
    return { name: 'b', scores: { ann: 3 }, ranks: { 1: { player: 'ann', secret: 'x' } }, hidden: true };
  }
}

const api = serve({ controllers: [DictsController] });
const post = async (path: string, body: unknown) => {
  const res = await api.post(path, body);
  return { status: res.status, body: (await res.json()) as unknown };
};
const errors = async (path: string, body: unknown) => {
  const res = await post(path, body);
  expect(res.status).toBe(422);
  return (res.body as { detail: Array<{ loc: unknown[]; type: string }> }).detail.map((d) => `${d.loc.join('.')}:${d.type}`);
};

describe('a dictionary body', () => {
  test('keys and values of the declared types pass', async () => {
    expect(await post('/dicts/weights', { 1: 0.5, '-2': 3 })).toEqual({ status: 200, body: { 1: 0.5, '-2': 3 } });
  });

  test('a bad value is reported at its key, a bad key at [key]', async () => {
    expect(await errors('/dicts/weights', { 1: 'heavy', x: 2 })).toEqual(['body.1:float_type', 'body.x.[key]:int_parsing']);
  });

  test('a non-object is dict_type', async () => {
    expect(await errors('/dicts/weights', [1, 2])).toEqual(['body:dict_type']);
  });
});

describe('a dictionary property of a DTO', () => {
  test('values, nested DTO values included, are validated under the property', async () => {
    expect(await post('/dicts/board', { name: 'b', scores: { ann: 3 }, ranks: { 1: { player: 'ann' } } })).toEqual({
      status: 200, body: { name: 'b', scores: { ann: 3 }, ranks: { 1: { player: 'ann' } } },
    });
    expect(await errors('/dicts/board', { name: 'b', scores: { ann: 'three' }, ranks: { first: { player: 1 } } })).toEqual(
      ['body.scores.ann:float_type', 'body.ranks.first.[key]:int_parsing', 'body.ranks.first.player:string_type']);
  });

  test('a property that is not an object is reported once, by its own rule', async () => {
    expect((await errors('/dicts/board', { name: 'b', scores: 3, ranks: {} })).map((e) => e.split(':')[0])).toEqual(['body.scores']);
  });
});

test('a response model filters the DTOs inside a dictionary', async () => {
  expect(await (await api.get('/dicts/board')).json()).toEqual({ name: 'b', scores: { ann: 3 }, ranks: { 1: { player: 'ann' } } });
});

test('the document says additionalProperties, and propertyNames for typed keys', async () => {
  const document = openApiDocument(api.app);
  const schemas = document.components?.schemas as Record<string, { properties: Record<string, unknown> }>;
  expect(schemas.Board?.properties.scores).toEqual({ type: 'object', additionalProperties: { type: 'number' } });
  expect(schemas.Board?.properties.ranks).toEqual({
    type: 'object', additionalProperties: { $ref: '#/components/schemas/Score' }, propertyNames: { pattern: '^[+-]?\\d+$' },
  });
  await expectValidOpenApi(document);
});
