import { CchcError } from '../errors/CchcError.js';
import { describeValue } from '../errors/fromZod.js';
import type { DossierRecordInput, DossierStatus, DossierTimestamp } from './DossierRecord.js';
import type { DossierStats } from './DossierStats.js';
import { RecordAccumulator } from './summarize/accumulateRecords.js';
import { classifyRead, newClassified, type Reason } from './summarize/classify.js';
import { type ResolvedOptions, resolveOptions } from './summarize/options.js';
import { newScratch, readRecord } from './summarize/readRecord.js';
import { formatDay, formatInstant, localDay } from './summarize/timestamp.js';

/**
 * A grouping dimension of {@link summarizeDossiers}: the handling unit (`record.unit`), the
 * procedure (`record.procedureCode`) or the calendar month (`'YYYY-MM'`, in the summary's offset).
 * @category Dossiers
 */
export type DossierGroupBy = 'unit' | 'procedure' | 'month';

/**
 * How dossiers are classified; shared by {@link summarizeDossiers} and {@link classifyDossier}.
 * Every rule that provinces apply differently is an option; the defaults are the national
 * portal's (DVCQG) behaviour as dossier-index.md §1.3 describes it, except where noted.
 * @category Dossiers
 */
export interface ClassifyDossierOptions {
  /**
   * The reporting period, inclusive calendar dates in the summary's offset: `{ from: '2024-01-01',
   * to: '2024-03-31' }` (a `Date` stands for its calendar day there). Required.
   */
  period: { from: string | Date; to: string | Date };
  /**
   * The moment the state of open dossiers is read: dossiers still open then are pending within
   * deadline or overdue, and nothing after it is seen (records received later are ignored, a
   * dossier closed later is still open). Must lie within the period; a bare date means the end of
   * that day. Default: the last moment of the period, as on the portal (§1.3: "no terminal state
   * yet: the end time is the last day of the reporting period").
   */
  asOf?: DossierTimestamp;
  /**
   * `'date'` (default): compare calendar days, so any time on the due date is on time.
   * `'exact'`: a dossier is late once its finishing instant passes the due instant (a bare due date
   * lasts until 23:59:59.999); early still means finished on a day before the due date; supplement
   * pauses are counted in milliseconds instead of calendar days.
   */
  granularity?: 'date' | 'exact';
  /**
   * The fixed UTC offset in minutes used for dates and for timestamps written without an offset.
   * Default 420: Asia/Ho_Chi_Minh (UTC+7, no daylight saving). The machine's time zone is never used.
   */
  utcOffsetMinutes?: number;
  /**
   * Whether the clock stops while a supplement is pending: the due date moves later by the time
   * between the request and its completion (or the end, if never completed). Default `true` (§1.3:
   * "end time −= (time supplement completed − time supplement requested)").
   */
  pauseForSupplements?: boolean;
  /**
   * `'late'` (default, the portal rule of §1.3): a dossier with more than one supplement request is
   * late (pending overdue while open). `'pause'`: every request only pauses the clock.
   */
  multipleSupplements?: 'late' | 'pause';
  /**
   * Withdrawn (rút) and returned or rejected (trả lại, từ chối) dossiers closed in the period:
   * `'separate'` (default): counted in `withdrawn` / `returned`, apart from resolved ones (the
   * II.06a columns "CD rút hồ sơ", "Hồ sơ trả lại", §2.2); `'onTime'`: counted as resolved on time
   * (the Thanh Hóa II.06a implementation of §2.2); `'byDueDate'`: classified by their closing time
   * against the due date like resolved ones (the DVCQG rule of §1.3, where "Dừng xử lý / Từ chối"
   * and "rút hồ sơ" end processing).
   */
  withdrawnAndReturned?: 'separate' | 'onTime' | 'byDueDate';
  /**
   * A counted dossier without `dueAt`: `'onTime'` (default) counts it resolved on time, or pending
   * within deadline (the portal would compare with the procedure's legal time limit, which a record
   * does not carry; each such dossier is counted in `meta.withoutDueAt`); `'error'` throws.
   */
  missingDueAt?: 'onTime' | 'error';
}

