// Differential test: the compiled DTO validator against the class-validator path it replaces. Both get
// the same generated inputs (valid and invalid, seeded) and must return the same instance (class, key
// order, values) or INVALID, and push exactly the same error details.
import {
  Allow, ArrayMaxSize, ArrayMinSize, ArrayNotEmpty, Equals, IsArray, IsBoolean, IsDateString, IsDecimal, IsDefined,
  IsDivisibleBy, IsEmail, IsEnum, IsIn, IsInt, IsIP, IsJSON, IsNegative, IsNotEmpty, IsNumber, IsOptional, IsPositive,
  IsString, IsUrl, IsUUID, Length, Matches, Max, MaxLength, Min, MinLength, ValidateIf,
} from 'class-validator';
import { inspect, isDeepStrictEqual } from 'node:util';
import { describe, expect, test } from 'vitest';
import type { ErrorDetail } from '../http/validation-error.js';
import type { Class } from '../metadata/records.js';
import { dtoShape } from '../schema/dto-shape.js';
import { Property } from '../schema/property.js';
import { compileFastDtoValidator } from './compiled-dto-validator.js';
import { compileClassValidatorDtoValidator, type DtoValidationOptions } from './validate-dto.js';

enum Color { Red = 'red', Green = 'green' }
enum Level { Low = 1, High = 2 }

class CreateItem {
  @IsString() name!: string;
  @IsNumber() price!: number;
}

class Everything {
  @IsString() @MinLength(2) @MaxLength(5) name!: string;
  @IsInt() @Min(0) @Max(10) qty!: number;
  @IsOptional() @IsBoolean() flag?: boolean;
  @IsEnum(Color) color!: Color;
  @IsOptional() @IsEnum(Level) level?: Level;
  @IsIn(['a', 'b']) letter!: string;
  @IsOptional() @Matches(/^x+$/) code?: string;
  @IsOptional() @IsPositive() score?: number;
  @IsOptional() @IsNegative() debt?: number;
  @IsOptional() @Length(1, 3) short?: string;
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(3) @IsString({ each: true }) tags?: string[];
  @IsDefined() must!: unknown;
  @IsOptional() @IsNumber({ maxDecimalPlaces: 2 }) amount?: number;
  @IsOptional() @IsEmail() email?: string;
  @Property({ nullable: true }) @IsString() nick!: string | null;
  @Allow() anything?: unknown;
  @IsOptional() @IsInt() page = 1;
  @ValidateIf((o: { name?: unknown }) => o.name === 'xx') @IsString({ message: 'extra is needed for xx' }) extra?: string;
  @IsOptional() @IsNotEmpty() note?: unknown;
}

class Base {
  @IsString() id!: string;
  @IsOptional() @IsInt() @Min(1) version?: number;
}

class Child extends Base {
  @IsBoolean() active!: boolean;
  @IsOptional() @IsString() @MaxLength(3) id2?: string;
}

class WithMethod {
  @IsString() title!: string;
  describe(): string {
    return this.title;
  }
}

class FailingDefault {
  @IsInt() @Min(10) limit = 5;
  @IsOptional() @IsString() label?: string;
}

/** Constraints with a pydantic counterpart (value_error, url_parsing, uuid_parsing, …). */
class Formats {
  @IsEmail() email!: string;
  @IsOptional() @IsUrl() site?: string;
  @IsOptional() @IsUUID() id?: string;
  @IsOptional() @IsDateString() at?: string;
  @IsOptional() @IsIP('4') ip?: string;
  @IsOptional() @IsDecimal() amount?: string;
  @IsOptional() @IsJSON() raw?: string;
  @IsOptional() @IsDivisibleBy(2) even?: number;
  @IsOptional() @Equals('yes') consent?: string;
  @IsOptional() @ArrayNotEmpty() items?: string[];
  @IsOptional() @IsUUID('4', { each: true }) ids?: string[];
}

const DTOS: readonly Class[] = [CreateItem, Everything, Child, WithMethod, FailingDefault, Formats];
const MODES: readonly DtoValidationOptions[] = [{ unknownProperties: 'strip' }, { unknownProperties: 'forbid' }];
const CASES_PER_DTO_AND_MODE = 1500;

