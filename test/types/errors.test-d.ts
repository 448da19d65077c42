/**
 * Type tests of the error catalogues (checked by tsc, never run): an entry takes exactly the specifics
 * its message needs, and the errors expose their code and fix.
 */
import { expectTypeOf } from 'vitest';
import { DecorumError, decorumErrors, openApiErrors, type DecorumErrorCode } from '@decorumjs/decorum';

expectTypeOf(decorumErrors.routeDuplicate).parameters.toEqualTypeOf<[method: string, path: string, first: string, second: string]>();
expectTypeOf(decorumErrors.routeDuplicate).returns.toEqualTypeOf<DecorumError>();
expectTypeOf(decorumErrors.routeDuplicate.code).toEqualTypeOf<DecorumErrorCode>();
expectTypeOf(decorumErrors.providerCycle).parameters.toEqualTypeOf<[chain: readonly string[]]>();
expectTypeOf<DecorumError['fix']>().toEqualTypeOf<string>();
expectTypeOf<DecorumError['code']>().toEqualTypeOf<DecorumErrorCode>();
expectTypeOf(openApiErrors.operationIdTaken('list', true, 'GET /a A.list and GET /b B.list').fix).toEqualTypeOf<string>();

// @ts-expect-error an entry needs all of its specifics
decorumErrors.routeDuplicate('GET', '/a');
// @ts-expect-error the index of an undecorated parameter is a number
decorumErrors.paramUndecorated('A.read', '1');
// @ts-expect-error codes are a closed list
export const unknownCode: DecorumErrorCode = 'DECORUM_ERR_SOMETHING';