/**
 * Options of {@link summarizeDossiers} and {@link summarizeDossiersAsync}.
 * @category Dossiers
 */
export interface SummarizeDossiersOptions extends ClassifyDossierOptions {
  /**
   * Group the counts by unit, procedure and/or month (a list groups by each combination, in the
   * order given). See {@link DossierSummary} for how months are attributed.
   */
  groupBy?: DossierGroupBy | readonly DossierGroupBy[];
  /**
   * A dossier id seen twice: `'error'` (default; it means a bad export), `'first'` (count the first
   * occurrence, skip the others and count them in `meta.ignored.duplicates`), or `'unchecked'` (no
   * check; every record counts). Checking keeps the ids seen: whole-number ids below 2^25 (as
   * numbers or digit texts) as bits of a bitmap of at most 4 MiB, other ids in a set, whose memory
   * grows with the number of records; with `'unchecked'` memory depends only on the number of
   * groups.
   */
  duplicateIds?: 'error' | 'first' | 'unchecked';
}

/**
 * The key of a group: one property per grouping dimension asked for. `unit` and `procedure` are
 * `null` for records without one; `month` is `'YYYY-MM'`.
 * @category Dossiers
 */
export interface DossierGroupKey {
  readonly unit?: string | null;
  readonly procedure?: string | null;
  readonly month?: string;
}

/**
 * The statistics of one group.
 * @category Dossiers
 */
export interface DossierGroup {
  readonly key: DossierGroupKey;
  readonly stats: DossierStats;
}

/**
 * What was read and left out, so that no record disappears silently.
 * @category Dossiers
 */
export interface DossierSummaryMeta {
  /** The period as calendar dates. */
  readonly period: { readonly from: string; readonly to: string };
  /** The asOf instant, ISO 8601 in the summary's offset (`'2024-03-31T23:59:59.999+07:00'`). */
  readonly asOf: string;
  /** Records read. `records = counted + ignored.receivedAfterAsOf + ignored.closedBeforePeriod + ignored.duplicates`. */
  readonly records: number;
  /** Records counted in the statistics (each exactly once on the received side and once on the outcome side). */
  readonly counted: number;
  /** Records left out: outside the period (filtering, not dropping) or repeated ids. */
  readonly ignored: {
    /** Received after asOf (after the period, or after the cut-off within it). */
    readonly receivedAfterAsOf: number;
    /** Received and closed before the period started. */
    readonly closedBeforePeriod: number;
    /** Later occurrences of an id, with `duplicateIds: 'first'`. */
    readonly duplicates: number;
  };
  /** Counted dossiers whose timeliness was decided without a due date (see `missingDueAt`). */
  readonly withoutDueAt: number;
  /** Counted dossiers made late (or overdue) by the more-than-one-supplement rule. */
  readonly moreThanOneSupplement: number;
}

/**
 * The result of {@link summarizeDossiers}: the statistics of the whole input, the statistics of
 * each group (empty without `groupBy`), and what was read and left out.
 *
 * @remarks
 * Every counted record adds exactly one to a received column (`carriedOver` or its channel) and one
 * to an outcome column (`resolved.*`, `pending.*`, `withdrawn` or `returned`), so
 * received = resolved + pending + withdrawn + returned, the II.06a identity (dossier-index.md §2.2).
 *
 * Groups always add up to `total` exactly: `mergeDossierStats(...groups.map((g) => g.stats))`
 * equals `total`. With `groupBy: 'month'` each count is dated by its own event: a reception in the
 * month received (carried over: the period's first month), a closing in the month closed, an open
 * dossier in the month of asOf. So a month's group holds that month's flows, not a separate
 * monthly report (whose carried-over and pending counts would be stocks at that month's bounds;
 * for those, summarise each month as its own period).
 *
 * `total` is the statistics alone (no meta), so it feeds every dossier calculator and merges with
 * the totals of other shards.
 * @category Dossiers
 */
