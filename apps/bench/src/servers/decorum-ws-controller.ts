/** The echo route as a Decorum user writes it: one handler per connection, reading messages in order. */
import { ConnectedSocket, Controller, WebSocketRoute, type WebSocketConnection } from '@decorumjs/decorum';
import { ECHO_PATH } from '../websocket/echo-path.js';

@Controller()
export class EchoController {
  @WebSocketRoute(ECHO_PATH)
  async echo(@ConnectedSocket() ws: WebSocketConnection): Promise<void> {
    await ws.accept();
    for await (const message of ws) {
      await (typeof message === 'string' ? ws.sendText(message) : ws.sendBytes(message));
    }
  }
}
