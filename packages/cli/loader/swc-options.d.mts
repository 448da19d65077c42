import type { Options } from '@swc/core';

/** SWC's options for Decorum apps: legacy decorators with `design:*` metadata, ES modules, ES2022. */
export const SWC_OPTIONS: Options;
