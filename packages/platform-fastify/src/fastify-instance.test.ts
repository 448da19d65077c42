// Decorum on a Fastify instance the user owns: their hooks, routes and body parsing keep working.
import { afterAll, beforeAll, expect, test } from 'vitest';
import Fastify from 'fastify';
import { Body, Controller, Get, Post, createApp, type App } from '@decorumjs/core';
import { FastifyAdapter, frameworkErrors } from './index.js';

@Controller('notes')
class NotesController {
  @Get()
  list() {
    return [{ text: 'first' }];
  }

  @Post()
  add(@Body('text') text: string) {
    return { added: text };
  }
}

let app: App;
let base = '';
beforeAll(async () => {
  const instance = Fastify({ frameworkErrors });
  instance.addHook('onRequest', async (_request, reply) => {
    reply.header('x-request-hook', 'ran');
  });
  instance.post('/legacy', async (request) => ({ legacy: request.body }));
  instance.get('/notes/mine', async () => ({ own: true }));
  app = createApp({ adapter: new FastifyAdapter({ instance }), controllers: [NotesController], logger: false });
  base = (await app.listen(0)).url;
});
afterAll(() => app.close());

test("the instance's hooks run for Decorum's routes", async () => {
  const res = await fetch(`${base}/notes`);
  expect(res.headers.get('x-request-hook')).toBe('ran');
  expect(await res.json()).toEqual([{ text: 'first' }]);
});

test("the instance's own routes keep Fastify's JSON parser", async () => {
  const res = await fetch(`${base}/legacy`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
  expect(await res.json()).toEqual({ legacy: { a: 1 } });
});

test("Decorum's routes keep Decorum's body handling", async () => {
  const ok = await fetch(`${base}/notes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"hi"}' });
  expect(await ok.json()).toEqual({ added: 'hi' });
  const bad = await fetch(`${base}/notes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":' });
  expect(bad.status).toBe(422);
  expect(await bad.json()).toEqual({ detail: [expect.objectContaining({ type: 'json_invalid' })] });
});

test('unmatched requests get Decorum 404 and 405 answers', async () => {
  expect(await (await fetch(`${base}/missing`)).json()).toEqual({ detail: 'Not Found' });
  const res = await fetch(`${base}/notes`, { method: 'DELETE' });
  expect([res.status, res.headers.get('allow')]).toEqual([405, 'GET, HEAD, POST']);
});

test("the instance's own routes win over Decorum's catch-all, and paths still follow Decorum's rules", async () => {
  expect(await (await fetch(`${base}/notes/mine`)).json()).toEqual({ own: true });
  expect(await (await fetch(`${base}/notes/`)).json()).toEqual([{ text: 'first' }]);
  expect((await fetch(`${base}//notes`)).status).toBe(404);
});

test('with frameworkErrors, a malformed escape gets Decorum\'s 400', async () => {
  const res = await fetch(`${base}/notes/%zz`);
  expect([res.status, await res.json()]).toEqual([400, { detail: 'Invalid URL: the path has a malformed percent-encoding' }]);
});
