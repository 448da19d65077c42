import { runAdapterContract } from '@decorumjs/testing/contract';
import { NodeAdapter } from './index.js';

runAdapterContract({ name: 'node', createAdapter: (limits) => new NodeAdapter(limits) });