export interface DossierSummary {
  readonly total: DossierStats;
  readonly groups: readonly DossierGroup[];
  readonly meta: DossierSummaryMeta;
}

/**
 * Where a dossier's outcome was counted: a resolved column, a pending column, or withdrawn /
 * returned.
 * @category Dossiers
 */
export type DossierOutcome =
  | 'early'
  | 'onTime'
  | 'late'
  | 'pendingWithinDeadline'
  | 'pendingOverdue'
  | 'withdrawn'
  | 'returned';

/**
 * Why a dossier was counted (or not) where it was:
 * `'received-after-as-of'`, `'closed-before-period'` (not counted);
 * `'finished-before-due-date'`, `'finished-on-due-date'`, `'finished-after-due-date'` (closed,
 * compared with the adjusted due date); `'open-within-deadline'`, `'open-past-deadline'` (open at
 * asOf); `'more-than-one-supplement'` (late by that rule); `'no-due-date'` (counted on time, see
 * `missingDueAt`); `'withdrawn'`, `'returned'` (counted apart); `'counted-as-on-time'`
 * (withdrawn/returned with `withdrawnAndReturned: 'onTime'`).
 * @category Dossiers
 */
export type DossierClassificationReason =
  | 'received-after-as-of'
  | 'closed-before-period'
  | 'finished-before-due-date'
  | 'finished-on-due-date'
  | 'finished-after-due-date'
  | 'open-within-deadline'
  | 'open-past-deadline'
  | 'more-than-one-supplement'
  | 'no-due-date'
  | 'withdrawn'
  | 'returned'
  | 'counted-as-on-time';

// The public union and the internal reason list must stay the same set.
type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const reasonsMatch: SameSet<Reason, DossierClassificationReason> = true;
void reasonsMatch;

/**
 * How one dossier is counted in a period, and why. JSON-safe.
 * @category Dossiers
 */
export interface DossierClassification {
  /** The dossier id, as given. */
  readonly id: string | number;
  /** The record's status, as given. */
  readonly status: DossierStatus;
  /** Whether the dossier is counted in the period at all. */
  readonly counted: boolean;
  /** The received column it adds to, or `null` when not counted. */
  readonly received: 'carriedOver' | 'online' | 'inPerson' | 'postal' | null;
  /** The outcome column it adds to, or `null` when not counted. */
  readonly outcome: DossierOutcome | null;
  /** Why. */
  readonly reason: DossierClassificationReason;
  /** Whether it adds to `returnedByPost` (closed in the period with `returnedByPost: true`). */
  readonly returnedByPost: boolean;
  /** The instant compared with the due date: the closing time, or asOf while open (`null` when not counted). */
  readonly evaluatedAt: string | null;
  /** Supplement requests made by then. */
  readonly supplements: number;
  /** Calendar days the clock stopped for supplements (date granularity), else `null`. */
  readonly pausedDays: number | null;
  /** Milliseconds the clock stopped for supplements (exact granularity), else `null`. */
  readonly pausedMilliseconds: number | null;
  /** The due date as given, as a calendar date (`null` without one). */
  readonly dueDate: string | null;
  /** The due date after the supplement pause (`null` when no due date was compared: none given, not counted, or counted apart). */
  readonly adjustedDueDate: string | null;
  /** The due instant after the pause, at exact granularity (`null` otherwise). */
  readonly adjustedDueAt: string | null;
}

const RECEIVED_NAMES = ['carriedOver', 'online', 'inPerson', 'postal'] as const;
const OUTCOME_NAMES = [
  'early',
  'onTime',
  'late',
  'pendingWithinDeadline',
  'pendingOverdue',
  'withdrawn',
  'returned',
] as const;

