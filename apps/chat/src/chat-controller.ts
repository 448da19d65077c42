/**
 * The chat: `WS /chat/{room}` joins a room — every member sees what the others say, and who comes and
 * goes — and `GET /rooms/{room}` tells how many are in it. Both use the same auth dependency. Messages
 * fan out through `WebSocketGroups`, so the same code serves one worker or many (with a shared broker).
 */
import {
  ConnectedSocket, Controller, Depends, ExcludeFromSchema, Get, HttpResponse, Param, Summary, WebSocketConnection,
  WebSocketGroups, WebSocketRoute,
} from '@decorumjs/decorum';
import { currentUser } from './auth.js';
import { CHAT_PAGE } from './chat-page.js';
import { ChatEvent, ChatMessage, RoomInfo } from './chat-messages.js';
import type { User } from './users.js';

const ROOM = { pattern: '^[a-z0-9-]{1,32}$', description: 'Lower-case letters, digits and dashes' };

@Controller()
export class ChatController {
  constructor(private readonly groups: WebSocketGroups) {}

  /**
   * A member's session: joined, then every valid message said to the room, then left. An invalid
   * message (not JSON, no `text`, too long) is answered to its sender alone with `{"detail": [...]}`.
   */
  @WebSocketRoute('chat/:room', { message: ChatMessage, send: ChatEvent }) @Summary('Join a chat room')
  async join(
    @Param('room', ROOM) room: string,
    @Depends(currentUser) user: User,
    @ConnectedSocket() ws: WebSocketConnection<ChatMessage>,
  ): Promise<void> {
    await ws.accept();
    await ws.join(room); // resolves once the broker confirms the subscription
    await this.say(room, { type: 'joined', from: user.name });
    try {
      for await (const message of ws.messages()) await this.say(room, { type: 'message', from: user.name, text: message.text });
    } finally {
      ws.leave(room);
      await this.say(room, { type: 'left', from: user.name });
    }
  }

  @Get('rooms/:room') @Summary('Who is in a room')
  room(@Param('room', ROOM) room: string, @Depends(currentUser) _user: User): RoomInfo {
    return { room, members: this.groups.size(room) };
  }

  @Get() @ExcludeFromSchema()
  page(): HttpResponse {
    return new HttpResponse(CHAT_PAGE, { contentType: 'text/html; charset=utf-8' });
  }

  private say(room: string, event: ChatEvent): Promise<void> {
    return this.groups.publish(room, event);
  }
}
