import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../../test/helpers/cchcError.js';
import { deepFreeze } from '../../../test/helpers/deepFreeze.js';
import type { DossierRecordInput } from '../DossierRecord.js';
import { type SummarizeDossiersOptions, summarizeDossiers } from '../summarizeDossiers.js';
import { parseTimestamp } from './timestamp.js';

const period = { from: '2024-03-01', to: '2024-03-31' };
const good: DossierRecordInput = {
  id: 'HS-1',
  channel: 'online',
  status: 'resolved',
  receivedAt: '2024-03-01',
  dueAt: '2024-03-05',
  finishedAt: '2024-03-04',
};

describe('summarizeDossiers: malformed supplements (each check of the fast reader)', () => {
  it.each<[string, unknown, (string | number)[]]>([
    ['not a list', 'bổ sung', ['records', 1, 'supplements']],
    ['an entry that is null', [null], ['records', 1, 'supplements', 0]],
    ['an entry that is a list', [['2024-03-02']], ['records', 1, 'supplements', 0]],
    [
      'an entry with an unknown key',
      [{ requestedAt: '2024-03-02', note: 'x' }],
      ['records', 1, 'supplements', 0],
    ],
    [
      'a malformed requestedAt',
      [{ requestedAt: '2024-03-32' }],
      ['records', 1, 'supplements', 0, 'requestedAt'],
    ],
    [
      'a malformed completedAt',
      [{ requestedAt: '2024-03-02', completedAt: '2024-03-02T25:00' }],
      ['records', 1, 'supplements', 0, 'completedAt'],
    ],
    [
      'a malformed second entry',
      [{ requestedAt: '2024-03-02' }, { requestedAt: 'soon' }],
      ['records', 1, 'supplements', 1, 'requestedAt'],
    ],
  ])('%s: INVALID_INPUT at %j', (_what, supplements, path) => {
    const records = deepFreeze([good, { ...good, id: 'HS-2', supplements }, good]);
    expectCchcError(() => summarizeDossiers(records as never, { period }), 'INVALID_INPUT', path);
  });

  it('accepts well-formed supplements, open or completed', () => {
    const s = summarizeDossiers(
      [
        {
          ...good,
          supplements: [
            { requestedAt: '2024-03-02', completedAt: '2024-03-03' },
            { requestedAt: '2024-03-03T10:00' },
          ],
        },
      ],
      { period },
    );
    expect(s.meta.records).toBe(1);
  });
});

describe('summarizeDossiers: records read through the schema', () => {
  it('refuses an enumerable key inherited from the prototype, as an own unknown key is', () => {
    const inherited = Object.assign(
      Object.create({ note: 'from the prototype' }),
      good,
    ) as DossierRecordInput;
    const error = expectCchcError(() => summarizeDossiers([inherited], { period }), 'INVALID_INPUT', [
      'records',
      0,
    ]);
    expect(error.issues[0]?.message).toMatch(/unknown key "note"/);
    const sup = Object.assign(Object.create({ note: 'inherited' }), { requestedAt: '2024-03-02' });
    expectCchcError(() => summarizeDossiers([{ ...good, supplements: [sup] }], { period }), 'INVALID_INPUT', [
      'records',
      0,
      'supplements',
      0,
    ]);
  });

  it('counts a record whose values change between reads from one consistent snapshot (the schema output)', () => {
    // Hostile input: `status` reads "bogus" the first time and "resolved" afterwards. The fast
    // reader doubts it, the schema accepts its own read, and that validated copy is what is counted.
    let reads = 0;
    const shifty = { ...good } as Record<string, unknown>;
    Object.defineProperty(shifty, 'status', {
      enumerable: true,
      get: () => (reads++ === 0 ? 'bogus' : 'resolved'),
    });
    expect(summarizeDossiers([shifty as DossierRecordInput], { period })).toEqual(
      summarizeDossiers([good], { period }),
    );
    expect(reads).toBeGreaterThan(1);
  });

  it('shows a Date as its ISO text in an order message', () => {
    const receivedAt = new Date(Date.UTC(2024, 2, 5, 2)); // 5 March 09:00 in UTC+7
    const error = expectCchcError(
      () =>
        summarizeDossiers([{ ...good, receivedAt, dueAt: '2024-03-08', finishedAt: '2024-03-04' }], {
          period,
        }),
      'INVALID_INPUT',
      ['records', 0, 'finishedAt'],
    );
    expect(error.issues[0]?.message).toBe(
      'expected a time on or after receivedAt (2024-03-05T02:00:00.000Z), received "2024-03-04".',
    );
  });
});

