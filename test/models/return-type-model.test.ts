/**
 * A synchronous handler's declared return type is its response model, as FastAPI reads a return
 * annotation: `read(): UserOut` filters, validates and documents without `@ResponseModel`, which
 * still overrides it.
 */
import { IsEmail, IsString } from 'class-validator';
import { Controller, Get, ResponseModel, openApiDocument } from '@decorumjs/decorum';
import { expect, test } from 'vitest';
import { serve } from '../core/serve.js';

class UserOut {
  @IsString() username!: string;
  @IsEmail() email!: string;
}

class PublicUser {
  @IsString() username!: string;
}

type Stored = UserOut & { password: string };
const stored = (): Stored => ({ username: 'ann', email: 'ann@example.com', password: 'hunter2' });

@Controller('rt')
class ReturnTypesController {
  @Get('declared') declared(): UserOut { return stored(); }
  @Get('broken') broken(): UserOut { return { username: 'ann', email: 'not-an-email' }; }
  @Get('override') @ResponseModel(PublicUser) override(): UserOut { return stored(); }
  @Get('plain') plain(): { ok: boolean } { return { ok: true }; }
}

const api = serve({ controllers: [ReturnTypesController] });

test('the return type filters the output', async () => {
  expect(await (await api.get('/rt/declared')).json()).toEqual({ username: 'ann', email: 'ann@example.com' });
});

test('the return type validates the output', async () => {
  const res = await api.get('/rt/broken');
  expect(res.status).toBe(500);
  expect(await res.json()).toEqual({ detail: 'Internal Server Error' });
});

test('@ResponseModel overrides the return type; a type that is no DTO changes nothing', async () => {
  expect(await (await api.get('/rt/override')).json()).toEqual({ username: 'ann' });
  expect(await (await api.get('/rt/plain')).json()).toEqual({ ok: true });
});

test('the document names the model the return type gave', () => {
  const document = openApiDocument(api.app);
  const schema = (path: string) =>
    (document.paths[path]?.get?.responses['200'] as unknown as { content: Record<string, { schema: unknown }> }).content['application/json']?.schema;
  expect(schema('/rt/declared')).toEqual({ $ref: '#/components/schemas/UserOut' });
  expect(schema('/rt/override')).toEqual({ $ref: '#/components/schemas/PublicUser' });
  expect(schema('/rt/plain')).toEqual({});
});
