/**
 * One parameter record plus its reflected type → a `ParamDef`: the type coercion will apply, whether
 * it is required, its default and constraints.
 */
import { DecorumError, METADATA_HINT } from '../errors.js';
import type { ParamOptions, ParamRecord } from '../metadata/records.js';
import { DECLARED_TYPE, DEFAULT, SPLIT } from '../extensions/pipes.js';
import { dtoShape } from '../schema/dto-shape.js';
import { readUnionTags } from '../schema/one-of.js';
import { STRING, UNKNOWN, describeType, toTypeRef, type TypeRef } from '../schema/type-spec.js';
import type { Constraints, ParamDef } from './route-def.js';

const SCALAR_SOURCES = new Set(['path', 'query', 'header', 'cookie']);

export function toParamDef(record: ParamRecord, designTypes: readonly unknown[] | undefined, where: string): ParamDef {
  const { source, name } = record;
  const options = withPipeDeclarations(record);
  const label = `${where}(${name ?? `#${record.index + 1}`} from ${source})`;
  const type = checkDtos(paramType({ ...record, options }, designTypes, label), label);
  const hasDefault = 'default' in options;
  return {
    index: record.index,
    source,
    name: source === 'header' && name !== undefined ? name.toLowerCase() : name,
    type,
    required: source === 'path' || (!options.optional && !hasDefault && source !== 'request' && source !== 'response'),
    hasDefault,
    default: options.default,
    constraints: toConstraints(options),
    description: options.description,
    example: options.example,
    deprecated: options.deprecated,
    includeInSchema: options.includeInSchema ?? true,
    target: record.target,
    useCache: record.useCache,
    pipes: (record.pipes ?? []).filter((p) => !isDeclarationOnly(p)),
    separator: record.pipes?.map((p) => (p as { [SPLIT]?: string })[SPLIT]).find((s) => s !== undefined),
  };
}

/** `ParseIntPipe` and friends only declare a type, `DefaultValuePipe` a default: fold them into the options. */
function withPipeDeclarations(record: ParamRecord): ParamOptions {
  let options = record.options;
  for (const pipe of record.pipes ?? []) {
    const declared = pipe as { [DECLARED_TYPE]?: unknown; [DEFAULT]?: unknown };
    if (declared[DECLARED_TYPE] !== undefined && options.type === undefined) options = { ...options, type: declared[DECLARED_TYPE] as ParamOptions['type'] };
    if (DEFAULT in declared && !('default' in options)) options = { ...options, default: declared[DEFAULT] };
  }
  return options;
}

function isDeclarationOnly(pipe: unknown): boolean {
  return typeof pipe === 'object' && pipe !== null && DECLARED_TYPE in pipe;
}

function paramType(record: ParamRecord, designTypes: readonly unknown[] | undefined, label: string): TypeRef {
  const { source, options, name } = record;
  if (!SCALAR_SOURCES.has(source) && source !== 'body') return UNKNOWN;
  if (options.type !== undefined) return resolveTypeSpec(options.type, label);
  if (designTypes === undefined) {
    throw new DecorumError('DECORUM_ERR_METADATA_MISSING',
      `${label} has no type: parameter type metadata is missing. Either pass { type } or fix the build. ${METADATA_HINT}`);
  }
  const design = designTypes[record.index];
  const fromDesign = toTypeRef(design);
  if (source === 'body') {
    if (design === Array) return { kind: 'array', items: UNKNOWN };
    return fromDesign ?? UNKNOWN;
  }
  if (name === undefined && source !== 'query') return UNKNOWN; // @Header() / @Cookie() / @Param(): the whole record
  if (design === Array) return { kind: 'array', items: STRING };
  if (!fromDesign) {
    throw new DecorumError('DECORUM_ERR_PARAM_TYPE',
      `${label}: its TypeScript type is a union (SWC records even \`string | null\` so), an interface or unknown, ` +
      `which decorator metadata records as Object, so Decorum cannot coerce it. Say the type: { type: String }, { type: Int }, { type: MyEnum } or { type: [Int] }.`);
  }
  if (fromDesign.kind === 'dto' && name !== undefined) {
    throw new DecorumError('DECORUM_ERR_PARAM_TYPE',
      `${label} is declared as ${describeType(fromDesign)}, but a single ${source} value is a string. ` +
      `Use @${source === 'query' ? 'Query' : 'Body'}() without a name to read the whole ${source} as a DTO.`);
  }
  return fromDesign;
}

/** A user's `TypeSpec` → `TypeRef`, or a bootstrap error naming where it was written. */
export function resolveTypeSpec(spec: unknown, label: string): TypeRef {
  const type = toTypeRef(spec);
  if (!type) {
    throw new DecorumError('DECORUM_ERR_PARAM_TYPE',
      `${label}: ${String((spec as { name?: string })?.name ?? spec)} says nothing about the value. ` +
      `Name a concrete type: String, Number, Int, Boolean, Date, an enum, a DTO class, or [ItemType] for arrays.`);
  }
  return checkDtos(type, label);
}

/**
 * Reads the shape of every DTO a type names, now rather than when the route compiles, so a DTO
 * mistake stops bootstrap with the handler that uses the DTO in its message.
 */
function checkDtos(type: TypeRef, label: string): TypeRef {
  if (type.kind === 'array') checkDtos(type.items, label);
  if (type.kind !== 'dto' && type.kind !== 'union') return type;
  try {
    if (type.kind === 'dto') dtoShape(type.dto);
    else for (const variant of type.variants) dtoShape(variant);
    if (type.kind === 'union' && type.discriminator !== undefined) readUnionTags(type.variants, type.discriminator);
  } catch (error) {
    if (!(error instanceof DecorumError)) throw error;
    throw new DecorumError(error.code, `${label}: ${error.message.slice(error.code.length + 2)}`);
  }
  return type;
}

function toConstraints(options: ParamRecord['options']): Constraints {
  const { gt, ge, lt, le, minLength, maxLength, pattern } = options;
  return {
    ...(gt !== undefined && { gt }), ...(ge !== undefined && { ge }),
    ...(lt !== undefined && { lt }), ...(le !== undefined && { le }),
    ...(minLength !== undefined && { minLength }), ...(maxLength !== undefined && { maxLength }),
    ...(pattern !== undefined && { pattern: typeof pattern === 'string' ? pattern : pattern.source }),
  };
}
