import { describe, expect, it } from 'vitest';
import { OFFICIAL_YEARS } from '../../test/fixtures/calendar/officialSpans.js';
import { isCchcError } from '../errors/CchcError.js';
import { createCalendar } from './createCalendar.js';
import { dayFromCivil, weekdayOf } from './dates.js';
import { isHoliday } from './isHoliday.js';
import { isWorkingDay } from './isWorkingDay.js';
import { OFFICIAL_ARRANGEMENTS } from './officialArrangements.js';
import { vietnamHolidays } from './vietnamHolidays.js';

const datesOf = (
  year: number,
  filter: (h: ReturnType<typeof vietnamHolidays>[number]) => boolean = () => true,
) => [
  ...new Set(
    vietnamHolidays(year)
      .filter(filter)
      .map((h) => h.date),
  ),
];

function codeAndPath(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (!isCchcError(error)) throw error;
    return { code: error.code, path: error.issues[0]!.path };
  }
  throw new Error('expected a throw');
}

describe('official spans 2022–2026 (dossier-index.md §4.2, vacanza column)', () => {
  it.each(OFFICIAL_YEARS)(
    '$year: every day off, exactly',
    ({ year, daysOff, substitutes, workedWeekendDays }) => {
      expect(datesOf(year)).toEqual(daysOff);
      expect(datesOf(year, (h) => h.substitute)).toEqual(substitutes);
      for (const d of daysOff) {
        expect(isHoliday(d)).toBe(true);
        expect(isWorkingDay(d)).toBe(false);
      }
      for (const d of workedWeekendDays) {
        expect(isWorkingDay(d)).toBe(true);
        expect(isHoliday(d)).toBe(false);
      }
    },
  );

  it('the 2025 swap (off 2/5, worked Sat 26/4) is marked confidence M', () => {
    const swap = vietnamHolidays(2025).find((h) => h.date === '2025-05-02')!;
    expect(swap).toMatchObject({
      kind: 'swap-day-off',
      origin: 'arrangement',
      confidence: 'M',
      substitute: false,
    });
    expect(swap.name.vi).toBe('Nghỉ hoán đổi (làm bù ngày 26/04/2025)');
  });

  it('the 2024 swap cites Công văn 2450/VPCP-KGVX with confidence H', () => {
    const swap = vietnamHolidays(2024).find((h) => h.date === '2024-04-29')!;
    expect(swap.basis).toMatch(/2450\/VPCP-KGVX/);
    expect(swap.confidence).toBe('H');
  });

  it('every swap in the official data is a weekday off worked back on a Saturday', () => {
    for (const a of OFFICIAL_ARRANGEMENTS) {
      if (a.kind !== 'swap') continue;
      const [y1, m1, d1] = a.dayOff.split('-').map(Number) as [number, number, number];
      const [y2, m2, d2] = a.workedOn.split('-').map(Number) as [number, number, number];
      expect(weekdayOf(dayFromCivil(y2, m2, d2)), a.workedOn).toBe(6);
      expect([1, 2, 3, 4, 5]).toContain(weekdayOf(dayFromCivil(y1, m1, d1)));
    }
  });
});

