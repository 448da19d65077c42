/**
 * The test client's cookies: what responses set is sent back on later requests, as a browser (and
 * FastAPI's `TestClient`) would. Domain and path are ignored: a test client talks to one app.
 */
export class CookieJar {
  readonly #cookies = new Map<string, string>();

  /** Records every `Set-Cookie` of a response; an expired cookie (`Max-Age=0`, a past `Expires`) is removed. */
  store(setCookies: readonly string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      if (attributes.some(isExpiry)) this.#cookies.delete(name);
      else this.#cookies.set(name, pair.slice(eq + 1).trim());
    }
  }

  set(name: string, value: string): void {
    this.#cookies.set(name, value);
  }

  delete(name: string): void {
    this.#cookies.delete(name);
  }

  get(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  /** The `Cookie` header for a request: the jar, overridden by `extra` for this request only. */
  header(extra: Readonly<Record<string, string>> = {}): string | undefined {
    const all = new Map([...this.#cookies, ...Object.entries(extra)]);
    if (all.size === 0) return undefined;
    return [...all].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

function isExpiry(attribute: string): boolean {
  const [key = '', value = ''] = attribute.split('=').map((s) => s.trim());
  if (key.toLowerCase() === 'max-age') return Number(value) <= 0;
  if (key.toLowerCase() === 'expires') return Date.parse(value) <= Date.now();
  return false;
}
