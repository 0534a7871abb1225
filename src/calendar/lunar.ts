import { z } from 'zod';
import { CchcError } from '../errors/CchcError.js';
import { parseWith } from '../errors/fromZod.js';
import { dayFromCivil } from './civil.js';
import { FIRST_YEAR, type IsoDate, isoFromDay, LAST_YEAR } from './dates.js';

// Hồ Ngọc Đức's method for the Vietnamese lunisolar calendar ("Thuật toán tính âm lịch"):
// astronomical new moons (Meeus-style series) and the sun's longitude, both taken at local
// time UTC+7. Months start on the day of the new moon; month 11 holds the winter solstice; in a
// 13-month year the first month without a major solar term (trung khí) after month 11 is the leap.
// Written from the published description; checked against date-holidays for 2000–2049 and,
// month by month, against date-chinese for 2000–2100 (lunar.test.ts).

const TIME_ZONE = 7;
/** Julian day number of 1970-01-01, so day number = JD − this. */
const JD_UNIX_EPOCH = 2_440_588;
const SYNODIC_MONTH = 29.530588853;
const DR = Math.PI / 180;

/** Julian day (fractional, UT) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DR);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DR) + 0.0021 * Math.sin(2 * DR * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * DR) + 0.0161 * Math.sin(DR * 2 * Mpr);
  c1 -= 0.0004 * Math.sin(DR * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(DR * 2 * F) - 0.0051 * Math.sin(DR * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(DR * (M - Mpr)) + 0.0004 * Math.sin(DR * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(DR * (2 * F - M)) - 0.0006 * Math.sin(DR * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(DR * (2 * F - Mpr)) + 0.0005 * Math.sin(DR * (2 * Mpr + M));
  // ΔT for T ≥ −11 (after the year 800): the calendar's years 2000–2100 have T ≈ 1–2.
  const deltaT = -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Julian day number of the local (UTC+7) day holding the k-th new moon. */
function getNewMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
}

