/**
 * Turns an error thrown while loading or starting an app into something a person can act on: where
 * it happened (file:line:column of their code, source-mapped) and what went wrong, without Node's
 * and Decorum's own frames.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface StartupFailure {
  kind: 'compile' | 'startup' | 'port-in-use';
  /** One line: what went wrong. */
  message: string;
  /** Absolute `file:line:column` (or `file:line`) in the app's code, when known. */
  location?: string;
  /** A code frame (compile errors) or the app's stack frames (start-up errors). */
  detail?: string;
  port?: number;
  host?: string;
}

export function describeFailure(error: unknown): StartupFailure {
  const err = error instanceof Error ? error : new Error(String(error));
  const { code, port, address } = err as { code?: unknown; port?: unknown; address?: unknown };
  if (code === 'EADDRINUSE') {
    return {
      kind: 'port-in-use',
      message: `port ${String(port)} is already in use on ${String(address)}`,
      port: typeof port === 'number' ? port : undefined,
      host: typeof address === 'string' ? address : undefined,
    };
  }
  if (err.name === 'CliError') return { kind: 'startup', message: err.message };
  const compile = /^(\/[^\n]*?:\d+:\d+): ([^\n]*)\n?([\s\S]*)$/.exec(err.message);
  if (err.name === 'SyntaxError' && compile) {
    return { kind: 'compile', location: compile[1], message: `SyntaxError: ${compile[2]}`, detail: compile[3] || undefined };
  }
  const frames = appFrames(err.stack ?? '');
  const linked = linkErrorLocation(err.stack ?? '');
  return {
    kind: 'startup',
    message: `${err.name}: ${err.message.split('\n')[0]}`,
    location: linked ?? frames[0],
    detail: frames.length > 1 ? frames.slice(0, 6).map((f) => `at ${f}`).join('\n') : undefined,
  };
}

/** `file:line:column` of each stack frame that is the app's own code. */
function appFrames(stack: string): string[] {
  const frames: string[] = [];
  for (const line of stack.split('\n')) {
    const match = /^\s+at (?:.*? \()?((?:file:\/\/)?\/[^()]*?):(\d+):(\d+)\)?$/.exec(line);
    if (!match?.[1]) continue;
    const file = match[1].startsWith('file:') ? fileURLToPath(match[1]) : match[1];
    if (isFrameworkFile(file)) continue;
    frames.push(`${file}:${match[2]}:${match[3]}`);
  }
  return frames;
}

/** Decorum's own files (installed or linked from a workspace) and other dependencies are not the app's. */
function isFrameworkFile(file: string): boolean {
  if (file.includes('/node_modules/')) return true;
  const name = packageNameOf(dirname(file));
  return name?.startsWith('@decorumjs/') === true;
}

const packageNames = new Map<string, string | undefined>();

function packageNameOf(dir: string): string | undefined {
  if (packageNames.has(dir)) return packageNames.get(dir);
  let name: string | undefined;
  try {
    name = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name ?? '';
  } catch {
    name = dirname(dir) === dir ? undefined : packageNameOf(dirname(dir));
  }
  packageNames.set(dir, name);
  return name;
}

/**
 * Node reports ES module link errors ("does not provide an export named …") with the location as the
 * first line of the stack (`file:///app/src/main.ts:2`) rather than as a frame.
 */
function linkErrorLocation(stack: string): string | undefined {
  const match = /^(file:\/\/\S+):(\d+)\n/.exec(stack);
  return match?.[1] ? `${fileURLToPath(match[1])}:${match[2]}` : undefined;
}