describe('substitute days (nghỉ bù, Labour Code 2019 Art. 111(3))', () => {
  it.each([
    ['2023-01-02', '2023-01-01', 'new-year-day'], // 1/1 on a Sunday
    ['2022-01-03', '2022-01-01', 'new-year-day'], // 1/1 on a Saturday → Monday
    ['2022-04-11', '2022-04-10', 'hung-kings-day'],
    ['2022-05-02', '2022-04-30', 'reunification-day'],
    ['2022-05-03', '2022-05-01', 'labour-day'],
    ['2023-09-04', '2023-09-02', 'national-day'],
    ['2026-04-27', '2026-04-26', 'hung-kings-day'],
  ])('%s replaces %s (%s)', (date, original, kind) => {
    const h = vietnamHolidays(Number(date.slice(0, 4))).find((x) => x.date === date)!;
    expect(h).toMatchObject({ kind, substitute: true, substituteFor: original, origin: 'rule' });
    expect(h.basis).toMatch(/Art\. 111\(3\)/);
    expect(h.name.vi.startsWith('Nghỉ bù ')).toBe(true);
    expect(h.name.en.endsWith('(substitute day)')).toBe(true);
  });

  it('the original weekend holiday stays listed', () => {
    expect(vietnamHolidays(2023).find((h) => h.date === '2023-01-01')?.substitute).toBe(false);
  });

  it('before 2021 the substitute cites the 2012 code', () => {
    // 1/1/2017 was a Sunday.
    const h = vietnamHolidays(2017).find((x) => x.date === '2017-01-02')!;
    expect(h.substitute).toBe(true);
    expect(h.basis).toMatch(/Labour Code 2012 Art\. 115\(3\)/);
  });

  it('2/9 on a Sunday (2029): adjacent day Mon 3/9, nghỉ bù skips it to Tue 4/9', () => {
    expect(datesOf(2029, (h) => h.kind === 'national-day')).toEqual([
      '2029-09-02',
      '2029-09-03',
      '2029-09-04',
    ]);
  });
});

describe('Quốc khánh: the adjacent day (from 2021) keyed to the weekday of 2/9', () => {
  it.each([
    ['Mon', 2024, ['2024-09-02', '2024-09-03']],
    ['Tue', 2025, ['2025-09-01', '2025-09-02']],
    ['Wed', 2026, ['2026-09-01', '2026-09-02']],
    ['Thu', 2021, ['2021-09-02', '2021-09-03']],
    ['Fri', 2022, ['2022-09-01', '2022-09-02']],
    ['Sat', 2023, ['2023-09-01', '2023-09-02', '2023-09-04']],
    ['Sun', 2029, ['2029-09-02', '2029-09-03', '2029-09-04']],
  ])('2/9 on a %s (%i)', (_weekday, year, expected) => {
    expect(datesOf(year as number, (h) => h.kind === 'national-day')).toEqual(expected);
  });

  it.each([2015, 2016, 2018, 2019, 2020])(
    'before 2021 only one National Day (%i, plus nghỉ bù on a weekend)',
    (year) => {
      const days = vietnamHolidays(year).filter((h) => h.kind === 'national-day' && !h.substitute);
      expect(days.map((h) => h.date)).toEqual([`${year}-09-02`]);
    },
  );

  it('2020: 2/9 on a Wednesday, one day', () => {
    expect(datesOf(2020, (h) => h.kind === 'national-day')).toEqual(['2020-09-02']);
  });
});

describe('Hùng Kings day', () => {
  it('is not a holiday before 2007', () => {
    for (let year = 2000; year <= 2006; year += 1) {
      expect(vietnamHolidays(year).some((h) => h.kind === 'hung-kings-day')).toBe(false);
    }
    expect(isHoliday('2006-04-07')).toBe(false); // 10/3 lunar 2006
  });
  it('is a holiday from 2007', () => {
    expect(isHoliday('2007-04-26')).toBe(true);
    expect(datesOf(2007, (h) => h.kind === 'hung-kings-day')).toEqual(['2007-04-26']);
  });
});

describe('Tết rule', () => {
  it('before 2013 Tết is 4 days (eve + mùng 1–3); before 2014 a weekend Tết day moves to the next working day', () => {
    // 2012: eve Sun 22/1, mùng 1–3 Mon 23 – Wed 25 → Sunday moved to Thu 26; swap Fri 27/1 off (worked Sat 4/2).
    expect(datesOf(2012, (h) => h.kind === 'tet')).toEqual([
      '2012-01-22',
      '2012-01-23',
      '2012-01-24',
      '2012-01-25',
      '2012-01-26',
    ]);
    expect(isHoliday('2012-01-27')).toBe(true);
    expect(isWorkingDay('2012-02-04')).toBe(true);
  });
  it('names the days by their lunar position', () => {
    const names = vietnamHolidays(2024)
      .filter((h) => h.kind === 'tet')
      .map((h) => h.name.vi);
    expect(names).toEqual([
      'Nghỉ bù Mùng 1 Tết Nguyên Đán',
      'Giao thừa Tết Nguyên Đán',
      'Mùng 1 Tết Nguyên Đán',
      'Mùng 2 Tết Nguyên Đán',
      'Mùng 3 Tết Nguyên Đán',
      'Mùng 4 Tết Nguyên Đán',
      'Nghỉ bù Mùng 2 Tết Nguyên Đán',
    ]);
  });
});

