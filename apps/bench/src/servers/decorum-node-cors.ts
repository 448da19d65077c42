/**
 * Decorum on node:http with `cors()` installed, as an API serving a browser app is. The bench's requests
 * carry no `Origin` (same-origin and server-to-server traffic) unless run with `--origin`, which sends
 * one on every request, as a browser on another origin does.
 */
import { cors } from '@decorumjs/decorum';
import { startWith } from './decorum-node.js';

export const ALLOWED_ORIGIN = 'https://app.example.com';

export const start = startWith([cors({ allowOrigins: [ALLOWED_ORIGIN] })]);
