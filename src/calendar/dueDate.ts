import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { CountSchema } from '../numeric/schemas.js';
import { addWorkingDayNumbers } from './addWorkingDays.js';
import {
  CalendarOnlyOptionsSchema,
  defaultCalendar,
  isWorkingDayNumber,
  tableAndIndex,
} from './createCalendar.js';
import { DateTimeInputSchema, type IsoDate, isoFromDay } from './dates.js';
import type { CalendarFunctionOptions } from './vietnamHolidays.js';

/**
 * A procedure's processing time and reception moment, for {@link dueDate}.
 * @category Calendar
 */
export interface DueDateInput {
  /**
   * When the dossier was received: `'YYYY-MM-DD'` (time unknown: the cut-off is not applied),
   * `'YYYY-MM-DDTHH:mm'` or `'YYYY-MM-DDTHH:mm:ss'` in Vietnam time, the same with an offset (`'Z'`,
   * `'+07:00'`), or a `Date` (read in Vietnam time, UTC+7).
   */
  receivedAt: string | Date;
  /** The processing time the procedure declares, in `unit`: a whole number ≥ 0. */
  processingDays: number | string;
  /**
   * `'working-days'` (ngày làm việc, default), `'days'` (calendar days, ngày) or `'hours'` (giờ, counted
   * as ⌈hours ÷ `hoursPerDay`⌉ working days).
   */
  unit?: 'working-days' | 'days' | 'hours';
  /**
   * Reception cut-off `'HH:mm'` in Vietnam time, e.g. `'15:00'`: a dossier received strictly after it
   * (15:00:01 or later) counts as received on the next working day. Not set by default: the cut-off
   * belongs to particular procedures (chứng thực under NĐ 23/2015 Art. 21, hộ tịch extracts…).
   */
  cutoff?: string;
  /**
   * Whether the reception day is the first day of the processing time. Default `false`: counting
   * starts the day after (Civil Code 2015 Art. 147(2), **M**; Bkav eGovCloud's "bỏ qua ngày tiếp nhận").
   */
  countReceptionDay?: boolean;
  /** Working hours in a day, for `unit: 'hours'`: a whole number 1–24. Default 8. */
  hoursPerDay?: number;
}

/**
 * The due date of a procedure, with how it was reached.
 * @category Calendar
 */
export interface DueDateResult {
  /** The due date (ngày hẹn trả), `'YYYY-MM-DD'`. */
  readonly due: IsoDate;
  /** The Vietnam-local date of reception. */
  readonly receivedOn: IsoDate;
  /**
   * The day treated as the reception day: `receivedOn`, or the next working day when it was received
   * on a day off or after the cut-off.
   */
  readonly countedAsReceivedOn: IsoDate;
  /** `true` when a cut-off was given and the reception time was after it. */
  readonly afterCutoff: boolean;
  /** The processing time in working days (for `'hours'`, after conversion) or calendar days. */
  readonly processingDays: number;
  /** The unit the processing time was counted in (`'hours'` is reported as `'working-days'`). */
  readonly unit: 'working-days' | 'days';
}

const CUTOFF = /^([01]\d|2[0-3]):([0-5]\d)$/;

const InputSchema = z.strictObject({
  receivedAt: DateTimeInputSchema,
  processingDays: CountSchema,
  unit: z.enum(['working-days', 'days', 'hours']).optional(),
  cutoff: z
    .string({ error: "expected a cut-off time 'HH:mm' such as '15:00'." })
    .regex(CUTOFF, {
      error: (iss) =>
        `expected a cut-off time 'HH:mm' such as '15:00', received ${JSON.stringify(iss.input)}.`,
    })
    .optional(),
  countReceptionDay: z.boolean().optional(),
  hoursPerDay: z
    .number()
    .int({ error: 'expected a whole number of hours from 1 to 24.' })
    .min(1, { error: 'expected a whole number of hours from 1 to 24.' })
    .max(24, { error: 'expected a whole number of hours from 1 to 24.' })
    .optional(),
});

const ArgsSchema = z.object({ input: InputSchema, options: CalendarOnlyOptionsSchema });

