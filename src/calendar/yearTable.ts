import type { Arrangement } from './ArrangementSchema.js';
import { dayFromCivil, type IsoDate, isoFromDay, weekdayOf } from './dates.js';
import type { Holiday, HolidayKind } from './Holiday.js';
import { lunarToDayNumber, tetOf } from './lunar.js';

/** One change an arrangement or an extra makes to one day. @internal */
export type DayEvent =
  | { readonly type: 'off'; readonly day: number; readonly holiday: Omit<Holiday, 'date'> }
  | { readonly type: 'work'; readonly day: number };

/** The calendar's data, indexed by year. @internal */
export interface CalendarIndex {
  /** `weekendMask[w]` for w = 0 Sunday … 6 Saturday. */
  readonly weekendMask: readonly boolean[];
  /** Tết span overrides by year (the last one given wins). */
  readonly tetSpans: ReadonlyMap<number, Extract<Arrangement, { kind: 'tet-span' }>>;
  /** Day-level events by year, in the order given (arrangements first, then extras). */
  readonly events: ReadonlyMap<number, readonly DayEvent[]>;
}

/** Everything known about one solar year of one calendar. @internal */
export interface YearTable {
  readonly year: number;
  /** Day number of 1 January. */
  readonly start: number;
  readonly length: number;
  /** Days off of the year, by date. */
  readonly holidays: readonly Holiday[];
  /** 1 where a day has at least one holiday entry. */
  readonly holidayFlags: Uint8Array;
  /** `cum[i]` = working days among the first `i` days of the year; `cum[length]` = total. */
  readonly cum: Int32Array;
  readonly total: number;
}

type Code = { letter: (l: string) => string; substitute: string };

function codeOf(year: number): Code {
  if (year >= 2021) {
    return {
      letter: (l) => `Labour Code 2019 Art. 112(1)(${l})`,
      substitute:
        'Labour Code 2019 Art. 111(3) (nghỉ bù: a holiday on a weekly rest day is taken on the next working day)',
    };
  }
  if (year >= 2013) {
    return {
      letter: (l) => `Labour Code 2012 Art. 115(1)(${l})`,
      substitute: 'Labour Code 2012 Art. 115(3) (nghỉ bù on the next working day)',
    };
  }
  return {
    letter: () => 'Labour Code 1994 Art. 73',
    substitute: 'Labour Code 1994 Art. 73 (nghỉ bù on the next working day)',
  };
}

const TET_SHIFT_BASIS =
  'Tết days on a weekend are moved (from 2014: Saturday to the previous working day, Sunday to the next; before: to the next working day), as the yearly arrangements under Labour Code 2019 Art. 112(3) do; rule of vacanza/holidays, dossier-index.md §4.2';

function tetName(day: number, tet: number, eveLunarDay: number): { vi: string; en: string } {
  if (day === tet - 1) return { vi: 'Giao thừa Tết Nguyên Đán', en: "Lunar New Year's Eve" };
  if (day >= tet) {
    const k = day - tet + 1;
    return { vi: `Mùng ${k} Tết Nguyên Đán`, en: `Lunar New Year, day ${k}` };
  }
  const lunarDay = eveLunarDay - (tet - 1 - day);
  if (lunarDay >= 1) {
    return {
      vi: `${lunarDay} tháng Chạp (nghỉ Tết Nguyên Đán)`,
      en: `Lunar New Year holiday (day ${lunarDay} of lunar month 12)`,
    };
  }
  return { vi: 'Nghỉ Tết Nguyên Đán', en: 'Lunar New Year holiday' };
}

function substituteName(name: { vi: string; en: string }): { vi: string; en: string } {
  return { vi: `Nghỉ bù ${name.vi}`, en: `${name.en} (substitute day)` };
}

/**
 * Builds the table of one solar year: rule holidays, then the Tết span override, then day events in
 * order. Trusted: year within the calendar's range.
 * @internal
 */
