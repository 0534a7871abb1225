import { z } from 'zod';
import { CchcError } from '../errors/CchcError.js';
import { issueFromZod, parseWith, safeParse } from '../errors/fromZod.js';
import {
  type Arrangement,
  type ArrangementInput,
  ArrangementSchema,
  NameSchema,
} from './ArrangementSchema.js';
import {
  checkKnownDay,
  type DateInput,
  DayInputSchema,
  FIRST_YEAR,
  type IsoDate,
  isoFromDay,
  LAST_YEAR,
  readIsoDate,
  yearOfDay,
} from './dates.js';
import { OFFICIAL_ARRANGEMENTS } from './officialArrangements.js';
import { buildYearTable, type CalendarIndex, type DayEvent, viDate, type YearTable } from './yearTable.js';

/**
 * A day of the week, as used by the `weekend` option.
 * @category Calendar
 */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * Options of {@link createCalendar}. Every field is optional; `createCalendar()` is the built-in
 * calendar the other functions use by default.
 *
 * @category Calendar
 */
export interface CalendarOptions {
  /**
   * The yearly official arrangements (Tết spans, swaps, extra days off, worked days). Default
   * {@link OFFICIAL_ARRANGEMENTS}. The list given **replaces** the default: extend it with
   * `[...OFFICIAL_ARRANGEMENTS, ...yours]`. Later entries win over earlier ones on the same date (a
   * `tet-span` over an earlier `tet-span` of the same year).
   */
  arrangements?: readonly ArrangementInput[];
  /**
   * More days off, applied after the arrangements: a date, or `{ date, name? }`
   * (`name: { vi, en }`). Listed with `origin: 'extra'`.
   */
  extraHolidays?: readonly (DateInput | { date: DateInput; name?: { vi: string; en: string } })[];
  /**
   * Days worked whatever the rules and arrangements say (e.g. a swap Saturday, a local decision),
   * applied last. A holiday on such a day is dropped.
   */
  extraWorkingDays?: readonly DateInput[];
  /**
   * The weekly rest days. Default `['sat', 'sun']` (government working week Mon–Fri; QĐ 188/1999/QĐ-TTg,
   * **M**). Nghỉ bù goes to the next day that is neither a rest day nor a holiday; a Tết day on a
   * Saturday rest day moves to the previous working day, on any other rest day to the next.
   */
  weekend?: readonly Weekday[];
}

/**
 * A working-day calendar made by {@link createCalendar}: its settings, read-only. Pass it as
 * `{ calendar }` to the calendar functions. Each calendar computes a year once, on first use, and
 * keeps it (so {@link isWorkingDay} is a table look-up afterwards).
 *
 * @category Calendar
 */
export interface Calendar {
  readonly arrangements: readonly Arrangement[];
  readonly extraHolidays: readonly {
    readonly date: IsoDate;
    readonly name: { readonly vi: string; readonly en: string } | null;
  }[];
  readonly extraWorkingDays: readonly IsoDate[];
  readonly weekend: readonly Weekday[];
}

interface Internals {
  readonly index: CalendarIndex;
  readonly years: Map<number, YearTable>;
}

// Each calendar's memo of computed years. Keyed by the calendar object, invisible to callers.
const INTERNALS = new WeakMap<Calendar, Internals>();

const ExtraHolidayObjectSchema = z.strictObject({ date: DayInputSchema, name: NameSchema.optional() });

// A date, or `{ date, name? }`: chosen by shape so that the error speaks of the form meant.
const ExtraHolidaySchema = z
  .unknown()
  .transform((value, ctx): number | z.output<typeof ExtraHolidayObjectSchema> => {
    const isObject = value !== null && typeof value === 'object' && !(value instanceof Date);
    const result = isObject ? safeParse(ExtraHolidayObjectSchema, value) : safeParse(DayInputSchema, value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const ours = issueFromZod(issue, value);
      ctx.addIssue({ code: 'custom', message: ours.message, path: [...ours.path], input: value });
    }
    return z.NEVER;
  });