describe('calendars with their own data', () => {
  it('a tet-span replaces the rule span (the data wins)', () => {
    const calendar = createCalendar({
      arrangements: [
        ...OFFICIAL_ARRANGEMENTS,
        { kind: 'tet-span', from: '2025-01-25', to: '2025-02-02', source: 'illustrative', confidence: 'L' },
      ],
    });
    const tet = vietnamHolidays(2025, { calendar }).filter((h) => h.kind === 'tet');
    expect(tet.map((h) => h.date)).toEqual([
      '2025-01-25',
      '2025-01-26',
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
    ]);
    expect(tet.every((h) => h.origin === 'arrangement' && !h.substitute && h.confidence === 'L')).toBe(true);
    expect(tet[0]!.name).toEqual({
      vi: '26 tháng Chạp (nghỉ Tết Nguyên Đán)',
      en: 'Lunar New Year holiday (day 26 of lunar month 12)',
    });
    // The built-in calendar is untouched.
    expect(isHoliday('2025-01-25')).toBe(false);
  });

  it('arrangements: [] drops the official swaps; extra holidays and worked days apply last', () => {
    const calendar = createCalendar({
      arrangements: [],
      extraHolidays: [
        '2024-06-03',
        { date: '2024-06-04', name: { vi: 'Nghỉ địa phương', en: 'Local day off' } },
      ],
      extraWorkingDays: ['2024-06-08', '2024-09-03'],
    });
    expect(isWorkingDay('2024-04-29', { calendar })).toBe(true);
    expect(isWorkingDay('2024-05-04', { calendar })).toBe(false);
    expect(isWorkingDay('2024-06-03', { calendar })).toBe(false);
    expect(vietnamHolidays(2024, { calendar }).find((h) => h.date === '2024-06-04')).toMatchObject({
      kind: 'day-off',
      origin: 'extra',
      confidence: null,
      name: { vi: 'Nghỉ địa phương', en: 'Local day off' },
    });
    expect(isWorkingDay('2024-06-08', { calendar })).toBe(true); // a Saturday
    expect(isWorkingDay('2024-09-03', { calendar })).toBe(true); // holiday cancelled
    expect(isHoliday('2024-09-03', { calendar })).toBe(false);
  });

  it('a later arrangement wins on the same date', () => {
    const calendar = createCalendar({
      arrangements: [
        { kind: 'working-day', date: '2024-09-03', source: 'x', confidence: 'L' },
        { kind: 'day-off', date: '2024-09-03', source: 'y', confidence: 'L' },
      ],
    });
    expect(isWorkingDay('2024-09-03', { calendar })).toBe(false);
    expect(
      vietnamHolidays(2024, { calendar })
        .filter((h) => h.date === '2024-09-03')
        .map((h) => h.basis),
    ).toEqual(['y']);
  });

  it('a six-day week (weekend: sun) works Saturdays and gives nghỉ bù only for Sundays', () => {
    const calendar = createCalendar({ weekend: ['sun'] });
    expect(isWorkingDay('2024-03-09', { calendar })).toBe(true);
    // 30/4/2022 was a Saturday: a working weekday here, no nghỉ bù for it.
    expect(
      vietnamHolidays(2022, { calendar })
        .filter((h) => h.substitute)
        .map((h) => h.substituteFor),
    ).toEqual(['2022-04-10', '2022-05-01']);
    expect(calendar.weekend).toEqual(['sun']);
  });

  it('the calendar object is frozen and its holidays are JSON-safe', () => {
    const calendar = createCalendar();
    expect(Object.isFrozen(calendar)).toBe(true);
    expect(Object.isFrozen(calendar.arrangements[0])).toBe(true);
    const list = vietnamHolidays(2024, { calendar });
    expect(JSON.parse(JSON.stringify(list))).toEqual(list);
    expect(vietnamHolidays(2024, { calendar })).toBe(list); // computed once per calendar
  });

  it('does not mutate its inputs', () => {
    const arrangements = Object.freeze([
      Object.freeze({
        kind: 'swap' as const,
        dayOff: '2026-01-02',
        workedOn: '2026-01-10',
        source: 's',
        confidence: 'L' as const,
      }),
    ]);
    const options = Object.freeze({ arrangements, weekend: Object.freeze(['sun', 'sat'] as const) });
    const calendar = createCalendar(options);
    expect(calendar.weekend).toEqual(['sun', 'sat']);
    expect(isWorkingDay('2026-01-10', { calendar })).toBe(true);
  });
});

