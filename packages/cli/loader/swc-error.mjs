// Turns SWC's Rust-style report into `file:line:column: message` plus its code frame, without the
// "Caused by" chain and native backtrace that follow it.
//
//   x Expression expected            ->   /app/src/main.ts:3:19: Expression expected
//    ,-[/app/src/main.ts:2:1]              2 | import x from './x.js';
//  2 | import x from './x.js';             3 | const n: number = ;
//  3 | const n: number = ;                   :                   ^
//    :                   ^
export function formatSwcError(error, filename) {
  const report = String(error?.message ?? error).split(/\n\s*\nCaused by:/)[0] ?? '';
  const lines = report.split('\n');
  const message = lines.find((l) => /^\s*x /.test(l))?.replace(/^\s*x /, '').trim() ?? 'syntax error';
  const frame = [];
  let line = 0;
  let column = 0;
  for (const text of lines) {
    const code = /^\s*(\d+) \| /.exec(text);
    if (code) {
      frame.push(text);
      line ||= Number(code[1]);
      continue;
    }
    const caret = /^(\s*): (\s*)\^/.exec(text);
    if (caret && !column) {
      frame.push(text);
      // The caret's line is the numbered line just above it.
      const above = frame.length >= 2 ? /^\s*(\d+) \| /.exec(frame[frame.length - 2] ?? '') : null;
      if (above) line = Number(above[1]);
      column = (caret[2]?.length ?? 0) + 1;
    }
  }
  if (!line) {
    // No caret (an error at the end of the file): SWC's header still names where the frame starts.
    const header = lines.map((l) => /,-\[.*:(\d+):(\d+)\]/.exec(l)).find(Boolean);
    if (header) [line, column] = [Number(header[1]), Number(header[2])];
  }
  const at = line ? `${filename}:${line}:${column || 1}` : filename;
  return frame.length ? `${at}: ${message}\n${frame.join('\n')}` : `${at}: ${message}`;
}
