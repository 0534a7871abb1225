import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { CalendarOnlyOptionsSchema, defaultCalendar, isWorkingDayNumber } from './createCalendar.js';
import { type DateInput, DayInputSchema } from './dates.js';
import type { CalendarFunctionOptions } from './vietnamHolidays.js';

const ArgsSchema = z.object({ date: DayInputSchema, options: CalendarOnlyOptionsSchema });

/**
 * Tells whether a date is a working day (ngày làm việc): Monday–Friday, minus holidays and days off,
 * plus worked swap Saturdays.
 *
 * @remarks
 * Processing times of administrative procedures are counted in working days (DOMAIN.md). Days off
 * follow Labour Code 2019 Art. 111(3) and 112 and the calendar's yearly arrangements (e.g. off Mon
 * 29/4/2024, worked Sat 4/5/2024 under Công văn 2450/VPCP-KGVX, **H**). After a year is first used,
 * the answer is a table look-up.
 *
 * @param date - `'YYYY-MM-DD'` or a `Date` (read in Vietnam time, UTC+7).
 * @param options - `calendar` (default: the built-in calendar).
 * @returns `true` for a working day.
 * @throws {@link CchcError} `INVALID_INPUT` for a malformed date (path `['date']`); `INVALID_CALENDAR`
 *   for a date outside 2000–2100.
 * @example
 * ```ts
 * import { isWorkingDay } from 'cchc-index';
 * isWorkingDay('2024-02-14'); // Tết 2024 ran 8–14/2
 * // => false
 * isWorkingDay('2024-05-04'); // Saturday worked for the 29/4 swap
 * // => true
 * isWorkingDay('2024-02-15');
 * // => true
 * ```
 * @category Calendar
 */
export function isWorkingDay(date: DateInput, options?: CalendarFunctionOptions): boolean {
  const args = parseWith(ArgsSchema, { date, options });
  return isWorkingDayNumber(args.options?.calendar ?? defaultCalendar(), args.date, ['date']);
}