/**
 * Computes the due date (ngày hẹn trả kết quả) of a procedure from its reception moment and its
 * processing time.
 *
 * @remarks
 * 1. The reception day is the Vietnam-local date of `receivedAt`. If that is not a working day, or if
 *    a `cutoff` is set and the dossier came strictly after it, the dossier counts as received on the
 *    next working day. There is no national cut-off: 15:00 is written into particular procedures
 *    (chứng thực, NĐ 23/2015 Art. 21; hộ tịch), **M-H**; vendors make it a setting (Bkav eGovCloud
 *    `WorktimeType`), dossier-index.md §4.3.
 * 2. `'working-days'`: the due date is the `n`-th working day after that day
 *    ({@link addWorkingDays}), or the `n`-th counting it when `countReceptionDay` (so 1 working day
 *    is the same day: "trả trong ngày"). `n = 0` gives the reception day.
 * 3. `'days'`: `n` calendar days after (or counting) the reception day; a due date on a day off moves
 *    to the next working day (Civil Code 2015 Art. 148(5), **M** from memory).
 * 4. `'hours'`: ⌈hours ÷ `hoursPerDay`⌉ working days, then as 2 (office hours inside a day are not
 *    modelled).
 *
 * @param input - see {@link DueDateInput}.
 * @param options - `calendar` (default: the built-in calendar).
 * @returns the due date and the reception day used, see {@link DueDateResult}.
 * @throws {@link CchcError} `INVALID_INPUT` for a malformed input (path starts with `'input'`, e.g.
 *   `['input', 'cutoff']`); `INVALID_CALENDAR` when a date lies outside 2000–2100.
 * @example
 * ```ts
 * import { dueDate } from 'cchc-index';
 * dueDate({ receivedAt: '2024-02-07T10:00', processingDays: 3 }).due; // Tết 8–14/2 off
 * // => '2024-02-19'
 * dueDate({ receivedAt: '2024-03-04T15:00', processingDays: 1, cutoff: '15:00', countReceptionDay: true }).due;
 * // => '2024-03-04'
 * dueDate({ receivedAt: '2024-03-04T15:00:01', processingDays: 1, cutoff: '15:00', countReceptionDay: true });
 * // => { due: '2024-03-05', receivedOn: '2024-03-04', countedAsReceivedOn: '2024-03-05', afterCutoff: true, processingDays: 1, unit: 'working-days' }
 * dueDate({ receivedAt: '2024-04-26', processingDays: 10, unit: 'days' }).due; // 6/5 is a Monday
 * // => '2024-05-06'
 * ```
 * @category Calendar
 */
export function dueDate(input: DueDateInput, options?: CalendarFunctionOptions): DueDateResult {
  const { input: i, options: opts } = parseWith(ArgsSchema, { input, options });
  const calendar = opts?.calendar ?? defaultCalendar();
  const path = ['input', 'receivedAt'];
  const received = i.receivedAt.day;
  tableAndIndex(calendar, received, path);
  let afterCutoff = false;
  if (i.cutoff !== undefined && i.receivedAt.msOfDay !== null) {
    const cutoffMs = (Number(i.cutoff.slice(0, 2)) * 60 + Number(i.cutoff.slice(3, 5))) * 60_000;
    afterCutoff = i.receivedAt.msOfDay > cutoffMs;
  }
  const reception =
    !afterCutoff && isWorkingDayNumber(calendar, received, path)
      ? received
      : addWorkingDayNumbers(calendar, received, 1, path);
  const unit = i.unit ?? 'working-days';
  const n = unit === 'hours' ? Math.ceil(i.processingDays / (i.hoursPerDay ?? 8)) : i.processingDays;
  const steps = i.countReceptionDay && n >= 1 ? n - 1 : n;
  let due: number;
  if (unit === 'days') {
    due = reception + steps;
    if (!isWorkingDayNumber(calendar, due, path)) due = addWorkingDayNumbers(calendar, due, 1, path);
  } else {
    due = addWorkingDayNumbers(calendar, reception, steps, path);
  }
  return Object.freeze({
    due: isoFromDay(due),
    receivedOn: isoFromDay(received),
    countedAsReceivedOn: isoFromDay(reception),
    afterCutoff,
    processingDays: n,
    unit: unit === 'days' ? 'days' : 'working-days',
  });
}
