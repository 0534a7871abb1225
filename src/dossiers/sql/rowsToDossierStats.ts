import { z } from 'zod';
import { IsoDateSchema } from '../../calendar/dates.js';
import { CchcError } from '../../errors/CchcError.js';
import { describeValue, parseWith } from '../../errors/fromZod.js';
import type { DossierStats } from '../DossierStats.js';
import { compareParts } from '../summarize/accumulate.js';
import type { DossierGroup, DossierGroupBy, DossierGroupKey, DossierSummary } from '../summarizeDossiers.js';
import { type DossierStatsSql, META_COLUMNS, STATS_COLUMNS } from './dossierStatsSql.js';

/**
 * One row of a {@link dossierStatsSql} query as a driver returns it: counts as numbers, bigints or
 * digit strings (`pg` returns `bigint` as text), keys as text or `null`.
 * @category Dossiers
 */
export type DossierStatsRow = Readonly<Record<string, unknown>>;

/**
 * What {@link rowsToDossierStats} needs to know about the query: the {@link DossierStatsSql}
 * itself will do.
 * @category Dossiers
 */
export type DossierStatsRowsQuery = Pick<
  DossierStatsSql,
  'groupBy' | 'period' | 'asOf' | 'missingDueAtIsError' | 'checksDuplicateIds'
>;

const COUNT_COLUMNS = [...STATS_COLUMNS, ...META_COLUMNS] as const;
type CountColumn = (typeof COUNT_COLUMNS)[number];

/** The part of a {@link DossierStatsSql} that reading its rows needs, checked as options. */
const RowsQueryArgsSchema = z.object({
  query: z.object({
    groupBy: z.array(z.enum(['unit', 'procedure', 'month'])),
    period: z.strictObject({ from: IsoDateSchema, to: IsoDateSchema }),
    asOf: z.string(),
    missingDueAtIsError: z.boolean(),
    checksDuplicateIds: z.boolean(),
  }),
});

function bad(path: (string | number)[], message: string): CchcError {
  return new CchcError('INVALID_INPUT', [{ path, message }]);
}

function readCount(value: unknown, path: (string | number)[]): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  if (typeof value === 'bigint' && value >= 0n && value <= BigInt(Number.MAX_SAFE_INTEGER))
    return Number(value);
  if (typeof value === 'string' && /^[0-9]{1,16}$/.test(value)) {
    const n = Number(value);
    if (Number.isSafeInteger(n)) return n;
  }
  const shown = typeof value === 'bigint' ? `the bigint ${value}` : describeValue(value);
  throw bad(
    path,
    `expected a count (a whole number ≥ 0 up to 2^53 − 1, as a number, bigint or digit string), received ${shown}.`,
  );
}

function add(a: number, b: number, path: (string | number)[]): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) {
    throw bad(path, 'the sum of the counts exceeds 2^53 − 1 and cannot be held exactly in a JS number.');
  }
  return sum;
}

function readKey(row: DossierStatsRow, dim: DossierGroupBy, path: (string | number)[]): string | null {
  const value = row[dim];
  if (dim === 'month') {
    if (typeof value === 'string' && /^[0-9]{4}-(0[1-9]|1[0-2])$/.test(value)) return value;
    throw bad([...path, dim], `expected a month 'YYYY-MM', received ${describeValue(value)}.`);
  }
  if (value === null || (typeof value === 'string' && value.length > 0)) return value;
  throw bad([...path, dim], `expected a text or null, received ${describeValue(value)}.`);
}

