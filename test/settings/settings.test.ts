import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength, ValidateNested } from 'class-validator';
import { describe, expect, test } from 'vitest';
import {
  Controller, Env, Get, Milliseconds, Injectable, Property, Secret, Settings, SettingsError, createApp, loadSettings, settingsProvider,
} from '@decorumjs/decorum';
import { quiet, serve } from '../security/serve.js';

enum LogLevel { Debug = 'debug', Info = 'info' }

class DatabaseSettings {
  @IsUrl({ protocols: ['postgres'], require_tld: false }) url!: string;
  @IsInt() @Min(1) @Max(100) poolSize = 10;
  @Secret() @IsString() @IsOptional() password?: string;
}

@Settings({ prefix: 'APP_' })
class AppSettings {
  @IsInt() @Min(1) @Max(65535) port = 8000;
  @IsBoolean() debug = false;
  @IsUrl({ require_tld: false }) publicUrl!: string;
  @Secret() @IsString() @MinLength(32) jwtSecret!: string;
  @Property({ type: [String] }) @IsString({ each: true }) allowedHosts: string[] = ['localhost'];
  @Property({ type: [Number] }) @IsInt({ each: true }) ports: number[] = [];
  @Milliseconds() tokenTtl = 15 * 60_000;
  @IsEnum(LogLevel) logLevel = LogLevel.Info;
  @Env('SERVICE_NAME') @IsString() name = 'inventory';
  @ValidateNested() @Type(() => DatabaseSettings) db!: DatabaseSettings;
}

const GOOD = {
  APP_PUBLIC_URL: 'http://localhost:8000', APP_JWT_SECRET: 's'.repeat(32), APP_DB__URL: 'postgres://db:5432/app',
};