/** mulberry32: a small seeded generator, so a failure replays. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALUES: readonly unknown[] = [
  '', 'a', 'b', 'ab', 'xx', 'xxx', 'abcdef', 'red', 'green', 'blue', 'a@b.co', 'not-an-email', '42', 'true',
  'https://example.com/x', '0b6e4d1c-4a57-4b8e-9c1e-6f2d3a4b5c6d', '2026-12-02T05:00:00Z', '10.0.0.1', '1.5', '{"a":1}',
  'yes', ['0b6e4d1c-4a57-4b8e-9c1e-6f2d3a4b5c6d', 'nope'],
  0, 1, 2, -1, -0.5, 2.5, 3.14159, 10, 11, 1e21, Number.NaN, Number.POSITIVE_INFINITY, -0,
  true, false, null,
  [], ['a'], ['a', 'b', 'c'], ['a', 'b', 'c', 'd'], [1, 2], ['a', 1], [null], [['nested']], [{ a: 1 }],
  {}, { a: 1 }, new Date(0),
];
const EXTRA_KEYS = ['extra_key', 'toString', 'describe', 'constructor', 'hasOwnProperty', 'unknown'];

function propertyNames(cls: Class): string[] {
  return dtoShape(cls).properties.map((p) => p.name);
}

function generateInput(next: () => number, names: readonly string[]): unknown {
  const roll = next();
  if (roll < 0.03) return [null, [], 'text', 5, true][Math.floor(next() * 5)];
  const pick = () => VALUES[Math.floor(next() * VALUES.length)];
  const input: Record<string, unknown> = {};
  for (const name of names) {
    if (next() < 0.75) input[name] = pick();
  }
  if (next() < 0.2) input[EXTRA_KEYS[Math.floor(next() * EXTRA_KEYS.length)] as string] = pick();
  if (next() < 0.02) Object.assign(input, JSON.parse('{"__proto__": {"polluted": true}}') as object);
  return input;
}

/** A sample of values that pass each DTO, so valid inputs are common enough to compare instances. */
const VALID: Record<string, Record<string, unknown>> = {
  CreateItem: { name: 'Widget', price: 9.5 },
  Everything: { name: 'abc', qty: 3, color: 'red', letter: 'a', must: 0, nick: null },
  Child: { id: 'x', active: true },
  WithMethod: { title: 't' },
  FailingDefault: { limit: 12 },
  Formats: { email: 'a@b.co', site: 'https://example.com/x', at: '2026-12-02' },
};

function nearlyValid(next: () => number, dto: string, names: readonly string[]): Record<string, unknown> {
  const input: Record<string, unknown> = { ...VALID[dto] };
  if (next() < 0.5) input[names[Math.floor(next() * names.length)] as string] = VALUES[Math.floor(next() * VALUES.length)];
  if (next() < 0.2) input[EXTRA_KEYS[Math.floor(next() * EXTRA_KEYS.length)] as string] = VALUES[Math.floor(next() * VALUES.length)];
  return input;
}

function run(validate: ReturnType<typeof compileClassValidatorDtoValidator>, input: unknown) {
  const errors: ErrorDetail[] = [];
  try {
    const result = validate(input, ['body'], errors);
    if (typeof result !== 'object' || result === null) return { result, errors };
    const values = result as Record<string, unknown>;
    const keys = Object.keys(values);
    // class-transformer copies arrays and objects: the instance never shares them with the input.
    const shared = keys.filter((k) => typeof values[k] === 'object' && values[k] !== null && values[k] === (input as Record<string, unknown>)[k]);
    return { result, keys, shared, errors };
  } catch (error) {
    return { threw: String(error), errors };
  }
}

describe('compiled DTO validator matches class-validator', () => {
  for (const cls of DTOS) {
    for (const options of MODES) {
      test(`${cls.name}, ${options.unknownProperties}: ${CASES_PER_DTO_AND_MODE} generated inputs`, () => {
        const reference = compileClassValidatorDtoValidator(cls, options);
        const compiled = compileFastDtoValidator(cls, options, reference);
        expect(compiled, 'this DTO should compile, not fall back').toBeDefined();
        const next = random(cls.name.length * 7919 + (options.unknownProperties === 'forbid' ? 1 : 0));
        const names = propertyNames(cls);
        let valid = 0;
        for (let i = 0; i < CASES_PER_DTO_AND_MODE; i++) {
          // A third of the inputs start from a valid object and change at most one property.
          const input = i % 3 === 0 ? nearlyValid(next, cls.name, names) : generateInput(next, names);
          const want = run(reference, input);
          const got = run(compiled as typeof reference, input);
          // isDeepStrictEqual: prototypes, key sets, -0 vs 0; vitest's equality trips over a `constructor` key.
          if (!isDeepStrictEqual(got, want)) {
            expect.fail(`input ${i}: ${inspect(input)}\ncompiled: ${inspect(got, { depth: 5 })}\nreference: ${inspect(want, { depth: 5 })}`);
          }
          if (want.errors.length === 0 && !('threw' in want)) valid++;
        }
        // Both branches must be exercised in earnest.
        expect(valid).toBeGreaterThan(CASES_PER_DTO_AND_MODE * 0.05);
        expect(valid).toBeLessThan(CASES_PER_DTO_AND_MODE * 0.95);
      });
    }
  }

  test('DTOs with nested or user-defined rules are left to class-validator', async () => {
    const { ValidateNested, Validate, ValidatorConstraint } = await import('class-validator');
    const { Type } = await import('class-transformer');
    @ValidatorConstraint({ name: 'even' })
    class Even {
      validate(value: unknown) {
        return typeof value === 'number' && value % 2 === 0;
      }
    }
    class WithCustom {
      @Validate(Even) n!: number;
    }
    class Inner {
      @IsString() s!: string;
    }
    class WithNested {
      @ValidateNested() @Type(() => Inner) inner!: Inner;
    }
    const options: DtoValidationOptions = { unknownProperties: 'strip' };
    for (const cls of [WithCustom, WithNested]) {
      expect(compileFastDtoValidator(cls, options, compileClassValidatorDtoValidator(cls, options))).toBeUndefined();
    }
  });
});
