/** Where every benchmarked WebSocket server echoes. */
export const ECHO_PATH = '/echo';
/** What each round trip sends: a short chat-sized text message. */
export const ECHO_MESSAGE = JSON.stringify({ room: 'general', text: 'hello, websocket benchmark' });

/** The WebSocket servers, in table order; the first is the baseline the ratios divide by. */
export const WEBSOCKET_SERVERS = [
  { id: 'raw-ws', label: 'raw ws on node:http' },
  { id: 'fastify-ws', label: 'Fastify 5 + @fastify/websocket' },
  { id: 'decorum-node-ws', label: 'Decorum (platform-node)' },
  { id: 'decorum-fastify-ws', label: 'Decorum (platform-fastify)' },
] as const;
