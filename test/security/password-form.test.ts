// OAuth2PasswordRequestForm (FastAPI's) as a form DTO over a real socket: urlencoded and multipart.
import { describe, expect, test } from 'vitest';
import { Controller, Form, Post, OAuth2PasswordRequestForm, OAuth2PasswordRequestFormStrict, openApiDocument } from '@decorumjs/decorum';
import { serve } from './serve.js';

@Controller()
class TokenController {
  @Post('token') token(@Form() form: OAuth2PasswordRequestForm) {
    return { ...form, scopes: form.scopes, isForm: form instanceof OAuth2PasswordRequestForm };
  }
  @Post('strict') strict(@Form() form: OAuth2PasswordRequestFormStrict) { return { grant_type: form.grant_type, scopes: form.scopes }; }
}

const post = (body: URLSearchParams | FormData) => ({ method: 'POST', body });

describe('OAuth2PasswordRequestForm', () => {
  test('reads the password grant, splitting scope into scopes', async () => {
    const { json } = await serve({ controllers: [TokenController] });
    const body = new URLSearchParams({ grant_type: 'password', username: 'johndoe', password: 'secret', scope: 'me  items', client_id: 'cli', client_secret: 's3' });
    const res = await json('/token', post(body));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      grant_type: 'password', username: 'johndoe', password: 'secret', scope: 'me  items', client_id: 'cli', client_secret: 's3',
      scopes: ['me', 'items'], isForm: true,
    });
    const multipart = new FormData();
    multipart.append('username', 'alice');
    multipart.append('password', 'pw');
    expect((await json('/token', post(multipart))).body).toMatchObject({ username: 'alice', scope: '', scopes: [] });
  });

  test('a missing username is a 422 at ["body","username"]; a grant_type other than password too', async () => {
    const { json } = await serve({ controllers: [TokenController] });
    const missing = await json('/token', post(new URLSearchParams({ password: 'secret' })));
    expect(missing.status).toBe(422);
    expect((missing.body as { detail: Array<{ loc: unknown[]; type: string }> }).detail.map((d) => [d.type, d.loc])).toEqual([['missing', ['body', 'username']]]);
    const wrongGrant = await json('/token', post(new URLSearchParams({ grant_type: 'client_credentials', username: 'a', password: 'b' })));
    expect(wrongGrant.status).toBe(422);
    expect((wrongGrant.body as { detail: Array<{ loc: unknown[] }> }).detail.map((d) => d.loc)).toEqual([['body', 'grant_type']]);
  });

  test('the strict form requires grant_type=password', async () => {
    const { json } = await serve({ controllers: [TokenController] });
    const missing = await json('/strict', post(new URLSearchParams({ username: 'a', password: 'b' })));
    expect(missing.status).toBe(422);
    expect((missing.body as { detail: Array<{ loc: unknown[] }> }).detail.map((d) => d.loc)).toEqual([['body', 'grant_type']]);
    const ok = await json('/strict', post(new URLSearchParams({ grant_type: 'password', username: 'a', password: 'b', scope: 'x' })));
    expect(ok.body).toEqual({ grant_type: 'password', scopes: ['x'] });
  });

  test('is documented as an urlencoded body with the grant_type pattern and a write-only password', async () => {
    const { app } = await serve({ controllers: [TokenController] });
    const doc = openApiDocument(app) as unknown as { paths: Record<string, { post: { requestBody: { content: Record<string, unknown> } } }>; components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>>; required?: string[] }> } };
    expect(Object.keys(doc.paths['/token']!.post.requestBody.content)).toEqual(['application/x-www-form-urlencoded']);
    const schema = doc.components.schemas.OAuth2PasswordRequestForm!;
    expect(schema.required).toEqual(['username', 'password']);
    expect(schema.properties.grant_type).toMatchObject({ pattern: '^password$' });
    expect(schema.properties.password).toMatchObject({ format: 'password', writeOnly: true });
  });
});
