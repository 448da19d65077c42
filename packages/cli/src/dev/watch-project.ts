/**
 * Watches a project for saves and calls back once per burst of changes. chokidar rather than
 * `fs.watch({ recursive: true })` or `node --watch`: on Node 20 those stop seeing a file after an
 * editor saves it atomically (writes a temp file, renames it over the original).
 */
import { watch, type FSWatcher } from 'chokidar';
import { existsSync } from 'node:fs';
import { basename, sep } from 'node:path';

/** Directories that never hold the app's source: dependencies, build output, version control. */
const IGNORED_DIRS = new Set(['node_modules', 'dist', '.git']);

/** Editors' swap, backup, lock and probe files, which are not saves (vim, emacs, JetBrains, macOS). */
const EDITOR_NOISE = /(?:\.sw[a-p]x?|~|___jb_(?:tmp|old)___|\.DS_Store)$|^\.#|^4913$/;

/** Coalesces a save that touches several files (or a temp file and a rename) into one restart. */
const SETTLE_MS = 50;

export interface ProjectWatcher {
  close(): Promise<void>;
}

export async function watchProject(roots: string[], onChange: (path: string) => void): Promise<ProjectWatcher> {
  const watcher: FSWatcher = watch(roots, { ignoreInitial: true, ignored: (path) => isIgnored(path, roots) });
  let timer: NodeJS.Timeout | undefined;
  /** Paths changed in this burst, with whether the burst created them. */
  let burst = new Map<string, { added: boolean }>();
  watcher.on('all', (event, path) => {
    burst.set(path, { added: burst.get(path)?.added ?? (event === 'add' || event === 'addDir') });
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = meaningfulChange(burst);
      burst = new Map();
      if (changed) onChange(changed);
    }, SETTLE_MS);
  });
  await new Promise<void>((resolve, reject) => {
    watcher.once('ready', () => resolve());
    watcher.once('error', reject);
  });
  return {
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}

/**
 * The path to report for a burst, or undefined when nothing in it lasted: a file created and gone
 * again within the burst is an editor's or tool's temp file (written, then renamed over the source).
 */
function meaningfulChange(burst: Map<string, { added: boolean }>): string | undefined {
  const lasting = [...burst].filter(([path, { added }]) => !added || existsSync(path)).map(([path]) => path);
  return lasting.find((path) => existsSync(path)) ?? lasting[0];
}

function isIgnored(path: string, roots: string[]): boolean {
  // Judged below the watched root, so a project that itself lives under a `dist` folder still works.
  const root = roots.find((r) => path === r || path.startsWith(r + sep));
  const inside = root === undefined ? path : path.slice(root.length);
  return inside.split(sep).some((part) => IGNORED_DIRS.has(part)) || EDITOR_NOISE.test(basename(path));
}
