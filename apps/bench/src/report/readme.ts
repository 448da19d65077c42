/** Replaces a results section of the bench README with the latest run; the rest is left as written. */
import { readFileSync, writeFileSync } from 'node:fs';

/** `name` is the marked block: `results` (wall clock under load), `instructions` (callgrind counts), `startup` or `websocket`. */
export function writeReadmeResults(file: string, section: string, name: 'results' | 'instructions' | 'startup' | 'websocket' = 'results'): void {
  const START = `<!-- bench:${name}:start -->`;
  const END = `<!-- bench:${name}:end -->`;
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start === -1 || end < start) throw new Error(`${file} has no ${START} … ${END} section`);
  writeFileSync(file, `${text.slice(0, start + START.length)}\n${section.trim()}\n${text.slice(end)}`);
}
