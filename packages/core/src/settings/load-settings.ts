/**
 * Settings from the environment (FastAPI's pydantic-settings, in Decorum's idiom): each property of a
 * class-validator class reads one variable, coerced as a query value would be (ints, booleans, lists,
 * enums, dates, durations), nested groups read prefixed variables, and every bad or missing variable is
 * reported in ONE error at bootstrap, secrets redacted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { inspect, parseEnv } from 'node:util';
import { INVALID, compileCoercer } from '../compile/coerce.js';
import { compileDtoValidator } from '../compile/validate-dto.js';
import { DecorumError, decorumErrors } from '../errors.js';
import type { ErrorDetail } from '../http/validation-error.js';
import type { Class } from '../metadata/records.js';
import { dtoShape } from '../schema/dto-shape.js';
import { describeType, type TypeRef } from '../schema/type-spec.js';
import type { Provider } from '../di/providers.js';
import { parseDuration } from './parse-duration.js';
import { readPropertyMarks, readSettingsOptions, type SettingsClassOptions } from './setting-decorators.js';

export interface LoadSettingsOptions extends Omit<SettingsClassOptions, 'envFile'> {
  /** The variables to read. Default `process.env`; tests pass their own. */
  env?: Readonly<Record<string, string | undefined>>;
  /** `false` skips the class's `.env` file. */
  envFile?: string | false;
}

export const REDACTED = '**********';

/** One variable that is missing or wrong, with what it expects. */
export interface SettingsIssue {
  readonly variable: string;
  readonly msg: string;
  readonly expected: string;
  /** The value given; `REDACTED` for secrets, absent when missing. */
  readonly input?: unknown;
}

/** Every bad or missing variable of one settings class; its message lists them, secrets redacted. */
export class SettingsError extends DecorumError {
  constructor(readonly settings: string, readonly issues: readonly SettingsIssue[]) {
    const error = decorumErrors.settingsInvalid(settings, issues.map((i) =>
      `${i.variable}: ${i.msg} (expects ${i.expected}${'input' in i ? `; got ${JSON.stringify(i.input)}` : ''})`));
    super(error.code, error.reason, error.fix);
  }
}

/**
 * Loads and validates `cls` from the environment (and its `.env` file), or throws a `SettingsError`
 * listing every problem.
 * @example
 * const settings = loadSettings(AppSettings, { env: { APP_PORT: '9000', APP_JWT_SECRET: 'x'.repeat(32) } });
 */
export function loadSettings<T extends object>(cls: Class<T>, options: LoadSettingsOptions = {}): T {
  const declared = readSettingsOptions(cls);
  const prefix = options.prefix ?? declared.prefix ?? '';
  const delimiter = options.nestedDelimiter ?? declared.nestedDelimiter ?? '__';
  const envFile = options.envFile === false ? undefined : (options.envFile ?? declared.envFile);
  const source = readSources(options.env ?? process.env, envFile);
  const issues: SettingsIssue[] = [];
  const variables = new Map<string, { variable: string; secret: boolean; type: TypeRef }>();
  const input = collect(cls, prefix, delimiter, [], source, issues, variables);
  const errors: ErrorDetail[] = [];
  const instance = compileDtoValidator(cls, { unknownProperties: 'strip' })(input, [], errors);
  if (instance instanceof Promise) {
    throw decorumErrors.settingsAsync(cls.name);
  }
  for (const error of errors) {
    const known = variables.get(error.loc.join('.'));
    const variable = known?.variable ?? `${prefix}${error.loc.map((p) => snake(String(p))).join(delimiter)}`;
    const expected = known ? describeType(known.type) : 'a value';
    const given = error.type === 'missing' ? {} : { input: known?.secret ? REDACTED : error.input };
    issues.push({ variable, msg: error.msg, expected, ...given });
  }
  if (issues.length > 0) throw new SettingsError(cls.name, issues);
  redactSecrets(instance as object, cls);
  return instance as T;
}

/**
 * A provider that loads `cls` once when the app starts (so bad settings stop it before it serves) and
 * injects it by its class anywhere. Override it in tests with `app.override(AppSettings, { useValue })`.
 * @example
 * createApp({ controllers, providers: [settingsProvider(AppSettings)] });
 * @Injectable() class Mailer { constructor(private readonly settings: AppSettings) {} }
 */
