// Forms and file uploads on the wire: fields and form DTOs from urlencoded and multipart bodies,
// coercion and 422s at ["body", name], 415s, files spooled to disk and removed after the response,
// limits enforced while streaming, and an upload's memory cost bounded whatever its size.
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IsInt, IsOptional, IsString, Min, MinLength } from 'class-validator';
import { describe, expect, test } from 'vitest';
// The decorator is imported under another name here: the tests need the global `File` to build uploads.
import { Body, Controller, File as FileParam, Form, HttpError, Int, Post, UploadFile, createApp } from '@decorumjs/decorum';
import { details, serve } from './serve.js';

class LoginForm {
  @IsString() @MinLength(3) username!: string;
  @IsString() password!: string;
  @IsOptional() @IsInt() @Min(1) remember?: number;
}

/** Paths of the spooled files the last upload had, to check they are gone afterwards. */
const seen: string[] = [];

@Controller('forms')
class FormsController {
  @Post('login') login(@Form('username') username: string, @Form('age', { type: Int }) age: number) {
    return { username, age };
  }

  @Post('tags') tags(@Form('tag', { type: [String] }) tags: string[]) { return { tags }; }

  @Post('model') model(@Form() form: LoginForm) { return { form, isModel: form instanceof LoginForm }; }

  @Post('json') json(@Body('name') name: string) { return { name }; }

  @Post('avatar') async avatar(@FileParam('avatar') avatar: UploadFile, @Form('note', { optional: true }) note?: string) {
    return { filename: avatar.filename, contentType: avatar.contentType, size: avatar.size, text: await avatar.text(), note };
  }

  @Post('many') async many(@FileParam('docs') docs: UploadFile[], @FileParam('extra', { optional: true }) extra?: UploadFile) {
    return { names: docs.map((d) => d.filename), sizes: docs.map((d) => d.size), extra: extra?.filename ?? null };
  }

  @Post('big') async big(@FileParam('blob') blob: UploadFile) {
    let size = 0;
    for await (const chunk of blob.stream()) size += (chunk as Buffer).length;
    const path = blob.path;
    if (path) seen.push(path);
    return { size, reported: blob.size, spooled: blob.spooled, rss: process.memoryUsage().rss };
  }

  @Post('keep') async keep(@FileParam('file') file: UploadFile) {
    const target = join(keepDir, file.filename);
    await file.moveTo(target);
    return { kept: target, path: file.path };
  }

  @Post('throws') throws(@FileParam('blob') blob: UploadFile) {
    const path = blob.path;
    if (path) seen.push(path);
    throw new HttpError(409, `refused ${blob.filename}`);
  }
}

const MIB = 1024 * 1024;
/** Every upload of these tests is spooled here, so a test can see that nothing is left behind. */
const tempDir = mkdtempSync(join(tmpdir(), 'decorum-forms-test-'));
/** Where `moveTo` keeps files. */
const keepDir = mkdtempSync(join(tmpdir(), 'decorum-forms-kept-'));
const served = serve({ controllers: [FormsController], multipart: { fileSize: 1024 * MIB, memoryThreshold: 64 * 1024, tempDir } });
const postForm = (path: string, body: FormData | URLSearchParams) => fetch(served.url + path, { method: 'POST', body });

function form(entries: Record<string, string | Blob | Array<string | Blob>>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string') data.append(key, v);
      else data.append(key, v, (v as File).name ?? 'blob');
    }
  }
  return data;
}

