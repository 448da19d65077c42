/**
 * jose, imported on first use. Its some fifty modules cost start-up time in every app that serves the
 * umbrella package, and most apps never sign or verify a token; those that do pay once, at the first.
 */
type Jose = typeof import('jose');

let jose: Promise<Jose> | undefined;

export function loadJose(): Promise<Jose> {
  return (jose ??= import('jose'));
}
