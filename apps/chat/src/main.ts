import { createApp, type WebSocketBroker } from '@decorumjs/decorum';
import { ChatController } from './chat-controller.js';

/** A fresh app each call; `broker` shares rooms across workers (Redis in production, in-memory by default). */
export function createChatApp(options: { broker?: WebSocketBroker } = {}) {
  return createApp({
    title: 'Chat',
    version: '1.0.0',
    description: 'Chat rooms over WebSockets. Open /?token=alice-token&room=general in two tabs (the other as bob-token).',
    controllers: [ChatController],
    websocket: { broker: options.broker },
  });
}

export const app = createChatApp();
