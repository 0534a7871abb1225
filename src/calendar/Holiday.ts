import type { Confidence } from './ArrangementSchema.js';
import type { IsoDate } from './dates.js';

/**
 * Which holiday a day off belongs to:
 * `'new-year-day'` (Tết Dương lịch, 1/1), `'tet'` (Tết Nguyên Đán), `'hung-kings-day'` (Giỗ Tổ Hùng
 * Vương, 10/3 lunar), `'reunification-day'` (Ngày Chiến thắng, 30/4), `'labour-day'` (1/5),
 * `'national-day'` (Quốc khánh, 2/9 and, from 2021, an adjacent day), `'swap-day-off'` (a weekday off
 * worked back on another day) or `'day-off'` (any other day off from data).
 *
 * @category Calendar
 */
export type HolidayKind =
  | 'new-year-day'
  | 'tet'
  | 'hung-kings-day'
  | 'reunification-day'
  | 'labour-day'
  | 'national-day'
  | 'swap-day-off'
  | 'day-off';

/**
 * One dated day off, with where it comes from.
 *
 * @category Calendar
 */
export interface Holiday {
  /** The day off, `'YYYY-MM-DD'`. */
  readonly date: IsoDate;
  /** Which holiday it belongs to. */
  readonly kind: HolidayKind;
  /** Its name in Vietnamese and English, e.g. `{ vi: 'Nghỉ bù Quốc khánh', en: 'National Day (substitute day)' }`. */
  readonly name: { readonly vi: string; readonly en: string };
  /**
   * `'rule'`: from the Labour Code rules; `'arrangement'`: from the calendar's arrangements data
   * (e.g. {@link OFFICIAL_ARRANGEMENTS}); `'extra'`: from the calendar's `extraHolidays`.
   */
  readonly origin: 'rule' | 'arrangement' | 'extra';
  /** The rule (article) or the arrangement's source note it comes from. */
  readonly basis: string;
  /** Confidence of the basis (`null` for the caller's own `extraHolidays`). */
  readonly confidence: Confidence | null;
  /**
   * `true` for a day off given in place of another: nghỉ bù for a holiday on a weekly rest day
   * (Art. 111(3)) or a Tết day moved off a weekend.
   */
  readonly substitute: boolean;
  /** The holiday date it replaces when `substitute`, else `null`. */
  readonly substituteFor: IsoDate | null;
}