describe('loadSettings', () => {
  test('reads prefixed variables, coerced like query values, with defaults for the rest', () => {
    const settings = loadSettings(AppSettings, { env: {
      ...GOOD, APP_PORT: '9000', app_debug: 'yes', APP_ALLOWED_HOSTS: 'a.example.com, b.example.com', APP_PORTS: '[80, 443]',
      APP_TOKEN_TTL: '2h', APP_LOG_LEVEL: 'debug', APP_SERVICE_NAME: 'billing', APP_DB__POOL_SIZE: '20',
    } });
    expect(settings).toBeInstanceOf(AppSettings);
    expect({ ...settings, db: { ...settings.db } }).toEqual({
      port: 9000, debug: true, publicUrl: 'http://localhost:8000', jwtSecret: 's'.repeat(32),
      allowedHosts: ['a.example.com', 'b.example.com'], ports: [80, 443], tokenTtl: 7_200_000, logLevel: LogLevel.Debug,
      name: 'billing', db: { url: 'postgres://db:5432/app', poolSize: 20 },
    });
    expect(settings.db).toBeInstanceOf(DatabaseSettings);
    const defaults = loadSettings(AppSettings, { env: GOOD });
    expect(defaults).toMatchObject({ port: 8000, debug: false, allowedHosts: ['localhost'], tokenTtl: 900_000, name: 'inventory' });
  });

  test('ONE error lists every bad or missing variable and what it expects; secrets never show', () => {
    let error: unknown;
    try {
      loadSettings(AppSettings, { env: {
        APP_PORT: 'eighty', APP_DEBUG: 'maybe', APP_JWT_SECRET: 'short-secret', APP_PORTS: '80,x', APP_TOKEN_TTL: 'soon',
        APP_DB__URL: 'mysql://db', APP_DB__PASSWORD: 'hunter2', APP_DB__POOL_SIZE: '500',
      } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SettingsError);
    const { issues, message } = error as SettingsError;
    expect(issues.map((i) => i.variable).sort()).toEqual([
      'APP_DB__POOL_SIZE', 'APP_DB__URL', 'APP_DEBUG', 'APP_JWT_SECRET', 'APP_PORT', 'APP_PORTS', 'APP_PUBLIC_URL', 'APP_TOKEN_TTL',
    ]);
    expect(message).toMatch(/^DECORUM_ERR_SETTINGS_INVALID: AppSettings: 8 invalid settings/);
    expect(message).toContain('APP_PORT: Input should be an integer (expects integer; got "eighty")');
    expect(message).toContain('APP_PUBLIC_URL: Field required (expects string)');
    expect(message).toContain('APP_TOKEN_TTL: Input should be a duration (expects a duration (500ms, 30s, 15m, 2h, 7d); got "soon")');
    expect(message).toMatch(/APP_JWT_SECRET: .*32.*got "\*{10}"/);
    expect(message).not.toContain('short-secret');
    expect(message).not.toContain('hunter2');
  });

  test('secrets are redacted in JSON and console output but usable in code', () => {
    const settings = loadSettings(AppSettings, { env: { ...GOOD, APP_DB__PASSWORD: 'hunter2' } });
    expect(settings.jwtSecret).toBe('s'.repeat(32));
    expect(settings.db.password).toBe('hunter2');
    const json = JSON.stringify(settings);
    expect(JSON.parse(json)).toMatchObject({ jwtSecret: '**********', db: { password: '**********', url: 'postgres://db:5432/app' }, port: 8000 });
    expect(inspect(settings, { depth: 5 })).not.toContain('hunter2');
    expect(inspect(settings)).not.toContain('s'.repeat(32));
  });

  test('a .env file fills what the environment does not set; real variables win', () => {
    const dir = mkdtempSync(join(tmpdir(), 'decorum-settings-'));
    const file = join(dir, '.env');
    writeFileSync(file, [
      '# local development', 'APP_PORT=7000', `APP_JWT_SECRET="${'f'.repeat(32)}"`, 'APP_PUBLIC_URL=http://localhost:7000',
      'APP_DB__URL=postgres://localhost/dev', "APP_ALLOWED_HOSTS='x.test,y.test'",
    ].join('\n'));
    const settings = loadSettings(AppSettings, { env: { APP_PORT: '7100' }, envFile: file });
    expect(settings).toMatchObject({ port: 7100, jwtSecret: 'f'.repeat(32), allowedHosts: ['x.test', 'y.test'] });
    // A missing file is no error: production sets real variables.
    expect(loadSettings(AppSettings, { env: GOOD, envFile: join(dir, 'absent.env') }).port).toBe(8000);
  });
});

describe('settings in an app', () => {
  @Injectable()
  class Greeter {
    constructor(private readonly settings: AppSettings) {}
    greet() { return { name: this.settings.name, port: this.settings.port, ttl: this.settings.tokenTtl }; }
  }
  @Controller()
  class Info {
    constructor(private readonly greeter: Greeter) {}
    @Get('info') info() { return this.greeter.greet(); }
  }

  test('injected anywhere by class, loaded once at bootstrap', async () => {
    const { json } = await serve({ controllers: [Info], providers: [settingsProvider(AppSettings, { env: { ...GOOD, APP_PORT: '9100' } })] });
    expect((await json('/info')).body).toEqual({ name: 'inventory', port: 9100, ttl: 900_000 });
  });

  test('bad settings stop the app before it listens, with the one error', async () => {
    const app = createApp({ ...quiet, controllers: [Info], providers: [settingsProvider(AppSettings, { env: {} })] });
    await expect(app.listen(0, '127.0.0.1')).rejects.toThrow(/APP_PUBLIC_URL: Field required[\s\S]*APP_JWT_SECRET: Field required/);
  });

  test('overridden in tests', async () => {
    const testSettings = loadSettings(AppSettings, { env: { ...GOOD, APP_SERVICE_NAME: 'under-test' } });
    const { json } = await serve({ controllers: [Info], providers: [settingsProvider(AppSettings, { env: {} })] },
      (app) => app.override(AppSettings, { useValue: testSettings }));
    expect((await json('/info')).body).toMatchObject({ name: 'under-test' });
  });
});
