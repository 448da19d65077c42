/**
 * Picks the response encoding from `Accept-Encoding`. negotiator (jshttp, what Express's `compression`
 * and `accepts` use) handles the q-values, `*`, `identity;q=0` and ties; Decorum only chooses which
 * encoding wins a tie.
 */
import Negotiator from 'negotiator';
import type { RequestContext } from '@decorumjs/core';

export type Encoding = 'br' | 'gzip';

/** The encoding to use, or undefined for none (the client prefers identity, or accepts nothing we have). */
export function negotiateEncoding(ctx: RequestContext, preferred: readonly Encoding[]): Encoding | undefined {
  const accept = ctx.headers['accept-encoding'];
  if (accept === undefined || accept === '') return undefined;
  const available = [...preferred, 'identity'];
  const [best] = new Negotiator({ headers: { 'accept-encoding': accept } }).encodings(available, { preferred: available });
  return best === 'br' || best === 'gzip' ? best : undefined;
}
