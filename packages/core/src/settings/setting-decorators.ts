/**
 * What a settings class says about its properties besides class-validator's rules: which variable a
 * property reads when its name does not say it, which values are secrets, which strings are durations.
 */
import { IsInt, Min } from 'class-validator';

export interface SettingsClassOptions {
  /** Prepended to every variable name: `APP_` makes `port` read `APP_PORT`. */
  prefix?: string;
  /**
   * A `.env` file read after the environment (real variables win), as pydantic-settings' `env_file`.
   * A missing file is no error. Relative paths are from the working directory.
   */
  envFile?: string;
  /** Separates a nested group from its variables: `db` + `url` read `APP_DB__URL`. Default `__`. */
  nestedDelimiter?: string;
}

interface PropertyMarks {
  env?: string;
  secret?: boolean;
  duration?: boolean;
}

const classOptions = new WeakMap<object, SettingsClassOptions>();
const marks = new WeakMap<object, Map<string, PropertyMarks>>();

/**
 * Marks a class as settings loaded from the environment (FastAPI's `BaseSettings`).
 * @example
 * @Settings({ prefix: 'APP_', envFile: '.env' })
 * class AppSettings { @IsInt() @Min(1) port = 8000; @Secret() @IsString() jwtSecret!: string; }
 */
export function Settings(options: SettingsClassOptions = {}): ClassDecorator {
  return (target) => {
    classOptions.set(target, options);
  };
}

/** The variable this property reads, instead of its name in SCREAMING_SNAKE_CASE (the prefix still applies). */
export function Env(name: string): PropertyDecorator {
  return (target, key) => mark(target, key, { env: name });
}

/** A secret (a password, a signing key): its value never appears in logs, errors or `JSON.stringify`. */
export function Secret(): PropertyDecorator {
  return (target, key) => mark(target, key, { secret: true });
}

/**
 * A duration setting in milliseconds (named apart from the `Duration` type, which is seconds as pydantic's
 * `timedelta`), written `500ms`, `30s`, `15m`, `2h`, `7d` or as plain milliseconds; also
 * checked to be a whole number ≥ 0.
 */
export function Milliseconds(): PropertyDecorator {
  return (target, key) => {
    mark(target, key, { duration: true });
    IsInt()(target, key as string);
    Min(0)(target, key as string);
  };
}

export function readSettingsOptions(cls: object): SettingsClassOptions {
  return classOptions.get(cls) ?? {};
}

export function readPropertyMarks(cls: { prototype: object }, property: string): PropertyMarks {
  return marks.get(cls.prototype)?.get(property) ?? {};
}

function mark(target: object, key: string | symbol, value: PropertyMarks): void {
  if (typeof key !== 'string') return;
  const byProperty = marks.get(target) ?? new Map<string, PropertyMarks>();
  marks.set(target, byProperty);
  byProperty.set(key, { ...byProperty.get(key), ...value });
}
