import { z } from 'zod';
import { CchcError } from '../errors/CchcError.js';
import { describeValue, parseWith } from '../errors/fromZod.js';
import {
  type Calendar,
  CalendarOnlyOptionsSchema,
  defaultCalendar,
  tableAndIndex,
  yearTableOf,
} from './createCalendar.js';
import { type DateInput, DayInputSchema, FIRST_YEAR, type IsoDate, isoFromDay, LAST_YEAR } from './dates.js';
import type { CalendarFunctionOptions } from './vietnamHolidays.js';
import { nthWorkingIndex } from './yearTable.js';

/**
 * The day `n` working days after (`n > 0`) or before (`n < 0`) `day`. Jumps whole years by their
 * working-day totals and binary-searches inside a year. Trusted.
 * @internal
 */
export function addWorkingDayNumbers(
  calendar: Calendar,
  day: number,
  n: number,
  path: readonly (string | number)[],
): number {
  const { table, i } = tableAndIndex(calendar, day, path);
  if (n === 0) return day;
  const tooFar = () =>
    new CchcError('INVALID_CALENDAR', [
      {
        path,
        message: `counting ${n} working days from ${isoFromDay(day)} goes ${n > 0 ? `past ${LAST_YEAR}-12-31, the last` : `before ${FIRST_YEAR}-01-01, the first`} day the calendar knows.`,
      },
    ]);
  let t = table;
  let remaining = Math.abs(n);
  if (n > 0) {
    let base = table.cum[i + 1]!;
    let available = table.total - base;
    while (remaining > available) {
      remaining -= available;
      if (t.year + 1 > LAST_YEAR) throw tooFar();
      t = yearTableOf(calendar, t.year + 1, path);
      base = 0;
      available = t.total;
    }
    return t.start + nthWorkingIndex(t, base + remaining);
  }
  let available = table.cum[i]!;
  while (remaining > available) {
    remaining -= available;
    if (t.year - 1 < FIRST_YEAR) throw tooFar();
    t = yearTableOf(calendar, t.year - 1, path);
    available = t.total;
  }
  return t.start + nthWorkingIndex(t, available - remaining + 1);
}

const ArgsSchema = z.object({
  date: DayInputSchema,
  n: z
    .number({
      error: (iss) => `expected a whole number of working days, received ${describeValue(iss.input)}.`,
    })
    .refine(Number.isSafeInteger, {
      error: (iss) => `expected a whole number of working days, received ${describeValue(iss.input)}.`,
    }),
  options: CalendarOnlyOptionsSchema,
});

/**
 * Adds (or, with a negative `n`, subtracts) working days to a date.
 *
 * @remarks
 * For `n > 0` the result is the `n`-th working day **after** `date` (the date itself is not counted,
 * whether or not it is a working day); for `n < 0`, the `|n|`-th working day before it; `n = 0` gives
 * `date` back unchanged. So `workingDaysBetween(d, addWorkingDays(d, n)) === n` for `n ≥ 0`, and
 * `addWorkingDays(addWorkingDays(d, a), b)` equals `addWorkingDays(d, a + b)` for `a, b ≥ 0`.
 * Working days follow {@link isWorkingDay} (Labour Code 2019 Art. 111(3), 112 and the yearly
 * arrangements). Whole years are skipped using their working-day totals.
 *
 * @param date - `'YYYY-MM-DD'` or a `Date` (read in Vietnam time, UTC+7).
 * @param n - a whole number of working days, positive, zero or negative.
 * @param options - `calendar` (default: the built-in calendar).
 * @returns the resulting date, `'YYYY-MM-DD'`.
 * @throws {@link CchcError} `INVALID_INPUT` for a malformed date (path `['date']`) or a fractional,
 *   NaN or unsafe `n` (path `['n']`); `INVALID_CALENDAR` when `date` or the result lies outside
 *   2000–2100.
 * @example
 * ```ts
 * import { addWorkingDays } from 'cchc-index';
 * addWorkingDays('2024-02-07', 1); // Tết 2024: 8–14/2 off
 * // => '2024-02-15'
 * addWorkingDays('2024-04-26', 3); // 29/4 swap, 30/4, 1/5 off; Sat 4/5 worked
 * // => '2024-05-04'
 * addWorkingDays('2024-02-15', -1);
 * // => '2024-02-07'
 * ```
 * @category Calendar
 */
export function addWorkingDays(date: DateInput, n: number, options?: CalendarFunctionOptions): IsoDate {
  const args = parseWith(ArgsSchema, { date, n, options });
  const calendar = args.options?.calendar ?? defaultCalendar();
  tableAndIndex(calendar, args.date, ['date']);
  return isoFromDay(addWorkingDayNumbers(calendar, args.date, args.n, ['n']));
}
