import { z } from 'zod';
import { CchcError } from '../errors/CchcError.js';
import { parseWith } from '../errors/fromZod.js';
import { type Calendar, CalendarOnlyOptionsSchema, defaultCalendar, yearTableOf } from './createCalendar.js';
import { FIRST_YEAR, LAST_YEAR } from './dates.js';
import type { Holiday } from './Holiday.js';

/**
 * The options of the calendar functions: which calendar to use.
 * @category Calendar
 */
export interface CalendarFunctionOptions {
  /** A calendar from {@link createCalendar}. Default: the built-in one (official arrangements, Sat–Sun weekend). */
  calendar?: Calendar;
}

const ArgsSchema = z.object({
  year: z
    .number({ error: 'expected a year such as 2024.' })
    .int({ error: 'expected a whole year such as 2024.' }),
  options: CalendarOnlyOptionsSchema,
});

/**
 * Lists the public holidays (days off) of one year in Vietnam, each dated and explained.
 *
 * @remarks
 * Labour Code 2019 Art. 112 (from 2021; 2012 Art. 115 before): 1/1; Tết Nguyên Đán; Hùng Kings day
 * (10/3 lunar, since 2007); 30/4; 1/5; 2/9 plus, from 2021, one adjacent day; nghỉ bù for a holiday on
 * a weekly rest day (Art. 111(3)); plus the calendar's arrangements (swaps, Tết spans). A holiday on
 * a weekend stays in the list beside its substitute day. Two holidays may share a date (an extra day
 * off given on 2/9, say): both are listed. See {@link createCalendar} for the order of the layers
 * and the sources (dossier-index.md §4–§5).
 *
 * @param year - a solar year from 2000 to 2100.
 * @param options - `calendar` (default: the built-in calendar).
 * @returns the days off sorted by date, each with `name` (vi, en), `kind`, `origin`, `basis`,
 *   `confidence`, `substitute` and `substituteFor`.
 * @throws {@link CchcError} `INVALID_INPUT` for a year that is not a whole number (path `['year']`) or bad
 *   options; `INVALID_CALENDAR` for a year outside 2000–2100.
 * @example
 * ```ts
 * import { vietnamHolidays } from 'cchc-index';
 * vietnamHolidays(2024).filter((h) => h.kind === 'tet').map((h) => h.date);
 * // => ['2024-02-08', '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14']
 * vietnamHolidays(2023).find((h) => h.date === '2023-09-04')?.name;
 * // => { vi: 'Nghỉ bù Quốc khánh', en: 'National Day (substitute day)' }
 * vietnamHolidays(2024).find((h) => h.date === '2024-04-29')?.kind;
 * // => 'swap-day-off'
 * ```
 * @category Calendar
 */
export function vietnamHolidays(year: number, options?: CalendarFunctionOptions): readonly Holiday[] {
  const args = parseWith(ArgsSchema, { year, options });
  if (args.year < FIRST_YEAR || args.year > LAST_YEAR) {
    throw new CchcError('INVALID_CALENDAR', [
      {
        path: ['year'],
        message: `expected a year from ${FIRST_YEAR} to ${LAST_YEAR} (Tết and Hùng Kings day are computed for those years only), received ${args.year}.`,
      },
    ]);
  }
  return yearTableOf(args.options?.calendar ?? defaultCalendar(), args.year, ['year']).holidays;
}
