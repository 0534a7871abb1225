import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCchcError } from '../errors/CchcError.js';
import { addWorkingDays } from './addWorkingDays.js';
import { createCalendar } from './createCalendar.js';
import { dayFromCivil, isoFromDay } from './dates.js';
import { isHoliday } from './isHoliday.js';
import { isWorkingDay } from './isWorkingDay.js';
import { workingDaysBetween } from './workingDaysBetween.js';

function codeAndPath(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (!isCchcError(error)) throw error;
    return { code: error.code, path: error.issues[0]!.path, message: error.issues[0]!.message };
  }
  throw new Error('expected a throw');
}

/** Day-by-day reference: the n-th working day after d (n ≥ 1). */
function slowAdd(d: string, n: number): string {
  let day = dayFromCivil(Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10)));
  let left = n;
  while (left > 0) {
    day += 1;
    if (isWorkingDay(isoFromDay(day))) left -= 1;
  }
  return isoFromDay(day);
}

const START = dayFromCivil(2000, 1, 1);
const END = dayFromCivil(2097, 12, 31); // leaves room for n ≤ 600 before 2100-12-31
const anyDate = fc.integer({ min: START, max: END }).map(isoFromDay);

describe('isWorkingDay', () => {
  it.each([
    ['2024-02-07', true], // Wed before Tết
    ['2024-02-08', false],
    ['2024-02-14', false],
    ['2024-02-15', true],
    ['2024-05-04', true], // Saturday worked (swap for 29/4)
    ['2024-05-05', false], // Sunday
    ['2024-04-29', false],
    ['2025-04-26', true], // Saturday worked (reported swap for 2/5/2025, M)
    ['2025-05-02', false],
    ['2024-03-09', false], // ordinary Saturday
    ['2024-03-11', true],
  ])('%s → %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('reads a Date in Vietnam time (UTC+7), whatever the machine', () => {
    expect(isWorkingDay(new Date('2024-02-14T16:59:59Z'))).toBe(false); // 23:59:59 on 14/2 in Hà Nội
    expect(isWorkingDay(new Date('2024-02-14T17:00:00Z'))).toBe(true); // 00:00 on 15/2
    expect(isHoliday(new Date('2024-09-02T17:00:00Z'))).toBe(true); // 00:00 on 3/9
  });

  it('a week with no working day but one', () => {
    const calendar = createCalendar({ weekend: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] });
    expect(isWorkingDay('2024-03-10', { calendar })).toBe(true); // Sunday
    expect(addWorkingDays('2024-03-10', 2, { calendar })).toBe('2024-03-24');
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2024-02-07', 1, '2024-02-15'],
    ['2024-02-07', 2, '2024-02-16'],
    ['2024-02-06', 2, '2024-02-15'],
    ['2024-02-10', 1, '2024-02-15'], // from inside Tết
    ['2024-04-26', 1, '2024-05-02'],
    ['2024-04-26', 3, '2024-05-04'], // the worked Saturday counts
    ['2024-04-26', 4, '2024-05-06'],
    ['2023-12-29', 1, '2024-01-02'], // across the year end and 1/1
    ['2024-02-15', -1, '2024-02-07'],
    ['2024-05-06', -1, '2024-05-04'], // the worked Saturday
    ['2024-05-06', -3, '2024-05-02'],
    ['2024-02-10', 0, '2024-02-10'], // n = 0: unchanged, even on a day off
    ['2024-01-02', -1, '2023-12-29'],
  ])('%s + %i → %s', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it('agrees with day-by-day counting over years (large n)', () => {
    for (const [d, n] of [
      ['2023-06-15', 250],
      ['2021-01-01', 1000],
      ['2024-12-31', 1],
    ] as const) {
      expect(addWorkingDays(d, n)).toBe(slowAdd(d, n));
    }
  });

  it('runs across the whole range: 2000-01-01 + all working days to 2100-12-31', () => {
    const total = workingDaysBetween('2000-01-01', '2100-12-31');
    expect(total).toBeGreaterThan(24_000);
    expect(isWorkingDay(addWorkingDays('2000-01-01', total))).toBe(true);
    expect(workingDaysBetween(addWorkingDays('2000-01-01', total), '2100-12-31')).toBe(0);
    expect(codeAndPath(() => addWorkingDays('2000-01-01', total + 5))).toMatchObject({
      code: 'INVALID_CALENDAR',
      path: ['n'],
    });
    expect(codeAndPath(() => addWorkingDays('2000-01-05', -10))).toMatchObject({
      code: 'INVALID_CALENDAR',
      path: ['n'],
    });
  });

  it('law: the result is a working day for n ≥ 1', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 400 }), (d, n) => isWorkingDay(addWorkingDays(d, n))),
      { numRuns: 300 },
    );
  });

  it('law: workingDaysBetween(d, addWorkingDays(d, n)) = n for n ≥ 0', () => {
    fc.assert(
      fc.property(
        anyDate,
        fc.integer({ min: 0, max: 600 }),
        (d, n) => workingDaysBetween(d, addWorkingDays(d, n)) === n,
      ),
      { numRuns: 300 },
    );
  });

  it('law: addWorkingDays(addWorkingDays(d, a), b) = addWorkingDays(d, a + b) for a, b ≥ 0', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), (d, a, b) => {
        return addWorkingDays(addWorkingDays(d, a), b) === addWorkingDays(d, a + b);
      }),
      { numRuns: 300 },
    );
  });

  it('law: going back undoes going forward from a working day', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 300 }), (d, n) => {
        const w = addWorkingDays(d, 1);
        return addWorkingDays(addWorkingDays(w, n), -n) === w;
      }),
      { numRuns: 200 },
    );
  });

  it('law: matches day-by-day counting for small n', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 30 }), (d, n) => addWorkingDays(d, n) === slowAdd(d, n)),
      { numRuns: 200 },
    );
  });
});

