import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { expect, test } from 'vitest';
import { DecorumError } from '@decorumjs/core';
import { NodeAdapter } from './index.js';

test('a request handed to the handler before mount() is a developer mistake with a code and a fix', () => {
  const req = new IncomingMessage(new Socket());
  const error: unknown = (() => {
    try {
      new NodeAdapter().handler(req, new ServerResponse(req));
    } catch (thrown) {
      return thrown;
    }
  })();
  expect(error).toBeInstanceOf(DecorumError);
  expect(error).toMatchObject({ code: 'DECORUM_ERR_APP_STATE', message: expect.stringContaining('NodeAdapter: mount() before serving') });
  expect((error as DecorumError).fix).toContain('adapter.mount(app.mountTable())');
});
