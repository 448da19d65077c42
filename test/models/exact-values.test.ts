/**
 * `Decimal` kept exact as its string, as pydantic's `Decimal`, and `Bytes` as base64, as pydantic's
 * `bytes` with base64 JSON: in bodies, DTO properties and responses.
 */
import { Allow, IsString } from 'class-validator';
import { Body, Bytes, Controller, Decimal, Get, Post, Property, ResponseModel, openApiDocument } from '@decorumjs/decorum';
import { expect, test } from 'vitest';
import { serve } from '../core/serve.js';

class Invoice {
  @IsString() id!: string;
  @Allow() @Property({ type: Decimal }) total!: Decimal;
  @Allow() @Property({ type: Bytes }) signature!: Bytes;
}

@Controller('exact')
class ExactController {
  @Post('invoices') create(@Body() invoice: Invoice) {
    return { total: invoice.total, isBytes: invoice.signature instanceof Uint8Array, length: invoice.signature.length, signature: invoice.signature };
  }
  @Get('invoices') @ResponseModel(Invoice) read() { return { id: 'i1', total: 12.5, signature: new Uint8Array([1, 2, 3]) }; }
}

const api = serve({ controllers: [ExactController] });
const post = async (body: unknown) => {
  const res = await api.post('/exact/invoices', body);
  return { status: res.status, body: (await res.json()) as { detail?: Array<{ loc: unknown[]; type: string }> } };
};

test('a decimal string stays exact; bytes arrive as a Uint8Array and leave as base64', async () => {
  expect(await post({ id: 'i1', total: '0.10000000000000000001', signature: 'AAEC/w==' })).toEqual({
    status: 200, body: { total: '0.10000000000000000001', isBytes: true, length: 4, signature: 'AAEC/w==' },
  });
  expect((await post({ id: 'i1', total: 3.25, signature: 'AAEC_w' })).body).toMatchObject({ total: '3.25', length: 4 });
});

test('a bad decimal or bad base64 is refused with its own code', async () => {
  const { body } = await post({ id: 'i1', total: 'twelve', signature: 'not base64!' });
  expect(body.detail?.map((d) => `${d.loc.join('.')}:${d.type}`)).toEqual(['body.total:decimal_parsing', 'body.signature:bytes_invalid_encoding']);
  const types = await post({ id: 'i1', total: true, signature: 5 });
  expect(types.body.detail?.map((d) => d.type)).toEqual(['decimal_type', 'bytes_type']);
});

test('a response model writes a decimal as a string and bytes as base64', async () => {
  expect(await (await api.get('/exact/invoices')).json()).toEqual({ id: 'i1', total: '12.5', signature: 'AQID' });
});

test('the document: a number or a decimal string in, a string out; bytes as base64', () => {
  const schemas = openApiDocument(api.app).components?.schemas as Record<string, { properties: Record<string, { anyOf?: unknown[]; type?: string }> }>;
  expect(schemas.Invoice?.properties.total?.anyOf).toHaveLength(2);
  expect(schemas['Invoice-Output']?.properties.total?.type).toBe('string');
  expect(schemas.Invoice?.properties.signature).toEqual({ type: 'string', contentEncoding: 'base64' });
});
