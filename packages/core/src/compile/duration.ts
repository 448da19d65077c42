/**
 * Durations, as pydantic's `timedelta`: a field declared `Duration` takes an ISO 8601 duration
 * (`P1DT2H30M`, `PT0.5S`, `P2W`) or a number of seconds, reaches the handler as seconds, and a response
 * model writes it back as ISO 8601 (`P1DT2H30M`). Years and months are refused: their length in
 * seconds depends on the calendar, so no number of seconds is exact for them.
 */
import type { ErrorDetail, Loc } from '../http/validation-error.js';

const ISO_DURATION = /^([+-])?P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const SECONDS = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** Seconds in an ISO 8601 duration or a decimal string of seconds; undefined when it is neither. */
export function parseDuration(raw: string): number | undefined {
  if (SECONDS.test(raw)) return Number(raw);
  const match = ISO_DURATION.exec(raw.trim());
  if (!match || raw.trim().endsWith('T') || /^[+-]?P$/.test(raw.trim())) return undefined;
  const [, sign, weeks, days, hours, minutes, seconds] = match;
  const total = Number(weeks ?? 0) * 604_800 + Number(days ?? 0) * 86_400 + Number(hours ?? 0) * 3_600 +
    Number(minutes ?? 0) * 60 + Number(seconds ?? 0);
  return sign === '-' ? -total : total;
}

/** `93784.5` → `P1DT2H3M4.5S`; `0` → `PT0S`. */
export function formatDuration(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? '-' : '';
  let rest = Math.abs(totalSeconds);
  const days = Math.floor(rest / 86_400);
  rest -= days * 86_400;
  const hours = Math.floor(rest / 3_600);
  rest -= hours * 3_600;
  const minutes = Math.floor(rest / 60);
  // Rounded to microseconds, pydantic's resolution, so float noise does not show.
  const seconds = Math.round((rest - minutes * 60) * 1e6) / 1e6;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  if (!days && !time) return 'PT0S';
  return `${sign}P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

/** A JSON value (or a string from a query) → seconds, or an error pushed. */
export function readDuration(value: unknown, loc: Loc, errors: ErrorDetail[]): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const seconds = parseDuration(value);
    if (seconds !== undefined) return seconds;
    errors.push({ type: 'time_delta_parsing', loc, input: value,
      msg: 'Input should be a valid duration, ISO 8601 (P1DT2H30M; no years or months) or a number of seconds' });
    return undefined;
  }
  errors.push({ type: 'time_delta_type', loc, msg: 'Input should be a valid duration', input: value });
  return undefined;
}