export function buildYearTable(index: CalendarIndex, year: number): YearTable {
  const start = dayFromCivil(year, 1, 1);
  const length = dayFromCivil(year + 1, 1, 1) - start;
  const isWeekend = (day: number) => index.weekendMask[weekdayOf(day)] === true;
  const byDay = new Map<number, Holiday[]>();
  const add = (day: number, h: Omit<Holiday, 'date'>) => {
    const list = byDay.get(day);
    const holiday: Holiday = Object.freeze({ date: isoFromDay(day), ...h });
    if (list) list.push(holiday);
    else byDay.set(day, [holiday]);
  };
  const isOff = (day: number) => isWeekend(day) || byDay.has(day);
  const step = (day: number, by: 1 | -1) => {
    let d = day + by;
    // Ends within weeks: every calendar has a working weekday (createCalendar refuses a seven-day
    // weekend) and only the rule holidays are placed when days are moved.
    while (isOff(d)) d += by;
    return d;
  };

  const code = codeOf(year);
  const rule = (
    kind: HolidayKind,
    basis: string,
    name: { vi: string; en: string },
  ): Omit<Holiday, 'date'> => ({
    kind,
    name,
    origin: 'rule',
    basis,
    confidence: 'H',
    substitute: false,
    substituteFor: null,
  });

  // 1. The holidays themselves.
  const newYear = dayFromCivil(year, 1, 1);
  add(newYear, rule('new-year-day', code.letter('a'), { vi: 'Tết Dương lịch', en: "New Year's Day" }));

  const { tet, eveLunarDay } = tetOf(year);
  const tetDays: number[] = [];
  for (let d = tet - 1; d <= tet + (year >= 2013 ? 3 : 2); d += 1) tetDays.push(d);
  const tetBasis = `${code.letter('b')}: Tết Nguyên Đán, the eve and mùng 1–${year >= 2013 ? 4 : 3}${year >= 2013 ? ' (5 days)' : ' (4 days)'}`;
  for (const d of tetDays) add(d, rule('tet', tetBasis, tetName(d, tet, eveLunarDay)));

  const fixed: number[] = [newYear];
  if (year >= 2007) {
    const hung = lunarToDayNumber(year, 3, 10, false)!;
    add(
      hung,
      rule('hung-kings-day', `${code.letter('e')}: 10/3 lunar (a holiday since 2007)`, {
        vi: 'Giỗ Tổ Hùng Vương',
        en: "Hùng Kings' Commemoration Day",
      }),
    );
    fixed.push(hung);
  }
  const apr30 = dayFromCivil(year, 4, 30);
  add(
    apr30,
    rule('reunification-day', code.letter('c'), { vi: 'Ngày Chiến thắng', en: 'Reunification Day' }),
  );
  const may1 = dayFromCivil(year, 5, 1);
  add(
    may1,
    rule('labour-day', code.letter('d'), { vi: 'Ngày Quốc tế Lao động', en: 'International Labour Day' }),
  );
  const sep2 = dayFromCivil(year, 9, 2);
  const nationalDay = { vi: 'Quốc khánh', en: 'National Day' };
  add(sep2, rule('national-day', code.letter('đ'), nationalDay));
  fixed.push(apr30, may1, sep2);
  if (year >= 2021) {
    // Art. 112(1)(đ): 2/9 and one adjacent day; keyed to the weekday of 2/9 (vacanza's rule, §4.2).
    const shift = [1, 1, -1, -1, 1, -1, -1][weekdayOf(sep2)]!; // Sun, Mon, Tue, Wed, Thu, Fri, Sat
    add(
      sep2 + shift,
      rule(
        'national-day',
        `${code.letter('đ')}: 2/9 and one adjacent day (Mon → +1, Tue → −1, Wed → −1, Thu → +1, Fri → −1, Sat → −1, Sun → +1; dossier-index.md §4.2)`,
        { vi: 'Quốc khánh (ngày liền kề)', en: 'National Day (adjacent day)' },
      ),
    );
  }

  // 2. Tết days on a weekend, in order from the eve.
  for (const d of tetDays) {
    if (!isWeekend(d)) continue;
    const moved = year >= 2014 && weekdayOf(d) === 6 ? step(d, -1) : step(d, 1);
    add(moved, {
      ...rule('tet', TET_SHIFT_BASIS, substituteName(tetName(d, tet, eveLunarDay))),
      substitute: true,
      substituteFor: isoFromDay(d),
    });
  }

  // 3. Nghỉ bù for the fixed-date holidays (and Hùng Kings day) on a weekend, in date order.
  // `fixed` is in date order: Hùng Kings day falls from 30/3 to 29/4 in 2000–2100 (lunar.test.ts).
  for (const d of fixed) {
    if (!isWeekend(d)) continue;
    const original = byDay.get(d)![0]!;
    add(step(d, 1), {
      ...rule(original.kind, code.substitute, substituteName(original.name)),
      substitute: true,
      substituteFor: isoFromDay(d),
    });
  }

  // 4. A Tết span from data replaces the rule's Tết days.
  const span = index.tetSpans.get(year);
  if (span) {
    for (const [day, list] of [...byDay]) {
      const kept = list.filter((h) => h.kind !== 'tet');
      if (kept.length === 0) byDay.delete(day);
      else byDay.set(day, kept);
    }
    const from = dayFromCivil(year, Number(span.from.slice(5, 7)), Number(span.from.slice(8, 10)));
    const to = dayFromCivil(year, Number(span.to.slice(5, 7)), Number(span.to.slice(8, 10)));
    for (let d = from; d <= to; d += 1) {
      add(d, {
        kind: 'tet',
        name: tetName(d, tet, eveLunarDay),
        origin: 'arrangement',
        basis: span.source,
        confidence: span.confidence,
        substitute: false,
        substituteFor: null,
      });
    }
  }

  // 5. Day events from arrangements and extras, in order: the later wins on the same day.
  const worked = new Set<number>();
  for (const event of index.events.get(year) ?? []) {
    if (event.type === 'work') {
      byDay.delete(event.day);
      worked.add(event.day);
    } else {
      worked.delete(event.day);
      add(event.day, event.holiday);
    }
  }

  const holidayFlags = new Uint8Array(length);
  const cum = new Int32Array(length + 1);
  for (let i = 0; i < length; i += 1) {
    const day = start + i;
    const off = byDay.has(day);
    if (off) holidayFlags[i] = 1;
    const working = worked.has(day) || (!off && !isWeekend(day));
    cum[i + 1] = cum[i]! + (working ? 1 : 0);
  }
  const holidays = Object.freeze([...byDay.keys()].sort((a, b) => a - b).flatMap((d) => byDay.get(d)!));
  return { year, start, length, holidays, holidayFlags, cum, total: cum[length]! };
}

/** Day-of-year index of the first day whose cumulative working count reaches `k` (1 ≤ k ≤ total). @internal */
export function nthWorkingIndex(table: YearTable, k: number): number {
  let lo = 0;
  let hi = table.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (table.cum[mid + 1]! >= k) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** `'dd/mm/yyyy'`, as Vietnamese notices write dates. @internal */
export function viDate(iso: IsoDate): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