describe('bad input', () => {
  it.each([
    [() => vietnamHolidays(2024.5), 'INVALID_INPUT', ['year']],
    [() => vietnamHolidays(Number.NaN), 'INVALID_INPUT', ['year']],
    [() => vietnamHolidays('2024' as never), 'INVALID_INPUT', ['year']],
    [() => vietnamHolidays(1999), 'INVALID_CALENDAR', ['year']],
    [() => vietnamHolidays(2101), 'INVALID_CALENDAR', ['year']],
    [() => vietnamHolidays(2024, { calendar: {} as never }), 'INVALID_INPUT', ['options', 'calendar']],
    [() => vietnamHolidays(2024, { cal: 1 } as never), 'INVALID_INPUT', ['options']],
    [() => createCalendar({ weekend: ['sat', 'sat'] }), 'INVALID_INPUT', ['options', 'weekend']],
    [
      () => createCalendar({ weekend: ['fri', 'mon', 'tue', 'wed', 'thu', 'sat', 'sun'] }),
      'INVALID_INPUT',
      ['options', 'weekend'],
    ],
    [() => createCalendar({ weekend: ['saturday'] as never }), 'INVALID_INPUT', ['options', 'weekend', 0]],
    [
      () =>
        createCalendar({
          arrangements: [
            { kind: 'swap', dayOff: '2024-04-29', workedOn: '2024-5-4', source: 'x', confidence: 'H' },
          ],
        }),
      'INVALID_INPUT',
      ['options', 'arrangements', 0, 'workedOn'],
    ],
    [
      () =>
        createCalendar({
          arrangements: [
            { kind: 'tet-span', from: '2025-02-02', to: '2025-01-25', source: 'x', confidence: 'H' },
          ],
        }),
      'INVALID_INPUT',
      ['options', 'arrangements', 0, 'to'],
    ],
    [
      () => createCalendar({ arrangements: [{ kind: 'holiday', date: '2025-02-02' } as never] }),
      'INVALID_INPUT',
      ['options', 'arrangements', 0, 'kind'],
    ],
    [
      () =>
        createCalendar({
          arrangements: [{ kind: 'day-off', date: '2025-02-02', source: 'x', confidence: 'X' } as never],
        }),
      'INVALID_INPUT',
      ['options', 'arrangements', 0, 'confidence'],
    ],
    [
      () => createCalendar({ extraHolidays: ['2024-02-30'] }),
      'INVALID_INPUT',
      ['options', 'extraHolidays', 0],
    ],
    [
      () => createCalendar({ extraWorkingDays: [new Date(Number.NaN)] }),
      'INVALID_INPUT',
      ['options', 'extraWorkingDays', 0],
    ],
  ])('case %#: %s at %j', (fn, code, path) => {
    expect(codeAndPath(fn)).toEqual({ code, path });
  });

  it('messages are our own sentences', () => {
    expect(() => vietnamHolidays(1999)).toThrow(/expected a year from 2000 to 2100/);
    expect(() => createCalendar({ extraHolidays: ['2024-02-30'] })).toThrow(/02\/2024 has 29 days/);
  });
});
