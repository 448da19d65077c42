import { runAdapterContract } from '@decorumjs/testing/contract';
import { ExpressAdapter } from './index.js';

runAdapterContract({ name: 'express', createAdapter: (limits) => new ExpressAdapter(limits) });
