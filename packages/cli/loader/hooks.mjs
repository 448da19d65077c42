// Node module hooks: `.ts` files outside node_modules are transpiled by SWC with legacy decorators
// and `design:*` metadata; `./x.js` specifiers fall back to `./x.ts` (TypeScript's NodeNext style).
// Plain JavaScript on purpose: it has to run before anything can be transpiled.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { formatSwcError } from './swc-error.mjs';
import { SWC_OPTIONS as BASE_OPTIONS } from './swc-options.mjs';
import { cacheKey, readCached, writeCached } from './transpile-cache.mjs';

const SWC_OPTIONS = { ...BASE_OPTIONS, sourceMaps: 'inline' };

/** Export conditions added to every resolution (`register(..., { data: { conditions } })`). */
let extraConditions = [];
/** Where to report each loaded module's URL (see `loadedModules` in install.mjs), when asked to. */
let loadedPort;
/** Loaded on first use: processes that run only JavaScript, or only cached output, never load SWC. */
let swc;
let swcPromise;
/** Part of every cache key: a different SWC version or option set must transpile again. */
const OPTIONS_KEY = `${createRequire(import.meta.url)('@swc/core/package.json').version} ${JSON.stringify(SWC_OPTIONS)}`;

export function initialize(data) {
  extraConditions = Array.isArray(data?.conditions) ? data.conditions : [];
  loadedPort = data?.loadedPort;
}

export async function resolve(specifier, context, nextResolve) {
  const conditions = extraConditions.length ? [...context.conditions, ...extraConditions] : context.conditions;
  const resolved = await resolveTsFallback(specifier, { ...context, conditions }, nextResolve);
  // A source condition only makes sense for linked workspace packages: an installed package's
  // TypeScript sources cannot be loaded (Node refuses to transpile inside node_modules), so use its dist.
  if (extraConditions.length && isInstalledTypeScript(resolved.url)) {
    return resolveTsFallback(specifier, context, nextResolve);
  }
  return resolved;
}

async function resolveTsFallback(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND' && /^\.{1,2}\//.test(specifier) && specifier.endsWith('.js')) {
      return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
    }
    throw error;
  }
}

function isInstalledTypeScript(url) {
  return url.startsWith('file:') && url.includes('/node_modules/') && /\.[mc]?ts$/.test(url);
}

export async function load(url, context, nextLoad) {
  loadedPort?.postMessage(url);
  if (!url.startsWith('file:') || !/\.[mc]?ts$/.test(url) || url.includes('/node_modules/')) {
    return nextLoad(url, context);
  }
  const filename = fileURLToPath(url);
  const source = await readFile(filename, 'utf8');
  const format = url.endsWith('.cts') ? 'commonjs' : 'module';
  const key = cacheKey(source, filename, OPTIONS_KEY);
  const cached = readCached(key);
  if (cached !== undefined) return { format, source: cached, shortCircuit: true };
  swc ??= await (swcPromise ??= import('@swc/core').then((m) => m.default ?? m));
  let code;
  try {
    // Synchronous: hooks run on their own thread, and the async API only adds scheduling overhead here.
    ({ code } = swc.transformSync(source, { ...SWC_OPTIONS, filename }));
  } catch (error) {
    // SWC's raw message is a Rust report with a backtrace; keep the file:line:column and the code frame.
    const syntaxError = new SyntaxError(formatSwcError(error, filename));
    syntaxError.stack = `SyntaxError: ${syntaxError.message}`;
    throw syntaxError;
  }
  writeCached(key, code);
  return { format, source: code, shortCircuit: true };
}