describe('workingDaysBetween: (start, end]', () => {
  it.each([
    ['2024-02-07', '2024-02-15', 1],
    ['2024-02-07', '2024-02-14', 0],
    ['2024-03-04', '2024-03-04', 0],
    ['2024-03-04', '2024-03-05', 1],
    ['2024-03-08', '2024-03-11', 1], // Fri → Mon
    ['2024-03-09', '2024-03-10', 0], // Sat → Sun
    ['2024-04-26', '2024-05-06', 4], // 2/5, 3/5, Sat 4/5, 6/5
    ['2024-03-08', '2024-03-04', -4],
    ['2023-12-29', '2025-01-02', workingDaysBetween('2023-12-29', '2024-12-31') + 1],
  ])('%s → %s: %i', (start, end, expected) => {
    expect(workingDaysBetween(start, end)).toBe(expected);
  });

  it('law: additive over an intermediate date', () => {
    fc.assert(
      fc.property(anyDate, anyDate, anyDate, (a, b, c) => {
        return workingDaysBetween(a, b) + workingDaysBetween(b, c) === workingDaysBetween(a, c);
      }),
      { numRuns: 200 },
    );
  });
});

describe('bad input', () => {
  it.each([
    [() => isWorkingDay('2024-02-30'), 'INVALID_INPUT', ['date']],
    [() => isWorkingDay('2024-2-3'), 'INVALID_INPUT', ['date']],
    [() => isWorkingDay('2024-13-01'), 'INVALID_INPUT', ['date']],
    [() => isWorkingDay(new Date(Number.NaN)), 'INVALID_INPUT', ['date']],
    [() => isWorkingDay(20240210 as never), 'INVALID_INPUT', ['date']],
    [() => isWorkingDay('1999-12-31'), 'INVALID_CALENDAR', ['date']],
    [() => isHoliday('2101-01-01'), 'INVALID_CALENDAR', ['date']],
    [() => isHoliday('2023-02-29'), 'INVALID_INPUT', ['date']],
    [() => addWorkingDays('2024-02-07', 1.5), 'INVALID_INPUT', ['n']],
    [() => addWorkingDays('2024-02-07', Number.NaN), 'INVALID_INPUT', ['n']],
    [() => addWorkingDays('2024-02-07', Number.POSITIVE_INFINITY), 'INVALID_INPUT', ['n']],
    [() => addWorkingDays('2024-02-07', '3' as never), 'INVALID_INPUT', ['n']],
    [() => addWorkingDays('2024-02-30', 1), 'INVALID_INPUT', ['date']],
    [() => addWorkingDays('1999-02-03', 1), 'INVALID_CALENDAR', ['date']],
    [() => workingDaysBetween('2024-02-07', '2024-2-15'), 'INVALID_INPUT', ['end']],
    [() => workingDaysBetween('1999-02-07', '2024-02-15'), 'INVALID_CALENDAR', ['start']],
    [() => workingDaysBetween('2024-02-07', '2101-02-15'), 'INVALID_CALENDAR', ['end']],
    [() => isWorkingDay('2024-02-07', { x: 1 } as never), 'INVALID_INPUT', ['options']],
  ])('case %#: %s at %j', (fn, code, path) => {
    expect(codeAndPath(fn)).toMatchObject({ code, path });
  });

  it.each([
    [
      '2024-02-30',
      'expected a real date \'YYYY-MM-DD\', received the string "2024-02-30": 02/2024 has 29 days.',
    ],
    [
      '2024-2-3',
      "expected a date written 'YYYY-MM-DD' such as '2024-02-10', received the string \"2024-2-3\".",
    ],
  ])('%s: %s', (date, message) => {
    expect(codeAndPath(() => isWorkingDay(date)).message).toBe(message);
  });

  it('an invalid Date says so', () => {
    expect(codeAndPath(() => isWorkingDay(new Date(Number.NaN))).message).toMatch(/invalid Date/);
  });

  it('outside 2000–2100 says which years are known', () => {
    expect(codeAndPath(() => isWorkingDay('1999-12-31')).message).toBe(
      'the calendar knows the years 2000–2100 (Tết and Hùng Kings day are computed for those years only), received 1999-12-31.',
    );
  });
});
