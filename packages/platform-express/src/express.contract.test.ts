import { runAdapterContract } from '@decorum/testing/contract';
import { ExpressAdapter } from './index.js';

runAdapterContract({ name: 'express', createAdapter: () => new ExpressAdapter() });
