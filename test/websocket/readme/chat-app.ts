// The README's "WebSockets" example, verbatim below the auth dependency: test/websocket/readme.test.ts runs it.
import {
  Controller, ConnectedSocket, Depends, Param, WebSocketConnection, WebSocketGroups, WebSocketRoute, createApp, dependency, httpBearer,
  notAuthenticated, type BearerCredentials,
} from '@decorumjs/decorum';
import { IsString, MaxLength } from 'class-validator';

interface User { name: string }

// The same auth dependency an HTTP route would use: a bearer token names the user.
const bearer = httpBearer();
const currentUser = dependency({
  inject: [Depends(bearer)],
  use: ({ credentials }: BearerCredentials): User => {
    if (!credentials.startsWith('user-')) throw notAuthenticated('Bearer', 'Invalid token');
    return { name: credentials.slice('user-'.length) };
  },
});

class ChatMessage { @IsString() @MaxLength(500) text!: string; }
class ChatEvent { from!: string; text!: string; }

@Controller('/chat')
export class ChatController {
  constructor(private readonly groups: WebSocketGroups) {}

  @WebSocketRoute('/:room', { message: ChatMessage, send: ChatEvent })
  async chat(
    @Param('room') room: string,
    @Depends(currentUser) user: User,            // same auth dependency as HTTP routes
    @ConnectedSocket() ws: WebSocketConnection<ChatMessage>,
  ) {
    await ws.accept();
    ws.join(room);
    for await (const message of ws.messages()) {   // validated ChatMessage instances; ends at close
      await this.groups.publish(room, { from: user.name, text: message.text });
    }
  }
}

export const app = createApp({ controllers: [ChatController], logger: false });