const CalendarOptionsSchema = z
  .strictObject({
    arrangements: z.array(ArrangementSchema).readonly().optional(),
    extraHolidays: z.array(ExtraHolidaySchema).readonly().optional(),
    extraWorkingDays: z.array(DayInputSchema).readonly().optional(),
    weekend: z
      .array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']))
      .readonly()
      .refine((days) => new Set(days).size === days.length, { error: 'expected each weekday at most once.' })
      .refine((days) => days.length < 7, { error: 'expected at least one working weekday.' })
      .optional(),
  })
  .optional();

function dayOf(iso: IsoDate): number {
  return readIsoDate(iso) as number;
}

function pushEvent(events: Map<number, DayEvent[]>, event: DayEvent): void {
  const year = yearOfDay(event.day);
  const list = events.get(year);
  if (list) list.push(event);
  else events.set(year, [event]);
}

function freezeDeep<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) freezeDeep(v);
    Object.freeze(value);
  }
  return value;
}

/** Builds a calendar from validated options. Trusted. @internal */
export function makeCalendar(options: z.output<typeof CalendarOptionsSchema>): Calendar {
  const arrangements = (options?.arrangements ?? OFFICIAL_ARRANGEMENTS).map((a) => freezeDeep({ ...a }));
  const extraHolidays = (options?.extraHolidays ?? []).map((e) =>
    typeof e === 'number'
      ? { date: isoFromDay(e), name: null }
      : { date: isoFromDay(e.date), name: e.name ?? null },
  );
  const extraWorkingDays = (options?.extraWorkingDays ?? []).map(isoFromDay);
  const weekend = [...(options?.weekend ?? ['sat', 'sun'])].sort(
    (a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b),
  );

  const tetSpans = new Map<number, Extract<Arrangement, { kind: 'tet-span' }>>();
  const events = new Map<number, DayEvent[]>();
  for (const a of arrangements) {
    const common = {
      origin: 'arrangement' as const,
      basis: a.source,
      confidence: a.confidence,
      substitute: false,
      substituteFor: null,
    };
    switch (a.kind) {
      case 'tet-span':
        tetSpans.set(Number(a.from.slice(0, 4)), a);
        break;
      case 'swap':
        pushEvent(events, {
          type: 'off',
          day: dayOf(a.dayOff),
          holiday: {
            kind: 'swap-day-off',
            name: {
              vi: `Nghỉ hoán đổi (làm bù ngày ${viDate(a.workedOn)})`,
              en: `Swapped day off (worked on ${a.workedOn})`,
            },
            ...common,
          },
        });
        pushEvent(events, { type: 'work', day: dayOf(a.workedOn) });
        break;
      case 'day-off':
        pushEvent(events, {
          type: 'off',
          day: dayOf(a.date),
          holiday: { kind: 'day-off', name: a.name ?? { vi: 'Ngày nghỉ', en: 'Day off' }, ...common },
        });
        break;
      case 'working-day':
        pushEvent(events, { type: 'work', day: dayOf(a.date) });
        break;
    }
  }
  for (const e of extraHolidays) {
    pushEvent(events, {
      type: 'off',
      day: dayOf(e.date),
      holiday: {
        kind: 'day-off',
        name: e.name ?? { vi: 'Ngày nghỉ', en: 'Day off' },
        origin: 'extra',
        basis: 'extraHolidays of the calendar',
        confidence: null,
        substitute: false,
        substituteFor: null,
      },
    });
  }
  for (const d of extraWorkingDays) pushEvent(events, { type: 'work', day: dayOf(d) });

  const weekendMask = WEEKDAYS.map((w) => weekend.includes(w));
  const calendar: Calendar = freezeDeep({ arrangements, extraHolidays, extraWorkingDays, weekend });
  INTERNALS.set(calendar, { index: { weekendMask, tetSpans, events }, years: new Map() });
  return calendar;
}

