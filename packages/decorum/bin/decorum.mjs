#!/usr/bin/env node
// `decorum` for apps that install only the umbrella package: the command lives in @decorum/cli.
await import('@decorum/cli/bin');