function notIterable(records: unknown, asyncAllowed: boolean): CchcError {
  const isAsync =
    records !== null &&
    typeof records === 'object' &&
    typeof (records as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
  const message =
    isAsync && !asyncAllowed
      ? 'expected an array or a (sync) iterable of dossier records; use summarizeDossiersAsync for an async iterable or a stream.'
      : `expected ${asyncAllowed ? 'an array, an iterable or an async iterable' : 'an array or an iterable'} of dossier records, received ${describeValue(records)}.`;
  return new CchcError('INVALID_INPUT', [{ path: ['records'], message }]);
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function'
  );
}

function summarizeSync(records: Iterable<unknown>, resolved: ResolvedOptions): DossierSummary {
  const acc = new RecordAccumulator(resolved);
  if (Array.isArray(records)) {
    const n = records.length;
    for (let i = 0; i < n; i++) acc.add(records[i], i);
  } else {
    let i = 0;
    for (const record of records) acc.add(record, i++);
  }
  return acc.result() as DossierSummary;
}

/**
 * Turns dossier records (one row per hồ sơ, as exported by a one-stop system) into the dossier
 * statistics of a period: received (carried over, online, in person, by post), resolved (early, on
 * time, late), pending (within deadline, overdue), returned by post, withdrawn, returned.
 *
 * @remarks
 * Rules, with the portal's behaviour as default and each provincial variant an option
 * ({@link SummarizeDossiersOptions}); sources in shared/reference/dossier-index.md:
 * - Received before the period and still open at its start: carried over (kỳ trước chuyển qua),
 *   counted once. Received in the period (up to asOf): counted by channel. Received and closed
 *   before the period, or received after asOf: not counted, and counted in `meta.ignored` (§2.2,
 *   II.06a columns; confidence M-H).
 * - Closed in the period with status `'resolved'`: early when finished on a day strictly before
 *   the due date, on time on the due date, late after it, by calendar day in Asia/Ho_Chi_Minh
 *   (§1.3 "NgayKetThucXuLy ≤ NgayHenTra" with early split out as in §2.2 and OpenCPS; confidence
 *   M). Option `granularity: 'exact'`.
 * - The clock stops while a supplement is pending: the due date moves by the pause; more than one
 *   supplement request makes the dossier late (§1.3, confidence M). Options
 *   `pauseForSupplements`, `multipleSupplements`.
 * - Still open at asOf (default: the period end): pending within deadline when asOf is not past
 *   the adjusted due date, else overdue (§1.3, confidence M).
 * - Withdrawn and returned/rejected dossiers closed in the period are counted apart (§2.2,
 *   confidence H that such columns exist); option `withdrawnAndReturned`. `returnedByPost` counts
 *   dossiers closed in the period with the flag set.
 * - A repeated dossier id is an error by default (option `duplicateIds`).
 *
 * Records are read one at a time: memory depends on the number of groups (and on the number of
 * ids while duplicates are checked), not on the number of records. Summaries of disjoint sets of
 * records (shards, agencies, files) merge exactly with `mergeDossierStats`. Records are validated
 * by a fast check equivalent to {@link DossierRecordSchema}; the first bad record stops the run.
 * Inputs are never mutated.
 *
 * @param records - an array or any iterable of {@link DossierRecordInput} (for async iterables and
 *   streams use {@link summarizeDossiersAsync}).
 * @param options - the period (required), asOf, groupBy and the classification options.
 * @returns `{ total, groups, meta }`, see {@link DossierSummary}.
 * @throws {@link CchcError} `INVALID_OPTIONS` for bad options (path `['options', …]`);
 *   `INVALID_INPUT` for a malformed record, with its index and field (`['records', 12,
 *   'receivedAt']`), a record out of order (finished before received, …), or a repeated id.
 * @example
 * ```ts
 * import { type DossierRecordInput, summarizeDossiers } from 'cchc-index';
 * const records: DossierRecordInput[] = [
 *   { id: 'A1', channel: 'online', status: 'resolved', receivedAt: '2024-03-01', dueAt: '2024-03-05', finishedAt: '2024-03-04' },
 *   { id: 'A2', channel: 'inPerson', status: 'resolved', receivedAt: '2024-03-01', dueAt: '2024-03-05', finishedAt: '2024-03-05T16:30' },
 *   { id: 'A3', channel: 'postal', status: 'resolved', receivedAt: '2024-03-02', dueAt: '2024-03-06', finishedAt: '2024-03-07', returnedByPost: true },
 *   { id: 'A4', channel: 'online', status: 'processing', receivedAt: '2024-02-20', dueAt: '2024-03-01' },
 *   { id: 'A5', channel: 'online', status: 'resolved', receivedAt: '2024-02-01', dueAt: '2024-02-05', finishedAt: '2024-02-05' },
 * ];
 * const summary = summarizeDossiers(records, { period: { from: '2024-03-01', to: '2024-03-31' } });
 * summary.total;
 * // => { received: { carriedOver: 1, online: 1, inPerson: 1, postal: 1 }, resolved: { early: 1, onTime: 1, late: 1 }, pending: { withinDeadline: 0, overdue: 1 }, returnedByPost: 1, withdrawn: 0, returned: 0 }
 * summary.meta.ignored;
 * // => { receivedAfterAsOf: 0, closedBeforePeriod: 1, duplicates: 0 }
 * ```
 * @example
 * ```ts
 * import { summarizeDossiers } from 'cchc-index';
 * const byUnit = summarizeDossiers(
 *   [
 *     { id: 1, unit: 'xa-A', channel: 'online', status: 'resolved', receivedAt: '2024-03-01', dueAt: '2024-03-05', finishedAt: '2024-03-05' },
 *     { id: 2, unit: 'xa-B', channel: 'online', status: 'processing', receivedAt: '2024-03-20', dueAt: '2024-04-02' },
 *   ],
 *   { period: { from: '2024-03-01', to: '2024-03-31' }, groupBy: 'unit' },
 * );
 * byUnit.groups.map((g) => [g.key.unit, g.stats.resolved.onTime, g.stats.pending.withinDeadline]);
 * // => [['xa-A', 1, 0], ['xa-B', 0, 1]]
 * ```
 * @category Dossiers
 */
