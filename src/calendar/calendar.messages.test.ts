import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import type { IssuePath } from '../errors/CchcError.js';
import type { CchcErrorCode } from '../errors/codes.js';
import { ArrangementSchema } from './ArrangementSchema.js';
import { addWorkingDays } from './addWorkingDays.js';
import { createCalendar } from './createCalendar.js';
import { DateTimeInputSchema, DayInputSchema, dayFromCivil, IsoDateSchema } from './dates.js';
import { dueDate } from './dueDate.js';
import { isWorkingDay } from './isWorkingDay.js';
import { lunarToSolar } from './lunar.js';
import { vietnamHolidays } from './vietnamHolidays.js';

const source = 'Công văn 2450/VPCP-KGVX';
const HOUR = 3_600_000;
const MINUTE = 60_000;
const KNOWN_YEARS =
  'the calendar knows the years 2000–2100 (Tết and Hùng Kings day are computed for those years only)';

/** Asserts that `fn` throws a CchcError with `code` whose only issue is `{ path, message }`. */
function expectOnlyIssue(fn: () => unknown, code: CchcErrorCode, path: IssuePath, message: string) {
  const error = expectCchcError(fn, code, path);
  expect(error.issues).toEqual([{ path, message }]);
  return error;
}

describe('dates: the sentence for each malformed or unreal date', () => {
  const written = (text: string) =>
    `expected a date written 'YYYY-MM-DD' such as '2024-02-10', received the string "${text}".`;
  const unreal = (text: string, why: string) =>
    `expected a real date 'YYYY-MM-DD', received the string "${text}": ${why}.`;

  it.each([
    ['x2024-01-01', written('x2024-01-01')],
    ['2024-01-01x', written('2024-01-01x')],
    ['2024-00-10', unreal('2024-00-10', 'there is no month 0')],
    ['2024-13-01', unreal('2024-13-01', 'there is no month 13')],
    ['2024-03-00', unreal('2024-03-00', '03/2024 has 31 days')],
    ['2024-03-32', unreal('2024-03-32', '03/2024 has 31 days')],
    ['2024-12-32', unreal('2024-12-32', '12/2024 has 31 days')],
  ])('%s: %s', (date, message) => {
    expectOnlyIssue(() => isWorkingDay(date), 'INVALID_INPUT', ['date'], message);
  });

  it.each([
    ['2024-12-31', true], // Tuesday
    ['2024-01-01', false], // Tết Dương lịch
  ])('accepts the last and first days of a year: %s', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });

  it.each([
    ['0999-01-01', `${KNOWN_YEARS}, received 0999-01-01.`],
    ['1999-12-31', `${KNOWN_YEARS}, received 1999-12-31.`],
    ['2101-01-01', `${KNOWN_YEARS}, received 2101-01-01.`],
  ])('writes a date outside 2000–2100 back as YYYY-MM-DD: %s', (date, message) => {
    expectOnlyIssue(() => isWorkingDay(date), 'INVALID_CALENDAR', ['date'], message);
  });
});

describe('dates: the zod issues of the date schemas', () => {
  it('IsoDateSchema says what it received when it is not a string', () => {
    expect(IsoDateSchema.safeParse(20240429).error?.issues).toMatchObject([
      {
        code: 'invalid_type',
        path: [],
        message: `expected a date written 'YYYY-MM-DD', received the number 20240429.`,
      },
    ]);
  });

  it.each([
    ['IsoDateSchema', IsoDateSchema as z.ZodType],
    ['DayInputSchema', DayInputSchema as z.ZodType],
  ])('%s reports an unreal date as a custom issue with our sentence', (_, schema) => {
    expect(schema.safeParse('2023-02-29').error?.issues).toEqual([
      {
        code: 'custom',
        path: [],
        message: `expected a real date 'YYYY-MM-DD', received the string "2023-02-29": 02/2023 has 28 days.`,
      },
    ]);
  });
});

