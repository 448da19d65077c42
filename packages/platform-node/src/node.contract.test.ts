import { runAdapterContract } from '@decorumjs/testing/contract';
import { NodeAdapter } from './index.js';

runAdapterContract({ name: 'node', createAdapter: () => new NodeAdapter() });
