// The README's "WebSockets" example, verbatim from its second import on: test/websocket/readme.test.ts runs it.
import { Controller, ConnectedSocket, Depends, Param, WebSocketConnection, WebSocketGroups, WebSocketRoute, createApp } from '@decorumjs/decorum';
import { currentUser, type User } from './current-user.js';
import { IsString, MaxLength } from 'class-validator';

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
    await ws.join(room);                           // resolves once the broker has subscribed
    for await (const message of ws.messages()) {   // validated ChatMessage instances; ends at close
      await this.groups.publish(room, { from: user.name, text: message.text });
    }
  }
}

export const app = createApp({ controllers: [ChatController], logger: false });