describe('summarizeDossiers: option type messages', () => {
  it.each<[string, unknown, (string | number)[], string]>([
    [
      'a period that is text',
      { period: '2024-03' },
      ['options', 'period'],
      `expected { from, to } with dates 'YYYY-MM-DD', received the string "2024-03".`,
    ],
    [
      'a period bound that is a number',
      { period: { from: 20240301, to: '2024-03-31' } },
      ['options', 'period', 'from'],
      `expected a date 'YYYY-MM-DD' or a Date, received the number 20240301.`,
    ],
    [
      'an invalid Date as a period bound',
      { period: { from: '2024-03-01', to: new Date(Number.NaN) } },
      ['options', 'period', 'to'],
      `expected a date 'YYYY-MM-DD' or a Date, received a value of type object.`,
    ],
    [
      'an offset given as text',
      { period, utcOffsetMinutes: '420' },
      ['options', 'utcOffsetMinutes'],
      'expected a whole number of minutes, received the string "420".',
    ],
    [
      'pauseForSupplements given as text',
      { period, pauseForSupplements: 'yes' },
      ['options', 'pauseForSupplements'],
      'expected true or false, received the string "yes".',
    ],
  ])('%s: INVALID_OPTIONS at %j', (_what, options, path, message) => {
    const error = expectCchcError(
      () => summarizeDossiers([good], options as SummarizeDossiersOptions),
      'INVALID_OPTIONS',
      path,
    );
    expect(error.issues[0]?.message).toBe(message);
  });

  it.each([-840, 840])('accepts the offset bound %i minutes', (utcOffsetMinutes) => {
    expect(summarizeDossiers([good], { period, utcOffsetMinutes }).meta.records).toBe(1);
  });

  it.each([-841, 841])('refuses the offset %i minutes, just past the bound', (utcOffsetMinutes) => {
    expectCchcError(() => summarizeDossiers([good], { period, utcOffsetMinutes }), 'INVALID_OPTIONS', [
      'options',
      'utcOffsetMinutes',
    ]);
  });
});

describe('parseTimestamp: fractions of a second and offsets', () => {
  const at = (ms: number) => Date.UTC(2024, 2, 1, 8, 0, 5) + ms;

  it.each([
    ['2024-03-01T08:00:05.1Z', at(100)],
    ['2024-03-01T08:00:05.12Z', at(120)],
    ['2024-03-01T08:00:05.123Z', at(123)],
    ['2024-03-01T08:00:05.123456789Z', at(123)],
    ['2024-03-01T15:00:05.12+07:00', at(120)],
    ['2024-03-01T15:00:05+0700', at(0)],
    ['2024-03-01T15:00:05+07', at(0)],
    ['2024-03-01T03:00:05-05', at(0)],
    ['2024-03-01T02:30:05-05:30', at(0)],
  ])('reads %s', (text, ms) => {
    expect(parseTimestamp(text, 420)).toBe(ms);
  });

  it.each([
    '2024-03-01T08:00:05.Z',
    '2024-03-01T08:00:05.1234567890Z',
    '2024-03-01T15:00:05+071',
    '2024-03-01T15:00:05+07000',
    '2024-03-01T15:00:05+07:000',
    '2024-03-01T15:00:05+15:00',
    '2024-03-01T15:00:05+07:60',
  ])('refuses %s (NaN)', (text) => {
    expect(parseTimestamp(text, 420)).toBeNaN();
  });
});
