import { createApp } from '@decorumjs/decorum';
import { ChatController } from './chat-controller.js';
import { FakeModel, type FakeModelOptions } from './fake-model.js';

/** A fresh app on its own model each call, so a test can use a short delay and read the model's runs. */
export function createTokenStreamApp(options: FakeModelOptions = {}) {
  const model = new FakeModel(options);
  const app = createApp({
    title: 'Token stream',
    version: '1.0.0',
    description: 'Tokens from a fake model, streamed as Server-Sent Events. Open / to watch them arrive.',
    controllers: [ChatController],
    providers: [{ provide: FakeModel, useValue: model }],
  });
  return { app, model };
}

export const { app, model } = createTokenStreamApp();
