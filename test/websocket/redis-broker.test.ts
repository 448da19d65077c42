// RedisBroker against a real redis-server: each broker is one "worker" with its own ioredis connection,
// as two processes of one app would be.
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { RedisBroker, RedisBrokerError, type RedisBrokerOptions } from '@decorumjs/redis';
import { startRedisServer, type RedisServer } from '../security/redis-server.js';

/** What a group carries: text or bytes (core's GroupPayload). */
type GroupPayload = Parameters<RedisBroker['publish']>[1];

let redis: RedisServer;
let admin: Redis;
const clients: Redis[] = [];
const brokers: RedisBroker[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  admin = new Redis(redis.url);
}, 20_000);

afterEach(async () => {
  await Promise.all(brokers.splice(0).map((broker) => broker.close()));
  for (const client of clients.splice(0)) client.disconnect();
});

afterAll(async () => {
  admin?.disconnect();
  await redis?.stop();
});

function connect(name: string): Redis {
  const client = new Redis(redis.url, { connectionName: name });
  clients.push(client);
  return client;
}

function worker(name: string, options: Partial<RedisBrokerOptions> = {}): RedisBroker {
  const broker = new RedisBroker({ client: connect(name), ...options } as RedisBrokerOptions);
  brokers.push(broker);
  return broker;
}

/** What one worker's subscription to a group received, in order, awaited one at a time. */
function inbox() {
  const received: GroupPayload[] = [];
  const waiting: Array<(payload: GroupPayload) => void> = [];
  return {
    received,
    deliver(payload: GroupPayload) {
      const next = waiting.shift();
      if (next) next(payload);
      else received.push(payload);
    },
    next(): Promise<GroupPayload> {
      const ready = received.shift();
      if (ready !== undefined) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no message within 3 s')), 3_000);
        waiting.push((payload) => { clearTimeout(timer); resolve(payload); });
      });
    },
  };
}

async function subscribers(channel: string): Promise<number> {
  const [, count] = (await admin.call('PUBSUB', 'NUMSUB', channel)) as [string, number];
  return Number(count);
}

