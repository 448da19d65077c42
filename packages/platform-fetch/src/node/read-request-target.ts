/**
 * Reads an HTTP/1.1 request target (RFC 9112 §3.2) the way an origin server must: the path comes from
 * the target alone, exactly as sent. The `Host` header never contributes to the path, and dot segments
 * are not resolved (`/items/../hello` is routed as written, as on the node:http adapters), which is why
 * the target travels beside the `Request`: its `url`, by the URL standard, has them resolved.
 */

export interface RequestTarget {
  /** Path and query as sent (a fragment too: core's router refuses it), or `*` for `OPTIONS *`: what the router sees. */
  readonly pathAndQuery: string;
  /** The authority an absolute-form target names; it takes the place of `Host` (RFC 9112 §3.2.2). */
  readonly authority?: string;
}

/** `http://host:8080/items/42?q=1` → scheme, authority, and the rest (path, query, fragment). */
const ABSOLUTE_FORM = /^https?:\/\/([^/?#]*)(.*)$/is;

/**
 * `uri-host [":" port]` (RFC 9110 §4.2.3): an IP literal, or a reg-name of unreserved and sub-delims
 * characters. Percent-encoded names are left out: the URL standard refuses most of them in a host.
 */
const AUTHORITY = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~!$&'()*+,;=]+)(?::\d{0,5})?$/;

/** The target's parts, or undefined when it is not a target an origin server accepts (answer 400). */
export function readRequestTarget(method: string, target: string): RequestTarget | undefined {
  if (target.startsWith('/')) return { pathAndQuery: target };
  if (target === '*') return method === 'OPTIONS' ? { pathAndQuery: '*' } : undefined;
  const absolute = ABSOLUTE_FORM.exec(target);
  if (!absolute) return undefined;
  const authority = absolute[1] as string;
  if (!isValidAuthority(authority)) return undefined;
  const rest = absolute[2] as string;
  return { pathAndQuery: rest.startsWith('/') ? rest : `/${rest}`, authority };
}

/** Whether a `Host` value (or an absolute-form target's authority) is well-formed. */
export function isValidAuthority(authority: string | undefined): authority is string {
  return authority !== undefined && AUTHORITY.test(authority);
}
