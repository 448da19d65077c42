/**
 * class-transformer, loaded with `require`. An ES module `import` of a CommonJS package makes Node
 * lex the package's index and every file it re-exports to learn their names, which at start-up costs
 * class-transformer twice what running it does. Same module instance either way (one CommonJS cache),
 * so the storage the app's `@Type` writes to is the one read here.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const { plainToInstance } = require('class-transformer') as typeof import('class-transformer');
// class-transformer has no exports map; its CommonJS storage module is the documented way to reach @Type.
export const { defaultMetadataStorage } = require('class-transformer/cjs/storage.js') as typeof import('class-transformer/cjs/storage.js');
