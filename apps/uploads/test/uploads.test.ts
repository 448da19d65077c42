// The uploads example over a real socket: one file with a field, several files, a missing file, and a
// file past the app's 5 MiB limit. Uploads are built with the global `File` (this module does not
// import Decorum's `File` decorator, so the name is free).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_FILE_SIZE, app } from '../src/main.js';

let url = '';
beforeAll(async () => {
  url = (await app.listen(0, '127.0.0.1')).url;
});
afterAll(() => app.close());

async function post(path: string, body: FormData): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url + path, { method: 'POST', body });
  return { status: res.status, body: await res.json() };
}

function form(entries: Array<[string, string | File]>): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe('POST /avatars', () => {
  test('answers the username and what was uploaded', async () => {
    const png = new File([new Uint8Array(2048).fill(7)], 'ada.png', { type: 'image/png' });
    const res = await post('/avatars', form([['username', 'ada'], ['avatar', png]]));
    expect(res).toEqual({ status: 200, body: { username: 'ada', filename: 'ada.png', contentType: 'image/png', size: 2048 } });
  });

  test('a missing file is a 422 missing at ["body","avatar"]', async () => {
    const res = await post('/avatars', form([['username', 'ada']]));
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ detail: [expect.objectContaining({ type: 'missing', loc: ['body', 'avatar'] })] });
  });

  test('a missing username is a 422 at ["body","username"], even with the file', async () => {
    const res = await post('/avatars', form([['avatar', new File(['x'], 'a.png', { type: 'image/png' })]]));
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ detail: [expect.objectContaining({ type: 'missing', loc: ['body', 'username'] })] });
  });

  test('a file past the app\'s 5 MiB limit is a 413 naming the field', async () => {
    const big = new File([new Uint8Array(MAX_FILE_SIZE + 1)], 'huge.png', { type: 'image/png' });
    const res = await post('/avatars', form([['username', 'ada'], ['avatar', big]]));
    expect(res).toEqual({ status: 413, body: { detail: `File "avatar" is larger than the limit of ${MAX_FILE_SIZE} bytes` } });
  });

  test('a file of exactly 5 MiB is accepted', async () => {
    const exact = new File([new Uint8Array(MAX_FILE_SIZE)], 'exact.png', { type: 'image/png' });
    const res = await post('/avatars', form([['username', 'ada'], ['avatar', exact]]));
    expect(res).toEqual({ status: 200, body: expect.objectContaining({ size: MAX_FILE_SIZE }) });
  });
});

describe('POST /documents', () => {
  const doc = (name: string, text: string) => new File([text], name, { type: 'text/plain' });

  test('answers every file\'s name and their total size, with the note', async () => {
    const res = await post('/documents', form([['files', doc('a.txt', 'hello')], ['files', doc('b.txt', 'world!')], ['note', 'two docs']]));
    expect(res).toEqual({ status: 200, body: { note: 'two docs', filenames: ['a.txt', 'b.txt'], totalSize: 11 } });
  });

  test('one file and no note: a list of one, note null', async () => {
    const res = await post('/documents', form([['files', doc('only.txt', 'abc')]]));
    expect(res).toEqual({ status: 200, body: { note: null, filenames: ['only.txt'], totalSize: 3 } });
  });

  test('no file at all is a 422 missing at ["body","files"]', async () => {
    const res = await post('/documents', form([['note', 'nothing attached']]));
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ detail: [expect.objectContaining({ type: 'missing', loc: ['body', 'files'] })] });
  });

  test('one oversized file among several is a 413 naming the field', async () => {
    const big = new File([new Uint8Array(MAX_FILE_SIZE + 1)], 'huge.bin');
    const res = await post('/documents', form([['files', doc('a.txt', 'hello')], ['files', big]]));
    expect(res).toEqual({ status: 413, body: { detail: `File "files" is larger than the limit of ${MAX_FILE_SIZE} bytes` } });
  });
});
