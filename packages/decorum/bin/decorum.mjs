#!/usr/bin/env node
// `decorum` for apps that install only the umbrella package: the command lives in @decorumjs/cli.
await import('@decorumjs/cli/bin');
