// date-chinese ships its types as an ambient module its package.json "exports" does not point to.
/// <reference path="../../node_modules/date-chinese/types/index.d.ts" />
import { CalendarVietnamese } from 'date-chinese';
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { isCchcError } from '../errors/CchcError.js';
import { type IsoDate, isoFromDay } from './dates.js';
import { lunarToDayNumber, lunarToSolar, tetOf } from './lunar.js';
import { vietnamHolidays } from './vietnamHolidays.js';

// date-holidays (dev dependency only) as an independent oracle for the lunar dates.
const oracle = new Holidays('VN');

function oracleYear(year: number) {
  const pub = oracle.getHolidays(year).filter((h) => h.type === 'public');
  const tet = pub.find((h) => h.rule === 'vietnamese 1-0-1')!;
  const eve = pub.find((h) => h.rule.startsWith('1 day before vietnamese 1-0-1'))!;
  const hung = pub.find((h) => h.rule === 'vietnamese 3-0-10')!;
  // The Tết entry spans days: list them (start and end are instants; days are 24 h apart).
  const days = Math.round((eve.end.getTime() - eve.start.getTime()) / 86_400_000);
  const evePlainDate = eve.date.slice(0, 10);
  const span: string[] = [];
  for (let i = 0; i < days; i += 1) {
    const d = new Date(`${evePlainDate}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + i);
    span.push(d.toISOString().slice(0, 10));
  }
  return { tet: tet.date.slice(0, 10), eve: evePlainDate, hung: hung.date.slice(0, 10), span };
}

const YEARS_2000_2049 = Array.from({ length: 50 }, (_, i) => 2000 + i);

describe('lunar dates against date-holidays, 2000–2049', () => {
  it.each(YEARS_2000_2049)('Tết, its eve and Hùng Kings day of %i agree', (year) => {
    const o = oracleYear(year);
    const { tet } = tetOf(year);
    expect(isoFromDay(tet)).toBe(o.tet);
    expect(isoFromDay(tet - 1)).toBe(o.eve);
    expect(lunarToSolar({ year, month: 1, day: 1 })).toBe(o.tet);
    expect(lunarToSolar({ year, month: 3, day: 10 })).toBe(o.hung);
    const rules = vietnamHolidays(year).filter((h) => h.origin === 'rule' && !h.substitute);
    // Every day of date-holidays' 5-day Tết range (eve + mùng 1–4) is a rule Tết day from 2013 on;
    // before 2013 the law gave 4 days (eve + mùng 1–3), the first four of that range.
    const ourTet = rules.filter((h) => h.kind === 'tet').map((h) => h.date);
    expect(ourTet).toEqual(year >= 2013 ? o.span : o.span.slice(0, 4));
    const hung = rules.filter((h) => h.kind === 'hung-kings-day').map((h) => h.date);
    expect(hung).toEqual(year >= 2007 ? [o.hung] : []);
  });
});

describe('known lunar dates', () => {
  it.each([
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2023, '2023-01-22'],
    [2022, '2022-02-01'],
  ])('Tết %i is %s', (year, date) => {
    expect(lunarToSolar({ year, month: 1, day: 1 })).toBe(date);
  });

  it('Hùng Kings day 2027 is 16/4 (not 15/4 as some tables say)', () => {
    expect(lunarToSolar({ year: 2027, month: 3, day: 10 })).toBe('2027-04-16');
  });

  it('the eve is the 30th of month 12 in 2024 and the 29th in 2025–2026', () => {
    expect(tetOf(2024).eveLunarDay).toBe(30);
    expect(tetOf(2025).eveLunarDay).toBe(29);
    expect(tetOf(2026).eveLunarDay).toBe(29);
    expect(lunarToSolar({ year: 2023, month: 12, day: 30 })).toBe('2024-02-09');
  });

  it('2023 has a leap month 2 and no leap month 3', () => {
    expect(lunarToSolar({ year: 2023, month: 2, day: 1 })).toBe('2023-02-20');
    expect(lunarToSolar({ year: 2023, month: 2, day: 1, leap: true })).toBe('2023-03-22');
    expect(() => lunarToSolar({ year: 2023, month: 3, day: 1, leap: true })).toThrow(/no leap month 3/);
  });

  it('2050: this algorithm gives Hùng Kings day 1/4, date-holidays 31/3 (documented disagreement)', () => {
    expect(lunarToSolar({ year: 2050, month: 3, day: 10 })).toBe('2050-04-01');
    expect(oracleYear(2050).hung).toBe('2050-03-31');
    expect(lunarToSolar({ year: 2050, month: 1, day: 1 })).toBe(oracleYear(2050).tet);
  });

  it('puts Hùng Kings day (10/3 lunar) between 30/3 and 29/4 in every year, so before 30/4', () => {
    const days = Array.from({ length: 101 }, (_, i) =>
      lunarToSolar({ year: 2000 + i, month: 3, day: 10 }).slice(5),
    );
    expect([days.reduce((a, b) => (b < a ? b : a)), days.reduce((a, b) => (b > a ? b : a))]).toEqual([
      '03-30',
      '04-29',
    ]);
  });

  it('works up to 2100', () => {
    for (let year = 2050; year <= 2100; year += 1) {
      const tet = lunarToSolar({ year, month: 1, day: 1 });
      expect(tet >= `${year}-01-21` && tet <= `${year}-02-20`).toBe(true);
    }
  });
});

describe('lunarToSolar input errors', () => {
  const codeAndPath = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      if (!isCchcError(error)) throw error;
      return { code: error.code, path: error.issues[0]!.path };
    }
    throw new Error('expected a throw');
  };
  it.each([
    [{ year: 2024, month: 13, day: 1 }, 'INVALID_INPUT', ['lunar', 'month']],
    [{ year: 2024, month: 1, day: 0 }, 'INVALID_INPUT', ['lunar', 'day']],
    [{ year: 2024.5, month: 1, day: 1 }, 'INVALID_INPUT', ['lunar', 'year']],
    [{ year: 2024, month: 1, day: 1, extra: 1 }, 'INVALID_INPUT', ['lunar']],
    [{ year: 1999, month: 1, day: 1 }, 'INVALID_CALENDAR', ['lunar', 'year']],
    [{ year: 2101, month: 1, day: 1 }, 'INVALID_CALENDAR', ['lunar', 'year']],
    [{ year: 2025, month: 12, day: 30 }, 'INVALID_CALENDAR', ['lunar']],
  ])('%j → %s at %j', (lunar, code, path) => {
    expect(codeAndPath(() => lunarToSolar(lunar as never))).toEqual({ code, path });
  });
});

// date-chinese 2.1.4 (dev dependency; it computes the Vietnamese calendar at UTC+7 from Meeus'
// full new-moon and VSOP87 solar series) as a second, more precise oracle for every month.
const vietnamese = new CalendarVietnamese();

/** date-chinese's reading of a solar date: `month`, `L` for the leap month, `/day`. */
function theirs(iso: IsoDate): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const [, , m, leap, d] = vietnamese.fromGregorian(year, month, day).get() as number[];
  return `${m}${leap ? 'L' : ''}/${d}`;
}

/**
 * The six month starts of 2000–2100 where the two methods differ, each pinned on both sides.
 * - 2033 and 2052: date-chinese labels two months of one lunar year as leap months (8L and 11L in
 *   2033, 8L and 12L in 2052), which the calendar never has; it then has no month 9 of 2033 (the 2033
 *   problem) and no ordinary month 12 of 2052. This method gives one leap month, 11 in 2033 and 8 in
 *   2052, with a new moon in each month.
 * - 2072/11 and 2077/10: the new moon falls within a minute and a half of midnight in Vietnam
 *   (astronomia's Meeus series: 23:59 on 9/12/2072 and 23:59:50 on 15/11/2077, UTC+7). This method's
 *   shorter series puts it after midnight, date-chinese before; ΔT that far ahead is uncertain by
 *   more than that, so neither is established.
 */
const DISAGREEMENTS: Record<string, { ours: IsoDate; theirs: string }> = {
  '2033/9': { ours: '2033-09-23', theirs: '8L/1' },
  '2033/10': { ours: '2033-10-23', theirs: '9/1' },
  '2033/11': { ours: '2033-11-22', theirs: '10/1' },
  '2052/12': { ours: '2053-01-20', theirs: '12L/1' },
  '2072/11': { ours: '2072-12-10', theirs: '11/2' },
  '2077/10': { ours: '2077-11-16', theirs: '10/2' },
};

interface Month {
  key: string;
  year: number;
  month: number;
  leap: boolean;
  start: number;
  days: 29 | 30;
}

/** Every month of lunar years 2000–2100, in order: its key (`2023/2L`), first day and length. */
function everyMonth(): Month[] {
  const months: Month[] = [];
  for (let year = 2000; year <= 2100; year += 1) {
    for (let month = 1; month <= 12; month += 1) {
      for (const leap of [false, true]) {
        const start = lunarToDayNumber(year, month, 1, leap);
        if (start === null) continue;
        const days = lunarToDayNumber(year, month, 30, leap) === null ? 29 : 30;
        months.push({ key: `${year}/${month}${leap ? 'L' : ''}`, year, month, leap, start, days });
      }
    }
  }
  return months;
}

const label = (m: Month) => `${m.month}${m.leap ? 'L' : ''}`;

describe('every lunar month 2000–2100 against date-chinese', () => {
  const months = everyMonth();

  it('has 1 249 months: 12 a year and 37 leap months', () => {
    expect(months).toHaveLength(1_249);
    expect(months.filter((m) => m.leap)).toHaveLength(37);
  });

  it('starts each month on the day date-chinese gives, but for the six listed disagreements', () => {
    const differing: Record<string, { ours: IsoDate; theirs: string }> = {};
    for (const m of months) {
      const reading = theirs(isoFromDay(m.start));
      if (reading !== `${label(m)}/1`) differing[m.key] = { ours: isoFromDay(m.start), theirs: reading };
    }
    expect(differing).toEqual(DISAGREEMENTS);
  });

  it('gives each month the length date-chinese gives, and the next month starts the day after', () => {
    for (const [i, m] of months.entries()) {
      const lastDay = lunarToDayNumber(m.year, m.month, m.days, m.leap);
      expect(lastDay, m.key).toBe(m.start + m.days - 1);
      const next = months[i + 1];
      if (next === undefined) continue;
      expect(next.start, m.key).toBe(m.start + m.days);
      if (!(m.key in DISAGREEMENTS) && !(next.key in DISAGREEMENTS)) {
        expect(theirs(isoFromDay(lastDay!)), m.key).toBe(`${label(m)}/${m.days}`);
      }
    }
  });
});
