import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordsArbitrary } from '../../test/fixtures/records/arbitraries.js';
import { CASES, EXPECTED_TOTAL, MARCH_2024 } from '../../test/fixtures/records/classification.js';
import { CchcError } from '../errors/CchcError.js';
import type { DossierRecordInput } from './DossierRecord.js';
import { mergeDossierStats } from './mergeDossierStats.js';
import {
  type ClassifyDossierOptions,
  classifyDossier,
  type DossierSummary,
  type SummarizeDossiersOptions,
  summarizeDossiers,
  summarizeDossiersAsync,
} from './summarizeDossiers.js';

const period = MARCH_2024;
const records = CASES.map((c) => c.record);

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

function caught(fn: () => unknown): CchcError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CchcError) return error;
    throw error;
  }
  throw new Error('expected a CchcError');
}

async function rejected(promise: Promise<unknown>): Promise<CchcError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CchcError) return error;
    throw error;
  }
  throw new Error('expected a CchcError');
}

function one(record: DossierRecordInput, options: ClassifyDossierOptions = { period }) {
  return classifyDossier(record, options);
}

const base = { channel: 'online', status: 'resolved', receivedAt: '2024-03-01' } as const;

describe('classification, one rule per hand-checked fixture', () => {
  it.each(CASES.map((c) => [c.rule, c] as const))('%s', (_rule, c) => {
    const k = classifyDossier(c.record, { period });
    expect(k.received).toBe(c.received);
    expect(k.outcome).toBe(c.outcome);
    expect(k.reason).toBe(c.reason);
    expect(k.counted).toBe(c.received !== null);
    expect(k.returnedByPost).toBe(c.returnedByPost ?? false);
    if (c.adjustedDueDate !== undefined) expect(k.adjustedDueDate).toBe(c.adjustedDueDate);
  });

  it('summarises all fixtures to the hand-counted statistics', () => {
    const summary = summarizeDossiers(records, { period });
    expect(summary.total).toEqual(EXPECTED_TOTAL);
    expect(summary.groups).toEqual([]);
    expect(summary.meta).toEqual({
      period: { from: '2024-03-01', to: '2024-03-31' },
      asOf: '2024-03-31T23:59:59.999+07:00',
      records: 22,
      counted: 20,
      ignored: { receivedAfterAsOf: 1, closedBeforePeriod: 1, duplicates: 0 },
      withoutDueAt: 1,
      moreThanOneSupplement: 1,
    });
  });

  it('explains a supplement pause in full', () => {
    expect(classifyDossier(CASES.find((c) => c.record.id === 'S1')!.record, { period })).toEqual({
      id: 'S1',
      status: 'resolved',
      counted: true,
      received: 'online',
      outcome: 'onTime',
      reason: 'finished-on-due-date',
      returnedByPost: false,
      evaluatedAt: '2024-03-08T00:00:00.000+07:00',
      supplements: 1,
      pausedDays: 3,
      pausedMilliseconds: null,
      dueDate: '2024-03-05',
      adjustedDueDate: '2024-03-08',
      adjustedDueAt: null,
    });
  });

  it('explains an ignored record', () => {
    const k = classifyDossier(CASES.find((c) => c.record.id === 'X1')!.record, { period });
    expect(k).toMatchObject({
      counted: false,
      received: null,
      outcome: null,
      evaluatedAt: null,
      adjustedDueDate: null,
    });
  });
});

