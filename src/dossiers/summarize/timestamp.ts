/**
 * Timestamps of dossier records, read without the machine's time zone: a fast hand-written reader
 * for ISO 8601 text (used both by the record schema and by the summariser's hot path) and calendar
 * arithmetic on day numbers in a fixed UTC offset.
 * @internal
 * @module
 */

/** Milliseconds in a day. @internal */
export const DAY_MS = 86_400_000;

/** Asia/Ho_Chi_Minh: UTC+7, no daylight saving since 1975. @internal */
export const VIETNAM_OFFSET_MINUTES = 420;

import { civilFromDay as civilFromDays, dayFromCivil as daysFromCivil } from '../../calendar/civil.js';

// Day-number arithmetic is the calendar's (Hinnant's days_from_civil / civil_from_days): one copy.
export { civilFromDays, daysFromCivil };

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `'YYYY-MM-DD'` of a day number. @internal */
export function formatDay(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** `'YYYY-MM'` of a day number. @internal */
export function formatMonth(days: number): string {
  const [y, m] = civilFromDays(days);
  return `${pad(y, 4)}-${pad(m, 2)}`;
}

/** The local day number of an instant in a fixed UTC offset. @internal */
export function localDay(ms: number, offsetMinutes: number): number {
  return Math.floor((ms + offsetMinutes * 60_000) / DAY_MS);
}

/** An instant written as ISO 8601 in a fixed UTC offset: `2024-03-05T23:59:59.999+07:00`. @internal */
export function formatInstant(ms: number, offsetMinutes: number): string {
  const local = ms + offsetMinutes * 60_000;
  const days = Math.floor(local / DAY_MS);
  let rest = local - days * DAY_MS;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const mi = Math.floor(rest / 60_000);
  rest -= mi * 60_000;
  const s = Math.floor(rest / 1000);
  const msPart = rest - s * 1000;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = offsetMinutes === 0 ? 'Z' : `${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
  return `${formatDay(days)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.${pad(msPart, 3)}${offset}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Two ASCII digits at `i` as a number, or -1. */
function two(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Reads a timestamp and returns its instant in epoch milliseconds, or `NaN` when it is malformed.
 *
 * Accepted: a `Date` (not Invalid Date); text `YYYY-MM-DD` (the start of that day in the given
 * offset); `YYYY-MM-DD[T| ]HH:mm[:ss[.fraction]]` optionally followed by `Z` or an offset
 * `±HH:mm`, `±HHmm`, `±HH`. Text without an offset is a local time in `offsetMinutes`. Fractions
 * beyond milliseconds are truncated. Impossible dates (`2023-02-29`) and times (`24:00`) are `NaN`.
 * @internal
 */
export function parseTimestamp(value: unknown, offsetMinutes: number): number {
  if (typeof value !== 'string') {
    return value instanceof Date ? value.getTime() : Number.NaN;
  }
  const n = value.length;
  if (n < 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return Number.NaN;
  const y1 = two(value, 0);
  const y2 = two(value, 2);
  const month = two(value, 5);
  const day = two(value, 8);
  if (y1 < 0 || y2 < 0 || month < 1 || month > 12 || day < 1) return Number.NaN;
  const year = y1 * 100 + y2;
  const dim = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day > dim) return Number.NaN;
  const days = daysFromCivil(year, month, day);
  if (n === 10) return days * DAY_MS - offsetMinutes * 60_000;
  const sep = value.charCodeAt(10);
  if ((sep !== 84 && sep !== 116 && sep !== 32) || n < 16 || value.charCodeAt(13) !== 58) return Number.NaN;
  const hour = two(value, 11);
  const minute = two(value, 14);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return Number.NaN;
  let i = 16;
  let second = 0;
  let millis = 0;
  if (i < n && value.charCodeAt(i) === 58) {
    second = two(value, i + 1);
    if (second < 0 || second > 59) return Number.NaN;
    i += 3;
    if (i < n && value.charCodeAt(i) === 46) {
      i += 1;
      const start = i;
      while (i < n) {
        const d = value.charCodeAt(i) - 48;
        if (d < 0 || d > 9) break;
        if (i - start < 3) millis = millis * 10 + d;
        i += 1;
      }
      const digits = i - start;
      if (digits === 0 || digits > 9) return Number.NaN;
      if (digits === 1) millis *= 100;
      else if (digits === 2) millis *= 10;
    }
  }
  let offset = offsetMinutes;
  if (i < n) {
    const c = value.charCodeAt(i);
    if ((c === 90 || c === 122) && i + 1 === n) {
      offset = 0;
    } else if (c === 43 || c === 45) {
      const oh = two(value, i + 1);
      if (oh < 0 || oh > 14) return Number.NaN;
      let om = 0;
      const rest = n - (i + 3);
      if (rest === 3 && value.charCodeAt(i + 3) === 58) om = two(value, i + 4);
      else if (rest === 2) om = two(value, i + 3);
      else if (rest !== 0) return Number.NaN;
      if (om < 0 || om > 59) return Number.NaN;
      offset = (c === 45 ? -1 : 1) * (oh * 60 + om);
    } else {
      return Number.NaN;
    }
  }
  return days * DAY_MS + ((hour * 60 + minute - offset) * 60 + second) * 1000 + millis;
}

/**
 * Whether a valid timestamp is a bare calendar date (`'YYYY-MM-DD'`, no time of day).
 * @internal
 */
export function isDateOnly(value: unknown): boolean {
  return typeof value === 'string' && value.length === 10;
}
