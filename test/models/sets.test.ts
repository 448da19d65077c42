/**
 * Sets, as pydantic's `set[T]`: a JSON array whose items are validated, collected into a `Set` for the
 * handler (duplicates gone) and written back as an array; the document says `uniqueItems`.
 */
import { IsArray, IsString } from 'class-validator';
import { Body, Controller, Get, Int, Post, Property, ResponseModel, SetOf, openApiDocument } from '@decorumjs/decorum';
import { expect, test } from 'vitest';
import { serve } from '../core/serve.js';

class Tagged {
  @IsString() name!: string;
  @IsArray() @Property({ type: SetOf(String) }) tags!: Set<string>;
}

@Controller('sets')
class SetsController {
  @Post('ids') ids(@Body({ type: SetOf(Int) }) ids: Set<number>) { return { isSet: ids instanceof Set, ids }; }
  @Post('tagged') tagged(@Body() body: Tagged) { return { isSet: body.tags instanceof Set, size: body.tags.size, tags: body.tags }; }
  @Get('tagged') @ResponseModel(Tagged) read() { return { name: 'lamp', tags: new Set(['a', 'b']) }; }
}

const api = serve({ controllers: [SetsController] });
const post = async (path: string, body: unknown) => {
  const res = await api.post(path, body);
  return { status: res.status, body: (await res.json()) as { detail?: Array<{ loc: unknown[]; type: string }> } };
};

test('a JSON array becomes a Set, duplicates gone, written back as an array', async () => {
  expect(await post('/sets/ids', [3, 1, 3])).toEqual({ status: 200, body: { isSet: true, ids: [3, 1] } });
  expect(await post('/sets/tagged', { name: 'lamp', tags: ['a', 'b', 'a'] })).toEqual({ status: 200, body: { isSet: true, size: 2, tags: ['a', 'b'] } });
});

test('each item is validated at its index', async () => {
  expect((await post('/sets/ids', [1, 'two'])).body.detail?.map((d) => `${d.loc.join('.')}:${d.type}`)).toEqual(['body.1:int_type']);
  expect((await post('/sets/tagged', { name: 'lamp', tags: ['a', 2] })).body.detail?.map((d) => `${d.loc.join('.')}:${d.type}`))
    .toEqual(['body.tags.1:string_type']);
});

test('a response model writes a Set as an array', async () => {
  expect(await (await api.get('/sets/tagged')).json()).toEqual({ name: 'lamp', tags: ['a', 'b'] });
});

test('the document says uniqueItems', () => {
  const schemas = openApiDocument(api.app).components?.schemas as Record<string, { properties: Record<string, unknown> }>;
  expect(schemas.Tagged?.properties.tags).toEqual({ type: 'array', items: { type: 'string' }, uniqueItems: true });
});
