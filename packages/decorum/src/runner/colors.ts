/**
 * ANSI colours for terminal output, off when the stream is not a terminal or NO_COLOR is set
 * (https://no-color.org), on when FORCE_COLOR is set.
 */
export type Paint = (text: string) => string;

export interface Colors {
  red: Paint;
  yellow: Paint;
  green: Paint;
  cyan: Paint;
  gray: Paint;
  bold: Paint;
}

export function colorsFor(stream: { isTTY?: boolean }, env = process.env): Colors {
  const enabled = env.FORCE_COLOR ? env.FORCE_COLOR !== '0' : Boolean(stream.isTTY) && !env.NO_COLOR;
  const code = (open: number, close: number): Paint => (enabled ? (text) => `\x1b[${open}m${text}\x1b[${close}m` : (text) => text);
  return { red: code(31, 39), yellow: code(33, 39), green: code(32, 39), cyan: code(36, 39), gray: code(90, 39), bold: code(1, 22) };
}
