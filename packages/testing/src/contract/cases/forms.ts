/**
 * Forms and uploads on every adapter: fields and form DTOs from urlencoded and multipart bodies, files
 * (spooled to disk past a threshold and removed after the response), 415s between JSON and forms, and
 * limits refused while the upload streams, with a 413 the client reads.
 */
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { MULTIPART_FILE_SIZE, type RequestTarget } from '../serve.js';

const post = (body: FormData | URLSearchParams) => ({ method: 'POST', body });

function form(entries: Array<[string, string | { bytes: Uint8Array; filename: string; type?: string }]>): FormData {
  const data = new FormData();
  for (const [name, value] of entries) {
    if (typeof value === 'string') data.append(name, value);
    else data.append(name, new Blob([value.bytes], { type: value.type ?? 'application/octet-stream' }), value.filename);
  }
  return data;
}

/** Bytes that are not all alike, with a checksum the route computes too. */
function patterned(size: number): { bytes: Uint8Array; sum: number } {
  const bytes = new Uint8Array(size);
  let sum = 0;
  for (let i = 0; i < size; i++) {
    bytes[i] = (i * 31) % 251;
    sum = (sum + (bytes[i] as number)) % 65_521;
  }
  return { bytes, sum };
}

const text = (s: string) => new TextEncoder().encode(s);

export function formCases(fetch: RequestTarget): void {
  describe('forms (@Form fields and DTOs, urlencoded and multipart)', () => {
    test('fields are coerced like query values, repeated ones are a list, from either encoding', async () => {
      const urlencoded = new URLSearchParams([['username', 'ada'], ['age', '36'], ['tag', 'a'], ['tag', 'b']]);
      const multipart = form([['username', 'ada'], ['age', '36'], ['tag', 'a'], ['tag', 'b']]);
      for (const body of [urlencoded, multipart]) {
        const res = await fetch('/forms/login', post(body));
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ username: 'ada', age: 36, tags: ['a', 'b'] });
      }
    });

    test('missing and unparsable fields are one 422 at ["body", name]', async () => {
      const res = await fetch('/forms/login', post(new URLSearchParams({ age: 'old' })));
      expect(res.status).toBe(422);
      const { detail } = await res.json() as { detail: Array<{ type: string; loc: unknown[] }> };
      expect(detail.map((d) => [d.type, d.loc])).toEqual([['missing', ['body', 'username']], ['int_parsing', ['body', 'age']]]);
    });

    test('a form DTO is coerced and validated', async () => {
      const ok = await fetch('/forms/signup', post(form([['username', 'grace'], ['age', '85'], ['tags', 'x'], ['tags', 'y']])));
      expect(await ok.json()).toEqual({ form: { username: 'grace', age: 85, tags: ['x', 'y'] }, isModel: true });
      const bad = await fetch('/forms/signup', post(new URLSearchParams({ username: 'al', age: 'x' })));
      expect(bad.status).toBe(422);
      const { detail } = await bad.json() as { detail: Array<{ loc: unknown[] }> };
      expect(detail.map((d) => d.loc)).toEqual([['body', 'age'], ['body', 'username']]);
    });

    test('a form route answers JSON with 415, a JSON route a form, a file route an urlencoded body', async () => {
      const json = await fetch('/forms/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"ada"}' });
      expect(json.status).toBe(415);
      expect((await json.json() as { detail: string }).detail).toBe(
        'Unsupported Media Type: expected a form body with Content-Type application/x-www-form-urlencoded or multipart/form-data, got "application/json"');
      for (const body of [new URLSearchParams({ name: 'x' }), form([['name', 'x']])]) {
        const formToJson = await fetch('/forms/json', post(body));
        expect(formToJson.status).toBe(415);
        expect((await formToJson.json() as { detail: string }).detail).toMatch(/^Unsupported Media Type: expected a JSON body/);
      }
      const urlencodedFile = await fetch('/forms/upload', post(new URLSearchParams({ file: 'x' })));
      expect(urlencodedFile.status).toBe(415);
    });
  });

  describe('file uploads (@File)', () => {
    test('a file and a field together', async () => {
      const res = await fetch('/forms/upload', post(form([['file', { bytes: text('hello'), filename: 'hi.txt', type: 'text/plain' }], ['note', 'n']])));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ filename: 'hi.txt', contentType: 'text/plain', size: 5, sum: 532, spooledAt: null, note: 'n' });
    });

    test('several files under one name, an optional one left out, a required one missing (422)', async () => {
      const res = await fetch('/forms/files', post(form([['docs', { bytes: text('a'), filename: 'a.txt' }], ['docs', { bytes: text('b'), filename: 'b.txt' }]])));
      expect(await res.json()).toEqual({ names: ['a.txt', 'b.txt'], extra: null });
      const none = await fetch('/forms/upload', post(form([['note', 'no file']])));
      expect(none.status).toBe(422);
      expect(await none.json()).toEqual({ detail: [{ type: 'missing', loc: ['body', 'file'], msg: 'Field required', input: null }] });
    });

    test('a file past the memory threshold (and the JSON body limit) arrives whole from its temporary file, removed after the response', async () => {
      const { bytes, sum } = patterned(MULTIPART_FILE_SIZE - 1024);
      const res = await fetch('/forms/upload', post(form([['file', { bytes, filename: 'big.bin' }]])));
      const body = await res.json() as { size: number; sum: number; spooledAt: string | null };
      expect(body).toMatchObject({ size: bytes.byteLength, sum });
      expect(body.spooledAt).toEqual(expect.any(String));
      await expect.poll(() => existsSync(body.spooledAt as string)).toBe(false);
    });

    test('a handler that throws has its temporary file removed too', async () => {
      const res = await fetch('/forms/fails', post(form([['file', { bytes: patterned(64 * 1024).bytes, filename: 'x.bin' }]])));
      expect(res.status).toBe(409);
      const { detail } = await res.json() as { detail: { spooledAt: string } };
      expect(detail.spooledAt).toEqual(expect.any(String));
      await expect.poll(() => existsSync(detail.spooledAt)).toBe(false);
    });

    test('a file of exactly the size limit is accepted; one byte more is a 413', async () => {
      const { bytes, sum } = patterned(MULTIPART_FILE_SIZE);
      const exact = await fetch('/forms/upload', post(form([['file', { bytes, filename: 'exact.bin' }]])));
      expect(exact.status).toBe(200);
      expect(await exact.json()).toMatchObject({ size: MULTIPART_FILE_SIZE, sum });
      const over = await fetch('/forms/upload', post(form([['file', { bytes: new Uint8Array(MULTIPART_FILE_SIZE + 1), filename: 'over.bin' }]])));
      expect(over.status).toBe(413);
      await over.arrayBuffer();
    });

    test('a file past the size limit is refused mid-stream with a 413 naming it, and the client reads it', async () => {
      const res = await fetch('/forms/upload', post(form([['file', { bytes: new Uint8Array(4 * MULTIPART_FILE_SIZE), filename: 'huge.bin' }]])));
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({ detail: `File "file" is larger than the limit of ${MULTIPART_FILE_SIZE} bytes` });
      // The connection (or the runtime) is still usable afterwards.
      const next = await fetch('/forms/login', post(new URLSearchParams({ username: 'ada', age: '1' })));
      expect(next.status).toBe(200);
    });

    test('a multipart body without a boundary is a 400, not a 500', async () => {
      const res = await fetch('/forms/upload', { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'x' });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ detail: 'Malformed multipart body: the Content-Type has no boundary' });
    });
  });
}
