// The fetch adapter's contract run lives here, not in platform-fetch: this package is built on the fetch
// adapter (createTestClient runs apps through it), so the dependency goes one way only.
import { FetchAdapter } from '@decorumjs/platform-fetch';
import { fetchOverNodeHttp, runAdapterContract } from './contract/index.js';

// serveFetch's node:http server is the runtime's, not the adapter's: the transport cases (lingering close,
// 431, 100-continue, timeouts) are not the fetch adapter's to pass.
// The fetch adapter cannot serve WebSocket routes (each runtime upgrades its own way): no WebSocket cases.
runAdapterContract({ name: 'fetch (over node:http)', createAdapter: () => fetchOverNodeHttp(new FetchAdapter()), transport: false, websocket: false });
runAdapterContract({ name: 'fetch (in-process)', createAdapter: () => new FetchAdapter(), inProcess: (adapter) => adapter.fetch });
