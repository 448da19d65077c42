import { fetchOverNodeHttp, runAdapterContract } from '@decorumjs/testing/contract';
import { FetchAdapter } from './index.js';

// The bridge's node:http server is the test's, not the adapter's: the transport cases are not the fetch adapter's to pass.
runAdapterContract({ name: 'fetch (over node:http)', createAdapter: () => fetchOverNodeHttp(new FetchAdapter()), transport: false });
runAdapterContract({ name: 'fetch (in-process)', createAdapter: () => new FetchAdapter(), inProcess: (adapter) => adapter.fetch });
