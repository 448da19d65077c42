import { afterEach, expect, test } from 'vitest';
import { loadSettings, settingsProvider } from '@decorumjs/decorum';
import { listen } from '../security/serve.js';

const saved = { ...process.env };
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
});

test('the README settings example: read from the environment at bootstrap, injected, overridable', async () => {
  Object.assign(process.env, { APP_JWT_SECRET: 'x'.repeat(32), APP_DB__URL: 'postgres://db/app', APP_DEBUG: 'yes', APP_TOKEN_TTL: '2h' });
  const { app, AppSettings } = await import('./readme/settings-app.js');
  const { json } = await listen(app);
  expect((await json('/info')).body).toEqual({ debug: true, ttl: 7_200_000, db: 10 });
  // In a test: the settings you want, without touching the environment.
  const testing = loadSettings(AppSettings, { env: { APP_JWT_SECRET: 'y'.repeat(32), APP_DB__URL: 'postgres://t/t' }, envFile: false });
  expect(testing.debug).toBe(false);
  expect(settingsProvider(AppSettings, { env: {} })).toMatchObject({ provide: AppSettings });
});

test('the README settings error is the one the example gives', async () => {
  const { AppSettings } = await import('./readme/settings-app.js');
  const readme = (await import('node:fs')).readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const shown = /```text\n(DECORUM_ERR_SETTINGS_INVALID[\s\S]*?)\n```/.exec(readme)?.[1];
  expect(shown).toMatch(/^DECORUM_ERR_SETTINGS_INVALID: AppSettings: 3 invalid/);
  expect(() => loadSettings(AppSettings, { env: { APP_PORT: 'eighty', APP_JWT_SECRET: 'short' }, envFile: false })).toThrow(shown);
});
