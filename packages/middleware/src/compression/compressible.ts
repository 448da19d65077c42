/**
 * Which responses are worth compressing: text and structured-text types only. Images, video, archives
 * and fonts are already compressed; compressing them again costs CPU and gains nothing.
 */

// text/*, JSON and XML in all their suffixed forms (RFC 6839), JavaScript, SVG, WebAssembly, forms.
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|javascript|ecmascript|xml|wasm|x-www-form-urlencoded|x-ndjson)\b|image\/svg\+xml\b|[^/;]+\/[^;]*\+(?:json|xml)\b)/i;

export function isCompressibleType(contentType: string): boolean {
  return COMPRESSIBLE.test(contentType.trimStart());
}
