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

/**
 * Files that editors and tools write beside a source file while saving it, which are never the app's
 * source: seeing them would restart the app for a file that is gone a moment later (or twice per save).
 */
const EDITOR_NOISE: readonly RegExp[] = [
  /^sed[A-Za-z0-9]{6}$/, // `sed -i` writes the new text to sedXXXXXX, then renames it over the file
  /\.sw[a-p]x?$/, // vim's swap files (.swp, .swo, … and .swx)
  /^4913$/, // vim's probe that the directory is writable
  /~$/, // backups: vim, emacs, nano, gedit
  /^#.*#$/, // emacs auto-save
  /^\.#/, // emacs lock files
  /___jb_(?:tmp|old)___$/, // JetBrains "safe write"
  /\.(?:tmp|temp|vsctmp|crswap|kate-swp|orig|rej)$/i, // VS Code, Chrome's file system access, Kate, patch
  /^\.goutputstream-/, // gedit and other GLib editors
  /^\.DS_Store$/, // macOS Finder
];

/**
 * Coalesces a burst of changes (a save that touches several files, a formatter, a `git checkout`, a temp
 * file and its rename) into one restart: the restart waits until the project has been quiet this long.
 * Short enough not to be felt; long enough for a burst's events, which chokidar reports over tens of ms.
 */
const SETTLE_MS = 100;

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
  return inside.split(sep).some((part) => IGNORED_DIRS.has(part)) || isEditorNoise(basename(path));
}

function isEditorNoise(name: string): boolean {
  return EDITOR_NOISE.some((pattern) => pattern.test(name));
}
