/** @decorumjs/platform-express: Decorum's routes as an Express router, in your app or its own. */
export { ExpressAdapter, type ExpressAdapterOptions } from './express-adapter.js';
