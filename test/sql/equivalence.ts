/**
 * The equivalence suite run against each engine: the SQL summary of a table equals
 * `summarizeDossiers` on the same records, for every option and grouping, on the hand-checked
 * fixtures and on random records; and bad records are refused by both.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierRecordInput } from '../../src/dossiers/DossierRecord.js';
import { type DossierStatsSqlOptions, dossierStatsSql } from '../../src/dossiers/sql/dossierStatsSql.js';
import { rowsToDossierStats } from '../../src/dossiers/sql/rowsToDossierStats.js';
import {
  classifyDossier,
  type DossierGroupBy,
  type DossierSummary,
  type SummarizeDossiersOptions,
  summarizeDossiers,
} from '../../src/dossiers/summarizeDossiers.js';
import { CchcError } from '../../src/errors/CchcError.js';
import { recordArbitrary } from '../fixtures/records/arbitraries.js';
import { CASES, EXPECTED_TOTAL, MARCH_2024 } from '../fixtures/records/classification.js';
import {
  columnsFor,
  type Engine,
  loadRecords,
  normalizeRecords,
  supplementsFor,
  type TableTypes,
} from './engines.js';

const period = MARCH_2024;

/** Every classification option of summarizeDossiers, one at a time, plus a few combinations. */
export const OPTION_CASES: readonly [string, Omit<SummarizeDossiersOptions, 'groupBy'>][] = [
  ['defaults', { period }],
  ['granularity exact', { period, granularity: 'exact' }],
  ['pauseForSupplements false', { period, pauseForSupplements: false }],
  ['multipleSupplements pause', { period, multipleSupplements: 'pause' }],
  ['exact, multipleSupplements pause', { period, granularity: 'exact', multipleSupplements: 'pause' }],
  ['withdrawnAndReturned onTime', { period, withdrawnAndReturned: 'onTime' }],
  ['withdrawnAndReturned byDueDate', { period, withdrawnAndReturned: 'byDueDate' }],
  ['utcOffsetMinutes 0', { period, utcOffsetMinutes: 0 }],
  ['utcOffsetMinutes -300, exact', { period, utcOffsetMinutes: -300, granularity: 'exact' }],
  ['asOf a bare date', { period, asOf: '2024-03-10' }],
  ['asOf an instant', { period, asOf: '2024-03-05T12:00:00+07:00' }],
  [
    'asOf, exact, byDueDate',
    { period, asOf: '2024-03-08T09:30', granularity: 'exact', withdrawnAndReturned: 'byDueDate' },
  ],
  [
    'period of Date bounds',
    { period: { from: new Date('2024-03-01T00:00:00+07:00'), to: new Date('2024-03-15T00:00:00+07:00') } },
  ],
  ['a one-day period', { period: { from: '2024-03-05', to: '2024-03-05' } }],
  ['duplicateIds unchecked', { period, duplicateIds: 'unchecked' }],
  ['missingDueAt onTime (explicit)', { period, missingDueAt: 'onTime' }],
];

export const GROUPINGS: readonly (DossierGroupBy | DossierGroupBy[] | undefined)[] = [
  undefined,
  'unit',
  'procedure',
  'month',
  ['unit', 'month'],
  ['month', 'procedure', 'unit'],
];

function groupLabel(g: DossierGroupBy | DossierGroupBy[] | undefined): string {
  return g === undefined ? 'no grouping' : Array.isArray(g) ? g.join('+') : g;
}

function error(fn: () => unknown): CchcError | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof CchcError) return e;
    throw e;
  }
}

