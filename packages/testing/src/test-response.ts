/** What a test client request returns: the status, headers and body, read once so assertions stay synchronous. */
export class TestResponse {
  constructor(
    readonly status: number,
    readonly headers: Headers,
    /** The body as text (empty for HEAD and bodyless statuses). */
    readonly text: string,
  ) {}

  /** The body parsed as JSON (FastAPI's `response.json()`); throws when it is not JSON. */
  json<T = unknown>(): T {
    return JSON.parse(this.text) as T;
  }

  /** `Set-Cookie` headers of this response, one entry per cookie. */
  get setCookies(): string[] {
    return this.headers.getSetCookie();
  }
}