/**
 * Makes a Vietnamese working-day calendar with your own arrangements, extra days off, worked days or
 * weekly rest days.
 *
 * @remarks
 * Days off are, in this order (a later layer wins on the same day):
 * 1. the rules: Labour Code 2019 Art. 112 (from 2021; 2012 Art. 115 before, 1994 Art. 73 before
 *    2013): 1/1; Tết (eve + mùng 1–4, mùng 1–3 before 2013); Hùng Kings day 10/3 lunar (since 2007);
 *    30/4; 1/5; 2/9 and, from 2021, the adjacent day keyed to the weekday of 2/9; nghỉ bù on the
 *    next working day for a holiday on a weekly rest day (Art. 111(3)); Tết days on a weekend moved
 *    (from 2014 Saturday → previous working day, Sunday → next). This is vacanza/holidays' model,
 *    which reproduces the official spans of 2022–2026 (dossier-index.md §4.2, **H** for what that code
 *    does);
 * 2. a `tet-span` arrangement for the year replaces the rule's Tết days;
 * 3. the other arrangements, in order (swaps, days off, worked days);
 * 4. `extraHolidays`, then `extraWorkingDays`.
 *
 * A day is a working day when it is explicitly worked (a swap's `workedOn`, a `working-day`
 * arrangement, `extraWorkingDays`), or when it is neither a rest day nor a day off. Years are
 * computed on first use and kept in the calendar.
 *
 * @param options - see {@link CalendarOptions}.
 * @returns a frozen {@link Calendar}.
 * @throws {@link CchcError} `INVALID_INPUT` for malformed options (path starts with `'options'`, e.g.
 *   `['options', 'arrangements', 0, 'dayOff']`).
 * @example
 * ```ts
 * import { createCalendar, isWorkingDay, OFFICIAL_ARRANGEMENTS } from 'cchc-index';
 * const calendar = createCalendar({
 *   arrangements: [
 *     ...OFFICIAL_ARRANGEMENTS,
 *     { kind: 'swap', dayOff: '2026-01-02', workedOn: '2026-01-10', source: 'illustrative', confidence: 'L' },
 *   ],
 * });
 * isWorkingDay('2026-01-02', { calendar });
 * // => false
 * isWorkingDay('2026-01-10', { calendar }); // a Saturday, worked
 * // => true
 * isWorkingDay('2026-01-02'); // built-in calendar
 * // => true
 * ```
 * @category Calendar
 */
export function createCalendar(options?: CalendarOptions): Calendar {
  const { options: opts } = parseWith(z.object({ options: CalendarOptionsSchema }), { options });
  return makeCalendar(opts);
}

let builtIn: Calendar | undefined;

/** The built-in calendar (official arrangements, Sat–Sun weekend), made on first use. @internal */
export function defaultCalendar(): Calendar {
  builtIn ??= makeCalendar(undefined);
  return builtIn;
}

/**
 * Zod schema of the `calendar` option: a calendar made by {@link createCalendar}.
 * @internal
 */
export const CalendarRefSchema = z.custom<Calendar>(
  (value) => typeof value === 'object' && value !== null && INTERNALS.has(value as Calendar),
  {
    error: 'expected a calendar made by createCalendar().',
  },
);

/** The options every calendar function takes: `{ calendar? }`. @internal */
export const CalendarOnlyOptionsSchema = z
  .strictObject({ calendar: CalendarRefSchema.optional() })
  .optional();

/**
 * The table of one year of a calendar, computed once. Throws `INVALID_CALENDAR` outside 2000–2100.
 * @internal
 */
export function yearTableOf(calendar: Calendar, year: number, path: readonly (string | number)[]): YearTable {
  const internals = INTERNALS.get(calendar)!;
  const known = internals.years.get(year);
  if (known) return known;
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw new CchcError('INVALID_CALENDAR', [
      {
        path,
        message: `the calendar knows the years ${FIRST_YEAR}–${LAST_YEAR} (Tết and Hùng Kings day are computed for those years only), received the year ${year}.`,
      },
    ]);
  }
  const table = buildYearTable(internals.index, year);
  internals.years.set(year, table);
  return table;
}

/**
 * Whether a day is a working day, and its table; throws `INVALID_CALENDAR` outside 2000–2100.
 * @internal
 */
export function tableAndIndex(
  calendar: Calendar,
  day: number,
  path: readonly (string | number)[],
): { table: YearTable; i: number } {
  const year = yearOfDay(day);
  if (year < FIRST_YEAR || year > LAST_YEAR) checkKnownDay(day, path);
  const table = yearTableOf(calendar, year, path);
  return { table, i: day - table.start };
}

/** `true` when `day` is a working day of `calendar`. Trusted. @internal */
export function isWorkingDayNumber(
  calendar: Calendar,
  day: number,
  path: readonly (string | number)[],
): boolean {
  const { table, i } = tableAndIndex(calendar, day, path);
  return table.cum[i + 1]! > table.cum[i]!;
}
