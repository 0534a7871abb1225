import { describe, expect, it } from 'vitest';
import { createCalendar } from './createCalendar.js';
import { isWorkingDay } from './isWorkingDay.js';
import { vietnamHolidays } from './vietnamHolidays.js';

/** The rules alone: no official arrangement (swaps, Tết spans) on top. */
const rulesOnly = createCalendar({ arrangements: [] });

const SHIFT =
  'Tết days on a weekend are moved (from 2014: Saturday to the previous working day, Sunday to the next; before: to the next working day), as the yearly arrangements under Labour Code 2019 Art. 112(3) do; rule of vacanza/holidays, dossier-index.md §4.2';

type Row = [date: string, kind: string, vi: string, en: string, basis: string, substituteFor: string | null];

/**
 * Every rule holiday of one year of each labour code, field by field. The dates were checked by hand:
 * 2012 (Labour Code 1994, 4 Tết days; the eve on a Sunday moves to Thu 26/1, 1/1 and 2/9 on a Sunday
 * and Hùng Kings day on a Saturday to the Monday), 2013 (Labour Code 2012, 5 Tết days; before 2014 a
 * Saturday Tết day also moves forward), 2014 (a Saturday Tết day moves to the previous working day:
 * Wed 29/1) and 2021 (Labour Code 2019; 1/5 on a Saturday gives Mon 3/5; 2/9 a Thursday adds Fri 3/9).
 */