describe('dates: reception moments (DateTimeInputSchema)', () => {
  const mar4 = dayFromCivil(2024, 3, 4);

  it.each([
    ['2024-03-04', mar4, null],
    ['2024-03-04T00:00', mar4, 0],
    ['2024-03-04T23:59', mar4, 23 * HOUR + 59 * MINUTE],
    ['2024-03-04T23:59:59', mar4, 24 * HOUR - 1000],
    ['2024-03-04T10:00:00.5', mar4, 10 * HOUR + 500],
    ['2024-03-04T10:00:00.25', mar4, 10 * HOUR + 250],
    // 10:00Z is 17:00 in Vietnam.
    ['2024-03-04T10:00Z', mar4, 17 * HOUR],
    // 10:00 at +14:00 (Kiribati) is 20:00Z on 3 March, 03:00 on 4 March in Vietnam.
    ['2024-03-04T10:00+14:00', mar4, 3 * HOUR],
    // 10:00 at −14:00 is 00:00Z on 5 March, 07:00 on 5 March in Vietnam.
    ['2024-03-04T10:00-14:00', mar4 + 1, 7 * HOUR],
    // 10:00 at +07:59 is 02:01Z, 09:01 in Vietnam.
    ['2024-03-04T10:00+07:59', mar4, 9 * HOUR + MINUTE],
  ])('reads %s', (text, day, msOfDay) => {
    expect(DateTimeInputSchema.parse(text)).toEqual({ day, msOfDay });
  });

  const form = (text: string) =>
    `expected a date 'YYYY-MM-DD' or a date-time 'YYYY-MM-DDTHH:mm[:ss]' (Vietnam time unless an offset such as '+07:00' or 'Z' is given), received the string "${text}".`;
  const time = (text: string) =>
    `expected a time of day from 00:00 to 23:59:59, received the string "${text}".`;
  const offset = (text: string) =>
    `expected a UTC offset from -14:00 to +14:00, received the string "${text}".`;

  it.each([
    ['x2024-03-04T10:00', form('x2024-03-04T10:00')],
    ['2024-03-04T10:00x', form('2024-03-04T10:00x')],
    ['2024-03-04x', form('2024-03-04x')],
    ['2024-03-04T10', form('2024-03-04T10')],
    ['2024-03-04T10:00:00.1234', form('2024-03-04T10:00:00.1234')],
    ['2024-03-04T24:00', time('2024-03-04T24:00')],
    ['2024-03-04T10:60', time('2024-03-04T10:60')],
    ['2024-03-04T10:00:60', time('2024-03-04T10:00:60')],
    ['2024-03-04T10:00+15:00', offset('2024-03-04T10:00+15:00')],
    ['2024-03-04T10:00+14:01', offset('2024-03-04T10:00+14:01')],
    ['2024-03-04T10:00-14:59', offset('2024-03-04T10:00-14:59')],
    ['2024-03-04T10:00+07:60', offset('2024-03-04T10:00+07:60')],
  ])('refuses %s with a custom issue', (text, message) => {
    expect(DateTimeInputSchema.safeParse(text).error?.issues).toEqual([
      { code: 'custom', path: [], message },
    ]);
  });

  it.each([
    [42, 'the number 42'],
    [new Date(Number.NaN), 'an invalid Date (NaN time)'],
  ])('dueDate says which forms a reception moment takes: %s', (receivedAt, received) => {
    expectOnlyIssue(
      () => dueDate({ receivedAt: receivedAt as never, processingDays: 1 }),
      'INVALID_INPUT',
      ['input', 'receivedAt'],
      `expected a date 'YYYY-MM-DD', a date-time 'YYYY-MM-DDTHH:mm' or a Date, received ${received}.`,
    );
  });
});

