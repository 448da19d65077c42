import { fetchOverNodeHttp, runAdapterContract } from '@decorumjs/testing/contract';
import { FetchAdapter } from './index.js';

runAdapterContract({ name: 'fetch (over node:http)', createAdapter: () => fetchOverNodeHttp(new FetchAdapter()) });
runAdapterContract({ name: 'fetch (in-process)', createAdapter: () => new FetchAdapter(), inProcess: (adapter) => adapter.fetch });
