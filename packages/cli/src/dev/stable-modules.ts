/**
 * The modules a standby process may load before a save: those outside every watched directory
 * (dependencies, linked workspace packages that are not watched), whose code a save cannot change.
 * The app's own files are left out, so the standby loads them fresh when it is told to serve.
 */
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export function stableModules(loaded: string[], watchedRoots: string[]): string[] {
  const inside = (file: string): boolean => watchedRoots.some((root) => file === root || file.startsWith(root.endsWith(sep) ? root : root + sep));
  return [...new Set(loaded)].filter((url) => url.startsWith('file:') && !inside(fileURLToPath(url)));
}