describe('ArrangementSchema: accepted arrangements and the sentence for each bad field', () => {
  it.each([
    { kind: 'tet-span', from: '2024-02-08', to: '2024-02-14', source, confidence: 'H' },
    // A one-day span: `to` equal to `from` is "on or after".
    { kind: 'tet-span', from: '2024-02-10', to: '2024-02-10', source, confidence: 'L' },
    { kind: 'swap', dayOff: '2024-04-29', workedOn: '2024-05-04', source, confidence: 'H' },
    { kind: 'day-off', date: '2024-03-08', source: 'illustrative', confidence: 'L' },
    {
      kind: 'day-off',
      date: '2024-03-08',
      name: { vi: 'Ngày nghỉ địa phương', en: 'Local day off' },
      source: 'illustrative',
      confidence: 'L',
    },
    { kind: 'working-day', date: '2024-05-04', source, confidence: 'M' },
  ])('parses $kind $from$dayOff$date', (arrangement) => {
    expect(ArrangementSchema.parse(arrangement)).toEqual(arrangement);
  });

  it.each([
    [
      { kind: 'day-off', date: '2024-03-08', source, confidence: 'X' },
      [{ path: ['confidence'], message: `expected a confidence 'H', 'M' or 'L', received "X".` }],
    ],
    [
      { kind: 'day-off', date: '2024-03-08', source: '', confidence: 'H' },
      [
        {
          path: ['source'],
          message: 'expected a source note (the notice or where the arrangement was reported).',
        },
      ],
    ],
    [
      { kind: 'day-off', date: '2024-03-08', name: { vi: '', en: '' }, source, confidence: 'H' },
      [
        { path: ['name', 'vi'], message: 'expected a Vietnamese name.' },
        { path: ['name', 'en'], message: 'expected an English name.' },
      ],
    ],
    [
      { kind: 'holiday', date: '2024-03-08', source, confidence: 'H' },
      [
        {
          path: ['kind'],
          message: `expected an arrangement with kind 'tet-span', 'swap', 'day-off' or 'working-day'.`,
        },
      ],
    ],
  ])('%j', (arrangement, issues) => {
    expect(ArrangementSchema.safeParse(arrangement).error?.issues).toMatchObject(issues);
    expect(ArrangementSchema.safeParse(arrangement).error?.issues.length).toBe(issues.length);
  });

  it.each([
    [
      { kind: 'tet-span', from: '2024-02-14', to: '2024-02-08', source, confidence: 'H' },
      ['to'],
      `expected 'to' on or after 'from' (2024-02-14), received 2024-02-08.`,
    ],
    [
      { kind: 'tet-span', from: '2024-12-30', to: '2025-01-02', source, confidence: 'H' },
      ['to'],
      `expected 'to' in the same year as 'from' (2024-12-30), received 2025-01-02.`,
    ],
    [
      { kind: 'swap', dayOff: '2024-04-29', workedOn: '2024-04-29', source, confidence: 'H' },
      ['workedOn'],
      'expected the worked day to differ from the day off.',
    ],
  ])('refuses %j with a custom issue at %j', (arrangement, path, message) => {
    expect(ArrangementSchema.safeParse(arrangement).error?.issues).toEqual([
      { code: 'custom', path, message },
    ]);
  });

  it('createCalendar reports an unknown kind at the kind of that arrangement', () => {
    expectOnlyIssue(
      () => createCalendar({ arrangements: [{ kind: 'holiday', date: '2024-03-08', source } as never] }),
      'INVALID_INPUT',
      ['options', 'arrangements', 0, 'kind'],
      `expected an arrangement with kind 'tet-span', 'swap', 'day-off' or 'working-day'.`,
    );
  });
});

describe('dueDate: option messages and boundaries', () => {
  const received = { receivedAt: '2024-03-04T10:00', processingDays: 1 } as const;
  const cutoffSentence = (text: string) =>
    `expected a cut-off time 'HH:mm' such as '15:00', received ${JSON.stringify(text)}.`;

  it.each(['x15:00', '15:00x', '3pm', '24:00', '15:60'])('refuses the cut-off %j', (cutoff) => {
    expectOnlyIssue(
      () => dueDate({ ...received, cutoff }),
      'INVALID_INPUT',
      ['input', 'cutoff'],
      cutoffSentence(cutoff),
    );
  });

  it('refuses a cut-off that is not text', () => {
    expectOnlyIssue(
      () => dueDate({ ...received, cutoff: 1500 as never }),
      'INVALID_INPUT',
      ['input', 'cutoff'],
      "expected a cut-off time 'HH:mm' such as '15:00'.",
    );
  });

  it.each([
    // Thứ Hai 4/3/2024, cut-off 15:30: 15:10 is before it, 15:31 after it.
    ['2024-03-04T15:10', false, '2024-03-04'],
    ['2024-03-04T15:30', false, '2024-03-04'],
    ['2024-03-04T15:31', true, '2024-03-05'],
  ])(
    'reads the minutes of the cut-off 15:30: received %s',
    (receivedAt, afterCutoff, countedAsReceivedOn) => {
      const r = dueDate({ receivedAt, processingDays: 1, cutoff: '15:30' });
      expect([r.afterCutoff, r.countedAsReceivedOn]).toEqual([afterCutoff, countedAsReceivedOn]);
    },
  );

  it.each([0, 25, 1.5, -8])('refuses hoursPerDay %d', (hoursPerDay) => {
    expectOnlyIssue(
      () => dueDate({ ...received, processingDays: 16, unit: 'hours', hoursPerDay }),
      'INVALID_INPUT',
      ['input', 'hoursPerDay'],
      'expected a whole number of hours from 1 to 24.',
    );
  });

  it.each([
    // 16 hours at 1 hour a day: 16 working days after Monday 4/3/2024 is Tuesday 26/3.
    [1, 16, '2024-03-26'],
    // 16 hours at 24 hours a day: 1 working day.
    [24, 1, '2024-03-05'],
  ])('accepts hoursPerDay %d (→ %d working days)', (hoursPerDay, processingDays, due) => {
    expect(dueDate({ ...received, processingDays: 16, unit: 'hours', hoursPerDay })).toEqual({
      due,
      receivedOn: '2024-03-04',
      countedAsReceivedOn: '2024-03-04',
      afterCutoff: false,
      processingDays,
      unit: 'working-days',
    });
  });

  it.each([
    // 10 calendar days after Friday 26/4/2024 is Monday 6/5.
    ['days', '2024-04-26', 10, '2024-05-06'],
    // 3 working days after Monday 4/3/2024.
    ['working-days', '2024-03-04', 3, '2024-03-07'],
  ] as const)('reports the unit %s it counted in', (unit, receivedAt, processingDays, due) => {
    expect(dueDate({ receivedAt, processingDays, unit })).toEqual({
      due,
      receivedOn: receivedAt,
      countedAsReceivedOn: receivedAt,
      afterCutoff: false,
      processingDays,
      unit,
    });
  });
});

