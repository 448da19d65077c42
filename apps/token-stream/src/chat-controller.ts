/**
 * The chat routes: `GET /chat/stream` streams the fake model's tokens as Server-Sent Events, resuming
 * after `Last-Event-ID` when a browser reconnects; `GET /` is a page that reads that stream.
 */
import { Controller, ExcludeFromSchema, Get, HttpResponse, Inject, LastEventId, Query, Signal, Sse, SseEvent } from '@decorumjs/decorum';
import { FakeModel } from './fake-model.js';
import { CHAT_PAGE } from './chat-page.js';

@Controller()
export class ChatController {
  constructor(@Inject(FakeModel) private readonly model: FakeModel) {}

  /**
   * One `token` event per token, its index as the event id, then a `done` event. A browser that
   * reconnects sends the last id it saw, and the stream goes on from the token after it.
   */
  @Sse('chat/stream', { keepAliveMs: 15_000 })
  async *stream(@Query('prompt') prompt: string, @LastEventId() lastEventId: string | undefined, @Signal() signal: AbortSignal) {
    const after = resumeAfter(lastEventId);
    for await (const { index, token } of this.model.stream(prompt, { signal, after })) {
      yield new SseEvent({ event: 'token', id: String(index), data: { token } });
    }
    if (!signal.aborted) yield new SseEvent({ event: 'done', data: {} });
  }

  @Get() @ExcludeFromSchema()
  page(): HttpResponse {
    return new HttpResponse(CHAT_PAGE, { contentType: 'text/html; charset=utf-8' });
  }
}

/** The token index to resume after; an id this stream never sent starts it over. */
function resumeAfter(lastEventId: string | undefined): number | undefined {
  if (lastEventId === undefined || !/^\d+$/.test(lastEventId)) return undefined;
  return Number(lastEventId);
}