/** Defines the suite for one engine (opened lazily, closed after the suite). */
export function describeEquivalence(name: string, open: () => Promise<Engine>): void {
  describe(`${name}: the SQL summary equals summarizeDossiers`, () => {
    let engine: Engine;
    let tableNo = 0;
    const table = () => `cchc_t${++tableNo}`;

    beforeAll(async () => {
      engine = await open();
    }, 30_000);
    afterAll(async () => {
      await engine?.close();
    });

    async function sqlSummary(
      tableName: string,
      types: TableTypes,
      options: SummarizeDossiersOptions,
      extra: Partial<DossierStatsSqlOptions> = {},
    ): Promise<DossierSummary> {
      const query = dossierStatsSql({
        dialect: engine.dialect,
        table: tableName,
        columns: columnsFor(types),
        supplements: supplementsFor(tableName, types),
        ...options,
        ...extra,
      });
      return rowsToDossierStats(await engine.run(query), query);
    }

    /** Loads the records once per offset and type set, and compares every option × grouping. */
    async function compareAll(records: readonly DossierRecordInput[], types: TableTypes) {
      const tables = new Map<number, string>();
      for (const [label, options] of OPTION_CASES) {
        const offset = options.utcOffsetMinutes ?? 420;
        const normalized = normalizeRecords(records, types, offset);
        let tableName = tables.get(offset);
        if (tableName === undefined) {
          tableName = table();
          await loadRecords(engine, tableName, normalized, types, offset);
          tables.set(offset, tableName);
        }
        for (const groupBy of GROUPINGS) {
          const all = { ...options, groupBy };
          const expected = summarizeDossiers(normalized, all);
          const actual = await sqlSummary(tableName, types, all);
          expect(actual, `${label}, ${groupLabel(groupBy)}`).toEqual(expected);
        }
      }
    }

    it('on the hand-checked fixtures (timestamptz columns, due date as DATE): every option and grouping', async () => {
      const types: TableTypes = { times: 'timestamptz', due: 'date' };
      const records = CASES.map((c) => c.record);
      const tableName = table();
      await loadRecords(engine, tableName, records, types, 420);
      expect((await sqlSummary(tableName, types, { period })).total).toEqual(EXPECTED_TOTAL);
      await compareAll(records, types);
    }, 120_000);

    it('on the fixtures as local TIMESTAMP columns (due as TIMESTAMP)', async () => {
      await compareAll(
        CASES.map((c) => c.record),
        { times: 'timestamp', due: 'timestamp' },
      );
    }, 120_000);

    it('on the fixtures as DATE columns (day granularity everywhere)', async () => {
      await compareAll(
        CASES.map((c) => c.record),
        { times: 'date', due: 'date' },
      );
    }, 120_000);

    it('on random records, random options and groupings', async () => {
      const typeSets: TableTypes[] = [
        { times: 'timestamptz', due: 'timestamptz' },
        { times: 'timestamptz', due: 'date' },
        { times: 'timestamp', due: 'timestamptz' },
        { times: 'date', due: 'date' },
      ];
      const optionsArb = fc.record(
        {
          granularity: fc.constantFrom('date', 'exact'),
          pauseForSupplements: fc.boolean(),
          multipleSupplements: fc.constantFrom('late', 'pause'),
          withdrawnAndReturned: fc.constantFrom('separate', 'onTime', 'byDueDate'),
          utcOffsetMinutes: fc.constantFrom(420, 0, 330, -600),
          asOf: fc.constantFrom('2024-03-31', '2024-03-15', '2024-03-20T08:45:00Z'),
          groupBy: fc.constantFrom(...GROUPINGS),
        },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(recordArbitrary, { minLength: 30, maxLength: 80, selector: (r) => r.id }),
          optionsArb,
          fc.constantFrom(...typeSets),
          async (raw, opts, types) => {
            const options = { period, ...opts } as SummarizeDossiersOptions;
            const offset = options.utcOffsetMinutes ?? 420;
            // Keep only records the library accepts once written as the columns store them.
            const records = normalizeRecords(raw, types, offset).filter(
              (r) => error(() => classifyDossier(r, { period, utcOffsetMinutes: offset })) === null,
            );
            const tableName = table();
            await loadRecords(engine, tableName, records, types, offset);
            const actual = await sqlSummary(tableName, types, options);
            expect(actual).toEqual(summarizeDossiers(records, options));
          },
        ),
        { numRuns: 40, seed: 20240331 },
      );
    }, 300_000);

    it('refuses, as the library does, the records the library refuses', async () => {
      const types: TableTypes = { times: 'timestamptz', due: 'date' };
      const good = CASES.map((c) => c.record);
      const bad: [string, DossierRecordInput[], SummarizeDossiersOptions][] = [
        ['a repeated id', [...good, { ...good[0]! }], { period }],
        [
          'finished before received',
          [
            ...good,
            {
              id: 'Z1',
              channel: 'online',
              status: 'resolved',
              receivedAt: '2024-03-05T10:00:00Z',
              finishedAt: '2024-03-04T10:00:00Z',
            },
          ],
          { period },
        ],
        [
          'due before received',
          [
            ...good,
            {
              id: 'Z2',
              channel: 'online',
              status: 'processing',
              receivedAt: '2024-03-05',
              dueAt: '2024-03-04',
            },
          ],
          { period },
        ],
        [
          'a supplement before reception',
          [
            ...good,
            {
              id: 'Z3',
              channel: 'online',
              status: 'processing',
              receivedAt: '2024-03-05',
              supplements: [{ requestedAt: '2024-03-01T00:00:00Z' }],
            },
          ],
          { period },
        ],
        [
          'a supplement completed before requested',
          [
            ...good,
            {
              id: 'Z4',
              channel: 'online',
              status: 'processing',
              receivedAt: '2024-03-05',
              supplements: [{ requestedAt: '2024-03-07T00:00:00Z', completedAt: '2024-03-06T00:00:00Z' }],
            },
          ],
          { period },
        ],
        ['no due date with missingDueAt error', good, { period, missingDueAt: 'error' }],
      ];
      for (const [label, records, options] of bad) {
        const tableName = table();
        await loadRecords(engine, tableName, records, types, 420);
        expect(error(() => summarizeDossiers(records, options))?.code, label).toBe('INVALID_INPUT');
        const query = dossierStatsSql({
          dialect: engine.dialect,
          table: tableName,
          columns: columnsFor(types),
          supplements: supplementsFor(tableName, types),
          ...options,
        });
        const rows = await engine.run(query);
        const e = error(() => rowsToDossierStats(rows, query));
        expect(e?.code, label).toBe('INVALID_INPUT');
        expect(e?.issues[0]?.path, label).toEqual(['rows']);
      }
    }, 60_000);

    it('refuses rows with an unknown channel, an unknown status or a closing time that contradicts the status', async () => {
      const tableName = table();
      const types: TableTypes = { times: 'timestamptz', due: 'date' };
      await loadRecords(engine, tableName, [CASES[0]!.record], types, 420);
      for (const change of [
        `UPDATE ${tableName} SET channel = 'fax'`,
        `UPDATE ${tableName} SET status = 'lost'`,
        `UPDATE ${tableName} SET status = 'processing'`,
        `UPDATE ${tableName} SET finished_at = NULL`,
        `UPDATE ${tableName} SET received_at = NULL`,
        `UPDATE ${tableName} SET unit = ''`,
      ]) {
        await loadRecords(engine, tableName, [CASES[0]!.record], types, 420);
        await engine.exec(change);
        const query = dossierStatsSql({
          dialect: engine.dialect,
          table: tableName,
          columns: columnsFor(types),
          period,
        });
        const e = error(() => rowsToDossierStats([], query));
        expect(e).toBeNull();
        const rows = await engine.run(query);
        expect(error(() => rowsToDossierStats(rows, query))?.issues[0]?.message, change).toMatch(
          /^1 dossier has no id/,
        );
      }
    }, 60_000);

    it('reads stored codes through channelValues and statusValues (DVCQG channel codes 1, 2, 3)', async () => {
      const tableName = table();
      await engine.exec(
        `CREATE TABLE ${tableName} (ma TEXT, kenh INTEGER, tt INTEGER, nhan DATE, hen DATE, xong DATE)`,
      );
      await engine.exec(
        `INSERT INTO ${tableName} VALUES ('a', 2, 9, DATE '2024-03-01', DATE '2024-03-05', DATE '2024-03-04'), ('b', 1, 9, DATE '2024-03-01', DATE '2024-03-05', DATE '2024-03-06'), ('c', 3, 0, DATE '2024-03-02', DATE '2024-04-05', NULL)`,
      );
      const query = dossierStatsSql({
        dialect: engine.dialect,
        table: tableName,
        columns: {
          id: 'ma',
          channel: 'kenh',
          status: 'tt',
          receivedAt: { column: 'nhan', type: 'date' },
          dueAt: { column: 'hen', type: 'date' },
          finishedAt: { column: 'xong', type: 'date' },
        },
        channelValues: { online: [2], inPerson: [1], postal: [3] },
        statusValues: { processing: [0], resolved: [9] },
        period,
      });
      const summary = rowsToDossierStats(await engine.run(query), query);
      expect(summary.total).toEqual({
        received: { carriedOver: 0, online: 1, inPerson: 1, postal: 1 },
        resolved: { early: 1, onTime: 0, late: 1 },
        pending: { withinDeadline: 1, overdue: 0 },
        returnedByPost: 0,
        withdrawn: 0,
        returned: 0,
      });
    });

    it('hostile values are data, never SQL: quotes, comments and statements in stored values and parameters', async () => {
      const tableName = table();
      const types: TableTypes = { times: 'timestamptz', due: 'date' };
      const hostile = ["x'; DROP TABLE cchc_victim; --", 'a"b', '$1', "'' OR 1=1 --", '\\', '/* */'];
      await engine.exec('CREATE TABLE cchc_victim (x INTEGER)');
      const records: DossierRecordInput[] = hostile.map((h, i) => ({
        id: `${h}${i}`,
        unit: h,
        procedureCode: h,
        channel: 'online',
        status: 'resolved',
        receivedAt: '2024-03-01',
        dueAt: '2024-03-05',
        finishedAt: '2024-03-04',
      }));
      await loadRecords(engine, tableName, records, types, 420);
      const options = { period, groupBy: ['unit', 'procedure'] as DossierGroupBy[] };
      expect(await sqlSummary(tableName, types, options)).toEqual(summarizeDossiers(records, options));
      // Hostile stored values as channel values: bound, so they only fail to match.
      const query = dossierStatsSql({
        dialect: engine.dialect,
        table: tableName,
        columns: columnsFor(types),
        channelValues: { online: ['online'], inPerson: ["'); DROP TABLE cchc_victim; --"], postal: ['$2'] },
        period,
      });
      expect(query.text).not.toContain('DROP');
      expect(rowsToDossierStats(await engine.run(query), query).total.received.online).toBe(hostile.length);
      expect(await engine.query('SELECT count(*) AS n FROM cchc_victim', [])).toHaveLength(1);
    });
  });
}
