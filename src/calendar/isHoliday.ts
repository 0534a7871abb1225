import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { CalendarOnlyOptionsSchema, defaultCalendar, tableAndIndex } from './createCalendar.js';
import { type DateInput, DayInputSchema } from './dates.js';
import type { CalendarFunctionOptions } from './vietnamHolidays.js';

const ArgsSchema = z.object({ date: DayInputSchema, options: CalendarOnlyOptionsSchema });

/**
 * Tells whether a date is a public holiday or another day off of the calendar (a substitute day, a
 * swap day off), whatever the weekday.
 *
 * @remarks
 * A holiday falling on a weekend is still a holiday (its nghỉ bù, Labour Code 2019 Art. 111(3), is
 * another date). An ordinary weekend day is not a holiday: use {@link isWorkingDay} to count
 * deadlines. A day made a worked day by an arrangement is not a holiday. The list behind it is
 * {@link vietnamHolidays}.
 *
 * @param date - `'YYYY-MM-DD'` or a `Date` (read in Vietnam time, UTC+7).
 * @param options - `calendar` (default: the built-in calendar).
 * @returns `true` when the calendar lists a day off on that date.
 * @throws {@link CchcError} `INVALID_INPUT` for a malformed date (path `['date']`); `INVALID_CALENDAR`
 *   for a date outside 2000–2100.
 * @example
 * ```ts
 * import { isHoliday } from 'cchc-index';
 * isHoliday('2024-09-03'); // the day next to 2/9 (from 2021)
 * // => true
 * isHoliday('2022-05-03'); // nghỉ bù for 1/5/2022, a Sunday
 * // => true
 * isHoliday('2024-02-17'); // an ordinary Saturday
 * // => false
 * isHoliday(new Date('2024-02-09T18:30:00Z')); // 01:30 on 10/2 in Vietnam: mùng 1 Tết
 * // => true
 * ```
 * @category Calendar
 */
export function isHoliday(date: DateInput, options?: CalendarFunctionOptions): boolean {
  const args = parseWith(ArgsSchema, { date, options });
  const { table, i } = tableAndIndex(args.options?.calendar ?? defaultCalendar(), args.date, ['date']);
  return table.holidayFlags[i] === 1;
}
