import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { ArrangementSchema } from './ArrangementSchema.js';
import { createCalendar, yearTableOf } from './createCalendar.js';
import { checkKnownDay, DateTimeInputSchema, dayFromCivil, IsoDateSchema, isoFromDay } from './dates.js';
import { dueDate } from './dueDate.js';
import { isHoliday } from './isHoliday.js';
import { lunarToSolar, tetOf } from './lunar.js';
import { vietnamHolidays } from './vietnamHolidays.js';

const source = 'Công văn 2450/VPCP-KGVX';

describe('ArrangementSchema: messages for each bad arrangement', () => {
  it('says a missing confidence is required', () => {
    const result = ArrangementSchema.safeParse({ kind: 'day-off', date: '2024-04-29', source });
    expect(result.error?.issues).toMatchObject([
      { path: ['confidence'], message: `is required: expected a confidence 'H', 'M' or 'L'.` },
    ]);
  });

  it('refuses a Tết span that runs into the next year', () => {
    const arrangements = [
      { kind: 'tet-span', from: '2024-12-30', to: '2025-01-02', source, confidence: 'H' },
    ];
    const error = expectCchcError(() => createCalendar({ arrangements } as never), 'INVALID_INPUT', [
      'options',
      'arrangements',
      0,
      'to',
    ]);
    expect(error.issues[0]?.message).toBe(
      `expected 'to' in the same year as 'from' (2024-12-30), received 2025-01-02.`,
    );
  });

  it('refuses a Tết span ending before it starts (same year)', () => {
    const arrangements = [
      { kind: 'tet-span', from: '2024-02-14', to: '2024-02-08', source, confidence: 'H' },
    ];
    expectCchcError(() => createCalendar({ arrangements } as never), 'INVALID_INPUT', [
      'options',
      'arrangements',
      0,
      'to',
    ]);
  });

  it('rewrites the type message of an arrangement that is not an object', () => {
    const error = expectCchcError(
      () => createCalendar({ arrangements: ['swap'] } as never),
      'INVALID_INPUT',
      ['options', 'arrangements', 0],
    );
    expect(error.issues[0]?.message).toBe('expected an object, received the string "swap".');
  });
});

describe('createCalendar: extra holidays', () => {
  it('keeps an extra holiday given as { date } without a name as name null, and calls it "Ngày nghỉ"', () => {
    const calendar = createCalendar({ extraHolidays: [{ date: '2024-03-08' }] });
    expect(calendar.extraHolidays).toEqual([{ date: '2024-03-08', name: null }]);
    expect(vietnamHolidays(2024, { calendar }).filter((h) => h.date === '2024-03-08')).toMatchObject([
      { kind: 'day-off', origin: 'extra', name: { vi: 'Ngày nghỉ', en: 'Day off' } },
    ]);
    expect(isHoliday('2024-03-08', { calendar })).toBe(true);
  });

  it('lists an extra holiday on a rule holiday beside it: both are kept for that day', () => {
    const name = { vi: 'Ngày lễ thêm', en: 'Extra day' };
    const calendar = createCalendar({ extraHolidays: [{ date: '2024-09-02', name }] });
    const onSep2 = vietnamHolidays(2024, { calendar }).filter((h) => h.date === '2024-09-02');
    expect(onSep2.map((h) => [h.kind, h.origin, h.name.vi])).toEqual([
      ['national-day', 'rule', 'Quốc khánh'],
      ['day-off', 'extra', 'Ngày lễ thêm'],
    ]);
    expect(vietnamHolidays(2024, { calendar }).length).toBe(vietnamHolidays(2024).length + 1);
  });
});

describe('Tết span names', () => {
  it('names span days before lunar month 12 began "Nghỉ Tết Nguyên Đán"', () => {
    // Tết 2024 is 10/2; lunar month 12 began on 11/1/2024 (the eve 9/2 is its 30th day).
    const arrangements = [
      { kind: 'tet-span', from: '2024-01-09', to: '2024-01-11', source: 'test span', confidence: 'L' },
    ] as const;
    const calendar = createCalendar({ arrangements: [...arrangements] });
    const names = vietnamHolidays(2024, { calendar })
      .filter((h) => h.kind === 'tet')
      .map((h) => [h.date, h.name.vi]);
    expect(names).toEqual([
      ['2024-01-09', 'Nghỉ Tết Nguyên Đán'],
      ['2024-01-10', 'Nghỉ Tết Nguyên Đán'],
      ['2024-01-11', '1 tháng Chạp (nghỉ Tết Nguyên Đán)'],
    ]);
  });
});

