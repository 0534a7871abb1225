import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCchcError } from '../errors/CchcError.js';
import { addWorkingDays } from './addWorkingDays.js';
import { createCalendar } from './createCalendar.js';
import { dayFromCivil, isoFromDay } from './dates.js';
import { type DueDateInput, dueDate } from './dueDate.js';
import { isWorkingDay } from './isWorkingDay.js';
import { workingDaysBetween } from './workingDaysBetween.js';

function codeAndPath(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (!isCchcError(error)) throw error;
    return { code: error.code, path: error.issues[0]!.path };
  }
  throw new Error('expected a throw');
}

const due = (input: DueDateInput) => dueDate(input).due;

describe('dueDate in working days', () => {
  it.each([
    // Reception day not counted (default): the n-th working day after.
    [{ receivedAt: '2024-03-04', processingDays: 1 }, '2024-03-05'],
    [{ receivedAt: '2024-03-04', processingDays: 5 }, '2024-03-11'],
    [{ receivedAt: '2024-03-04', processingDays: 0 }, '2024-03-04'],
    [{ receivedAt: '2024-02-07T10:00', processingDays: 3 }, '2024-02-19'], // across Tết 8–14/2
    [{ receivedAt: '2024-02-10', processingDays: 3 }, '2024-02-20'], // received during Tết → 15/2
    [{ receivedAt: '2024-03-09', processingDays: 1 }, '2024-03-12'], // Saturday → Monday, then +1
    [{ receivedAt: '2024-05-04', processingDays: 1 }, '2024-05-06'], // worked Saturday counts as a reception day
    [{ receivedAt: '2024-04-26', processingDays: 3 }, '2024-05-04'], // 29/4 swap, 30/4, 1/5 off; 2/5, 3/5, Sat 4/5
    // Reception day counted.
    [{ receivedAt: '2024-03-04', processingDays: 1, countReceptionDay: true }, '2024-03-04'],
    [{ receivedAt: '2024-03-04', processingDays: 0, countReceptionDay: true }, '2024-03-04'],
    [{ receivedAt: '2024-03-04', processingDays: 5, countReceptionDay: true }, '2024-03-08'],
    [{ receivedAt: '2024-03-09', processingDays: 1, countReceptionDay: true }, '2024-03-11'],
  ] as const)('%j → %s', (input, expected) => {
    expect(due(input)).toBe(expected);
  });
});

describe('the 15:00 cut-off (an option, per procedure)', () => {
  const base = { processingDays: 1, cutoff: '15:00', countReceptionDay: true } as const;
  it.each([
    ['2024-03-04T14:59', '2024-03-04', false],
    ['2024-03-04T15:00', '2024-03-04', false],
    ['2024-03-04T15:00:00', '2024-03-04', false],
    ['2024-03-04T15:00:01', '2024-03-05', true],
    ['2024-03-04T15:00:00.001', '2024-03-05', true],
    ['2024-03-04T23:59:59', '2024-03-05', true],
    ['2024-03-04', '2024-03-04', false], // no time given: the cut-off cannot apply
    ['2024-03-04T08:00:00Z', '2024-03-04', false], // 15:00 in Vietnam
    ['2024-03-04T08:00:01Z', '2024-03-05', true],
    ['2024-03-04T16:00:01+08:00', '2024-03-05', true], // 15:00:01 in Vietnam
    ['2024-02-07T15:30', '2024-02-15', true], // the next working day is after Tết
    ['2024-05-03T16:00', '2024-05-04', true], // Friday after 15:00 → worked Saturday
  ])('received %s → due %s (after cut-off: %s)', (receivedAt, expected, after) => {
    const r = dueDate({ ...base, receivedAt });
    expect(r.due).toBe(expected);
    expect(r.afterCutoff).toBe(after);
  });

  it('Date objects are read in Vietnam time, to the millisecond', () => {
    expect(dueDate({ ...base, receivedAt: new Date('2024-03-04T08:00:00.000Z') }).due).toBe('2024-03-04');
    expect(dueDate({ ...base, receivedAt: new Date('2024-03-04T08:00:00.001Z') }).due).toBe('2024-03-05');
    expect(dueDate({ ...base, receivedAt: new Date('2024-03-03T17:30:00Z') }).receivedOn).toBe('2024-03-04'); // 00:30
  });

  it('without the reception day counted, a late dossier counts from the next working day', () => {
    const r = dueDate({ receivedAt: '2024-03-04T15:30', processingDays: 3, cutoff: '15:00' });
    expect(r).toEqual({
      due: '2024-03-08',
      receivedOn: '2024-03-04',
      countedAsReceivedOn: '2024-03-05',
      afterCutoff: true,
      processingDays: 3,
      unit: 'working-days',
    });
    expect(due({ receivedAt: '2024-03-04T14:30', processingDays: 3, cutoff: '15:00' })).toBe('2024-03-07');
    expect(due({ receivedAt: '2024-03-04T15:30', processingDays: 3 })).toBe('2024-03-07'); // no cut-off set
  });
});

