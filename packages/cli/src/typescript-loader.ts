/**
 * Lets this process import TypeScript (with decorator metadata) when it loads an app in-process
 * (`decorum openapi`; never `decorum start`, which runs compiled JavaScript). The `decorum` bin has already installed it
 * when the CLI runs from source; installing twice is a no-op. The loader itself is plain JavaScript
 * in ../loader, so it can run before anything is transpiled.
 */
export { installTypeScriptLoader } from '../loader/install.mjs';