const RULE_YEARS: Record<number, Row[]> = {
  2012: [
    ['2012-01-01', 'new-year-day', 'Tết Dương lịch', "New Year's Day", 'Labour Code 1994 Art. 73', null],
    [
      '2012-01-02',
      'new-year-day',
      'Nghỉ bù Tết Dương lịch',
      "New Year's Day (substitute day)",
      'Labour Code 1994 Art. 73 (nghỉ bù on the next working day)',
      '2012-01-01',
    ],
    [
      '2012-01-22',
      'tet',
      'Giao thừa Tết Nguyên Đán',
      "Lunar New Year's Eve",
      'Labour Code 1994 Art. 73: Tết Nguyên Đán, the eve and mùng 1–3 (4 days)',
      null,
    ],
    [
      '2012-01-23',
      'tet',
      'Mùng 1 Tết Nguyên Đán',
      'Lunar New Year, day 1',
      'Labour Code 1994 Art. 73: Tết Nguyên Đán, the eve and mùng 1–3 (4 days)',
      null,
    ],
    [
      '2012-01-24',
      'tet',
      'Mùng 2 Tết Nguyên Đán',
      'Lunar New Year, day 2',
      'Labour Code 1994 Art. 73: Tết Nguyên Đán, the eve and mùng 1–3 (4 days)',
      null,
    ],
    [
      '2012-01-25',
      'tet',
      'Mùng 3 Tết Nguyên Đán',
      'Lunar New Year, day 3',
      'Labour Code 1994 Art. 73: Tết Nguyên Đán, the eve and mùng 1–3 (4 days)',
      null,
    ],
    [
      '2012-01-26',
      'tet',
      'Nghỉ bù Giao thừa Tết Nguyên Đán',
      "Lunar New Year's Eve (substitute day)",
      SHIFT,
      '2012-01-22',
    ],
    [
      '2012-03-31',
      'hung-kings-day',
      'Giỗ Tổ Hùng Vương',
      "Hùng Kings' Commemoration Day",
      'Labour Code 1994 Art. 73: 10/3 lunar (a holiday since 2007)',
      null,
    ],
    [
      '2012-04-02',
      'hung-kings-day',
      'Nghỉ bù Giỗ Tổ Hùng Vương',
      "Hùng Kings' Commemoration Day (substitute day)",
      'Labour Code 1994 Art. 73 (nghỉ bù on the next working day)',
      '2012-03-31',
    ],
    [
      '2012-04-30',
      'reunification-day',
      'Ngày Chiến thắng',
      'Reunification Day',
      'Labour Code 1994 Art. 73',
      null,
    ],
    [
      '2012-05-01',
      'labour-day',
      'Ngày Quốc tế Lao động',
      'International Labour Day',
      'Labour Code 1994 Art. 73',
      null,
    ],
    ['2012-09-02', 'national-day', 'Quốc khánh', 'National Day', 'Labour Code 1994 Art. 73', null],
    [
      '2012-09-03',
      'national-day',
      'Nghỉ bù Quốc khánh',
      'National Day (substitute day)',
      'Labour Code 1994 Art. 73 (nghỉ bù on the next working day)',
      '2012-09-02',
    ],
  ],
  2013: [
    [
      '2013-01-01',
      'new-year-day',
      'Tết Dương lịch',
      "New Year's Day",
      'Labour Code 2012 Art. 115(1)(a)',
      null,
    ],
    [
      '2013-02-09',
      'tet',
      'Giao thừa Tết Nguyên Đán',
      "Lunar New Year's Eve",
      'Labour Code 2012 Art. 115(1)(b): Tết Nguyên Đán, the eve and mùng 1–4 (5 days)',
      null,
    ],
    [
      '2013-02-10',
      'tet',
      'Mùng 1 Tết Nguyên Đán',
      'Lunar New Year, day 1',
      'Labour Code 2012 Art. 115(1)(b): Tết Nguyên Đán, the eve and mùng 1–4 (5 days)',
      null,
    ],
    [
      '2013-02-11',
      'tet',
      'Mùng 2 Tết Nguyên Đán',
      'Lunar New Year, day 2',
      'Labour Code 2012 Art. 115(1)(b): Tết Nguyên Đán, the eve and mùng 1–4 (5 days)',
      null,
    ],
    [
      '2013-02-12',
      'tet',
      'Mùng 3 Tết Nguyên Đán',
      'Lunar New Year, day 3',
      'Labour Code 2012 Art. 115(1)(b): Tết Nguyên Đán, the eve and mùng 1–4 (5 days)',
      null,
    ],
    [
      '2013-02-13',
      'tet',
      'Mùng 4 Tết Nguyên Đán',
      'Lunar New Year, day 4',
      'Labour Code 2012 Art. 115(1)(b): Tết Nguyên Đán, the eve and mùng 1–4 (5 days)',
      null,
    ],
    [
      '2013-02-14',
      'tet',
      'Nghỉ bù Giao thừa Tết Nguyên Đán',
      "Lunar New Year's Eve (substitute day)",
      SHIFT,
      '2013-02-09',
    ],
    [
      '2013-02-15',
      'tet',
      'Nghỉ bù Mùng 1 Tết Nguyên Đán',
      'Lunar New Year, day 1 (substitute day)',
      SHIFT,
      '2013-02-10',
    ],
    [
      '2013-04-19',
      'hung-kings-day',
      'Giỗ Tổ Hùng Vương',
      "Hùng Kings' Commemoration Day",
      'Labour Code 2012 Art. 115(1)(e): 10/3 lunar (a holiday since 2007)',
      null,
    ],
    [
      '2013-04-30',
      'reunification-day',
      'Ngày Chiến thắng',
      'Reunification Day',
      'Labour Code 2012 Art. 115(1)(c)',
      null,
    ],
    [
      '2013-05-01',
      'labour-day',
      'Ngày Quốc tế Lao động',
      'International Labour Day',
      'Labour Code 2012 Art. 115(1)(d)',
      null,
    ],
    ['2013-09-02', 'national-day', 'Quốc khánh', 'National Day', 'Labour Code 2012 Art. 115(1)(đ)', null],
  ],
  2014: [
    [
      '2014-01-01',
      'new-year-day',
      'Tết Dương lịch',
      "New Year's Day",
      'Labour Code 2012 Art. 115(1)(a)',
      null,
    ],
    [
      '2014-01-29',
      'tet',
      'Nghỉ bù Mùng 2 Tết Nguyên Đán',
      'Lunar New Year, day 2 (substitute day)',
      SHIFT,
      '2014-02-01',
    ],
    [
      '2014-01-30',
      'tet',
      'Giao thừa Tết Nguyên Đán',
      "Lunar New Year's Eve",
      'Labour Code 2012 Art. 115(1)(b): Tết Nguyên Đán, the eve and mùng 1–4 (5 days)',
      null,
    ],
    [
      '2014-01-31',
      'tet',
      'Mùng 1 Tết Nguyên Đán',
      'Lunar New Year, day 1',
      'Labour Code 2012 Art. 115(1)(b): Tết Nguyên Đán, the eve and mùng 1–4 (5 days)',
      null,
    ],
    [
      '2014-02-01',
      'tet',
      'Mùng 2 Tết Nguyên Đán',
      'Lunar New Year, day 2',
      'Labour Code 2012 Art. 115(1)(b): Tết Nguyên Đán, the eve and mùng 1–4 (5 days)',
      null,
    ],
    [
      '2014-02-02',
      'tet',
      'Mùng 3 Tết Nguyên Đán',
      'Lunar New Year, day 3',
      'Labour Code 2012 Art. 115(1)(b): Tết Nguyên Đán, the eve and mùng 1–4 (5 days)',
      null,
    ],
    [
      '2014-02-03',
      'tet',
      'Mùng 4 Tết Nguyên Đán',
      'Lunar New Year, day 4',
      'Labour Code 2012 Art. 115(1)(b): Tết Nguyên Đán, the eve and mùng 1–4 (5 days)',
      null,
    ],
    [
      '2014-02-04',
      'tet',
      'Nghỉ bù Mùng 3 Tết Nguyên Đán',
      'Lunar New Year, day 3 (substitute day)',
      SHIFT,
      '2014-02-02',
    ],
    [
      '2014-04-09',
      'hung-kings-day',
      'Giỗ Tổ Hùng Vương',
      "Hùng Kings' Commemoration Day",
      'Labour Code 2012 Art. 115(1)(e): 10/3 lunar (a holiday since 2007)',
      null,
    ],
    [
      '2014-04-30',
      'reunification-day',
      'Ngày Chiến thắng',
      'Reunification Day',
      'Labour Code 2012 Art. 115(1)(c)',
      null,
    ],
    [
      '2014-05-01',
      'labour-day',
      'Ngày Quốc tế Lao động',
      'International Labour Day',
      'Labour Code 2012 Art. 115(1)(d)',
      null,
    ],
    ['2014-09-02', 'national-day', 'Quốc khánh', 'National Day', 'Labour Code 2012 Art. 115(1)(đ)', null],
  ],
  2021: [
    [
      '2021-01-01',
      'new-year-day',
      'Tết Dương lịch',
      "New Year's Day",
      'Labour Code 2019 Art. 112(1)(a)',
      null,
    ],
    [
      '2021-02-10',
      'tet',
      'Nghỉ bù Mùng 2 Tết Nguyên Đán',
      'Lunar New Year, day 2 (substitute day)',
      SHIFT,
      '2021-02-13',
    ],
    [
      '2021-02-11',
      'tet',
      'Giao thừa Tết Nguyên Đán',
      "Lunar New Year's Eve",
      'Labour Code 2019 Art. 112(1)(b): Tết Nguyên Đán, the eve and mùng 1–4 (5 days)',
      null,
    ],
    [
      '2021-02-12',
      'tet',
      'Mùng 1 Tết Nguyên Đán',
      'Lunar New Year, day 1',
      'Labour Code 2019 Art. 112(1)(b): Tết Nguyên Đán, the eve and mùng 1–4 (5 days)',
      null,
    ],
    [
      '2021-02-13',
      'tet',
      'Mùng 2 Tết Nguyên Đán',
      'Lunar New Year, day 2',
      'Labour Code 2019 Art. 112(1)(b): Tết Nguyên Đán, the eve and mùng 1–4 (5 days)',
      null,
    ],
    [
      '2021-02-14',
      'tet',
      'Mùng 3 Tết Nguyên Đán',
      'Lunar New Year, day 3',
      'Labour Code 2019 Art. 112(1)(b): Tết Nguyên Đán, the eve and mùng 1–4 (5 days)',
      null,
    ],
    [
      '2021-02-15',
      'tet',
      'Mùng 4 Tết Nguyên Đán',
      'Lunar New Year, day 4',
      'Labour Code 2019 Art. 112(1)(b): Tết Nguyên Đán, the eve and mùng 1–4 (5 days)',
      null,
    ],
    [
      '2021-02-16',
      'tet',
      'Nghỉ bù Mùng 3 Tết Nguyên Đán',
      'Lunar New Year, day 3 (substitute day)',
      SHIFT,
      '2021-02-14',
    ],
    [
      '2021-04-21',
      'hung-kings-day',
      'Giỗ Tổ Hùng Vương',
      "Hùng Kings' Commemoration Day",
      'Labour Code 2019 Art. 112(1)(e): 10/3 lunar (a holiday since 2007)',
      null,
    ],
    [
      '2021-04-30',
      'reunification-day',
      'Ngày Chiến thắng',
      'Reunification Day',
      'Labour Code 2019 Art. 112(1)(c)',
      null,
    ],
    [
      '2021-05-01',
      'labour-day',
      'Ngày Quốc tế Lao động',
      'International Labour Day',
      'Labour Code 2019 Art. 112(1)(d)',
      null,
    ],
    [
      '2021-05-03',
      'labour-day',
      'Nghỉ bù Ngày Quốc tế Lao động',
      'International Labour Day (substitute day)',
      'Labour Code 2019 Art. 111(3) (nghỉ bù: a holiday on a weekly rest day is taken on the next working day)',
      '2021-05-01',
    ],
    ['2021-09-02', 'national-day', 'Quốc khánh', 'National Day', 'Labour Code 2019 Art. 112(1)(đ)', null],
    [
      '2021-09-03',
      'national-day',
      'Quốc khánh (ngày liền kề)',
      'National Day (adjacent day)',
      'Labour Code 2019 Art. 112(1)(đ): 2/9 and one adjacent day (Mon → +1, Tue → −1, Wed → −1, Thu → +1, Fri → −1, Sat → −1, Sun → +1; dossier-index.md §4.2)',
      null,
    ],
  ],
};