describe('dates: schemas', () => {
  it('says a missing date is required', () => {
    const result = IsoDateSchema.safeParse(undefined);
    expect(result.error?.issues[0]?.message).toBe(`is required: expected a date written 'YYYY-MM-DD'.`);
  });

  it.each([
    // 2024-03-01T20:00-05:00 is 2024-03-02T01:00Z, 08:00 in Vietnam on 2 March.
    ['2024-03-01T20:00-05:00', dayFromCivil(2024, 3, 2), 8 * 3_600_000],
    ['2024-03-01T20:00-00:30', dayFromCivil(2024, 3, 2), 3 * 3_600_000 + 30 * 60_000],
    ['2024-03-01T20:00+05:00', dayFromCivil(2024, 3, 1), 22 * 3_600_000],
  ])('reads a negative or positive UTC offset: %s', (text, day, msOfDay) => {
    expect(DateTimeInputSchema.parse(text)).toEqual({ day, msOfDay });
  });

  it('reads a reception time with a negative offset in dueDate', () => {
    // Friday 1/3/2024 20:00 in New York is Saturday 2/3 08:00 in Vietnam: received on the Saturday,
    // counted from Monday 4/3, so 1 working day is due on Monday 4/3 (not Friday's next day).
    const r = dueDate({ receivedAt: '2024-03-01T20:00-05:00', processingDays: 1 });
    expect(r.receivedOn).toBe('2024-03-02');
    expect(r.due).toBe(dueDate({ receivedAt: '2024-03-02', processingDays: 1 }).due);
    expect(r.due).not.toBe(dueDate({ receivedAt: '2024-03-01', processingDays: 1 }).due);
  });
});

describe('calendar range guards (internal helpers, as documented)', () => {
  it.each([[dayFromCivil(2000, 1, 1)], [dayFromCivil(2100, 12, 31)]])(
    'checkKnownDay accepts the first and last days (%i)',
    (day) => {
      expect(() => checkKnownDay(day, ['date'])).not.toThrow();
    },
  );

  it.each([
    [dayFromCivil(1999, 12, 31), '1999-12-31'],
    [dayFromCivil(2101, 1, 1), '2101-01-01'],
  ])('checkKnownDay refuses the days just outside (%s)', (day, iso) => {
    const error = expectCchcError(() => checkKnownDay(day, ['date']), 'INVALID_CALENDAR', ['date']);
    expect(error.issues[0]?.message).toContain(iso);
  });

  it.each([1999, 2101])('yearTableOf refuses the year %i with the path given', (year) => {
    const error = expectCchcError(() => yearTableOf(createCalendar(), year, ['start']), 'INVALID_CALENDAR', [
      'start',
    ]);
    expect(error.issues[0]?.message).toContain(`received the year ${year}`);
  });

  it.each([2000, 2100])('yearTableOf builds the boundary year %i', (year) => {
    expect(yearTableOf(createCalendar(), year, ['start']).year).toBe(year);
  });
});

describe('lunar calendar', () => {
  it('refuses a leap month in a lunar year without one', () => {
    // 2024 (Giáp Thìn) has no leap month; 2023 has a leap month 2.
    const error = expectCchcError(
      () => lunarToSolar({ year: 2024, month: 1, day: 1, leap: true }),
      'INVALID_CALENDAR',
      ['lunar'],
    );
    expect(error.issues[0]?.message).toBe('lunar year 2024 has no leap month 1.');
  });

  it('gives the eve of Tết as the last day of the month before Tết, in every year 2000–2100', () => {
    for (let year = 2000; year <= 2100; year += 1) {
      const { tet, eveLunarDay } = tetOf(year);
      // The month before Tết starts `eveLunarDay` days before Tết: its first day is a new moon,
      // and its day `eveLunarDay` is the eve (lunar month 12 of the previous lunar year, or the
      // leap month 12 when there is one — neither occurs as a 31st day).
      const firstOfMonth = isoFromDay(tet - eveLunarDay);
      const month12 = year > 2000 ? lunarToSolar({ year: year - 1, month: 12, day: 1 }) : null;
      if (month12 !== null && month12 !== firstOfMonth) {
        expect(lunarToSolar({ year: year - 1, month: 12, day: 1, leap: true })).toBe(firstOfMonth);
      }
      expect(isoFromDay(tet)).toBe(lunarToSolar({ year, month: 1, day: 1 }));
      expect([29, 30]).toContain(eveLunarDay);
    }
  });

  it('knows the eves of Tết 2024 (30 Chạp) and 2026 (29 Chạp: lunar month 12 of 2025 has 29 days)', () => {
    expect(tetOf(2024).eveLunarDay).toBe(30);
    expect(isoFromDay(tetOf(2024).tet - 1)).toBe(lunarToSolar({ year: 2023, month: 12, day: 30 }));
    expect(tetOf(2026).eveLunarDay).toBe(29);
    expect(isoFromDay(tetOf(2026).tet - 1)).toBe(lunarToSolar({ year: 2025, month: 12, day: 29 }));
  });
});
