import { z } from 'zod';
import { CchcError } from '../errors/CchcError.js';
import { describeValue } from '../errors/fromZod.js';
import { civilFromDay, dayFromCivil } from './civil.js';

export { civilFromDay, dayFromCivil };

/**
 * A plain calendar date written `'YYYY-MM-DD'` (e.g. `'2024-02-10'`), with no time and no time zone.
 * Every date the calendar functions return has this form.
 *
 * @category Calendar
 */
export type IsoDate = string;

/**
 * A date as the calendar functions accept it: an {@link IsoDate} string, or a `Date` read in Vietnam
 * time (Asia/Ho_Chi_Minh, UTC+7, fixed since 1975) whatever the machine's time zone.
 *
 * @category Calendar
 */
export type DateInput = IsoDate | Date;

/** Milliseconds in a day. @internal */
export const MS_PER_DAY = 86_400_000;
/** Vietnam's offset from UTC (UTC+7, no daylight saving since 1975). @internal */
export const VN_OFFSET_MS = 7 * 3_600_000;
/** First and last years the calendar knows (lunar dates are computed for these). @internal */
export const FIRST_YEAR = 2000;
/** @internal */
export const LAST_YEAR = 2100;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `'YYYY-MM-DD'` of a day number. @internal */
export function isoFromDay(dayNumber: number): IsoDate {
  const [y, m, d] = civilFromDay(dayNumber);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Year of a day number. @internal */
export function yearOfDay(dayNumber: number): number {
  return civilFromDay(dayNumber)[0];
}

/** Day of the week of a day number: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). @internal */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Days in a month of the Gregorian calendar. @internal */
export function daysInMonth(year: number, month: number): number {
  return (
    dayFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
    dayFromCivil(year, month, 1)
  );
}

/**
 * Reads `'YYYY-MM-DD'`; returns the day number or a sentence saying what is wrong.
 * @internal
 */
export function readIsoDate(text: string): number | string {
  const m = ISO_DATE.exec(text);
  if (!m) {
    return `expected a date written 'YYYY-MM-DD' such as '2024-02-10', received ${describeValue(text)}.`;
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12)
    return `expected a real date 'YYYY-MM-DD', received ${describeValue(text)}: there is no month ${month}.`;
  const dim = daysInMonth(year, month);
  if (day < 1 || day > dim) {
    return `expected a real date 'YYYY-MM-DD', received ${describeValue(text)}: ${String(month).padStart(2, '0')}/${year} has ${dim} days.`;
  }
  return dayFromCivil(year, month, day);
}

/**
 * Vietnam-local day number and milliseconds since local midnight of an instant.
 * @internal
 */
export function vietnamDayAndTime(ms: number): { day: number; msOfDay: number } {
  const local = ms + VN_OFFSET_MS;
  const day = Math.floor(local / MS_PER_DAY);
  return { day, msOfDay: local - day * MS_PER_DAY };
}

/**
 * A real calendar date written `'YYYY-MM-DD'`; the output is the same string.
 *
 * @example
 * ```ts
 * import { IsoDateSchema } from 'cchc-index';
 * IsoDateSchema.parse('2024-02-10');
 * // => '2024-02-10'
 * IsoDateSchema.safeParse('2024-02-30').success;
 * // => false
 * IsoDateSchema.safeParse('2024-2-3').success;
 * // => false
 * ```
 * @category Calendar
 */
export const IsoDateSchema = z
  .string({
    error: (iss) =>
      iss.input === undefined
        ? `is required: expected a date written 'YYYY-MM-DD'.`
        : `expected a date written 'YYYY-MM-DD', received ${describeValue(iss.input)}.`,
  })
  .superRefine((text, ctx) => {
    const read = readIsoDate(text);
    if (typeof read === 'string') ctx.addIssue({ code: 'custom', message: read, input: text });
  });

/**
 * A date given as `'YYYY-MM-DD'` or a valid `Date` (read in Vietnam time), turned into a day number.
 * @internal
 */
export const DayInputSchema = z
  .union([z.string(), z.date()], {
    error: (iss) =>
      `expected a date 'YYYY-MM-DD' or a Date, received ${iss.input instanceof Date ? 'an invalid Date (NaN time)' : describeValue(iss.input)}.`,
  })
  .transform((value, ctx) => {
    if (value instanceof Date) return vietnamDayAndTime(value.getTime()).day;
    const read = readIsoDate(value);
    if (typeof read === 'string') {
      ctx.addIssue({ code: 'custom', message: read, input: value });
      return z.NEVER;
    }
    return read;
  });

const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * A reception moment: `'YYYY-MM-DD'` (time unknown), `'YYYY-MM-DDTHH:mm[:ss[.sss]]'` in Vietnam time,
 * the same with an offset (`Z`, `+07:00`), or a `Date`. Output: Vietnam-local day number and
 * milliseconds since local midnight (`null` when no time was given).
 * @internal
 */
export const DateTimeInputSchema = z
  .union([z.string(), z.date()], {
    error: (iss) =>
      `expected a date 'YYYY-MM-DD', a date-time 'YYYY-MM-DDTHH:mm' or a Date, received ${iss.input instanceof Date ? 'an invalid Date (NaN time)' : describeValue(iss.input)}.`,
  })
  .transform((value, ctx): { day: number; msOfDay: number | null } => {
    if (value instanceof Date) return vietnamDayAndTime(value.getTime());
    const m = DATE_TIME.exec(value);
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message, input: value });
      return z.NEVER;
    };
    if (!m) {
      return fail(
        `expected a date 'YYYY-MM-DD' or a date-time 'YYYY-MM-DDTHH:mm[:ss]' (Vietnam time unless an offset such as '+07:00' or 'Z' is given), received ${describeValue(value)}.`,
      );
    }
    const day = readIsoDate(m[1]!);
    if (typeof day === 'string') return fail(day);
    if (m[2] === undefined) return { day, msOfDay: null };
    const [hh, mm, ss, frac] = [
      Number(m[2]),
      Number(m[3]),
      Number(m[4] ?? 0),
      Number((m[5] ?? '0').padEnd(3, '0')),
    ];
    if (hh > 23 || mm > 59 || ss > 59)
      return fail(`expected a time of day from 00:00 to 23:59:59, received ${describeValue(value)}.`);
    let ms = ((hh * 60 + mm) * 60 + ss) * 1000 + frac;
    const offset = m[6];
    if (offset === undefined) return { day, msOfDay: ms };
    let offsetMs = 0;
    if (offset !== 'Z') {
      const om = Number(offset.slice(4, 6));
      const minutes = Number(offset.slice(1, 3)) * 60 + om;
      if (om > 59 || minutes > 14 * 60)
        return fail(`expected a UTC offset from -14:00 to +14:00, received ${describeValue(value)}.`);
      offsetMs = (offset[0] === '-' ? -1 : 1) * minutes * 60_000;
    }
    ms = day * MS_PER_DAY + ms - offsetMs;
    return vietnamDayAndTime(ms);
  });

/**
 * Throws `INVALID_CALENDAR` when a day lies outside the years the calendar knows.
 * @internal
 */
export function checkKnownDay(dayNumber: number, path: readonly (string | number)[]): void {
  const year = yearOfDay(dayNumber);
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw new CchcError('INVALID_CALENDAR', [
      {
        path,
        message: `the calendar knows the years ${FIRST_YEAR}–${LAST_YEAR} (Tết and Hùng Kings day are computed for those years only), received ${isoFromDay(dayNumber)}.`,
      },
    ]);
  }
}