/** Streams a `size`-byte file to /forms/big without ever holding it, in 1 MiB chunks. */
async function upload(size: number): Promise<{ size: number; reported: number; spooled: boolean; rss: number }> {
  const chunk = new Uint8Array(MIB).fill(97);
  const boundary = 'decorum-test-boundary';
  const head = new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="blob"; filename="big.bin"\r\n` +
    'Content-Type: application/octet-stream\r\n\r\n');
  const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
  let sent = -1;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === -1) controller.enqueue(head);
      else if (sent < size) controller.enqueue(chunk);
      else if (sent === size) controller.enqueue(tail);
      else controller.close();
      sent += sent === -1 ? 1 : MIB;
    },
  });
  const res = await fetch(`${served.url}/forms/big`, {
    method: 'POST', body, duplex: 'half', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  } as RequestInit);
  return (await res.json()) as { size: number; reported: number; spooled: boolean; rss: number };
}

describe('form fields', () => {
  test('urlencoded and multipart fields are coerced like query values', async () => {
    for (const body of [new URLSearchParams({ username: 'ada', age: '36' }), form({ username: 'ada', age: '36' })]) {
      const res = await postForm('/forms/login', body);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ username: 'ada', age: 36 });
    }
  });

  test('a bad or missing field is a 422 at ["body", name]', async () => {
    const res = await postForm('/forms/login', new URLSearchParams({ age: 'old' }));
    expect(res.status).toBe(422);
    expect((await details(res)).map((d) => [d.type, d.loc])).toEqual([
      ['missing', ['body', 'username']], ['int_parsing', ['body', 'age']],
    ]);
  });

  test('repeated fields are a list', async () => {
    const res = await postForm('/forms/tags', new URLSearchParams([['tag', 'a'], ['tag', 'b']]));
    expect(await res.json()).toEqual({ tags: ['a', 'b'] });
    const multi = await postForm('/forms/tags', form({ tag: ['x', 'y', 'z'] }));
    expect(await multi.json()).toEqual({ tags: ['x', 'y', 'z'] });
  });

  test('a form DTO is coerced and validated as a whole', async () => {
    const ok = await postForm('/forms/model', new URLSearchParams({ username: 'ada', password: 'pw', remember: '7' }));
    expect(await ok.json()).toEqual({ form: { username: 'ada', password: 'pw', remember: 7 }, isModel: true });
    const bad = await postForm('/forms/model', form({ username: 'al', remember: '0' }));
    expect(bad.status).toBe(422);
    expect((await details(bad)).map((d) => d.loc).sort()).toEqual([['body', 'password'], ['body', 'remember'], ['body', 'username']]);
  });

  test('a form route answers JSON with 415, and a JSON route a form', async () => {
    const json = await served.post('/forms/login', { username: 'ada', age: 1 });
    expect(json.status).toBe(415);
    expect(((await json.json()) as { detail: string }).detail).toMatch(/application\/x-www-form-urlencoded or multipart\/form-data/);
    const formToJson = await postForm('/forms/json', new URLSearchParams({ name: 'x' }));
    expect(formToJson.status).toBe(415);
    const filesByUrlencoded = await postForm('/forms/avatar', new URLSearchParams({ avatar: 'x' }));
    expect(filesByUrlencoded.status).toBe(415);
    expect(((await filesByUrlencoded.json()) as { detail: string }).detail).toMatch(/expected a form body with Content-Type multipart\/form-data/);
  });
});

describe('file uploads', () => {
  test('one file with a field', async () => {
    const res = await postForm('/forms/avatar', form({ avatar: new File(['hello'], 'me.txt', { type: 'text/plain' }), note: 'hi' }));
    expect(await res.json()).toEqual({ filename: 'me.txt', contentType: 'text/plain', size: 5, text: 'hello', note: 'hi' });
  });

  test('several files under one name; an optional file left out; a required one missing is a 422', async () => {
    const res = await postForm('/forms/many', form({ docs: [new File(['a'], 'a.txt'), new File(['bb'], 'b.txt')] }));
    expect(await res.json()).toEqual({ names: ['a.txt', 'b.txt'], sizes: [1, 2], extra: null });
    const none = await postForm('/forms/avatar', form({ note: 'no file' }));
    expect(none.status).toBe(422);
    expect((await details(none)).map((d) => [d.type, d.loc])).toEqual([['missing', ['body', 'avatar']]]);
  });

  test('a 50 MB upload is streamed to disk: memory does not grow with it, and the file is gone after', async () => {
    // Warmed up first on a smaller upload: V8's young generation grows to its full size under the first
    // burst of buffers (about 32 MiB, whatever the upload's size), and that is not the upload's cost.
    await upload(20 * MIB);
    seen.length = 0;
    const size = 50 * MIB;
    const before = process.memoryUsage().rss;
    const answer = await upload(size);
    expect(answer).toMatchObject({ size, reported: size, spooled: true });
    // Generous (buffers, the allocator's slack, the client in the same process), yet far below the file's size.
    expect(answer.rss - before).toBeLessThan(size / 3);
    expect(seen.length).toBe(1);
    await expect.poll(() => existsSync(seen[0] as string)).toBe(false);
  }, 60_000);

  test('moveTo keeps the file, from memory or from its temporary file, after the response', async () => {
    for (const [name, size] of [['small.txt', 10], ['large.bin', 300 * 1024]] as const) {
      const bytes = new Uint8Array(size).fill(7);
      const res = await postForm('/forms/keep', form({ file: new File([bytes], name) }));
      const { kept, path } = (await res.json()) as { kept: string; path: string };
      expect(path).toBe(kept);
      expect(readFileSync(kept)).toEqual(Buffer.from(bytes));
    }
    await expect.poll(() => readdirSync(tempDir)).toEqual([]);
  });

  test('a handler that throws still has its temporary file removed', async () => {
    seen.length = 0;
    const res = await postForm('/forms/throws', form({ blob: new File([new Uint8Array(200 * 1024)], 'x.bin') }));
    expect(res.status).toBe(409);
    expect(seen.length).toBe(1);
    await expect.poll(() => existsSync(seen[0] as string)).toBe(false);
  });
});

test('a client that goes away mid-upload leaves no temporary file behind', async () => {
  const port = Number(new URL(served.url).port);
  await new Promise<void>((resolve) => {
    const req = request({ port, method: 'POST', path: '/forms/big', headers: {
      'content-type': 'multipart/form-data; boundary=b', 'content-length': String(10 * MIB),
    } });
    req.on('error', () => resolve());
    req.write('--b\r\nContent-Disposition: form-data; name="blob"; filename="cut.bin"\r\n\r\n');
    req.write(new Uint8Array(2 * MIB));
    // Once the server has spooled some of it, hang up.
    const waitForSpool = setInterval(() => {
      if (readdirSync(tempDir).length === 0) return;
      clearInterval(waitForSpool);
      req.destroy();
      resolve();
    }, 5);
  });
  await expect.poll(() => readdirSync(tempDir)).toEqual([]);
});

test('an upload larger than the body limit with Expect: 100-continue is invited at once', async () => {
  const port = Number(new URL(served.url).port);
  const size = 3 * MIB;
  const head = '--b\r\nContent-Disposition: form-data; name="blob"; filename="c.bin"\r\n\r\n';
  const tail = '\r\n--b--\r\n';
  const answer = await new Promise<{ invitedAfter: number; body: string }>((resolve, reject) => {
    const started = Date.now();
    let invitedAfter = -1;
    const req = request({ port, method: 'POST', path: '/forms/big', headers: {
      'content-type': 'multipart/form-data; boundary=b', expect: '100-continue',
      'content-length': String(Buffer.byteLength(head) + size + Buffer.byteLength(tail)),
    } });
    req.on('continue', () => {
      invitedAfter = Date.now() - started;
      req.write(head);
      req.write(new Uint8Array(size));
      req.end(tail);
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ invitedAfter, body }));
    });
    req.on('error', reject);
  });
  expect(answer.invitedAfter).toBeGreaterThanOrEqual(0);
  expect(answer.invitedAfter).toBeLessThan(500);
  expect(JSON.parse(answer.body)).toMatchObject({ size, spooled: true });
});

test('a route reading JSON and a form is a bootstrap error', async () => {
  @Controller()
  class Mixed {
    @Post('mixed') mixed(@Body('a') a: string, @Form('b') b: string) { return { a, b }; }
  }
  const app = createApp({ logger: false, controllers: [Mixed] });
  await expect(app.init()).rejects.toMatchObject({ code: 'DECORUM_ERR_BODY_KIND_MIXED' });
});

describe('limits', () => {
  const limited = serve({ controllers: [FormsController], multipart: { fileSize: 1024, fields: 3, fieldSize: 16, files: 2 } });
  const send = (path: string, body: FormData) => fetch(limited.url + path, { method: 'POST', body });

  test('a file past fileSize is refused mid-stream with a 413 naming it, which the client reads', async () => {
    const res = await send('/forms/avatar', form({ avatar: new File([new Uint8Array(4 * MIB)], 'big.bin') }));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ detail: 'File "avatar" is larger than the limit of 1024 bytes' });
  });

  test('a file of exactly fileSize bytes is accepted: only a larger one is refused', async () => {
    const res = await send('/forms/avatar', form({ avatar: new File([new Uint8Array(1024)], 'exact.bin') }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { size: number }).size).toBe(1024);
    const over = await send('/forms/avatar', form({ avatar: new File([new Uint8Array(1025)], 'over.bin') }));
    expect(over.status).toBe(413);
  });

  test('a part header past busboy\'s 16 KiB is a 400 with a detail', async () => {
    const body = `--b\r\nContent-Disposition: form-data; name="username"\r\nX-Pad: ${'p'.repeat(20_000)}\r\n\r\nada\r\n--b--\r\n`;
    const res = await fetch(`${limited.url}/forms/login`, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=b' }, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ detail: 'Malformed multipart body: Malformed part header' });
  });

  test('a multipart body cut short or without its boundary is a 400 with a detail', async () => {
    for (const body of ['not multipart at all', '--b\r\nContent-Disposition: form-data; name="username"\r\n\r\nada']) {
      const res = await fetch(`${limited.url}/forms/login`, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=b' }, body });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/^Malformed multipart body: /);
    }
  });

  test('too large a field, too many fields, too many files', async () => {
    const field = await send('/forms/login', form({ username: 'x'.repeat(100), age: '1' }));
    expect(field.status).toBe(413);
    expect(await field.json()).toEqual({ detail: 'Form field "username" is larger than the limit of 16 bytes' });
    const exact = await send('/forms/login', form({ username: 'x'.repeat(16), age: '1' }));
    expect(exact.status).toBe(200);
    expect((await send('/forms/login', form({ username: 'x'.repeat(17), age: '1' }))).status).toBe(413);
    const fields = await send('/forms/tags', form({ tag: ['1', '2', '3', '4', '5'] }));
    expect(fields.status).toBe(413);
    expect(await fields.json()).toEqual({ detail: 'Too many form fields: the limit is 3' });
    const files = await send('/forms/many', form({ docs: [new File(['a'], 'a'), new File(['b'], 'b'), new File(['c'], 'c')] }));
    expect(files.status).toBe(413);
    expect(await files.json()).toEqual({ detail: 'Too many files: the limit is 2' });
  });
});
