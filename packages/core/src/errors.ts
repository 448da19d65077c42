/**
 * Developer mistakes found at bootstrap. Every one has a stable code and a message that says
 * what is wrong and how to fix it (as Fastify's `FST_ERR_*`). Client mistakes are `HttpError`s.
 */
export type DecorumErrorCode =
  | 'DECORUM_ERR_ROUTE_DUPLICATE'
  | 'DECORUM_ERR_ROUTE_PATH'
  | 'DECORUM_ERR_PARAM_NOT_IN_PATH'
  | 'DECORUM_ERR_PARAM_UNDECORATED'
  | 'DECORUM_ERR_PARAM_TYPE'
  | 'DECORUM_ERR_METADATA_MISSING'
  | 'DECORUM_ERR_DTO_INVALID'
  | 'DECORUM_ERR_RESPONSE_MODEL'
  | 'DECORUM_ERR_CONTROLLER_INVALID'
  | 'DECORUM_ERR_PROVIDER_MISSING'
  | 'DECORUM_ERR_PROVIDER_CYCLE'
  | 'DECORUM_ERR_PROVIDER_INVALID'
  | 'DECORUM_ERR_SCOPE_MISMATCH'
  | 'DECORUM_ERR_APP_STATE';

export class DecorumError extends Error {
  override readonly name = 'DecorumError';
  constructor(
    readonly code: DecorumErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/** The fix-it hint shared by every "type metadata is missing" message. */
export const METADATA_HINT =
  'Decorum reads parameter and property types from decorator metadata. Compile with tsc or SWC with ' +
  '"experimentalDecorators" and "emitDecoratorMetadata" on (esbuild and tsx drop this metadata), ' +
  'and import classes used in decorated signatures as values, not with `import type`.';
