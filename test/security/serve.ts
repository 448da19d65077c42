export { listen, quiet, serve, type Served } from '../extensions/serve.js';