describe('addWorkingDays: messages', () => {
  it.each([
    [
      '2100-12-01',
      100,
      'counting 100 working days from 2100-12-01 goes past 2100-12-31, the last day the calendar knows.',
    ],
    [
      '2099-06-01',
      600,
      'counting 600 working days from 2099-06-01 goes past 2100-12-31, the last day the calendar knows.',
    ],
    [
      '2000-01-31',
      -100,
      'counting -100 working days from 2000-01-31 goes before 2000-01-01, the first day the calendar knows.',
    ],
    [
      '2001-06-01',
      -400,
      'counting -400 working days from 2001-06-01 goes before 2000-01-01, the first day the calendar knows.',
    ],
  ])('%s by %d', (date, n, message) => {
    expectOnlyIssue(() => addWorkingDays(date, n), 'INVALID_CALENDAR', ['n'], message);
  });

  it.each([
    ['3', 'the string "3"'],
    [1.5, 'the number 1.5'],
    [2 ** 53, 'the number 9007199254740992'],
    [-(2 ** 53), 'the number -9007199254740992'],
  ])('refuses n = %j', (n, received) => {
    expectOnlyIssue(
      () => addWorkingDays('2024-03-04', n as number),
      'INVALID_INPUT',
      ['n'],
      `expected a whole number of working days, received ${received}.`,
    );
  });
});

describe('vietnamHolidays: the year', () => {
  it.each([
    ['2024', 'INVALID_INPUT', 'expected a year such as 2024.'],
    [2024.5, 'INVALID_INPUT', 'expected a whole year such as 2024.'],
    [
      2101,
      'INVALID_CALENDAR',
      'expected a year from 2000 to 2100 (Tết and Hùng Kings day are computed for those years only), received 2101.',
    ],
  ] as const)('refuses %j', (year, code, message) => {
    expectOnlyIssue(() => vietnamHolidays(year as number), code, ['year'], message);
  });

  it('lists 2100, the last year', () => {
    expect(vietnamHolidays(2100)[0]).toMatchObject({ date: '2100-01-01', kind: 'new-year-day' });
  });
});

describe('createCalendar: options', () => {
  it.each([
    [[null], ['options', 'extraHolidays', 0], `expected a date 'YYYY-MM-DD' or a Date, received null.`],
    [
      [{ date: '2024-02-30' }],
      ['options', 'extraHolidays', 0, 'date'],
      `expected a real date 'YYYY-MM-DD', received the string "2024-02-30": 02/2024 has 29 days.`,
    ],
  ])('extraHolidays %j', (extraHolidays, path, message) => {
    const error = expectOnlyIssue(
      () => createCalendar({ extraHolidays: extraHolidays as never }),
      'INVALID_INPUT',
      path,
      message,
    );
    expect((error.cause as z.ZodError).issues).toEqual([{ code: 'custom', path, message }]);
  });

  it.each([
    [['sat', 'sat'], 'expected each weekday at most once.'],
    [['sun', 'sat', 'fri', 'thu', 'wed', 'tue', 'mon'], 'expected at least one working weekday.'],
  ] as const)('weekend %j', (weekend, message) => {
    expectOnlyIssue(() => createCalendar({ weekend }), 'INVALID_INPUT', ['options', 'weekend'], message);
  });

  it.each([
    [undefined, ['sun', 'sat']],
    [
      ['sat', 'sun'],
      ['sun', 'sat'],
    ],
    [
      ['sun', 'sat'],
      ['sun', 'sat'],
    ],
    [
      ['sat', 'fri', 'sun'],
      ['sun', 'fri', 'sat'],
    ],
    [
      ['fri', 'mon', 'sun'],
      ['sun', 'mon', 'fri'],
    ],
  ] as const)('keeps the weekend %j in weekday order (Sunday first): %j', (weekend, expected) => {
    expect(createCalendar(weekend ? { weekend } : {}).weekend).toEqual(expected);
  });

  it('has no extra days when none are given', () => {
    const calendar = createCalendar({ weekend: ['sun'] });
    expect([calendar.extraHolidays, calendar.extraWorkingDays]).toEqual([[], []]);
  });

  it.each([{}, null, 5])('refuses %j as a calendar', (calendar) => {
    expectOnlyIssue(
      () => isWorkingDay('2024-03-04', { calendar: calendar as never }),
      'INVALID_INPUT',
      ['options', 'calendar'],
      'expected a calendar made by createCalendar().',
    );
  });
});

