// A list of nested DTOs whose TypeScript type is a union (`Image[] | null`, recorded as Object): the
// `each` of @ValidateNested and @IsArray make it a list, in validation and in the document.
import { Type } from 'class-transformer';
import { IsArray, IsOptional, IsString, IsUrl, ValidateNested } from 'class-validator';
import { describe, expect, test } from 'vitest';
import { Body, Controller, Post, Property, openApiDocument } from '@decorumjs/decorum';
import { details, serve } from './serve.js';

class Image {
  @IsUrl() url!: string;
  @IsString() name!: string;
}

class Offer {
  @IsString() name!: string;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => Image) images!: Image[] | null;
  @Property({ nullable: true }) @ValidateNested({ each: true }) @Type(() => Image) gallery!: Image[] | null;
}

@Controller()
class OffersController {
  @Post('offers') create(@Body() offer: Offer) {
    return { name: offer.name, images: offer.images?.map((i) => i instanceof Image), gallery: offer.gallery?.length ?? null };
  }
}

const api = serve({ controllers: [OffersController] });
const image = { url: 'https://example.com/a.png', name: 'a' };

describe('a union-typed list of nested DTOs', () => {
  test('valid lists become lists of instances; null passes where it is allowed', async () => {
    const res = await api.post('/offers', { name: 'x', images: [image, image], gallery: null });
    expect(await res.json()).toEqual({ name: 'x', images: [true, true], gallery: null });
  });

  test('errors are located at the item and its property', async () => {
    const res = await api.post('/offers', { name: 'x', images: [image, { url: 'https://example.com/b.png' }], gallery: [{ ...image, name: 5 }] });
    expect(res.status).toBe(422);
    expect(await details(res)).toEqual([
      expect.objectContaining({ type: 'missing', loc: ['body', 'images', 1, 'name'] }),
      expect.objectContaining({ type: 'string_type', loc: ['body', 'gallery', 0, 'name'], input: 5 }),
    ]);
  });

  test('a single object where a list is expected is list_type', async () => {
    const res = await api.post('/offers', { name: 'x', images: image, gallery: [] });
    expect(await details(res)).toEqual([expect.objectContaining({ type: 'list_type', loc: ['body', 'images'] })]);
  });

  test('the schema is an array of the item model', () => {
    const schemas = openApiDocument(api.app).components?.schemas as Record<string, { properties: Record<string, unknown> }>;
    expect(schemas.Offer?.properties.images).toEqual({ type: 'array', items: { $ref: '#/components/schemas/Image' } });
    expect(schemas.Offer?.properties.gallery).toEqual({ type: ['array', 'null'], items: { $ref: '#/components/schemas/Image' } });
  });
});
