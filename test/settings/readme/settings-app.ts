// The README's "Settings" example, verbatim: test/settings/readme.test.ts runs it.
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsString, IsUrl, Max, Min, MinLength, ValidateNested } from 'class-validator';
import { Controller, Get, Milliseconds, Property, Secret, Settings, createApp, settingsProvider } from '@decorumjs/decorum';

class DatabaseSettings {
  @IsUrl({ protocols: ['postgres'], require_tld: false }) url!: string;       // APP_DB__URL (required)
  @IsInt() @Min(1) poolSize = 10;                                              // APP_DB__POOL_SIZE
}

@Settings({ prefix: 'APP_', envFile: '.env' })
export class AppSettings {
  @IsInt() @Min(1) @Max(65535) port = 8000;                                    // APP_PORT=9000
  @IsBoolean() debug = false;                                                  // APP_DEBUG=yes
  @Secret() @IsString() @MinLength(32) jwtSecret!: string;                     // APP_JWT_SECRET (required, redacted)
  @Property({ type: [String] }) @IsString({ each: true }) corsOrigins: string[] = [];  // APP_CORS_ORIGINS=a,b or ["a","b"]
  @Milliseconds() tokenTtl = 15 * 60_000;                                          // APP_TOKEN_TTL=2h → 7200000
  @ValidateNested() @Type(() => DatabaseSettings) db!: DatabaseSettings;
}

@Controller()
class InfoController {
  constructor(private readonly settings: AppSettings) {}                       // injected anywhere, by class
  @Get('info') info() { return { debug: this.settings.debug, ttl: this.settings.tokenTtl, db: this.settings.db.poolSize }; }
}

export const app = createApp({ controllers: [InfoController], providers: [settingsProvider(AppSettings)] });
