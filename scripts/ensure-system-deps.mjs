// Test tools from Debian that a registry package cannot bring: Chromium drives the docs browser tests
// (a test tool's own browser download cannot run here), redis-server backs the shared rate-limit tests.
// Installs what is missing with apt-get when we may; otherwise says exactly what to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NEEDED = [
  { path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', pkg: 'chromium', why: 'the docs browser tests' },
  { path: process.env.DECORUM_REDIS_SERVER ?? '/usr/bin/redis-server', pkg: 'redis-server', why: 'the Redis rate-limit tests' },
];

const missing = NEEDED.filter((tool) => !existsSync(tool.path));
if (missing.length > 0) {
  const packages = missing.map((tool) => tool.pkg);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    for (const tool of missing) console.error(`${tool.pkg} is needed for ${tool.why} and is not at ${tool.path}.`);
    console.error(`Install with: sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`);
    process.exit(1);
  }
  console.log(`Installing ${packages.join(', ')} for the tests (apt-get, once)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
}
