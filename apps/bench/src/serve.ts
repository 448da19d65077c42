/**
 * Child-process entry: `node dist/serve.js <server-id> [port]`. Starts one server, prints its URL as one
 * JSON line, and stays up until the parent closes stdin or sends SIGTERM, so no server outlives the bench.
 */
import type { StartServer } from './servers/server.js';

const [id, portArg] = process.argv.slice(2);
if (!id || !/^[a-z-]+$/.test(id)) throw new Error('usage: serve.js <server-id> [port]');
const { start } = (await import(`./servers/${id}.js`)) as { start: StartServer };
const server = await start(Number(portArg ?? 0));
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);

const stop = () => void server.close().finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.stdin.on('end', stop).resume();
