import { runAdapterContract } from '@decorumjs/testing/contract';
import { FastifyAdapter } from './index.js';

runAdapterContract({ name: 'fastify', createAdapter: (limits) => new FastifyAdapter(limits) });