describe('dueDate in calendar days and hours', () => {
  it.each([
    [{ receivedAt: '2024-04-26', processingDays: 10, unit: 'days' }, '2024-05-06'],
    [{ receivedAt: '2024-04-19', processingDays: 11, unit: 'days' }, '2024-05-02'], // 30/4 → next working day
    [{ receivedAt: '2024-03-04', processingDays: 5, unit: 'days' }, '2024-03-11'], // Sat 9/3 → Mon 11/3
    [{ receivedAt: '2024-03-04', processingDays: 5, unit: 'days', countReceptionDay: true }, '2024-03-08'],
    [{ receivedAt: '2024-03-04T09:00', processingDays: 24, unit: 'hours' }, '2024-03-07'],
    [{ receivedAt: '2024-03-04T09:00', processingDays: 4, unit: 'hours' }, '2024-03-05'],
    [{ receivedAt: '2024-03-04T09:00', processingDays: 24, unit: 'hours', hoursPerDay: 24 }, '2024-03-05'],
    [{ receivedAt: '2024-03-04T09:00', processingDays: 0, unit: 'hours' }, '2024-03-04'],
  ] as const)('%j → %s', (input, expected) => {
    expect(due(input)).toBe(expected);
  });

  it('hours are reported as working days', () => {
    expect(dueDate({ receivedAt: '2024-03-04', processingDays: 20, unit: 'hours' })).toMatchObject({
      processingDays: 3,
      unit: 'working-days',
    });
  });

  it('uses the given calendar', () => {
    const calendar = createCalendar({ arrangements: [] });
    expect(dueDate({ receivedAt: '2024-04-26', processingDays: 1 }, { calendar }).due).toBe('2024-04-29');
    expect(dueDate({ receivedAt: '2024-04-26', processingDays: 1 }).due).toBe('2024-05-02');
  });
});

describe('dueDate laws', () => {
  const anyDate = fc
    .integer({ min: dayFromCivil(2000, 1, 1), max: dayFromCivil(2097, 12, 31) })
    .map(isoFromDay);
  it('the due date is a working day, processingDays working days after the reception day used', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 200 }), fc.boolean(), (d, n, count) => {
        const r = dueDate({ receivedAt: d, processingDays: n, countReceptionDay: count });
        const expected = count && n >= 1 ? n - 1 : n;
        return isWorkingDay(r.due) && workingDaysBetween(r.countedAsReceivedOn, r.due) === expected;
      }),
      { numRuns: 200 },
    );
  });
  it('the reception day used is the reception day itself when it is a working day', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        const r = dueDate({ receivedAt: d, processingDays: 1 });
        return r.countedAsReceivedOn === (isWorkingDay(d) ? d : addWorkingDays(d, 1));
      }),
      { numRuns: 200 },
    );
  });
  it('does not mutate its input', () => {
    const input = Object.freeze({ receivedAt: '2024-03-04T15:30', processingDays: 3, cutoff: '15:00' });
    expect(dueDate(input).due).toBe('2024-03-08');
  });
});

describe('bad input', () => {
  it.each([
    [{ receivedAt: '2024-02-30', processingDays: 1 }, 'INVALID_INPUT', ['input', 'receivedAt']],
    [{ receivedAt: '2024-2-3', processingDays: 1 }, 'INVALID_INPUT', ['input', 'receivedAt']],
    [{ receivedAt: '2024-03-04T25:00', processingDays: 1 }, 'INVALID_INPUT', ['input', 'receivedAt']],
    [{ receivedAt: '2024-03-04T10:00+15:00', processingDays: 1 }, 'INVALID_INPUT', ['input', 'receivedAt']],
    [{ receivedAt: new Date(Number.NaN), processingDays: 1 }, 'INVALID_INPUT', ['input', 'receivedAt']],
    [{ receivedAt: '2024-03-04', processingDays: -1 }, 'INVALID_INPUT', ['input', 'processingDays']],
    [{ receivedAt: '2024-03-04', processingDays: 1.5 }, 'INVALID_INPUT', ['input', 'processingDays']],
    [{ receivedAt: '2024-03-04', processingDays: Number.NaN }, 'INVALID_INPUT', ['input', 'processingDays']],
    [{ receivedAt: '2024-03-04', processingDays: 1, unit: 'months' }, 'INVALID_INPUT', ['input', 'unit']],
    [{ receivedAt: '2024-03-04', processingDays: 1, cutoff: '3pm' }, 'INVALID_INPUT', ['input', 'cutoff']],
    [{ receivedAt: '2024-03-04', processingDays: 1, cutoff: '24:00' }, 'INVALID_INPUT', ['input', 'cutoff']],
    [
      { receivedAt: '2024-03-04', processingDays: 1, hoursPerDay: 0 },
      'INVALID_INPUT',
      ['input', 'hoursPerDay'],
    ],
    [{ receivedAt: '2024-03-04', processingDays: 1, cutOff: '15:00' }, 'INVALID_INPUT', ['input']],
    [{ processingDays: 1 }, 'INVALID_INPUT', ['input', 'receivedAt']],
    [{ receivedAt: '1999-12-31', processingDays: 1 }, 'INVALID_CALENDAR', ['input', 'receivedAt']],
    [{ receivedAt: '2100-12-31', processingDays: 1 }, 'INVALID_CALENDAR', ['input', 'receivedAt']],
  ])('%j → %s at %j', (input, code, path) => {
    expect(codeAndPath(() => dueDate(input as never))).toEqual({ code, path });
  });
});
