// The fetch adapter's contract run lives here, not in platform-fetch: the test client is built on that
// adapter, so platform-fetch depending on this package for its tests would make the two a cycle.
import { FetchAdapter } from '@decorumjs/platform-fetch';
import { fetchOverNodeHttp, runAdapterContract } from './contract/index.js';

runAdapterContract({ name: 'fetch (over node:http)', createAdapter: () => fetchOverNodeHttp(new FetchAdapter()) });
runAdapterContract({ name: 'fetch (in-process)', createAdapter: () => new FetchAdapter(), inProcess: (adapter) => adapter.fetch });
