// Form and upload routes in the OpenAPI document: the media type FastAPI uses for each, files as
// binary strings (Swagger UI's file picker), required fields, and form DTOs by reference.
import { IsOptional, IsString } from 'class-validator';
import { expect, test } from 'vitest';
import { Controller, File, Form, Int, Post, createApp, openApiDocument, type UploadFile } from '@decorumjs/decorum';
import { expectValidOpenApi } from './expect-valid-openapi.js';

class LoginForm {
  @IsString() username!: string;
  @IsOptional() @IsString() scope?: string;
}

@Controller()
class FormsController {
  @Post('token') token(@Form() form: LoginForm) { return form; }

  @Post('login') login(@Form('username') username: string, @Form('age', { type: Int, default: 1 }) age: number) { return { username, age }; }

  @Post('avatar') avatar(@File('avatar') avatar: UploadFile, @File('extra', { optional: true }) extra: UploadFile[], @Form('note', { optional: true }) note?: string) {
    return { avatar: avatar.filename, extra: extra.length, note };
  }
}

const doc = openApiDocument(createApp({ logger: false, controllers: [FormsController] }));

test('fields alone are an urlencoded body; a form DTO is its schema', () => {
  expect(doc.paths?.['/login']?.post?.requestBody).toEqual({
    required: true,
    content: { 'application/x-www-form-urlencoded': { schema: {
      type: 'object', properties: { username: { type: 'string' }, age: { type: 'integer', default: 1 } }, required: ['username'],
    } } },
  });
  expect(doc.paths?.['/token']?.post?.requestBody).toEqual({
    required: true, content: { 'application/x-www-form-urlencoded': { schema: { $ref: '#/components/schemas/LoginForm' } } },
  });
  expect(Object.keys(doc.paths?.['/login']?.post?.responses ?? {})).toContain('422');
});

test('files make the body multipart, with binary strings', () => {
  expect(doc.paths?.['/avatar']?.post?.requestBody).toEqual({
    required: true,
    content: { 'multipart/form-data': { schema: {
      type: 'object',
      properties: {
        avatar: { type: 'string', format: 'binary' },
        extra: { type: 'array', items: { type: 'string', format: 'binary' } },
        note: { type: 'string' },
      },
      required: ['avatar'],
    } } },
  });
});

test('the document is valid OpenAPI 3.1', async () => {
  await expectValidOpenApi(doc);
});