describe('rule holidays of one year under each labour code', () => {
  it.each(Object.keys(RULE_YEARS).map(Number))('%i: every holiday, field by field', (year) => {
    const expected = RULE_YEARS[year]!.map(([date, kind, vi, en, basis, substituteFor]) => ({
      date,
      kind,
      name: { vi, en },
      origin: 'rule',
      basis,
      confidence: 'H',
      substitute: substituteFor !== null,
      substituteFor,
    }));
    expect(vietnamHolidays(year, { calendar: rulesOnly })).toEqual(expected);
  });
});

describe('a Tết span from data replaces the rule Tết days, and only them', () => {
  // 2021 by the rules: Tết 10/2–16/2 with two moved days (table above).
  const span = {
    kind: 'tet-span',
    from: '2021-02-11',
    to: '2021-02-14',
    source: 'test',
    confidence: 'M',
  } as const;
  // A new calendar in each test: a calendar builds a year's table on first use and keeps it, and
  // each test should run that building (mutation testing runs only the tests that covered a line).
  const withSpan = () => createCalendar({ arrangements: [span] });

  it('keeps the other holidays of the year as they are', () => {
    const others = vietnamHolidays(2021, { calendar: withSpan() }).filter((h) => h.kind !== 'tet');
    expect(others).toEqual(vietnamHolidays(2021, { calendar: rulesOnly }).filter((h) => h.kind !== 'tet'));
    expect(others.map((h) => h.date)).toEqual([
      '2021-01-01',
      '2021-04-21',
      '2021-04-30',
      '2021-05-01',
      '2021-05-03',
      '2021-09-02',
      '2021-09-03',
    ]);
  });

  it('makes the rule Tết days outside the span, moved days included, working days again', () => {
    const calendar = withSpan();
    const tet = vietnamHolidays(2021, { calendar }).filter((h) => h.kind === 'tet');
    expect(tet.map((h) => [h.date, h.origin, h.basis, h.confidence])).toEqual([
      ['2021-02-11', 'arrangement', 'test', 'M'],
      ['2021-02-12', 'arrangement', 'test', 'M'],
      ['2021-02-13', 'arrangement', 'test', 'M'],
      ['2021-02-14', 'arrangement', 'test', 'M'],
    ]);
    expect(['2021-02-10', '2021-02-15', '2021-02-16'].map((d) => isWorkingDay(d, { calendar }))).toEqual([
      true,
      true,
      true,
    ]);
    expect(
      ['2021-02-10', '2021-02-15', '2021-02-16'].map((d) => isWorkingDay(d, { calendar: rulesOnly })),
    ).toEqual([false, false, false]);
  });
});