/** The sun's apparent longitude in radians, [0, 2π), at a Julian day (UT). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2_451_545.0) / 36_525;
  const T2 = T * T;
  const M = 357.5291 + 35_999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36_000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DR * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(DR * 2 * M) + 0.00029 * Math.sin(DR * 3 * M);
  let L = (L0 + DL) * DR;
  L -= Math.PI * 2 * Math.floor(L / (Math.PI * 2));
  return L;
}

/** Sector 0–11 (30° each) of the sun's longitude at the start of a local day. */
function getSunLongitude(dayNumberJd: number): number {
  return Math.floor((sunLongitude(dayNumberJd - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);
}

/** Julian day number of the first day of lunar month 11 of the lunar year around solar year `yy`. */
function getLunarMonth11(yy: number): number {
  const off = dayFromCivil(yy, 12, 31) + JD_UNIX_EPOCH - 2_415_021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = getNewMoonDay(k);
  return getSunLongitude(nm) >= 9 ? getNewMoonDay(k - 1) : nm;
}

/** In a 13-month year starting at month 11 `a11`, how many months after it the leap month comes. */
function getLeapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - 2_415_021.076998695) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = getSunLongitude(getNewMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i += 1;
    arc = getSunLongitude(getNewMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

/**
 * Day number of a lunar date, or `null` when `leap` is asked for a month that is not the leap month.
 * Trusted: `year` in range, month 1–12, day 1–30.
 * @internal
 */
export function lunarToDayNumber(year: number, month: number, day: number, leap: boolean): number | null {
  const [a11, b11] =
    month < 11
      ? [getLunarMonth11(year - 1), getLunarMonth11(year)]
      : [getLunarMonth11(year), getLunarMonth11(year + 1)];
  const k = Math.floor(0.5 + (a11 - 2_415_021.076998695) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = getLeapMonthOffset(a11);
    // The leap month repeats the month before it: offset 1 from month 11 repeats 11, offset 2
    // repeats 12 (none falls there in 2000–2100), offset 3 repeats 1, and so on.
    let leapMonth = leapOff - 2;
    if (leapMonth <= 0) leapMonth += 12;
    if (leap && month !== leapMonth) return null;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return null;
  }
  const monthStart = getNewMoonDay(k + off);
  const nextStart = getNewMoonDay(k + off + 1);
  if (day > nextStart - monthStart) return null;
  return monthStart + day - 1 - JD_UNIX_EPOCH;
}

/**
 * Tết (1/1 lunar) of a solar year, its eve (last day of lunar month 12) and the lunar day number of
 * that eve (29 or 30). Trusted: year in range.
 * @internal
 */
export function tetOf(year: number): { tet: number; eveLunarDay: 29 | 30 } {
  const tet = lunarToDayNumber(year, 1, 1, false)!;
  // Month 12 (or a leap month 12) is the month just before: its first day is the previous new moon.
  // Tết is the day of new moon k (a true new moon lies within a day of the mean one, far less than
  // half a lunation, so the rounding finds k), hence new moon k − 1 starts the month before it.
  const k = Math.round((tet + JD_UNIX_EPOCH - 2_415_021.076998695) / SYNODIC_MONTH);
  const prevStart = getNewMoonDay(k - 1);
  return { tet, eveLunarDay: tet + JD_UNIX_EPOCH - prevStart === 30 ? 30 : 29 };
}

/**
 * A date of the Vietnamese lunar calendar (âm lịch).
 * @category Calendar
 */
export interface LunarDate {
  /** Lunar year, named by the solar year in which it mostly falls (Tết 2024 starts lunar year 2024). 2000–2100. */
  year: number;
  /** Lunar month, 1–12. */
  month: number;
  /** Day of the lunar month, 1–30. */
  day: number;
  /** `true` for the leap month (tháng nhuận) that repeats `month`. Default `false`. */
  leap?: boolean;
}

const LunarDateSchema = z.strictObject({
  year: z.number().int({ error: 'expected a whole year such as 2024.' }),
  month: z
    .number()
    .int({ error: 'expected a whole lunar month from 1 to 12.' })
    .min(1, { error: 'expected a lunar month from 1 to 12.' })
    .max(12, { error: 'expected a lunar month from 1 to 12.' }),
  day: z
    .number()
    .int({ error: 'expected a whole lunar day from 1 to 30.' })
    .min(1, { error: 'expected a lunar day from 1 to 30.' })
    .max(30, { error: 'expected a lunar day from 1 to 30.' }),
  leap: z.boolean().optional(),
});

/**
 * Converts a Vietnamese lunar date (âm lịch, UTC+7) to its solar date.
 *
 * @remarks
 * Hồ Ngọc Đức's published method: astronomical new moons and solar terms computed at UTC+7, month
 * 11 holding the winter solstice, the leap month being the first without a major solar term. The
 * Vietnamese calendar differs from the Chinese one (UTC+8) in some years (e.g. Tết 1985), which is
 * why it is computed here rather than taken from a Chinese-calendar table. Checked against
 * date-holidays 3.37.0 for Tết and Hùng Kings day in every year 2000–2049 (dossier-index.md §5,
 * **H**). For 2050 they disagree on Hùng Kings day: date-holidays gives 2050-03-31, this method
 * 2050-04-01. Here the new moon opening lunar month 3 falls at 07:43 on 23/3/2050 in Vietnam (00:43
 * UTC), so the month starts on 23/3 and its 10th day is 1/4; date-holidays' date implies a month
 * starting on 22/3, as a computation near UTC midnight (or less precise) would give. Not resolved
 * from an authoritative almanac, so treat 2050 onward as **M**. Every month of 2000–2100 also agrees
 * with date-chinese 2.1.4 (Meeus' full series) but six: its two leap months in 2033 and in 2052,
 * and two new moons within a minute and a half of midnight (2072, 2077), which neither settles.
 *
 * @param lunar - `{ year, month, day, leap? }`; `year` from 2000 to 2100.
 * @returns the solar date `'YYYY-MM-DD'`.
 * @throws {@link CchcError} `INVALID_INPUT` for a malformed lunar date (path `['lunar', 'month']`…);
 *   `INVALID_CALENDAR` for a year outside 2000–2100, a leap month that year does not have, or a day 30
 *   in a 29-day month.
 * @example
 * ```ts
 * import { lunarToSolar } from 'cchc-index';
 * lunarToSolar({ year: 2024, month: 1, day: 1 }); // Tết Giáp Thìn
 * // => '2024-02-10'
 * lunarToSolar({ year: 2027, month: 3, day: 10 }); // Giỗ Tổ Hùng Vương
 * // => '2027-04-16'
 * lunarToSolar({ year: 2023, month: 2, day: 1, leap: true }); // tháng 2 nhuận
 * // => '2023-03-22'
 * ```
 * @category Calendar
 */
export function lunarToSolar(lunar: LunarDate): IsoDate {
  const { lunar: l } = parseWith(z.object({ lunar: LunarDateSchema }), { lunar });
  if (l.year < FIRST_YEAR || l.year > LAST_YEAR) {
    throw new CchcError('INVALID_CALENDAR', [
      {
        path: ['lunar', 'year'],
        message: `expected a lunar year from ${FIRST_YEAR} to ${LAST_YEAR}, received ${l.year}.`,
      },
    ]);
  }
  const day = lunarToDayNumber(l.year, l.month, l.day, l.leap ?? false);
  if (day === null) {
    throw new CchcError('INVALID_CALENDAR', [
      {
        path: ['lunar'],
        message: l.leap
          ? `lunar year ${l.year} has no leap month ${l.month}.`
          : `lunar month ${l.month} of ${l.year} has only 29 days, received day ${l.day}.`,
      },
    ]);
  }
  return isoFromDay(day);
}
