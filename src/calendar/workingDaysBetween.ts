import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import {
  type Calendar,
  CalendarOnlyOptionsSchema,
  defaultCalendar,
  tableAndIndex,
  yearTableOf,
} from './createCalendar.js';
import { type DateInput, DayInputSchema } from './dates.js';
import type { CalendarFunctionOptions } from './vietnamHolidays.js';

/**
 * Working days in `(start, end]` when `start ≤ end`, minus those in `(end, start]` otherwise. Trusted.
 * @internal
 */
export function countWorkingDays(calendar: Calendar, start: number, end: number): number {
  if (end < start) return -countWorkingDays(calendar, end, start);
  const a = tableAndIndex(calendar, start, ['start']);
  const b = tableAndIndex(calendar, end, ['end']);
  if (a.table.year === b.table.year) return b.table.cum[b.i + 1]! - a.table.cum[a.i + 1]!;
  let count = a.table.total - a.table.cum[a.i + 1]! + b.table.cum[b.i + 1]!;
  for (let y = a.table.year + 1; y < b.table.year; y += 1) count += yearTableOf(calendar, y, ['end']).total;
  return count;
}

const ArgsSchema = z.object({
  start: DayInputSchema,
  end: DayInputSchema,
  options: CalendarOnlyOptionsSchema,
});

/**
 * Counts the working days from `start` to `end`: those **after `start`, up to and including `end`**.
 *
 * @remarks
 * The interval is half-open, `(start, end]`: `start` is never counted, `end` is counted when it is a
 * working day. That is how a processing time runs from a reception day (Civil Code 2015 Art. 147(2): a
 * period in days starts on the day after, **M** from memory), and it makes this the inverse of
 * {@link addWorkingDays}: `workingDaysBetween(d, addWorkingDays(d, n)) === n` for `n ≥ 0`. Same
 * dates give 0; `end` before `start` gives the negated count of `(end, start]`. Working days follow
 * {@link isWorkingDay}.
 *
 * @param start - `'YYYY-MM-DD'` or a `Date` (Vietnam time); not counted.
 * @param end - `'YYYY-MM-DD'` or a `Date` (Vietnam time); counted if a working day.
 * @param options - `calendar` (default: the built-in calendar).
 * @returns the number of working days (negative when `end < start`).
 * @throws {@link CchcError} `INVALID_INPUT` for a malformed date (path `['start']` or `['end']`);
 *   `INVALID_CALENDAR` for a date outside 2000–2100.
 * @example
 * ```ts
 * import { workingDaysBetween } from 'cchc-index';
 * workingDaysBetween('2024-02-07', '2024-02-15'); // Tết 8–14/2 off: only 15/2 counts
 * // => 1
 * workingDaysBetween('2024-03-04', '2024-03-08'); // Mon → Fri: Tue, Wed, Thu, Fri
 * // => 4
 * workingDaysBetween('2024-03-08', '2024-03-04');
 * // => -4
 * ```
 * @category Calendar
 */
export function workingDaysBetween(
  start: DateInput,
  end: DateInput,
  options?: CalendarFunctionOptions,
): number {
  const args = parseWith(ArgsSchema, { start, end, options });
  const calendar = args.options?.calendar ?? defaultCalendar();
  tableAndIndex(calendar, args.start, ['start']);
  tableAndIndex(calendar, args.end, ['end']);
  return countWorkingDays(calendar, args.start, args.end);
}
