/**
 * Where `decorum build` puts each file, and so where `decorum start` finds the app: the entry's
 * top-level folder (`src/` for `src/main.ts`, the project itself for `main.ts`) is mirrored into the
 * output folder, `.ts` becoming `.js` (`.mts` → `.mjs`, `.cts` → `.cjs`). `src/main.ts` → `dist/main.js`.
 */
import { isAbsolute, join, relative, sep } from 'node:path';

export const DEFAULT_OUT_DIR = 'dist';

/** The folder `decorum build` compiles for `entry`: its first folder under `root`, else `root`. */
export function sourceDirOf(entry: string, root: string): string {
  const [first, ...rest] = relative(root, entry).split(sep);
  return rest.length > 0 && first && first !== '..' ? join(root, first) : root;
}

/** The compiled file for `source` (a file under `sourceDir`). */
export function outputPathOf(source: string, sourceDir: string, outDir: string): string {
  return join(outDir, relative(sourceDir, source)).replace(/\.([mc]?)ts$/, (_, kind: string) => `.${kind}js`);
}

/** The compiled entry `decorum build` writes for the TypeScript entry `entry` of the project at `root`. */
export function builtEntryOf(entry: string, root: string, outDir = DEFAULT_OUT_DIR): string {
  return outputPathOf(entry, sourceDirOf(entry, root), isAbsolute(outDir) ? outDir : join(root, outDir));
}

export function isTypeScript(file: string): boolean {
  return /\.[mc]?ts$/.test(file) && !/\.d\.[mc]?ts$/.test(file);
}

/** Files that are not part of the app: tests and declarations. */
export function isTestOrDeclaration(file: string): boolean {
  return /\.(test|spec)\.[mc]?[jt]sx?$/.test(file) || /\.d\.[mc]?ts$/.test(file) || file.split(sep).includes('__tests__');
}

export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