describe('createCalendar: the holidays its arrangements and extras give', () => {
  it('names an official swap day off after the Saturday worked back', () => {
    expect(vietnamHolidays(2024).find((h) => h.date === '2024-04-29')).toMatchObject({
      kind: 'swap-day-off',
      name: { vi: 'Nghỉ hoán đổi (làm bù ngày 04/05/2024)', en: 'Swapped day off (worked on 2024-05-04)' },
      substitute: false,
    });
  });

  it('lists day-off arrangements with their name or "Ngày nghỉ", and extra holidays as extra', () => {
    const calendar = createCalendar({
      arrangements: [
        { kind: 'day-off', date: '2024-03-08', source: 'illustrative', confidence: 'L' },
        {
          kind: 'day-off',
          date: '2024-11-20',
          name: { vi: 'Ngày nghỉ địa phương', en: 'Local day off' },
          source: 'illustrative',
          confidence: 'M',
        },
      ],
      extraHolidays: ['2024-06-03'],
    });
    const listed = vietnamHolidays(2024, { calendar }).filter((h) =>
      ['2024-03-08', '2024-06-03', '2024-11-20'].includes(h.date),
    );
    const common = { kind: 'day-off', substitute: false, substituteFor: null };
    expect(listed).toEqual([
      {
        date: '2024-03-08',
        name: { vi: 'Ngày nghỉ', en: 'Day off' },
        origin: 'arrangement',
        basis: 'illustrative',
        confidence: 'L',
        ...common,
      },
      {
        date: '2024-06-03',
        name: { vi: 'Ngày nghỉ', en: 'Day off' },
        origin: 'extra',
        basis: 'extraHolidays of the calendar',
        confidence: null,
        ...common,
      },
      {
        date: '2024-11-20',
        name: { vi: 'Ngày nghỉ địa phương', en: 'Local day off' },
        origin: 'arrangement',
        basis: 'illustrative',
        confidence: 'M',
        ...common,
      },
    ]);
    expect(listed.map((h) => isWorkingDay(h.date, { calendar }))).toEqual([false, false, false]);
  });
});

describe('lunarToSolar: messages', () => {
  it.each([
    [{ year: 2024.5, month: 1, day: 1 }, ['lunar', 'year'], 'expected a whole year such as 2024.'],
    [{ year: 2024, month: 1.5, day: 1 }, ['lunar', 'month'], 'expected a whole lunar month from 1 to 12.'],
    [{ year: 2024, month: 0, day: 1 }, ['lunar', 'month'], 'expected a lunar month from 1 to 12.'],
    [{ year: 2024, month: 13, day: 1 }, ['lunar', 'month'], 'expected a lunar month from 1 to 12.'],
    [{ year: 2024, month: 1, day: 1.5 }, ['lunar', 'day'], 'expected a whole lunar day from 1 to 30.'],
    [{ year: 2024, month: 1, day: 0 }, ['lunar', 'day'], 'expected a lunar day from 1 to 30.'],
    [{ year: 2024, month: 1, day: 31 }, ['lunar', 'day'], 'expected a lunar day from 1 to 30.'],
  ])('%j', (lunar, path, message) => {
    expectOnlyIssue(() => lunarToSolar(lunar), 'INVALID_INPUT', path, message);
  });

  it.each([
    [
      { year: 1999, month: 1, day: 1 },
      ['lunar', 'year'],
      'expected a lunar year from 2000 to 2100, received 1999.',
    ],
    [
      { year: 2101, month: 1, day: 1 },
      ['lunar', 'year'],
      'expected a lunar year from 2000 to 2100, received 2101.',
    ],
    // Lunar month 12 of 2025 (tháng Chạp Ất Tỵ) has 29 days: Tết 2026 is 17/2.
    [
      { year: 2025, month: 12, day: 30 },
      ['lunar'],
      'lunar month 12 of 2025 has only 29 days, received day 30.',
    ],
  ])('%j', (lunar, path, message) => {
    expectOnlyIssue(() => lunarToSolar(lunar), 'INVALID_CALENDAR', path, message);
  });
});
