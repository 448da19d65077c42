/**
 * The fetch adapter as an `HttpAdapter` that listens, served by `serveFetch` (the supported way to run
 * a fetch handler on node), so the contract suite reaches it over a real socket like every other adapter.
 */
import type { HttpAdapter, MountTable, ServerAddress } from '@decorumjs/core';
import type { FetchAdapter } from '@decorumjs/platform-fetch';
import { serveFetch, type FetchServer } from '@decorumjs/platform-fetch/node';

export function fetchOverNodeHttp(adapter: FetchAdapter): HttpAdapter {
  let served: FetchServer | undefined;
  return {
    name: `${adapter.name} (over node:http)`,
    mount: (table: MountTable) => adapter.mount(table),
    async listen(port: number, host: string): Promise<ServerAddress> {
      served = await serveFetch(adapter.fetch, { port, host });
      return served.address;
    },
    close: (graceMs: number) => served?.close(graceMs) ?? Promise.resolve(),
  };
}
