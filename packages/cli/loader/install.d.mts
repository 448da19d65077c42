export interface TypeScriptLoaderOptions {
  /** Resolve linked workspace packages to their TypeScript sources (the `decorum-source` condition). */
  sourceCondition?: boolean;
}

/** Installs the SWC TypeScript loader in the running process, once. */
export function installTypeScriptLoader(options?: TypeScriptLoaderOptions): void;

/** URLs of the modules loaded through the ES module loader so far, in load order. */
export function loadedModules(): string[];
