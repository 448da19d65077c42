/** Fastify 5 as its docs recommend: JSON schema for params, query and body, and for the responses. */
import Fastify from 'fastify';
import { HOST, type StartServer } from './server.js';

const nullableString = { type: ['string', 'null'] } as const;

export const start: StartServer = async (port) => {
  const app = Fastify({ logger: false });
  app.get('/hello', {
    schema: {
      querystring: { type: 'object', properties: { name: { type: 'string', default: 'world' } } },
      response: { 200: { type: 'object', properties: { message: { type: 'string' } } } },
    },
  }, async (req) => ({ message: `Hello, ${(req.query as { name: string }).name}!` }));

  app.get('/items/:item_id', {
    schema: {
      params: { type: 'object', properties: { item_id: { type: 'integer' } }, required: ['item_id'] },
      querystring: { type: 'object', properties: { q: { type: 'string', default: null, nullable: true } } },
      response: { 200: { type: 'object', properties: { item_id: { type: 'integer' }, q: nullableString } } },
    },
  }, async (req) => {
    const { item_id } = req.params as { item_id: number };
    const { q } = req.query as { q?: string | null };
    return { item_id, q: q ?? null };
  });

  app.post('/items', {
    schema: {
      body: {
        type: 'object',
        properties: { name: { type: 'string' }, price: { type: 'number' } },
        required: ['name', 'price'],
      },
      response: { 200: { type: 'object', properties: { created: { type: 'string' }, price: { type: 'number' } } } },
    },
  }, async (req) => {
    const item = req.body as { name: string; price: number };
    return { created: item.name, price: item.price };
  });

  // Not loaded by the throughput endpoints; here so `bench --startup` compares the quickstart's routes.
  app.post('/greet', {
    schema: {
      body: {
        type: 'object',
        properties: { name: { type: 'string' }, excited: { type: 'boolean' } },
        required: ['name'],
      },
      response: { 200: { type: 'object', properties: { message: { type: 'string' } } } },
    },
  }, async (req) => {
    const { name, excited } = req.body as { name: string; excited?: boolean };
    return { message: `Hello, ${name}${excited ? '!!!' : '!'}` };
  });

  await app.listen({ port, host: HOST });
  const address = app.server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return { url: `http://${HOST}:${bound}`, close: () => app.close() };
};
