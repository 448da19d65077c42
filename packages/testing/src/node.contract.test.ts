// The node adapter's contract run lives here, beside the fetch adapter's: the fetch adapter's node bridge
// is built on platform-node, so platform-node depending on this package for its tests would make a cycle.
import { NodeAdapter } from '@decorumjs/platform-node';
import { runAdapterContract } from './contract/index.js';

runAdapterContract({ name: 'node', createAdapter: (limits) => new NodeAdapter(limits) });
