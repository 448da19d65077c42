#!/usr/bin/env node
// `npm create @decorumjs/app <dir>` / `npx @decorumjs/create-app <dir>`: writes a new Decorum project.
await import('../dist/main.js');