function toStats(c: readonly number[]): DossierStats {
  return {
    received: { carriedOver: c[0]!, online: c[1]!, inPerson: c[2]!, postal: c[3]! },
    resolved: { early: c[4]!, onTime: c[5]!, late: c[6]! },
    pending: { withinDeadline: c[7]!, overdue: c[8]! },
    returnedByPost: c[9]!,
    withdrawn: c[10]!,
    returned: c[11]!,
  };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Turns the rows of a {@link dossierStatsSql} query back into the summary
 * {@link summarizeDossiers} returns: the statistics of the whole table, of each group (sorted as
 * the library sorts them, `null` keys last) and what was read and left out.
 *
 * @remarks
 * Every count is checked (a whole number ≥ 0 that a JS number holds exactly, given as a number, a
 * bigint or a digit string, as drivers return `bigint` columns). Rows with the same key are added,
 * so the rows of several shards or databases can be concatenated and read at once (the statistics
 * merge exactly, DESIGN.md "Scale beyond one machine"). Groups whose statistics are all zero
 * (only dossiers left out of the period) are dropped, as the library never creates them.
 *
 * The checks the library makes on each record are made here on the query's counts: dossiers with
 * an unknown channel or status, no id or reception, a closing time that does not match the
 * status, dates out of order, repeated ids (with `duplicateIds: 'error'`) or no due date (with
 * `missingDueAt: 'error'`) are an error, as they are for {@link summarizeDossiers}.
 *
 * @param rows - the rows of the query, as the driver returns them (objects keyed by column name).
 * @param query - the {@link DossierStatsSql} that produced them.
 * @returns a {@link DossierSummary}; `meta.ignored.duplicates` is always 0 (SQL never skips a row).
 * @throws {@link CchcError} `INVALID_INPUT` for a malformed row (path `['rows', i, column]`) or for
 *   dossiers the library would refuse (path `['rows']`); `INVALID_OPTIONS` for a malformed query.
 * @example
 * ```ts
 * import { rowsToDossierStats } from 'cchc-index';
 * // Rows as `pg` returns them for a query grouped by unit (bigint columns come back as text).
 * const counts = { carried_over: '0', online: '1', in_person: '0', postal: '0', early: '0', on_time: '1', late: '0',
 *   pending_within_deadline: '0', pending_overdue: '0', returned_by_post: '0', withdrawn: '0', returned: '0',
 *   records: '1', received_after_as_of: '0', closed_before_period: '0', without_due_at: '0',
 *   more_than_one_supplement: '0', invalid_values: '0', invalid_order: '0', duplicate_ids: '0' };
 * const summary = rowsToDossierStats(
 *   [{ unit: 'xa-B', ...counts }, { unit: 'xa-A', ...counts }],
 *   { groupBy: ['unit'], period: { from: '2024-03-01', to: '2024-03-31' }, asOf: '2024-03-31T23:59:59.999+07:00',
 *     missingDueAtIsError: false, checksDuplicateIds: true },
 * );
 * summary.groups.map((g) => g.key.unit);
 * // => ['xa-A', 'xa-B']
 * summary.total.resolved;
 * // => { early: 0, onTime: 2, late: 0 }
 * ```
 * @category Dossiers
 */
export function rowsToDossierStats(
  rows: readonly DossierStatsRow[],
  query: DossierStatsRowsQuery,
): DossierSummary {
  if (query === null || typeof query !== 'object' || !Array.isArray(query.groupBy)) {
    throw new CchcError('INVALID_OPTIONS', [
      { path: ['query'], message: 'expected the query object returned by dossierStatsSql.' },
    ]);
  }
  parseWith(RowsQueryArgsSchema, { query }, 'INVALID_OPTIONS');
  if (!Array.isArray(rows)) {
    throw bad(['rows'], `expected an array of rows, received ${describeValue(rows)}.`);
  }
  const dims = query.groupBy;
  const total: number[] = new Array(STATS_COLUMNS.length).fill(0);
  const meta: Record<CountColumn, number> = Object.fromEntries(COUNT_COLUMNS.map((c) => [c, 0])) as Record<
    CountColumn,
    number
  >;
  let duplicateIds = 0;
  const groups = new Map<string, { parts: (string | null)[]; counts: number[] }>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const path = ['rows', i];
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw bad(path, `expected a row object keyed by column name, received ${describeValue(row)}.`);
    }
    const counts = STATS_COLUMNS.map((c) => readCount(row[c], [...path, c]));
    for (const c of META_COLUMNS) meta[c] = add(meta[c], readCount(row[c], [...path, c]), [...path, c]);
    if (query.checksDuplicateIds) {
      duplicateIds = Math.max(duplicateIds, readCount(row.duplicate_ids, [...path, 'duplicate_ids']));
    }
    for (let j = 0; j < counts.length; j++)
      total[j] = add(total[j]!, counts[j]!, [...path, STATS_COLUMNS[j]!]);
    if (dims.length === 0 || counts.every((n) => n === 0)) continue;
    const parts = dims.map((d) => readKey(row, d, path));
    const key = JSON.stringify(parts);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { parts, counts });
    else for (let j = 0; j < counts.length; j++) group.counts[j] = add(group.counts[j]!, counts[j]!, path);
  }
  const problems: string[] = [];
  if (meta.invalid_values > 0) {
    problems.push(
      `${plural(meta.invalid_values, 'dossier has', 'dossiers have')} no id or reception time, an unknown channel or status (check channelValues and statusValues), an empty unit or procedure, or a closing time that does not match the status (none while processing, required otherwise)`,
    );
  }
  if (meta.invalid_order > 0) {
    problems.push(
      `${plural(meta.invalid_order, 'dossier has', 'dossiers have')} dates out of order (closed or supplemented before received, due before received, a supplement completed before it was requested, or a supplement request without a time)`,
    );
  }
  if (duplicateIds > 0) {
    problems.push(
      `${plural(duplicateIds, 'row repeats', 'rows repeat')} an id already seen (a bad export?); pass duplicateIds: "unchecked" to count every row`,
    );
  }
  if (query.missingDueAtIsError && meta.without_due_at > 0) {
    problems.push(
      `${plural(meta.without_due_at, 'counted dossier has', 'counted dossiers have')} no due date, which missingDueAt: "error" forbids`,
    );
  }
  if (problems.length > 0) {
    throw new CchcError(
      'INVALID_INPUT',
      problems.map((p) => ({
        path: ['rows'],
        message: `${p}; summarizeDossiers would refuse these records.`,
      })),
    );
  }
  const sorted = [...groups.values()].sort((a, b) => compareParts(a.parts, b.parts));
  const outGroups: DossierGroup[] = sorted.map((g) => {
    const key: { unit?: string | null; procedure?: string | null; month?: string } = {};
    dims.forEach((d: DossierGroupBy, j: number) => {
      if (d === 'month') key.month = g.parts[j] as string;
      else key[d] = g.parts[j]!;
    });
    return { key: key as DossierGroupKey, stats: toStats(g.counts) };
  });
  const ignored = meta.received_after_as_of + meta.closed_before_period;
  return {
    total: toStats(total),
    groups: outGroups,
    meta: {
      period: { from: query.period.from, to: query.period.to },
      asOf: query.asOf,
      records: meta.records,
      counted: meta.records - ignored,
      ignored: {
        receivedAfterAsOf: meta.received_after_as_of,
        closedBeforePeriod: meta.closed_before_period,
        duplicates: 0,
      },
      withoutDueAt: meta.without_due_at,
      moreThanOneSupplement: meta.more_than_one_supplement,
    },
  };
}
