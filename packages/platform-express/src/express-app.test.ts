// Decorum inside an Express app the user owns: middleware before it, body parsers, and routes after it.
import { afterAll, beforeAll, expect, test } from 'vitest';
import express from 'express';
import { Body, Controller, Get, Post, createApp, type App } from '@decorumjs/core';
import { ExpressAdapter } from './index.js';

@Controller('notes')
class NotesController {
  @Get(':id')
  read() {
    return { text: 'first' };
  }

  @Get('latest')
  latest() {
    return { text: 'latest' };
  }

  @Post()
  add(@Body('text') text: string) {
    return { added: text };
  }
}

let app: App;
let base = '';
beforeAll(async () => {
  const server = express();
  server.use((_req, res, next) => {
    res.setHeader('x-before', 'ran');
    next();
  });
  server.use(express.json());
  const adapter = new ExpressAdapter({ app: server, fallthrough: true });
  server.use(adapter.router);
  server.get('/after', (_req, res) => {
    res.json({ after: true });
  });
  app = createApp({ adapter, controllers: [NotesController], logger: false });
  base = (await app.listen(0)).url;
});
afterAll(() => app.close());

test('middleware before Decorum runs for its routes', async () => {
  const res = await fetch(`${base}/notes/1`);
  expect(res.headers.get('x-before')).toBe('ran');
  expect(await res.json()).toEqual({ text: 'first' });
});

test('a literal segment wins over a parameter, whatever the declaration order', async () => {
  expect(await (await fetch(`${base}/notes/latest`)).json()).toEqual({ text: 'latest' });
});

test('a body already parsed by express.json() still reaches the route, validated', async () => {
  const ok = await fetch(`${base}/notes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"hi"}' });
  expect(await ok.json()).toEqual({ added: 'hi' });
  const bad = await fetch(`${base}/notes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":1}' });
  expect(bad.status).toBe(422);
});

test('with fallthrough, unmatched requests reach the routes after Decorum', async () => {
  expect(await (await fetch(`${base}/after`)).json()).toEqual({ after: true });
});
