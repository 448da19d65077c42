/**
 * `decorum build`: compiles the app's TypeScript to JavaScript with SWC — legacy decorators and the
 * `design:*` metadata Decorum reads, as under `decorum dev` — mirroring the source folder into the
 * output folder, with a source map beside each file. JavaScript and JSON files in the source folder are
 * copied; tests and declaration files are left out. Types are not checked here (see type-check.ts).
 */
import type { Options } from '@swc/core';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { SWC_OPTIONS } from '../../loader/swc-options.mjs';
import { formatSwcError } from '../../loader/swc-error.mjs';
import { isInside, isTestOrDeclaration, isTypeScript, outputPathOf, shownPath } from '@decorumjs/decorum/runner';
import { commandErrors } from '../errors.js';

export interface BuildOptions {
  /** The project (its package.json's folder). */
  root: string;
  /** The folder to compile (see `sourceDirOf`). */
  sourceDir: string;
  outDir: string;
}

export interface BuildResult {
  compiled: number;
  copied: number;
}

/** Folders never compiled, wherever they are. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
/** Copied as they are, so that an app's `import data from './data.json' with { type: 'json' }` still works. */
const COPIED = /\.(m?js|cjs|json)$/;

export async function compileProject({ root, sourceDir, outDir }: BuildOptions): Promise<BuildResult> {
  if (outDir === root || outDir === sourceDir || isInside(sourceDir, outDir)) {
    throw commandErrors.outDirOverlapsSources(shownPath(outDir));
  }
  const files = await listSources(sourceDir, outDir);
  // Files of an earlier build whose source is gone must not be served: start from an empty folder.
  if (isInside(outDir, root)) await rm(outDir, { recursive: true, force: true });
  const swc = (await import('@swc/core')).default;
  const result: BuildResult = { compiled: 0, copied: 0 };
  await Promise.all(
    files.map(async (file) => {
      const out = outputPathOf(file, sourceDir, outDir);
      await mkdir(dirname(out), { recursive: true });
      if (!isTypeScript(file)) {
        await copyFile(file, out);
        result.copied++;
        return;
      }
      const source = await readFile(file, 'utf8');
      const options: Options = {
        ...SWC_OPTIONS,
        filename: file,
        sourceMaps: true,
        sourceFileName: relative(dirname(out), file),
        module: { type: file.endsWith('.cts') ? 'commonjs' : 'es6' },
      };
      const { code, map } = await swc.transform(source, options).catch((error: unknown) => {
        throw commandErrors.syntaxError(formatSwcError(error, file));
      });
      await writeFile(out, `${code}\n//# sourceMappingURL=${basename(out)}.map\n`);
      if (map) await writeFile(`${out}.map`, map);
      result.compiled++;
    }),
  );
  await markAsModules(root, outDir);
  return result;
}

async function listSources(dir: string, outDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name) || entry.name.startsWith('.') || path === outDir) continue;
      found.push(...(await listSources(path, outDir)));
    } else if (entry.isFile() && (isTypeScript(path) || COPIED.test(path)) && !isTestOrDeclaration(path)) {
      found.push(path);
    }
  }
  return found;
}

/**
 * The output is ES modules, as the loader runs `.ts` files under `decorum dev`. In a project whose
 * package.json does not say `"type": "module"`, Node would read `.js` files as CommonJS, so the output
 * folder gets a package.json that says it (only then: it would hide the project's `imports` field).
 */
async function markAsModules(root: string, outDir: string): Promise<void> {
  const manifest = join(root, 'package.json');
  const type = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: unknown }).type : undefined;
  if (type !== 'module') await writeFile(join(outDir, 'package.json'), `${JSON.stringify({ type: 'module' })}\n`);
}