export function summarizeDossiers(
  records: Iterable<DossierRecordInput>,
  options: SummarizeDossiersOptions,
): DossierSummary {
  const resolved = resolveOptions(options, true);
  if (!isIterable(records) || typeof records === 'string') throw notIterable(records, false);
  return summarizeSync(records, resolved);
}

/**
 * Like {@link summarizeDossiers}, for an async iterable of records (a Node object stream, a
 * database cursor, an async generator reading a file), or any iterable; records are read one at a
 * time and memory stays flat.
 *
 * @remarks
 * Same rules and options as {@link summarizeDossiers} (dossier-index.md §1.3, §2.2). The result is
 * identical to that of the same records given as an array.
 *
 * @param records - an async iterable, an iterable or an array of {@link DossierRecordInput}.
 * @param options - as for {@link summarizeDossiers}.
 * @returns a promise of the {@link DossierSummary}.
 * @throws {@link CchcError} (as a rejection) `INVALID_OPTIONS` or `INVALID_INPUT`, as
 *   {@link summarizeDossiers}.
 * @example
 * ```ts
 * import { type DossierRecordInput, summarizeDossiersAsync } from 'cchc-index';
 * async function* rows(): AsyncGenerator<DossierRecordInput> {
 *   yield { id: 'B1', channel: 'online', status: 'resolved', receivedAt: '2024-03-01', dueAt: '2024-03-05', finishedAt: '2024-03-01' };
 * }
 * const summary = await summarizeDossiersAsync(rows(), { period: { from: '2024-03-01', to: '2024-03-31' } });
 * summary.total.resolved;
 * // => { early: 1, onTime: 0, late: 0 }
 * ```
 * @category Dossiers
 */
