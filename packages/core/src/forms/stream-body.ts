/**
 * A request body chunk by chunk, from the adapter's `streamBody` when it has one, else from the whole
 * body read at once (an adapter whose server buffered it already).
 */
import type { AdapterRequest, BodyChunkSink } from '../adapter/adapter.js';

const UNBOUNDED = Number.MAX_SAFE_INTEGER;

export async function streamBody(req: AdapterRequest, sink: BodyChunkSink): Promise<void> {
  if (req.streamBody) return req.streamBody(sink);
  const bytes = await req.readBody(UNBOUNDED);
  if (bytes.byteLength > 0) await sink(bytes);
}