export function settingsProvider<T extends object>(cls: Class<T>, options: LoadSettingsOptions = {}): Provider<T> {
  return { provide: cls, useFactory: () => loadSettings(cls, options) };
}

type Source = ReadonlyMap<string, string>;

/** Variables by upper-cased name (matching is case-insensitive, as pydantic-settings' default); the environment wins over the file. */
function readSources(env: Readonly<Record<string, string | undefined>>, envFile: string | undefined): Source {
  const merged = new Map<string, string>();
  if (envFile !== undefined && existsSync(envFile)) {
    for (const [key, value] of Object.entries(parseEnv(readFileSync(envFile, 'utf8')))) if (typeof value === 'string') merged.set(key.toUpperCase(), value);
  }
  for (const [key, value] of Object.entries(env)) if (typeof value === 'string') merged.set(key.toUpperCase(), value);
  return merged;
}

function collect(
  cls: Class, prefix: string, delimiter: string, path: readonly string[], source: Source, issues: SettingsIssue[],
  variables: Map<string, { variable: string; secret: boolean; type: TypeRef }>,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const property of dtoShape(cls).properties) {
    const marks = readPropertyMarks(cls, property.name);
    const variable = `${prefix}${marks.env ?? snake(property.name)}`.toUpperCase();
    const at = [...path, property.name];
    variables.set(at.join('.'), { variable, secret: marks.secret === true, type: property.type });
    if (property.type.kind === 'dto') {
      values[property.name] = collect(property.type.dto, `${variable}${delimiter}`, delimiter, at, source, issues, variables);
      continue;
    }
    const raw = source.get(variable);
    if (raw === undefined) continue;
    const value = marks.duration ? duration(raw) : coerce(raw, property.type);
    if (value === INVALID) {
      issues.push({ variable, msg: marks.duration ? 'Input should be a duration' : `Input should be ${article(describeType(property.type))}`,
        expected: marks.duration ? 'a duration (500ms, 30s, 15m, 2h, 7d)' : describeType(property.type), input: marks.secret ? REDACTED : raw });
    } else values[property.name] = value;
  }
  return values;
}

function coerce(raw: string, type: TypeRef): unknown {
  const errors: ErrorDetail[] = [];
  if (type.kind === 'array') {
    const trimmed = raw.trim();
    let items: unknown[];
    // A JSON array as pydantic-settings reads lists, or the comma-separated list people write by hand.
    if (trimmed.startsWith('[')) {
      try {
        const parsed: unknown = JSON.parse(trimmed);
        if (!Array.isArray(parsed)) return INVALID;
        items = parsed.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
      } catch {
        return INVALID;
      }
    } else items = trimmed === '' ? [] : trimmed.split(',').map((item) => item.trim());
    const itemCoercer = type.items.kind === 'dto' || type.items.kind === 'array' ? undefined : compileCoercer(type.items);
    if (!itemCoercer) return INVALID;
    const coerced = items.map((item) => itemCoercer(item as string, [], errors));
    return coerced.includes(INVALID) ? INVALID : coerced;
  }
  if (type.kind === 'dto') return INVALID;
  return compileCoercer(type)(raw, [], errors);
}

function duration(raw: string): unknown {
  return parseDuration(raw) ?? INVALID;
}

/** `jwtSecret` → `JWT_SECRET`, `publicURL` → `PUBLIC_URL`. */
function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').toUpperCase();
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** Secrets print as `**********` in `JSON.stringify`, pino logs and `console.log`; the properties keep their values. */
function redactSecrets(instance: object, cls: Class): void {
  const shape = dtoShape(cls);
  const redacted = (): Record<string, unknown> => {
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(instance)) {
      copy[key] = readPropertyMarks(cls, key).secret ? REDACTED : value;
    }
    return copy;
  };
  Object.defineProperty(instance, 'toJSON', { value: redacted, enumerable: false });
  Object.defineProperty(instance, inspect.custom, { value: () => redacted(), enumerable: false });
  for (const property of shape.properties) {
    const nested = (instance as Record<string, unknown>)[property.name];
    if (property.type.kind === 'dto' && typeof nested === 'object' && nested !== null) redactSecrets(nested, property.type.dto);
  }
}
