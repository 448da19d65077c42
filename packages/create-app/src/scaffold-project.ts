/**
 * Writes a new Decorum project from the template shipped beside this package (`template/`, real files,
 * copied as they are) into a directory of its own, outside any monorepo.
 */
import { cp, mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errors } from './errors.js';

export interface ScaffoldOptions {
  /** Where to write the project; created when missing. */
  directory: string;
  /** The package name; defaults to the directory's name. */
  name?: string;
  /** Write into a directory that already has files (template files overwrite theirs). */
  force?: boolean;
}

export interface ScaffoldResult {
  directory: string;
  name: string;
  /** The files written, relative to `directory`, sorted. */
  files: string[];
}

/** The template, the same relative place from src/ and dist/. */
const TEMPLATE_DIR = fileURLToPath(new URL('../template/', import.meta.url));
const OWN_MANIFEST = new URL('../package.json', import.meta.url);
/** npm strips `.gitignore` from published tarballs, so the template ships it under another name. */
const RENAMED: Record<string, string> = { _gitignore: '.gitignore' };
/** Template files that say the project's name, as `{{name}}`. */
const NAMED_FILES = ['README.md', 'src/main.ts'];
/** npm's rule for new package names: lowercase, URL-safe, at most 214 characters. */
const PACKAGE_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

export async function scaffoldProject(options: ScaffoldOptions): Promise<ScaffoldResult> {
  const directory = resolve(options.directory);
  const name = options.name ?? basename(directory);
  if (!PACKAGE_NAME.test(name) || name.length > 214) throw errors.badName(name);
  await prepareDirectory(directory, options.force === true);

  await cp(TEMPLATE_DIR, directory, { recursive: true, force: true });
  for (const [shipped, real] of Object.entries(RENAMED)) {
    await rename(join(directory, shipped), join(directory, real)).catch(ignoreMissing);
  }
  await writeManifest(join(directory, 'package.json'), name);
  for (const file of NAMED_FILES) await replaceInFile(join(directory, file), '{{name}}', name);

  const files = (await listFiles(TEMPLATE_DIR)).map((file) => RENAMED[file] ?? file).sort();
  return { directory, name, files };
}

async function prepareDirectory(directory: string, force: boolean): Promise<void> {
  const existing = await stat(directory).catch(ignoreMissing);
  if (!existing) {
    await mkdir(directory, { recursive: true });
    return;
  }
  if (!existing.isDirectory()) throw errors.notADirectory(directory);
  if (!force && (await readdir(directory)).length > 0) throw errors.notEmpty(directory);
}

/** The project's name, and every `@decorumjs/*` dependency at this scaffolder's version (they release together). */
async function writeManifest(path: string, name: string): Promise<void> {
  const { version } = JSON.parse(await readFile(OWN_MANIFEST, 'utf8')) as { version: string };
  const manifest = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  manifest['name'] = name;
  for (const field of ['dependencies', 'devDependencies']) {
    const deps = manifest[field] as Record<string, string> | undefined;
    for (const dep of Object.keys(deps ?? {})) {
      if (dep.startsWith('@decorumjs/')) deps![dep] = `^${version}`;
    }
  }
  await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`);
}

async function replaceInFile(path: string, placeholder: string, value: string): Promise<void> {
  const text = await readFile(path, 'utf8');
  await writeFile(path, text.replaceAll(placeholder, value));
}

async function listFiles(root: string, dir = root): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? listFiles(root, join(dir, entry.name)) : [relative(root, join(dir, entry.name))])),
  );
  return nested.flat();
}

function ignoreMissing(error: unknown): undefined {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  throw error;
}
