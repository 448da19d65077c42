// Decorum's server defaults, as each node-based adapter's server carries them (the contract suite checks
// the behaviour with short values; these are the values a user gets without configuring anything).
import { afterEach, expect, test } from 'vitest';
import type { Server } from 'node:http';
import { DEFAULT_SERVER_LIMITS, NodeAdapter, createApp } from '@decorumjs/decorum';
import { ExpressAdapter } from '@decorumjs/platform-express';
import { FastifyAdapter } from '@decorumjs/platform-fastify';

const closing: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

const timeoutsOf = (server: Server) => ({
  headersTimeout: server.headersTimeout, requestTimeout: server.requestTimeout, keepAliveTimeout: server.keepAliveTimeout,
  maxHeaderSize: (server as Server & { maxHeaderSize?: number }).maxHeaderSize,
});

test('node, Express and Fastify (on an instance Decorum creates) share one set of default timeouts', async () => {
  const expected = { headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 5_000, maxHeaderSize: 16 * 1024 };
  expect(DEFAULT_SERVER_LIMITS).toMatchObject(expected);
  const node = new NodeAdapter();
  const express = new ExpressAdapter();
  const fastify = new FastifyAdapter();
  for (const adapter of [node, express, fastify]) {
    const app = createApp({ adapter, controllers: [], logger: false, shutdownSignals: false });
    await app.listen(0);
    closing.push(() => app.close());
  }
  expect(timeoutsOf(node.server as Server)).toEqual(expected);
  expect(timeoutsOf(fastify.instance.server)).toEqual(expected);
  expect(timeoutsOf(express.server as Server)).toEqual(expected);
});

test('each default is a knob', async () => {
  const adapter = new FastifyAdapter({ headersTimeout: 1_000, requestTimeout: 2_000, keepAliveTimeout: 300, maxHeaderSize: 4_096 });
  const app = createApp({ adapter, controllers: [], logger: false, shutdownSignals: false });
  await app.listen(0);
  closing.push(() => app.close());
  expect(timeoutsOf(adapter.instance.server)).toEqual({ headersTimeout: 1_000, requestTimeout: 2_000, keepAliveTimeout: 300, maxHeaderSize: 4_096 });
});