export async function summarizeDossiersAsync(
  records: AsyncIterable<DossierRecordInput> | Iterable<DossierRecordInput>,
  options: SummarizeDossiersOptions,
): Promise<DossierSummary> {
  const resolved = resolveOptions(options, true);
  const isAsync =
    records !== null &&
    typeof records === 'object' &&
    typeof (records as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
  if (!isAsync) {
    if (!isIterable(records) || typeof records === 'string') throw notIterable(records, true);
    return summarizeSync(records, resolved);
  }
  const acc = new RecordAccumulator(resolved);
  let i = 0;
  for await (const record of records as AsyncIterable<unknown>) acc.add(record, i++);
  return acc.result() as DossierSummary;
}

/**
 * Tells how one dossier is counted in a period, and why: its received column, its outcome column,
 * the rule that decided, and the due date after the supplement pause.
 *
 * @remarks
 * The same rules and code path as {@link summarizeDossiers} (dossier-index.md §1.3, §2.2;
 * confidence M), for one record, so a reader can check a figure dossier by dossier. Duplicate ids
 * and grouping do not apply to a single record.
 *
 * @param record - one {@link DossierRecordInput}.
 * @param options - the period (required), asOf and the classification options.
 * @returns a {@link DossierClassification}.
 * @throws {@link CchcError} `INVALID_OPTIONS` for bad options; `INVALID_INPUT` for a malformed or
 *   out-of-order record (paths start with `'record'`).
 * @example
 * ```ts
 * import { classifyDossier } from 'cchc-index';
 * const period = { from: '2024-03-01', to: '2024-03-31' };
 * // Finished 18:00 UTC on the due date = 01:00 the next day in Vietnam: late.
 * classifyDossier(
 *   { id: 'C1', channel: 'online', status: 'resolved', receivedAt: '2024-03-01', dueAt: '2024-03-05', finishedAt: '2024-03-05T18:00:00Z' },
 *   { period },
 * ).outcome;
 * // => 'late'
 * // A 3-day supplement pause moves the due date from 5 to 8 March: on time.
 * const c = classifyDossier(
 *   { id: 'C2', channel: 'online', status: 'resolved', receivedAt: '2024-03-01', dueAt: '2024-03-05', finishedAt: '2024-03-08',
 *     supplements: [{ requestedAt: '2024-03-02', completedAt: '2024-03-05' }] },
 *   { period },
 * );
 * [c.outcome, c.pausedDays, c.adjustedDueDate];
 * // => ['onTime', 3, '2024-03-08']
 * ```
 * @category Dossiers
 */
export function classifyDossier(
  record: DossierRecordInput,
  options: ClassifyDossierOptions,
): DossierClassification {
  const o = resolveOptions(options, false);
  const s = newScratch();
  readRecord(record, o.offset, s, 'record');
  const c = newClassified();
  classifyRead(s, o, c, 'record');
  const counted = c.received >= 0;
  const hasDue = !Number.isNaN(s.dueMs);
  const compared = !Number.isNaN(c.adjustedDueMs);
  const status = s.rec.status as DossierStatus;
  return {
    id: s.rec.id as string | number,
    status,
    counted,
    received: counted ? RECEIVED_NAMES[c.received]! : null,
    outcome: counted ? OUTCOME_NAMES[c.outcome]! : null,
    reason: c.reason,
    returnedByPost: c.byPost,
    evaluatedAt: counted ? formatInstant(c.endMs, o.offset) : null,
    supplements: c.supplements,
    pausedDays: counted && !o.exact ? c.pause : null,
    pausedMilliseconds: counted && o.exact ? c.pause : null,
    dueDate: hasDue ? formatDay(localDay(s.dueMs, o.offset)) : null,
    adjustedDueDate: compared ? formatDay(localDay(c.adjustedDueMs, o.offset)) : null,
    adjustedDueAt: compared && o.exact ? formatInstant(c.adjustedDueMs, o.offset) : null,
  };
}
