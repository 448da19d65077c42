import { afterAll, expect, test } from 'vitest';
import {
  ConnectedSocket, Controller, Param, WebSocketConnection, WebSocketGroups, WebSocketRoute, createApp,
  type GroupPayload, type WebSocketBroker,
} from '@decorumjs/decorum';
import { createTestClient, type TestClient } from '@decorumjs/testing';

/** One pub/sub bus two workers share, as Redis would be: each worker has its own broker on it. */
class Bus {
  readonly subscribers = new Map<string, Set<(payload: GroupPayload) => void>>();

  broker(): WebSocketBroker & { readonly groups: Set<string> } {
    const own = new Map<string, (payload: GroupPayload) => void>();
    const groups = new Set<string>();
    return {
      groups,
      publish: async (group, payload) => {
        for (const deliver of this.subscribers.get(group) ?? []) deliver(payload);
      },
      subscribe: async (group, deliver) => {
        own.set(group, deliver);
        groups.add(group);
        let set = this.subscribers.get(group);
        if (!set) this.subscribers.set(group, (set = new Set()));
        set.add(deliver);
      },
      unsubscribe: async (group) => {
        const deliver = own.get(group);
        if (deliver) this.subscribers.get(group)?.delete(deliver);
        own.delete(group);
        groups.delete(group);
      },
      close: async () => {
        for (const group of [...own.keys()]) this.subscribers.get(group)?.delete(own.get(group) as (payload: GroupPayload) => void);
        own.clear();
      },
    };
  }
}

@Controller('rooms')
class RoomController {
  constructor(private readonly groups: WebSocketGroups) {}

  @WebSocketRoute(':room')
  async room(@Param('room') room: string, @ConnectedSocket() ws: WebSocketConnection) {
    await ws.accept();
    await ws.join(room);
    await ws.sendText('joined');
    for await (const text of ws) await this.groups.publish(room, text as string);
  }
}

const bus = new Bus();
const brokers = [bus.broker(), bus.broker()];
const clients: TestClient[] = [];
afterAll(async () => {
  for (const client of clients) await client.close();
});

test('a publish on one worker reaches the group\'s sockets on another, through the broker; the last to leave unsubscribes', async () => {
  for (const broker of brokers) {
    clients.push(await createTestClient(createApp({ controllers: [RoomController], logger: false, websocket: { broker } })));
  }
  const [a, b] = clients as [TestClient, TestClient];
  const onA = await a.websocket('/rooms/lobby');
  const onB = await b.websocket('/rooms/lobby');
  expect([await onA.receiveText(), await onB.receiveText()]).toEqual(['joined', 'joined']);
  expect(brokers.map((broker) => [...broker.groups])).toEqual([['lobby'], ['lobby']]);
  await onA.sendText('from worker A');
  expect(await onB.receiveText()).toBe('from worker A');
  expect(await onA.receiveText()).toBe('from worker A');
  await onB.close();
  // The last local socket of the group left worker B: B no longer subscribes to it.
  for (let i = 0; i < 50 && brokers[1]?.groups.size; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect([...(brokers[1]?.groups ?? [])]).toEqual([]);
  expect([...(brokers[0]?.groups ?? [])]).toEqual(['lobby']);
  await onA.close();
});