describe('classification options', () => {
  const dueAt10 = { ...base, id: 'T', dueAt: '2024-03-05T10:00:00+07:00' };

  it('granularity "exact": late once the due instant has passed, early still by calendar day', () => {
    const exact = { period, granularity: 'exact' } as const;
    expect(one({ ...dueAt10, finishedAt: '2024-03-05T15:00' }).outcome).toBe('onTime');
    expect(one({ ...dueAt10, finishedAt: '2024-03-05T15:00' }, exact).outcome).toBe('late');
    expect(one({ ...dueAt10, finishedAt: '2024-03-05T10:00' }, exact).outcome).toBe('onTime');
    expect(one({ ...dueAt10, finishedAt: '2024-03-04T23:00' }, exact).outcome).toBe('early');
    // A bare due date lasts the whole day.
    expect(
      one({ ...base, id: 'T', dueAt: '2024-03-05', finishedAt: '2024-03-05T23:59:59' }, exact).outcome,
    ).toBe('onTime');
    expect(
      one({ ...base, id: 'T', dueAt: '2024-03-05', finishedAt: '2024-03-06T00:00' }, exact).outcome,
    ).toBe('late');
    // Open at the end of the period, due at noon on its last day.
    const open = { ...base, id: 'T', status: 'processing', dueAt: '2024-03-31T12:00' } as const;
    expect(one(open).outcome).toBe('pendingWithinDeadline');
    expect(one(open, exact).outcome).toBe('pendingOverdue');
  });

  it('granularity "exact" pauses by the millisecond', () => {
    const k = one(
      {
        ...dueAt10,
        finishedAt: '2024-03-05T11:30',
        supplements: [{ requestedAt: '2024-03-02T08:00', completedAt: '2024-03-02T10:00' }],
      },
      { period, granularity: 'exact' },
    );
    expect(k).toMatchObject({
      outcome: 'onTime',
      pausedDays: null,
      pausedMilliseconds: 7_200_000,
      adjustedDueAt: '2024-03-05T12:00:00.000+07:00',
    });
  });

  it('multipleSupplements "pause": each request only stops the clock', () => {
    const s2 = CASES.find((c) => c.record.id === 'S2')!.record;
    expect(one(s2, { period, multipleSupplements: 'pause' })).toMatchObject({
      outcome: 'early',
      pausedDays: 2,
      adjustedDueDate: '2024-03-22',
    });
  });

  it('pauseForSupplements false: the clock runs on, so the S1 dossier is late', () => {
    const s1 = CASES.find((c) => c.record.id === 'S1')!.record;
    expect(one(s1, { period, pauseForSupplements: false })).toMatchObject({ outcome: 'late', pausedDays: 0 });
  });

  it('withdrawnAndReturned "onTime" and "byDueDate"', () => {
    const w1 = CASES.find((c) => c.record.id === 'W1')!.record; // withdrawn 10/3, due 12/3
    const w2 = CASES.find((c) => c.record.id === 'W2')!.record; // rejected 15/3, due 12/3
    expect(one(w1, { period, withdrawnAndReturned: 'onTime' })).toMatchObject({
      outcome: 'onTime',
      reason: 'counted-as-on-time',
    });
    expect(one(w2, { period, withdrawnAndReturned: 'onTime' })).toMatchObject({
      outcome: 'onTime',
      reason: 'counted-as-on-time',
    });
    expect(one(w1, { period, withdrawnAndReturned: 'byDueDate' }).outcome).toBe('early');
    expect(one(w2, { period, withdrawnAndReturned: 'byDueDate' }).outcome).toBe('late');
    const total = summarizeDossiers(records, { period, withdrawnAndReturned: 'onTime' }).total;
    expect(total).toMatchObject({ resolved: { early: 1, onTime: 7, late: 5 }, withdrawn: 0, returned: 0 });
  });

  it('missingDueAt "error" names the record', () => {
    const error = caught(() => summarizeDossiers(records, { period, missingDueAt: 'error' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues[0]?.path).toEqual(['records', 21, 'dueAt']);
  });

  it('utcOffsetMinutes 0 reads every date in UTC', () => {
    const e4 = CASES.find((c) => c.record.id === 'E4')!.record; // finished 18:00 UTC on the due date
    const r1 = CASES.find((c) => c.record.id === 'R1')!.record; // received 17:30 UTC on 29 February
    expect(one(e4, { period, utcOffsetMinutes: 0 }).outcome).toBe('onTime');
    expect(one(r1, { period, utcOffsetMinutes: 0 }).received).toBe('carriedOver');
    expect(summarizeDossiers([], { period, utcOffsetMinutes: 0 }).meta.asOf).toBe('2024-03-31T23:59:59.999Z');
  });

  it('asOf cuts the period short: later receptions are ignored, later closings are still open', () => {
    const asOf = { period, asOf: '2024-03-15' } as const;
    const late = {
      ...base,
      id: 'A',
      receivedAt: '2024-03-10',
      dueAt: '2024-03-14',
      finishedAt: '2024-03-20',
    } as const;
    expect(one(late, asOf)).toMatchObject({
      outcome: 'pendingOverdue',
      evaluatedAt: '2024-03-15T23:59:59.999+07:00',
    });
    expect(one({ ...late, dueAt: '2024-03-15' }, asOf).outcome).toBe('pendingWithinDeadline');
    expect(one({ ...late, receivedAt: '2024-03-16', dueAt: '2024-03-20' }, asOf).reason).toBe(
      'received-after-as-of',
    );
    expect(one(late, { period, asOf: '2024-03-15T09:00' }).evaluatedAt).toBe('2024-03-15T09:00:00.000+07:00');
  });

  it.each<[string, unknown, (string | number)[]]>([
    ['asOf after the period', { period, asOf: '2024-04-01' }, ['options', 'asOf']],
    ['asOf before the period', { period, asOf: '2024-02-29T23:00' }, ['options', 'asOf']],
    [
      'period end before start',
      { period: { from: '2024-03-31', to: '2024-03-01' } },
      ['options', 'period', 'to'],
    ],
    ['no period', {}, ['options', 'period']],
    ['no options', undefined, ['options']],
    [
      'a period date with a time',
      { period: { from: '2024-03-01T00:00', to: '2024-03-31' } },
      ['options', 'period', 'from'],
    ],
    [
      'an impossible period date',
      { period: { from: '2024-02-30', to: '2024-03-31' } },
      ['options', 'period', 'from'],
    ],
    ['an unknown granularity', { period, granularity: 'hour' }, ['options', 'granularity']],
    ['an offset out of range', { period, utcOffsetMinutes: 900 }, ['options', 'utcOffsetMinutes']],
    ['a fractional offset', { period, utcOffsetMinutes: 420.5 }, ['options', 'utcOffsetMinutes']],
    ['an unknown groupBy', { period, groupBy: 'agency' }, ['options', 'groupBy']],
    ['an unknown duplicateIds', { period, duplicateIds: 'merge' }, ['options', 'duplicateIds']],
    ['an unknown option', { period, timezone: 'UTC' }, ['options']],
  ])('rejects options with %s (INVALID_OPTIONS)', (_name, options, path) => {
    const error = caught(() => summarizeDossiers(records, options as SummarizeDossiersOptions));
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.issues[0]?.path).toEqual(path);
  });

  it('accepts Date period bounds (their calendar day in UTC+7)', () => {
    const fromDate = new Date(Date.UTC(2024, 1, 29, 17)); // 1 March 00:00 in UTC+7
    expect(summarizeDossiers(records, { period: { from: fromDate, to: '2024-03-31' } }).total).toEqual(
      EXPECTED_TOTAL,
    );
  });
});

describe('grouping', () => {
  it('by unit: sorted keys, records without a unit last, groups add up to the total', () => {
    const summary = summarizeDossiers(records, { period, groupBy: 'unit' });
    expect(summary.groups.map((g) => g.key)).toEqual([{ unit: 'xa-A' }, { unit: 'xa-B' }, { unit: null }]);
    expect(summary.groups[0]?.stats).toEqual({
      // xa-A: E1 E2 E3 P1 P2 C1 C2 W1 B1 (X1 and X2 ignored)
      received: { carriedOver: 2, online: 4, inPerson: 1, postal: 2 },
      resolved: { early: 1, onTime: 2, late: 3 },
      pending: { withinDeadline: 1, overdue: 1 },
      returnedByPost: 1,
      withdrawn: 1,
      returned: 0,
    });
    expect(mergeDossierStats(...summary.groups.map((g) => g.stats))).toEqual(summary.total);
    expect(summary.total).toEqual(EXPECTED_TOTAL);
  });

  it('by procedure', () => {
    const summary = summarizeDossiers(records, { period, groupBy: ['procedure'] });
    expect(summary.groups.map((g) => [g.key.procedure, g.stats.resolved.late])).toEqual([
      ['P1', 2], // E4 C1
      ['P2', 3], // E3 S2 C2
      [null, 0],
    ]);
  });

  it('by month: each count is dated by its own event', () => {
    const rows: DossierRecordInput[] = [
      // received in February, resolved in March
      {
        id: 1,
        channel: 'online',
        status: 'resolved',
        receivedAt: '2024-02-10',
        dueAt: '2024-03-10',
        finishedAt: '2024-03-05',
      },
      // received before the period: carried over, attributed to the period's first month
      {
        id: 2,
        channel: 'postal',
        status: 'resolved',
        receivedAt: '2024-01-20',
        dueAt: '2024-02-01',
        finishedAt: '2024-04-02',
        returnedByPost: true,
      },
      // open at asOf: pending in the month of asOf (April)
      {
        id: 3,
        channel: 'inPerson',
        status: 'processing',
        receivedAt: '2024-03-31T23:30',
        dueAt: '2024-05-02',
      },
    ];
    const summary = summarizeDossiers(rows, {
      period: { from: '2024-02-01', to: '2024-04-30' },
      groupBy: 'month',
    });
    const cell = (month: string) => summary.groups.find((g) => g.key.month === month)?.stats;
    expect(summary.groups.map((g) => g.key)).toEqual([
      { month: '2024-02' },
      { month: '2024-03' },
      { month: '2024-04' },
    ]);
    expect(cell('2024-02')).toMatchObject({
      received: { carriedOver: 1, online: 1, inPerson: 0, postal: 0 },
      resolved: { early: 0 },
    });
    expect(cell('2024-03')).toMatchObject({ received: { inPerson: 1 }, resolved: { early: 1 } });
    expect(cell('2024-04')).toMatchObject({
      resolved: { late: 1 },
      pending: { withinDeadline: 1 },
      returnedByPost: 1,
    });
    expect(mergeDossierStats(...summary.groups.map((g) => g.stats))).toEqual(summary.total);
  });

  it('by unit and month, in that order', () => {
    const summary = summarizeDossiers(records, { period, groupBy: ['unit', 'month', 'unit'] });
    expect(summary.groups.map((g) => g.key)).toEqual([
      { unit: 'xa-A', month: '2024-03' },
      { unit: 'xa-B', month: '2024-03' },
      { unit: null, month: '2024-03' },
    ]);
  });
});

describe('inputs', () => {
  it('takes any iterable: a generator and a Set give the array’s result', () => {
    const expected = summarizeDossiers(records, { period, groupBy: 'unit' });
    function* gen() {
      yield* records;
    }
    expect(summarizeDossiers(gen(), { period, groupBy: 'unit' })).toEqual(expected);
    expect(summarizeDossiers(new Set(records), { period, groupBy: 'unit' })).toEqual(expected);
  });

  it('summarizeDossiersAsync on an async iterable gives the array’s result', async () => {
    const expected = summarizeDossiers(records, { period, groupBy: ['unit', 'month'] });
    async function* stream() {
      for (const r of records) {
        await Promise.resolve();
        yield r;
      }
    }
    expect(await summarizeDossiersAsync(stream(), { period, groupBy: ['unit', 'month'] })).toEqual(expected);
    expect(await summarizeDossiersAsync(records, { period, groupBy: ['unit', 'month'] })).toEqual(expected);
  });

  it('summarizeDossiersAsync rejects with the index of a bad record in a stream', async () => {
    async function* stream() {
      yield records[0]!;
      yield { ...records[1]!, channel: 'fax' } as unknown as DossierRecordInput;
    }
    const error = await rejected(summarizeDossiersAsync(stream(), { period }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues[0]?.path).toEqual(['records', 1, 'channel']);
    expect((await rejected(summarizeDossiersAsync(42 as never, { period }))).issues[0]?.path).toEqual([
      'records',
    ]);
  });

  it('summarizeDossiers refuses an async iterable and points to summarizeDossiersAsync', () => {
    async function* stream() {
      yield records[0]!;
    }
    const error = caught(() => summarizeDossiers(stream() as never, { period }));
    expect(error.issues[0]).toMatchObject({
      path: ['records'],
      message: expect.stringMatching(/summarizeDossiersAsync/),
    });
    for (const bad of [null, undefined, 'records', 42, { length: 1 }]) {
      const e = caught(() => summarizeDossiers(bad as never, { period }));
      expect([e.code, e.issues[0]?.path]).toEqual(['INVALID_INPUT', ['records']]);
    }
  });

  it('does not mutate its input, and returns JSON-safe results', () => {
    const frozen = deepFreeze(structuredClone(records));
    const before = JSON.stringify(frozen);
    const summary = summarizeDossiers(frozen, { period, groupBy: ['unit', 'month'] });
    for (const r of frozen) classifyDossier(r, { period });
    expect(JSON.stringify(frozen)).toBe(before);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it('counts an empty input as all zeros', () => {
    const summary = summarizeDossiers([], { period });
    expect(summary.total).toEqual({
      received: { carriedOver: 0, online: 0, inPerson: 0, postal: 0 },
      resolved: { early: 0, onTime: 0, late: 0 },
      pending: { withinDeadline: 0, overdue: 0 },
      returnedByPost: 0,
      withdrawn: 0,
      returned: 0,
    });
    expect(summary.meta.records).toBe(0);
  });
});

describe('duplicate ids', () => {
  const twice = [records[0]!, records[1]!, { ...records[2]!, id: 'E1' }];

  it('are an error by default, naming the second occurrence', () => {
    const error = caught(() => summarizeDossiers(twice, { period }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues[0]?.path).toEqual(['records', 2, 'id']);
    expect(error.issues[0]?.message).toMatch(/"E1" was already seen/);
  });

  it('treat 12 and "12" as the same dossier', () => {
    const rows = [
      { ...base, id: 12, finishedAt: '2024-03-02' },
      { ...base, id: '12', finishedAt: '2024-03-02' },
    ];
    expect(caught(() => summarizeDossiers(rows, { period })).issues[0]?.path).toEqual(['records', 1, 'id']);
  });

  it('"first" counts the first occurrence and reports the rest; "unchecked" counts all', () => {
    const first = summarizeDossiers(twice, { period, duplicateIds: 'first' });
    expect(first.meta).toMatchObject({ records: 3, counted: 2, ignored: { duplicates: 1 } });
    expect(first.total.resolved).toEqual({ early: 1, onTime: 1, late: 0 });
    const all = summarizeDossiers(twice, { period, duplicateIds: 'unchecked' });
    expect(all.meta).toMatchObject({ records: 3, counted: 3, ignored: { duplicates: 0 } });
    expect(all.total.resolved).toEqual({ early: 1, onTime: 1, late: 1 });
  });
});

describe('bad records', () => {
  const good = records[0]!;
  it.each<[string, unknown, (string | number)[], RegExp]>([
    [
      'an unknown channel',
      { ...good, channel: 'fax' },
      ['records', 1, 'channel'],
      /expected one of "online"/,
    ],
    [
      'a date in Vietnamese notation',
      { ...good, receivedAt: '05/03/2024' },
      ['records', 1, 'receivedAt'],
      /expected a date 'YYYY-MM-DD'/,
    ],
    [
      'an impossible date',
      { ...good, dueAt: '2023-02-29' },
      ['records', 1, 'dueAt'],
      /received the string "2023-02-29"/,
    ],
    ['an unknown column', { ...good, colour: 'red' }, ['records', 1], /unknown key "colour"/],
    ['null', null, ['records', 1], /expected an object/],
    ['a missing id', { ...good, id: undefined }, ['records', 1, 'id'], /expected a dossier id/],
    [
      'resolved without finishedAt',
      { ...good, finishedAt: undefined },
      ['records', 1, 'finishedAt'],
      /is required for status "resolved"/,
    ],
    [
      'finished before received',
      { ...good, finishedAt: '2024-02-28' },
      ['records', 1, 'finishedAt'],
      /on or after receivedAt \("2024-03-01"\)/,
    ],
    [
      'due before received',
      { ...good, dueAt: '2024-02-28' },
      ['records', 1, 'dueAt'],
      /due date on or after receivedAt/,
    ],
    [
      'a supplement requested before reception',
      { ...good, supplements: [{ requestedAt: '2024-02-28T10:00' }] },
      ['records', 1, 'supplements', 0, 'requestedAt'],
      /on or after receivedAt/,
    ],
    [
      'a supplement completed before it was requested',
      { ...good, supplements: [{ requestedAt: '2024-03-02T10:00', completedAt: '2024-03-02T09:00' }] },
      ['records', 1, 'supplements', 0, 'completedAt'],
      /on or after its requestedAt \("2024-03-02T10:00"\)/,
    ],
  ])('%s: INVALID_INPUT with the index and field', (_name, bad, path, message) => {
    const error = caught(() => summarizeDossiers([good, bad as DossierRecordInput, good], { period }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues[0]?.path).toEqual(path);
    expect(error.issues[0]?.message).toMatch(message);
    expect(error.message).toContain(`records[1]`);
  });

  it('compares by day when one side is a bare date (same-day finish of a timed reception is fine)', () => {
    expect(
      one({ ...base, id: 'D', receivedAt: '2024-03-05T10:00', dueAt: '2024-03-05', finishedAt: '2024-03-05' })
        .outcome,
    ).toBe('onTime');
  });

  it('classifyDossier paths start with "record"', () => {
    const error = caught(() => classifyDossier({ ...good, channel: 'fax' } as never, { period }));
    expect(error.issues[0]?.path).toEqual(['record', 'channel']);
  });
});

describe('laws', () => {
  const optionsArbitrary = fc.record({
    granularity: fc.constantFrom('date', 'exact') as fc.Arbitrary<'date' | 'exact'>,
    multipleSupplements: fc.constantFrom('late', 'pause') as fc.Arbitrary<'late' | 'pause'>,
    withdrawnAndReturned: fc.constantFrom('separate', 'onTime', 'byDueDate') as fc.Arbitrary<
      'separate' | 'onTime' | 'byDueDate'
    >,
    pauseForSupplements: fc.boolean(),
  });

  function countsOf(summary: DossierSummary) {
    const t = summary.total;
    return {
      received: t.received.carriedOver + t.received.online + t.received.inPerson + t.received.postal,
      outcomes:
        t.resolved.early +
        t.resolved.onTime +
        t.resolved.late +
        t.pending.withinDeadline +
        t.pending.overdue +
        t.withdrawn +
        t.returned,
    };
  }

  it('summaries of a random split of the records merge to the summary of the whole', () => {
    fc.assert(
      fc.property(
        recordsArbitrary(80),
        fc.array(fc.nat(), { maxLength: 80 }),
        fc.integer({ min: 1, max: 5 }),
        optionsArbitrary,
        (rs, cuts, k, opts) => {
          const options = { period, ...opts };
          const shards: DossierRecordInput[][] = Array.from({ length: k }, () => []);
          for (const [i, r] of rs.entries()) shards[(cuts[i] ?? i) % k]!.push(r);
          const whole = summarizeDossiers(rs, options);
          const parts = shards.map((shard) => summarizeDossiers(shard, options));
          expect(mergeDossierStats(...parts.map((p) => p.total))).toEqual(whole.total);
          expect(parts.reduce((n, p) => n + p.meta.counted, 0)).toBe(whole.meta.counted);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('groups add up to the total, and results do not depend on record order', () => {
    fc.assert(
      fc.property(
        recordsArbitrary(60),
        fc.constantFrom<SummarizeDossiersOptions['groupBy']>(
          'unit',
          'procedure',
          'month',
          ['unit', 'month'],
          ['procedure', 'unit'],
        ),
        (rs, groupBy) => {
          const options = { period: { from: '2024-02-10', to: '2024-04-20' }, groupBy };
          const summary = summarizeDossiers(rs, options);
          if (rs.length > 0 && summary.groups.length > 0) {
            expect(mergeDossierStats(...summary.groups.map((g) => g.stats))).toEqual(summary.total);
          }
          expect(summarizeDossiers([...rs].reverse(), options)).toEqual(summary);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('every counted record adds once on each side; records = counted + ignored', () => {
    fc.assert(
      fc.property(recordsArbitrary(60), optionsArbitrary, (rs, opts) => {
        const summary = summarizeDossiers(rs, { period, ...opts });
        const { received, outcomes } = countsOf(summary);
        const m = summary.meta;
        expect(received).toBe(m.counted);
        expect(outcomes).toBe(m.counted);
        expect(m.records).toBe(
          m.counted + m.ignored.receivedAfterAsOf + m.ignored.closedBeforePeriod + m.ignored.duplicates,
        );
        expect(m.records).toBe(rs.length);
      }),
      { numRuns: 200 },
    );
  });

  it('classifyDossier agrees with summarizeDossiers record by record', () => {
    fc.assert(
      fc.property(recordsArbitrary(20), optionsArbitrary, (rs, opts) => {
        const options = { period, ...opts };
        for (const r of rs) {
          const k = classifyDossier(r, options);
          const t = summarizeDossiers([r], options).total;
          const flat: Record<string, number> = {
            carriedOver: t.received.carriedOver,
            online: t.received.online,
            inPerson: t.received.inPerson,
            postal: t.received.postal,
            early: t.resolved.early,
            onTime: t.resolved.onTime,
            late: t.resolved.late,
            pendingWithinDeadline: t.pending.withinDeadline,
            pendingOverdue: t.pending.overdue,
            withdrawn: t.withdrawn,
            returned: t.returned,
          };
          const expected: Record<string, number> = Object.fromEntries(
            Object.keys(flat).map((key) => [key, 0]),
          );
          if (k.received !== null) expected[k.received] = 1;
          if (k.outcome !== null) expected[k.outcome] = 1;
          expect(flat).toEqual(expected);
          expect(t.returnedByPost).toBe(k.returnedByPost ? 1 : 0);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('the async path gives the sync result', async () => {
    await fc.assert(
      fc.asyncProperty(recordsArbitrary(40), async (rs) => {
        async function* stream() {
          yield* rs;
        }
        const options = { period, groupBy: ['unit', 'month'] } as const;
        expect(await summarizeDossiersAsync(stream(), options)).toEqual(summarizeDossiers(rs, options));
      }),
      { numRuns: 100 },
    );
  });
});
