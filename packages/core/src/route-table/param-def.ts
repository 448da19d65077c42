/**
 * One parameter record plus its reflected type → a `ParamDef`: the type coercion will apply, whether
 * it is required, its default and constraints.
 */
import { DecorumError, decorumErrors } from '../errors.js';
import type { ParamOptions, ParamRecord } from '../metadata/records.js';
import { DECLARED_TYPE, DEFAULT, SPLIT } from '../extensions/pipes.js';
import { dtoShape } from '../schema/dto-shape.js';
import { readUnionTags } from '../schema/one-of.js';
import { STRING, UNKNOWN, describeType, toTypeRef, type TypeRef } from '../schema/type-spec.js';
import type { Constraints, ParamDef } from './route-def.js';

const SCALAR_SOURCES = new Set(['path', 'query', 'header', 'cookie', 'form']);

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
    required: source === 'path' || (!options.optional && !hasDefault && source !== 'request' && source !== 'response' && source !== 'signal' && source !== 'background' && source !== 'websocket'),
    hasDefault,
    default: options.default,
    constraints: toConstraints(options),
    description: options.description,
    example: options.example,
    deprecated: options.deprecated,
    includeInSchema: options.includeInSchema ?? true,
    target: record.target,
    useCache: record.useCache,
    cleanupScope: record.cleanupScope,
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
  // `@File('docs') docs: UploadFile[]`: several files under one name.
  if (source === 'file') return designTypes?.[record.index] === Array ? { kind: 'array', items: UNKNOWN } : UNKNOWN;
  if (!SCALAR_SOURCES.has(source) && source !== 'body') return UNKNOWN;
  if (options.type !== undefined) return checkFromString(record, resolveTypeSpec(options.type, label), label);
  if (designTypes === undefined) {
    throw decorumErrors.paramMetadataMissing(label);
  }
  const design = designTypes[record.index];
  const fromDesign = toTypeRef(design);
  if (source === 'body') {
    if (design === Array) return { kind: 'array', items: UNKNOWN };
    return fromDesign ?? UNKNOWN;
  }
  if (name === undefined && source !== 'query') {
    // @Header() / @Cookie() with a DTO class: FastAPI's header and cookie parameter models, validated
    // and documented as query DTOs are. Without one (or @Param()), the whole record as it came.
    if (fromDesign?.kind === 'dto' && source !== 'path') return fromDesign;
    return UNKNOWN;
  }
  if (design === Array) return { kind: 'array', items: STRING };
  if (!fromDesign) {
    throw decorumErrors.paramTypeObject(label);
  }
  if (fromDesign.kind === 'dto' && name !== undefined) {
    throw decorumErrors.paramDtoFromString(label, describeType(fromDesign), source);
  }
  return fromDesign;
}

/**
 * A named path, query, header or cookie value is a string (a list of them when repeated): a declared DTO,
 * or a list of lists or of DTOs, cannot come from it.
 */
function checkFromString(record: ParamRecord, type: TypeRef, label: string): TypeRef {
  if (!SCALAR_SOURCES.has(record.source) || record.name === undefined) return type;
  const item = type.kind === 'array' ? type.items : type;
  if (item.kind === 'dto' || item.kind === 'array') throw decorumErrors.paramNotFromString(label, describeType(type), record.source);
  return type;
}

/** A user's `TypeSpec` → `TypeRef`, or a bootstrap error naming where it was written. */
export function resolveTypeSpec(spec: unknown, label: string): TypeRef {
  const type = toTypeRef(spec);
  if (!type) {
    throw decorumErrors.typeSpecVague(label, String((spec as { name?: string })?.name ?? spec));
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
    throw error.within(label);
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
