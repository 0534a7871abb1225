import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../../test/helpers/cchcError.js';
import { CchcError } from '../../errors/CchcError.js';
import { mergeDossierStats } from '../mergeDossierStats.js';
import { dossierStatsSql, META_COLUMNS, STATS_COLUMNS } from './dossierStatsSql.js';
import { rowsToDossierStats } from './rowsToDossierStats.js';

const period = { from: '2024-03-01', to: '2024-03-31' };
const columns = { id: 'id', channel: 'c', status: 's', receivedAt: 'r', finishedAt: 'f', unit: 'u' };
const byUnitMonth = dossierStatsSql({
  dialect: 'postgres',
  table: 't',
  columns,
  period,
  groupBy: ['unit', 'month'],
});
const total = dossierStatsSql({ dialect: 'duckdb', table: 't', columns, period, duplicateIds: 'unchecked' });

function zeros(): Record<string, unknown> {
  return Object.fromEntries([...STATS_COLUMNS, ...META_COLUMNS, 'duplicate_ids'].map((c) => [c, 0]));
}

function row(values: Record<string, unknown>): Record<string, unknown> {
  return { ...zeros(), ...values };
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

describe('rowsToDossierStats', () => {
  it('reads counts as numbers, bigints and digit strings (pg returns bigint as text, DuckDB as bigint)', () => {
    const s = rowsToDossierStats(
      [row({ online: 3n, on_time: '2', late: 1, records: '4', received_after_as_of: 1n })],
      total,
    );
    expect(s.total.received.online).toBe(3);
    expect(s.total.resolved).toEqual({ early: 0, onTime: 2, late: 1 });
    expect(s.meta).toEqual({
      period,
      asOf: '2024-03-31T23:59:59.999+07:00',
      records: 4,
      counted: 3,
      ignored: { receivedAfterAsOf: 1, closedBeforePeriod: 0, duplicates: 0 },
      withoutDueAt: 0,
      moreThanOneSupplement: 0,
    });
    expect(s.groups).toEqual([]);
  });

  it('sorts groups as the library does (null last, by code unit), adds rows with the same key, drops all-zero groups', () => {
    const rows = [
      row({ unit: null, month: '2024-03', online: 1 }),
      row({ unit: 'b', month: '2024-03', online: 1 }),
      row({ unit: 'a', month: '2024-04', late: 1 }),
      row({ unit: 'a', month: '2024-03', online: 2 }),
      row({ unit: 'B', month: '2024-03', online: 1 }),
      row({ unit: 'a', month: '2024-03', online: 5, records: 1 }),
      row({ unit: 'z', month: '2024-03', received_after_as_of: 1, records: 1 }),
    ];
    const s = rowsToDossierStats(rows, byUnitMonth);
    expect(s.groups.map((g) => [g.key.unit, g.key.month, g.stats.received.online])).toEqual([
      ['B', '2024-03', 1],
      ['a', '2024-03', 7],
      ['a', '2024-04', 0],
      ['b', '2024-03', 1],
      [null, '2024-03', 1],
    ]);
    expect(Object.keys(s.groups[0]!.key)).toEqual(['unit', 'month']);
    expect(mergeDossierStats(...s.groups.map((g) => g.stats))).toEqual(s.total);
    expect(s.meta.records).toBe(2);
    expect(s.meta.ignored.receivedAfterAsOf).toBe(1);
  });

  it('gives zeros for no rows', () => {
    const s = rowsToDossierStats([], byUnitMonth);
    expect(s.total).toEqual(mergeDossierStats());
    expect(s.groups).toEqual([]);
  });

  it.each([
    [-1, 'a negative number'],
    [1.5, 'a fraction'],
    [Number.NaN, 'NaN'],
    ['1e3', 'exponent text'],
    ['-2', 'negative text'],
    [' 2', 'padded text'],
    [2n ** 53n, 'a bigint beyond 2^53 - 1'],
    [null, 'null'],
    [undefined, 'a missing column'],
  ] as [unknown, string][])('refuses the count %s (%s) with its row and column', (value) => {
    const e = caught(() => rowsToDossierStats([row({}), row({ early: value })], total));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues[0]?.path).toEqual(['rows', 1, 'early']);
  });

  it('refuses bad keys and bad rows', () => {
    expect(
      caught(() => rowsToDossierStats([row({ unit: 'a', month: '2024-13', online: 1 })], byUnitMonth))
        .issues[0]?.path,
    ).toEqual(['rows', 0, 'month']);
    expect(
      caught(() => rowsToDossierStats([row({ unit: 5, month: '2024-03', online: 1 })], byUnitMonth)).issues[0]
        ?.path,
    ).toEqual(['rows', 0, 'unit']);
    expect(
      caught(() => rowsToDossierStats([row({ unit: '', month: '2024-03', online: 1 })], byUnitMonth))
        .issues[0]?.path,
    ).toEqual(['rows', 0, 'unit']);
    expect(caught(() => rowsToDossierStats([null as never], total)).issues[0]?.path).toEqual(['rows', 0]);
    expect(caught(() => rowsToDossierStats('rows' as never, total)).issues[0]?.path).toEqual(['rows']);
    expect(caught(() => rowsToDossierStats([], null as never)).code).toBe('INVALID_OPTIONS');
  });

  it('refuses a sum beyond 2^53 - 1 instead of rounding it', () => {
    const big = String(Number.MAX_SAFE_INTEGER);
    const e = caught(() => rowsToDossierStats([row({ online: big }), row({ online: 1 })], total));
    expect(e.issues[0]?.path).toEqual(['rows', 1, 'online']);
  });

  it('throws for what the library would refuse: bad values, order, repeated ids, a missing due date', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ invalid_values: 2 }, /^2 dossiers have no id or reception time/],
      [{ invalid_order: 1 }, /^1 dossier has dates out of order/],
      [{ duplicate_ids: '3' }, /^3 rows repeat an id/],
    ];
    for (const [values, message] of cases) {
      const e = caught(() => rowsToDossierStats([row(values)], byUnitMonth));
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.issues[0]?.path).toEqual(['rows']);
      expect(e.issues[0]?.message).toMatch(message);
    }
    // Not checked when the query does not check them.
    expect(() => rowsToDossierStats([row({ duplicate_ids: 3 })], total)).not.toThrow();
    const strict = dossierStatsSql({
      dialect: 'postgres',
      table: 't',
      columns,
      period,
      missingDueAt: 'error',
    });
    expect(() => rowsToDossierStats([row({ without_due_at: 1 })], total)).not.toThrow();
    expect(caught(() => rowsToDossierStats([row({ without_due_at: 1 })], strict)).issues[0]?.message).toMatch(
      /missingDueAt/,
    );
  });

  it('does not mutate its rows, and returns JSON-safe results', () => {
    const rows = Object.freeze([Object.freeze(row({ unit: 'a', month: '2024-03', online: 1n }))]);
    const s = rowsToDossierStats(rows, byUnitMonth);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});

describe('rowsToDossierStats: a malformed query (found by fuzzing)', () => {
  const query = {
    groupBy: [],
    period: { from: '2024-03-01', to: '2024-03-31' },
    asOf: '2024-03-31',
    missingDueAtIsError: false,
    checksDuplicateIds: false,
  };
  it.each([
    ['a null-prototype dimension', { ...query, groupBy: [Object.create(null)] }, ['query', 'groupBy', 0]],
    ['an unknown dimension', { ...query, groupBy: ['agency'] }, ['query', 'groupBy', 0]],
    ['a null period', { ...query, period: null }, ['query', 'period']],
    [
      'a NaN period start',
      { ...query, period: { from: Number.NaN, to: '2024-03-31' } },
      ['query', 'period', 'from'],
    ],
    ['an asOf that is not text', { ...query, asOf: Number.POSITIVE_INFINITY }, ['query', 'asOf']],
    [
      'a flag that is not a boolean',
      { ...query, checksDuplicateIds: 'yes' },
      ['query', 'checksDuplicateIds'],
    ],
  ])('refuses %s with INVALID_OPTIONS', (_name, bad, path) => {
    expectCchcError(() => rowsToDossierStats([], bad as never), 'INVALID_OPTIONS', path);
  });
});
