/**
 * The main script of an app process (a dev child, a `start` worker): serve the entry, then tell the
 * CLI over IPC that it is ready, or why it could not start. Arguments: entry, port, host.
 */
import { describeFailure } from './describe-failure.js';
import type { AppProcessMessage } from './messages.js';
import { closeOnSignals, serveApp } from './serve-app.js';

const [entry = '', port = '0', host = '127.0.0.1'] = process.argv.slice(2);

try {
  const { app, address } = await serveApp(entry, { port: Number(port), host });
  closeOnSignals(app);
  send({ type: 'decorum:ready', url: address.url, host: address.host, port: address.port });
} catch (error) {
  if (!process.send) throw error; // run by hand: let Node print it
  send({ type: 'decorum:failed', failure: describeFailure(error) }, () => process.exit(1));
}

function send(message: AppProcessMessage, then?: () => void): void {
  if (process.send) process.send(message, undefined, {}, () => then?.());
  else then?.();
}
