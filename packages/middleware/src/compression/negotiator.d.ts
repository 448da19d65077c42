// The part of negotiator@1.1.0 that compression uses. @types/negotiator describes 0.6, which has no
// `preferred` option (added in 1.0), so the declaration lives here.
declare module 'negotiator' {
  export default class Negotiator {
    constructor(request: { headers: Readonly<Record<string, string | string[] | undefined>> });
    /** Encodings from `available` the client accepts, best first; ties on q-value go by `preferred`. */
    encodings(available?: readonly string[], options?: { preferred?: readonly string[] }): string[];
  }
}