describe('the names of Tết span days', () => {
  it.each([
    // Tết 2024 is 10/2; lunar month 12 began on 11/1/2024 (the eve, 9/2, is its 30th day).
    ['2024-01-10', { vi: 'Nghỉ Tết Nguyên Đán', en: 'Lunar New Year holiday' }],
    [
      '2024-01-11',
      { vi: '1 tháng Chạp (nghỉ Tết Nguyên Đán)', en: 'Lunar New Year holiday (day 1 of lunar month 12)' },
    ],
    [
      '2024-02-08',
      { vi: '29 tháng Chạp (nghỉ Tết Nguyên Đán)', en: 'Lunar New Year holiday (day 29 of lunar month 12)' },
    ],
    ['2024-02-09', { vi: 'Giao thừa Tết Nguyên Đán', en: "Lunar New Year's Eve" }],
    ['2024-02-14', { vi: 'Mùng 5 Tết Nguyên Đán', en: 'Lunar New Year, day 5' }],
  ])('%s is %j', (date, name) => {
    const span = {
      kind: 'tet-span',
      from: '2024-01-10',
      to: '2024-02-14',
      source: 'test',
      confidence: 'L',
    } as const;
    const calendar = createCalendar({ arrangements: [span] });
    expect(vietnamHolidays(2024, { calendar }).find((h) => h.date === date)?.name).toEqual(name);
  });
});
