import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { isCchcError } from '../errors/CchcError.js';
import { isoFromDay } from './dates.js';
import { lunarToSolar, tetOf } from './lunar.js';
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
