/**
 * The contract app's forms and uploads: fields, a form DTO, files. Routes echo what they bound, and the
 * temporary file a spooled upload had, so a test can check it is gone after the response.
 */
import { IsInt, IsOptional, IsString, MinLength } from 'class-validator';
import { Body, Controller, File, Form, HttpError, Int, Post, type UploadFile } from '@decorumjs/core';

export class SignupForm {
  @IsString() @MinLength(3) username!: string;
  @IsOptional() @IsInt() age?: number;
  @IsOptional() @IsString({ each: true }) tags?: string[];
}

@Controller('forms')
export class FormsController {
  @Post('login') login(@Form('username') username: string, @Form('age', { type: Int }) age: number, @Form('tag', { type: [String], default: [] }) tags: string[]) {
    return { username, age, tags };
  }

  @Post('signup') signup(@Form() form: SignupForm) { return { form, isModel: form instanceof SignupForm }; }

  @Post('json') json(@Body('name') name: string) { return { name }; }

  @Post('upload') async upload(@File('file') file: UploadFile, @Form('note', { optional: true }) note?: string) {
    const bytes = await file.bytes();
    let sum = 0;
    for (const byte of bytes) sum = (sum + byte) % 65_521;
    return { filename: file.filename, contentType: file.contentType, size: file.size, sum, spooledAt: file.path ?? null, note: note ?? null };
  }

  @Post('files') files(@File('docs') docs: UploadFile[], @File('extra', { optional: true }) extra?: UploadFile) {
    return { names: docs.map((d) => d.filename), extra: extra?.filename ?? null };
  }

  @Post('fails') fails(@File('file') file: UploadFile) {
    throw new HttpError(409, { spooledAt: file.path ?? null });
  }
}
