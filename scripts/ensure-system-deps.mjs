// The browser tests drive Debian's Chromium (a test tool's own browser download cannot run here).
// Installs it with apt-get when missing and we may; otherwise says exactly what to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`Chromium is needed for the docs browser tests and is not at ${CHROMIUM}.\n` +
      'Install it with: sudo apt-get update && sudo apt-get install -y chromium (or set CHROMIUM_PATH).');
    process.exit(1);
  }
  console.log('Installing Chromium for the docs browser tests (apt-get, once)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
}
