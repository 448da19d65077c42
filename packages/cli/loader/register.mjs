// Registers the TypeScript loader: `node --import @decorumjs/cli/register app.ts`.
// SWC transpiles with decorator metadata (esbuild and tsx drop it, which breaks parameter types).
import { installTypeScriptLoader } from './install.mjs';

installTypeScriptLoader();