/** The names of the pub/sub connections the server holds. */
async function pubsubConnections(): Promise<string[]> {
  const list = (await admin.call('CLIENT', 'LIST', 'TYPE', 'pubsub')) as string;
  return list.split('\n').filter(Boolean).map((line) => /\bname=(\S*)/.exec(line)?.[1] ?? '');
}

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('RedisBroker: group messages across workers', () => {
  test('two workers subscribed to a group both receive what either publishes', async () => {
    const one = worker('one');
    const two = worker('two');
    const atOne = inbox();
    const atTwo = inbox();
    await one.subscribe('room', atOne.deliver);
    await two.subscribe('room', atTwo.deliver);
    // subscribe resolved, so Redis has both subscriptions: a publish right now reaches both.
    expect(await subscribers('decorum:ws:room')).toBe(2);
    await one.publish('room', 'from one');
    await two.publish('room', 'from two');
    expect([await atOne.next(), await atOne.next()]).toEqual(['from one', 'from two']);
    expect([await atTwo.next(), await atTwo.next()]).toEqual(['from one', 'from two']);
  });

  test('text and binary payloads arrive unchanged and each as its own kind', async () => {
    const one = worker('one');
    const two = worker('two');
    const atTwo = inbox();
    await two.subscribe('kinds', atTwo.deliver);
    const sent: GroupPayload[] = [
      'abc',
      new Uint8Array([97, 98, 99]), // the same bytes as 'abc': only the kind tells them apart
      'naïve ∂ 🎉',
      new Uint8Array([0xff, 0x00, 0xfe, 0x80]), // not UTF-8: a string round trip would mangle it
      '',
      new Uint8Array(0),
      'b is the binary mark',
      new Uint8Array(Buffer.from('t is the text mark')),
    ];
    for (const payload of sent) await one.publish('kinds', payload);
    for (const payload of sent) {
      const got = await atTwo.next();
      if (typeof payload === 'string') {
        expect(got).toBe(payload);
      } else {
        expect(got).toBeInstanceOf(Uint8Array);
        expect(Buffer.isBuffer(got)).toBe(false);
        expect([...(got as Uint8Array)]).toEqual([...payload]);
      }
    }
  });

  test('unsubscribe stops delivery to that worker; the others still receive; subscribing again resumes', async () => {
    const one = worker('one');
    const two = worker('two');
    const atOne = inbox();
    const atTwo = inbox();
    const twoSentinel = inbox();
    await one.subscribe('room', atOne.deliver);
    await two.subscribe('room', atTwo.deliver);
    await two.subscribe('sentinel', twoSentinel.deliver);
    await two.unsubscribe('room');
    expect(await subscribers('decorum:ws:room')).toBe(1);
    await one.publish('room', 'after two left');
    await one.publish('sentinel', 'done');
    // Redis delivers to one connection in publish order: once the sentinel is in, 'room' would have been too.
    expect(await twoSentinel.next()).toBe('done');
    expect(await atOne.next()).toBe('after two left');
    expect(atTwo.received).toEqual([]);

    await two.subscribe('room', atTwo.deliver);
    await one.publish('room', 'back');
    expect(await atTwo.next()).toBe('back');
  });

  test('two prefixes on one Redis do not hear each other', async () => {
    const shop = worker('shop', { prefix: 'shop:ws:' });
    const blog = worker('blog', { prefix: 'blog:ws:' });
    const atShop = inbox();
    const atBlog = inbox();
    const blogSentinel = inbox();
    await shop.subscribe('room', atShop.deliver);
    await blog.subscribe('room', atBlog.deliver);
    await blog.subscribe('sentinel', blogSentinel.deliver);
    await shop.publish('room', 'for the shop');
    await blog.publish('sentinel', 'done');
    expect(await atShop.next()).toBe('for the shop');
    expect(await blogSentinel.next()).toBe('done');
    expect(atBlog.received).toEqual([]);
    expect(await subscribers('shop:ws:room')).toBe(1);
    expect(await subscribers('decorum:ws:room')).toBe(0);
  });

  test('another program can publish in the documented format; unmarked messages are ignored', async () => {
    const one = worker('one');
    const atOne = inbox();
    await one.subscribe('room', atOne.deliver);
    await admin.publish('decorum:ws:room', 'hello without a mark');
    await admin.publish('decorum:ws:room', 't{"text":"hi"}');
    await admin.publish('decorum:ws:room', Buffer.from([0x62, 1, 2, 3]));
    await one.publish('room', 'from a worker');
    expect(await atOne.next()).toBe('{"text":"hi"}');
    expect(await atOne.next()).toEqual(new Uint8Array([1, 2, 3]));
    expect(await atOne.next()).toBe('from a worker');
    expect(atOne.received).toEqual([]);
  });

  test('a delivery that throws is reported as a warning; the other groups keep receiving', async () => {
    const one = worker('one');
    const two = worker('two');
    const atTwo = inbox();
    await two.subscribe('broken', () => { throw new Error('fan-out bug'); });
    await two.subscribe('room', atTwo.deliver);
    const warned = new Promise<Error>((resolve) => process.once('warning', resolve));
    await one.publish('broken', 'x');
    await one.publish('room', 'still here');
    expect(await atTwo.next()).toBe('still here');
    expect((await warned).message).toMatch(/decorum:ws:broken.*fan-out bug/);
  });

  test('after its subscriber connection is killed, deliveries resume once ioredis reconnects', async () => {
    const one = worker('one');
    const two = worker('two');
    const atTwo = inbox();
    await two.subscribe('room', atTwo.deliver);
    await two.subscribe('lobby', atTwo.deliver);
    await one.publish('room', 'before');
    expect(await atTwo.next()).toBe('before');

    const before = (await admin.call('CLIENT', 'LIST', 'TYPE', 'pubsub')) as string;
    expect(Number(await admin.call('CLIENT', 'KILL', 'TYPE', 'pubsub'))).toBe(1);
    await eventually(async () => (await subscribers('decorum:ws:room')) === 1 && (await subscribers('decorum:ws:lobby')) === 1, 'the subscriber re-subscribed');
    // A new connection, not the old one surviving the kill.
    const after = (await admin.call('CLIENT', 'LIST', 'TYPE', 'pubsub')) as string;
    expect(/\bid=(\d+)/.exec(after)?.[1]).not.toBe(/\bid=(\d+)/.exec(before)?.[1]);

    await one.publish('room', 'after');
    await one.publish('lobby', 'lobby too');
    expect([await atTwo.next(), await atTwo.next()]).toEqual(['after', 'lobby too']);
  });

  test('a group joined while the subscriber is reconnecting is subscribed once it is back', async () => {
    const one = worker('one');
    const two = worker('two');
    await two.subscribe('room', () => {});
    const atTwo = inbox();
    await admin.call('CLIENT', 'KILL', 'TYPE', 'pubsub');
    await two.subscribe('joined-meanwhile', atTwo.deliver);
    expect(await subscribers('decorum:ws:joined-meanwhile')).toBe(1);
    await one.publish('joined-meanwhile', 'hello');
    expect(await atTwo.next()).toBe('hello');
  });
});

