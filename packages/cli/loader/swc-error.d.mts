/** SWC's Rust-style report as `file:line:column: message` plus its code frame. */
export function formatSwcError(error: unknown, filename: string): string;
