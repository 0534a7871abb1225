/**
 * Day numbers of the proleptic Gregorian calendar, in integer arithmetic, with no dependency: the
 * CSV reader's helper threads load them without the schemas of dates.ts.
 * @internal
 * @module
 */

/**
 * Day number (days since 1970-01-01) of a proleptic Gregorian date; pure integer arithmetic
 * (Howard Hinnant's `days_from_civil`).
 * @internal
 */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * Year, month (1–12) and day of a day number (Hinnant's `civil_from_days`).
 * @internal
 */
export function civilFromDay(dayNumber: number): [year: number, month: number, day: number] {
  const z0 = dayNumber + 719_468;
  const era = Math.floor(z0 / 146_097);
  const doe = z0 - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}