describe('RedisBroker: connections', () => {
  test('close() quits the subscriber it made and leaves the client it was given open', async () => {
    const client = connect('given');
    const broker = new RedisBroker({ client });
    await broker.subscribe('room', () => {});
    expect(await pubsubConnections()).toEqual(['given']);
    await broker.close();
    await eventually(async () => (await pubsubConnections()).length === 0, 'the subscriber connection is gone');
    expect(await subscribers('decorum:ws:room')).toBe(0);
    expect(client.status).toBe('ready');
    expect(await client.ping()).toBe('PONG');
    await expect(broker.publish('room', 'late')).rejects.toMatchObject({ name: 'RedisBrokerError', code: 'DECORUM_ERR_REDIS_CLOSED' });
    await expect(broker.subscribe('room', () => {})).rejects.toBeInstanceOf(RedisBrokerError);
    await broker.close(); // twice is harmless
  });

  test('close() while the subscriber is reconnecting ends it for good', async () => {
    const broker = new RedisBroker({ client: connect('closing') });
    await broker.subscribe('room', () => {});
    await admin.call('CLIENT', 'KILL', 'TYPE', 'pubsub');
    await broker.close();
    // ioredis' first retry comes after 50 ms; a subscriber that survived close() would be back well within this.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await pubsubConnections()).toEqual([]);
  });

  test('with { publisher, subscriber } close() quits neither; it only leaves its own channels', async () => {
    const publisher = connect('pub');
    const subscriber = connect('sub');
    await subscriber.subscribe('someone-else');
    const broker = new RedisBroker({ publisher, subscriber, prefix: 'pair:' });
    const atBroker = inbox();
    await broker.subscribe('room', atBroker.deliver);
    await broker.publish('room', 'through the pair');
    expect(await atBroker.next()).toBe('through the pair');
    await broker.close();
    expect(publisher.status).toBe('ready');
    expect(subscriber.status).toBe('ready');
    expect(await subscribers('pair:room')).toBe(0);
    expect(await subscribers('someone-else')).toBe(1);
  });

  test('a miswired broker fails when it is made, with the fix in the message', () => {
    const client = connect('same');
    expect(() => new RedisBroker({ publisher: client, subscriber: client })).toThrow(
      expect.objectContaining({ code: 'DECORUM_ERR_REDIS_OPTIONS', message: expect.stringContaining('Give two connections') }),
    );
    expect(() => new RedisBroker({} as RedisBrokerOptions)).toThrow(expect.objectContaining({ code: 'DECORUM_ERR_REDIS_OPTIONS' }));
    expect(() => new RedisBroker({ client, prefix: 42 as unknown as string })).toThrow(/prefix 42 is not a string/);
  });
});
