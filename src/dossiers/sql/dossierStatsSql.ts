import { z } from 'zod';
import { CchcError } from '../../errors/CchcError.js';
import { describeValue, parseWith } from '../../errors/fromZod.js';
import { type ResolvedOptions, resolveOptions } from '../summarize/options.js';
import { DAY_MS, formatDay, formatInstant } from '../summarize/timestamp.js';
import type { DossierGroupBy, SummarizeDossiersOptions } from '../summarizeDossiers.js';

/**
 * The SQL dialect {@link dossierStatsSql} writes: `'postgres'` (PostgreSQL 12 and later, and
 * engines that speak its dialect) or `'duckdb'`.
 * @category Dossiers
 */
export type SqlDialect = 'postgres' | 'duckdb';

/**
 * How a time column is stored:
 * - `'timestamptz'` (default): an instant (PostgreSQL `timestamptz`, DuckDB `TIMESTAMPTZ`), read
 *   whatever the session's `TimeZone`;
 * - `'timestamp'`: a wall-clock time without zone (`timestamp`, `TIMESTAMP`), read in the
 *   summary's offset (`utcOffsetMinutes`, default UTC+7), like record text without an offset;
 * - `'date'`: a calendar day (`date`, `DATE`), like a bare `'YYYY-MM-DD'` in a record: the start of
 *   that day, and for `dueAt` the whole day.
 * @category Dossiers
 */
export type SqlTimeType = 'timestamptz' | 'timestamp' | 'date';

/**
 * A time column: its name, or `{ column, type }` when it is not a `timestamptz`.
 * @category Dossiers
 */
export type SqlTimeColumn = string | { readonly column: string; readonly type?: SqlTimeType };

/**
 * Where each field of a dossier record is in the table: column names (validated identifiers,
 * always double-quoted, so give them exactly as stored: PostgreSQL folds unquoted names to lower
 * case when it creates them).
 * @category Dossiers
 */
export interface DossierStatsSqlColumns {
  /** The dossier id (mã hồ sơ): checked for repeats, and the key of the supplements table. */
  readonly id: string;
  /** The reception channel; its values are mapped with `channelValues`. */
  readonly channel: string;
  /** The final status; its values are mapped with `statusValues`. */
  readonly status: string;
  /** Reception (ngày tiếp nhận). */
  readonly receivedAt: SqlTimeColumn;
  /** The appointed return date (ngày hẹn trả); without it, every dossier has none. */
  readonly dueAt?: SqlTimeColumn;
  /** When processing ended; `NULL` exactly for dossiers still processing. */
  readonly finishedAt: SqlTimeColumn;
  /** The handling unit, read as text (grouping `'unit'`); without it, every unit is `null`. */
  readonly unit?: string;
  /** The procedure code, read as text (grouping `'procedure'`); without it, `null`. */
  readonly procedureCode?: string;
  /** A boolean column: the result was returned by post (BCCI); `NULL` is false. */
  readonly returnedByPost?: string;
}

/**
 * A table of supplement requests (yêu cầu bổ sung), one row per request, joined to the dossiers by
 * id. Requests whose dossier id is not in the dossier table are not read.
 * @category Dossiers
 */
export interface DossierStatsSqlSupplements {
  /** The table, `'name'` or `'schema.name'`. */
  readonly table: string;
  /** The column holding the dossier id. */
  readonly dossierId: string;
  /** When the supplement was requested. */
  readonly requestedAt: SqlTimeColumn;
  /** When the applicant completed it (`NULL` while awaited). */
  readonly completedAt?: SqlTimeColumn;
}

/**
 * A value as stored in a channel or status column: text or a whole number (e.g. DVCQG's channel
 * codes 1, 2, 3).
 * @category Dossiers
 */
export type SqlColumnValue = string | number;

/**
 * Options of {@link dossierStatsSql}: where the data is, and every option of
 * {@link summarizeDossiers} (period, asOf, groupBy, classification), with the same meaning.
 * @category Dossiers
 */
export interface DossierStatsSqlOptions extends SummarizeDossiersOptions {
  /** The dialect to write. */
  readonly dialect: SqlDialect;
  /** The dossier table (or view), `'name'` or `'schema.name'`. */
  readonly table: string;
  /** Where each record field is. */
  readonly columns: DossierStatsSqlColumns;
  /** The supplement requests, if the data has any. */
  readonly supplements?: DossierStatsSqlSupplements;
  /**
   * The stored values of each channel, e.g. `{ online: [2], inPerson: [1], postal: [3] }`. Default
   * (when omitted): `'online'`, `'inPerson'`, `'postal'`. In a given map, a channel left out has no
   * stored value; a row whose value is in no list is refused (see {@link rowsToDossierStats}).
   */
  readonly channelValues?: {
    readonly online?: readonly SqlColumnValue[];
    readonly inPerson?: readonly SqlColumnValue[];
    readonly postal?: readonly SqlColumnValue[];
  };
  /**
   * The stored values of each status (`returned` and `rejected` both count as returned). Default
   * (when omitted): the status names of {@link DossierStatusSchema}. In a given map, a status left
   * out has no stored value.
   */
  readonly statusValues?: {
    readonly processing?: readonly SqlColumnValue[];
    readonly resolved?: readonly SqlColumnValue[];
    readonly withdrawn?: readonly SqlColumnValue[];
    readonly returned?: readonly SqlColumnValue[];
    readonly rejected?: readonly SqlColumnValue[];
  };
}

/**
 * A query built by {@link dossierStatsSql}: the SQL text with numbered placeholders (`$1`, `$2`,
 * …, understood by both `pg` and `@duckdb/node-api`), its parameters, and what
 * {@link rowsToDossierStats} needs to read the rows back.
 * @category Dossiers
 */
export interface DossierStatsSql {
  /** The SQL text. It contains no value given by the caller, only quoted validated identifiers. */
  readonly text: string;
  /** The bound parameters, in placeholder order. */
  readonly params: readonly SqlColumnValue[];
  /** The dialect written. */
  readonly dialect: SqlDialect;
  /** The grouping dimensions, in the order of the key columns. */
  readonly groupBy: readonly DossierGroupBy[];
  /** The period as calendar dates. */
  readonly period: { readonly from: string; readonly to: string };
  /** The asOf instant, ISO 8601 in the summary's offset. */
  readonly asOf: string;
  /** Whether a counted dossier without a due date is an error (`missingDueAt: 'error'`). */
  readonly missingDueAtIsError: boolean;
  /** Whether repeated ids are checked (`duplicateIds: 'error'`, the default). */
  readonly checksDuplicateIds: boolean;
}

/** The output columns of the query, in order after the key columns. @internal */
export const STATS_COLUMNS = [
  'carried_over',
  'online',
  'in_person',
  'postal',
  'early',
  'on_time',
  'late',
  'pending_within_deadline',
  'pending_overdue',
  'returned_by_post',
  'withdrawn',
  'returned',
] as const;

/** The meta columns of the query. @internal */
export const META_COLUMNS = [
  'records',
  'received_after_as_of',
  'closed_before_period',
  'without_due_at',
  'more_than_one_supplement',
  'invalid_values',
  'invalid_order',
] as const;

/** A strict SQL identifier: ASCII letter or underscore, then letters, digits, underscores; 63 at most (PostgreSQL's limit). */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

const identifierMessage =
  'expected a plain identifier (ASCII letters, digits and underscores, not starting with a digit, at most 63 characters); for other names, create a view with plain column names.';

const Identifier = z
  .string({ error: (iss) => `expected a column name, received ${describeValue(iss.input)}.` })
  .regex(IDENTIFIER, { error: identifierMessage });

const TableName = z
  .string({ error: (iss) => `expected a table name, received ${describeValue(iss.input)}.` })
  .refine(
    (v) => {
      const parts = v.split('.');
      return parts.length <= 2 && parts.every((p) => IDENTIFIER.test(p));
    },
    {
      error: `expected 'table' or 'schema.table', each part a plain identifier (ASCII letters, digits and underscores, not starting with a digit, at most 63 characters).`,
    },
  );

const TimeType = z.enum(['timestamptz', 'timestamp', 'date'], {
  error: (iss) => `expected "timestamptz", "timestamp" or "date", received ${describeValue(iss.input)}.`,
});

const TimeColumn = z.union([Identifier, z.strictObject({ column: Identifier, type: TimeType.optional() })], {
  error: (iss) => `expected a column name or { column, type }, received ${describeValue(iss.input)}.`,
});

const Value = z.union([z.string(), z.number().int().refine(Number.isSafeInteger)], {
  error: (iss) =>
    `expected a text or a whole number as stored in the column, received ${describeValue(iss.input)}.`,
});

const Values = z
  .array(Value, { error: (iss) => `expected a list of stored values, received ${describeValue(iss.input)}.` })
  .min(1, { error: 'expected at least one stored value.' })
  .max(1000, { error: 'expected at most 1000 stored values.' });

const SqlOptionsSchema = z.strictObject({
  dialect: z.enum(['postgres', 'duckdb'], {
    error: (iss) => `expected "postgres" or "duckdb", received ${describeValue(iss.input)}.`,
  }),
  table: TableName,
  columns: z.strictObject(
    {
      id: Identifier,
      channel: Identifier,
      status: Identifier,
      receivedAt: TimeColumn,
      dueAt: TimeColumn.optional(),
      finishedAt: TimeColumn,
      unit: Identifier.optional(),
      procedureCode: Identifier.optional(),
      returnedByPost: Identifier.optional(),
    },
    { error: (iss) => `expected the column of each record field, received ${describeValue(iss.input)}.` },
  ),
  supplements: z
    .strictObject(
      {
        table: TableName,
        dossierId: Identifier,
        requestedAt: TimeColumn,
        completedAt: TimeColumn.optional(),
      },
      {
        error: (iss) =>
          `expected { table, dossierId, requestedAt, completedAt? }, received ${describeValue(iss.input)}.`,
      },
    )
    .optional(),
  channelValues: z
    .strictObject({ online: Values.optional(), inPerson: Values.optional(), postal: Values.optional() })
    .optional(),
  statusValues: z
    .strictObject({
      processing: Values.optional(),
      resolved: Values.optional(),
      withdrawn: Values.optional(),
      returned: Values.optional(),
      rejected: Values.optional(),
    })
    .optional(),
});

const SqlArgsSchema = z.object({ options: SqlOptionsSchema });

const OWN_KEYS = ['dialect', 'table', 'columns', 'supplements', 'channelValues', 'statusValues'] as const;

type Time = { readonly column: string; readonly type: SqlTimeType };

function timeOf(c: z.output<typeof TimeColumn>): Time {
  return typeof c === 'string'
    ? { column: c, type: 'timestamptz' }
    : { column: c.column, type: c.type ?? 'timestamptz' };
}

function quoteTable(name: string): string {
  return name
    .split('.')
    .map((p) => `"${p}"`)
    .join('.');
}

/** Writes SQL for one dialect; collects parameters. */
class Writer {
  readonly params: SqlColumnValue[] = [];
  constructor(readonly pg: boolean) {}

  /** A bound integer parameter. */
  big(value: number): string {
    this.params.push(value);
    return `CAST($${this.params.length} AS BIGINT)`;
  }

  /** A bound stored value (typed by the column it is compared with). */
  value(value: SqlColumnValue): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** Exact integer division of an exact multiple. */
  div(a: string, b: number): string {
    return this.pg ? `(${a}) / ${b}` : `(${a}) // ${b}`;
  }

  /** Floor division by a positive constant, in integers (exact in both engines). */
  floorDiv(a: string, b: number): string {
    return this.div(`(${a}) - ((((${a}) % ${b}) + ${b}) % ${b})`, b);
  }
}

/** Epoch milliseconds of a column, in integers. `off` is the offset in ms (an SQL expression). */
function msOf(w: Writer, ref: string, type: SqlTimeType, off: string): string {
  if (type === 'date') return `(CAST(${ref} - DATE '1970-01-01' AS BIGINT) * ${DAY_MS} - ${off})`;
  const epoch = w.pg
    ? `CAST(floor(extract(epoch FROM ${ref}) * 1000) AS BIGINT)`
    : w.floorDiv(`epoch_us(${ref})`, 1000);
  return type === 'timestamp' ? `(${epoch} - ${off})` : epoch;
}

function codeCase(
  w: Writer,
  ref: string,
  lists: readonly (readonly SqlColumnValue[] | undefined)[],
  codes: readonly number[],
): string {
  const whens = lists.flatMap((list, i) =>
    list === undefined ? [] : [`WHEN ${ref} IN (${list.map((v) => w.value(v)).join(', ')}) THEN ${codes[i]}`],
  );
  return whens.length === 0 ? '-1' : `CASE ${whens.join(' ')} ELSE -1 END`;
}

function refuse(path: (string | number)[], message: string): CchcError {
  return new CchcError('INVALID_OPTIONS', [{ path: ['options', ...path], message }]);
}

function checkDistinct(lists: Record<string, readonly SqlColumnValue[] | undefined>, key: string): void {
  const seen = new Map<string, string>();
  for (const [name, list] of Object.entries(lists)) {
    for (const v of list ?? []) {
      const k = `${typeof v}:${v}`;
      const other = seen.get(k);
      if (other !== undefined && other !== name) {
        throw refuse(
          [key, name],
          `the stored value ${JSON.stringify(v)} is also given for "${other}": expected each value under one name only.`,
        );
      }
      seen.set(k, name);
    }
  }
}

/**
 * Builds the SQL that computes the dossier statistics of {@link summarizeDossiers} inside
 * PostgreSQL or DuckDB, from a table with one row per dossier (and optionally a table of
 * supplement requests), so that millions of rows are counted where they live and only one row per
 * group comes back.
 *
 * @remarks
 * The query applies the rules of {@link summarizeDossiers} (dossier-index.md §1.3 and §2.2,
 * confidence M) with the same options and defaults; tests run it in both engines on the library's
 * fixtures and on random records and compare with the library. All time arithmetic is done on
 * integer epoch milliseconds and day numbers in the summary's fixed UTC offset (default UTC+7,
 * Asia/Ho_Chi_Minh), so neither the server's nor the session's time zone changes a figure.
 *
 * Nothing the caller passes is written into the SQL text: table and column names must be plain
 * identifiers (`[A-Za-z_][A-Za-z0-9_]*`, optionally `schema.table`) and are always double-quoted;
 * the period, asOf, offset and the stored channel and status values are bound parameters.
 *
 * Records the library would refuse are not counted silently: the rows report how many dossiers
 * have an unknown channel or status, a missing id or reception, a closing time that does not
 * match the status, or dates out of order, and {@link rowsToDossierStats} throws for them.
 *
 * Refused, because SQL cannot express it: `duplicateIds: 'first'` (a table has no order, so there
 * is no first occurrence; deduplicate in a view and pass `'unchecked'`). With `'error'` (default)
 * the query also counts repeated ids, which costs a `count(DISTINCT id)` over the table.
 *
 * @param options - the dialect, the table, the column of each record field, and the options of
 *   {@link summarizeDossiers}.
 * @returns `{ text, params, … }`, see {@link DossierStatsSql}; run it with the driver and pass its
 *   rows to {@link rowsToDossierStats}.
 * @throws {@link CchcError} `INVALID_OPTIONS` for a bad option or identifier (path
 *   `['options', …]`), or an option SQL cannot express.
 * @example
 * ```ts
 * import { dossierStatsSql } from 'cchc-index';
 * const query = dossierStatsSql({
 *   dialect: 'postgres',
 *   table: 'mot_cua.ho_so',
 *   columns: { id: 'ma_ho_so', channel: 'kenh', status: 'trang_thai', receivedAt: 'ngay_tiep_nhan',
 *     dueAt: { column: 'ngay_hen_tra', type: 'date' }, finishedAt: 'ngay_ket_thuc', unit: 'don_vi' },
 *   channelValues: { online: [2], inPerson: [1], postal: [3] },
 *   period: { from: '2024-03-01', to: '2024-03-31' },
 *   groupBy: 'unit',
 * });
 * query.params.slice(0, 3);
 * // => [1709226000000, 1711904399999, 25200000]
 * query.text.includes('FROM "mot_cua"."ho_so"');
 * // => true
 * ```
 * @category Dossiers
 */
export function dossierStatsSql(options: DossierStatsSqlOptions): DossierStatsSql {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw refuse(
      [],
      `expected an options object with dialect, table, columns and period, received ${describeValue(options)}.`,
    );
  }
  // Without a prototype: an own "__proto__" key of the caller's object stays a key (the schemas
  // refuse it) instead of replacing the copy's prototype.
  const own: Record<string, unknown> = Object.create(null);
  const rest: Record<string, unknown> = Object.create(null);
  for (const [key, value] of Object.entries(options)) {
    if ((OWN_KEYS as readonly string[]).includes(key)) own[key] = value;
    else rest[key] = value;
  }
  const sql = (
    parseWith(SqlArgsSchema, { options: own }, 'INVALID_OPTIONS') as z.output<typeof SqlArgsSchema>
  ).options;
  const o = resolveOptions(rest, true);
  if (rest.duplicateIds === 'first') {
    throw refuse(
      ['duplicateIds'],
      'cannot be "first" in SQL: a table has no order, so there is no first occurrence; deduplicate in a view and pass "unchecked", or keep "error".',
    );
  }
  if (sql.supplements !== undefined && !sql.supplements.table.includes('.')) {
    if (sql.supplements.table.toLowerCase() === 'cchc_dossier') {
      throw refuse(
        ['supplements', 'table'],
        'is the name the query gives its dossier rows: qualify it with its schema (e.g. "public.cchc_dossier").',
      );
    }
  }
  // The defaults apply when a map is not given; in a given map, a name left out has no value.
  const channels = sql.channelValues ?? { online: ['online'], inPerson: ['inPerson'], postal: ['postal'] };
  const statuses = sql.statusValues ?? {
    processing: ['processing'],
    resolved: ['resolved'],
    withdrawn: ['withdrawn'],
    returned: ['returned'],
    rejected: ['rejected'],
  };
  checkDistinct(channels, 'channelValues');
  checkDistinct(statuses, 'statusValues');
  const checksDuplicateIds = rest.duplicateIds !== 'unchecked';
  const text = build(new Writer(sql.dialect === 'postgres'), sql, o, channels, statuses, checksDuplicateIds);
  return {
    text: text.text,
    params: text.params,
    dialect: sql.dialect,
    groupBy: o.groupBy,
    period: { from: formatDay(o.fromDay), to: formatDay(o.toDay) },
    asOf: formatInstant(o.asOfMs, o.offset),
    missingDueAtIsError: o.missingDueError,
    checksDuplicateIds,
  };
}

function lazy(make: () => string): () => string {
  let value: string | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

function monthNumber(day: number): number {
  const [y, m] = formatDay(day).split('-').map(Number) as [number, number];
  return y * 12 + m - 1;
}

function build(
  w: Writer,
  sql: z.output<typeof SqlOptionsSchema>,
  o: ResolvedOptions,
  channels: Partial<Record<'online' | 'inPerson' | 'postal', readonly SqlColumnValue[]>>,
  statuses: Partial<
    Record<'processing' | 'resolved' | 'withdrawn' | 'returned' | 'rejected', readonly SqlColumnValue[]>
  >,
  checksDuplicateIds: boolean,
): { text: string; params: SqlColumnValue[] } {
  const cols = sql.columns;
  const startMs = w.big(o.startMs);
  const asOfMs = w.big(o.asOfMs);
  const off = w.big(o.offset * 60_000);
  // Bound only where used: an engine may refuse a parameter that the text never mentions.
  const asOfDay = lazy(() => w.big(o.asOfDay));
  const firstMonth = lazy(() => w.big(monthNumber(o.fromDay)));
  const day = (ms: string) => w.floorDiv(`${ms} + ${off}`, DAY_MS);
  const text = w.pg ? 'TEXT' : 'VARCHAR';
  const col = (name: string) => `d."${name}"`;
  const received = timeOf(cols.receivedAt);
  const finished = timeOf(cols.finishedAt);
  const due = cols.dueAt === undefined ? undefined : timeOf(cols.dueAt);
  const sup = sql.supplements;
  const requested = sup === undefined ? undefined : timeOf(sup.requestedAt);
  const completed = sup?.completedAt === undefined ? undefined : timeOf(sup.completedAt);
  const needsId = sup !== undefined;

  // 1. Dossier rows as integers: codes and epoch milliseconds.
  const dossier = [
    needsId ? `${col(cols.id)} AS id` : null,
    `(${col(cols.id)} IS NULL) AS no_id`,
    `CAST(${cols.unit === undefined ? 'NULL' : col(cols.unit)} AS ${text}) AS g_unit`,
    `CAST(${cols.procedureCode === undefined ? 'NULL' : col(cols.procedureCode)} AS ${text}) AS g_procedure`,
    `${codeCase(w, col(cols.channel), [channels.online, channels.inPerson, channels.postal], [1, 2, 3])} AS ch`,
    `${codeCase(
      w,
      col(cols.status),
      [statuses.processing, statuses.resolved, statuses.withdrawn, statuses.returned, statuses.rejected],
      [0, 1, 2, 3, 3],
    )} AS st`,
    `${msOf(w, col(received.column), received.type, off)} AS rcv`,
    `${due === undefined ? 'CAST(NULL AS BIGINT)' : msOf(w, col(due.column), due.type, off)} AS due`,
    `${msOf(w, col(finished.column), finished.type, off)} AS fin`,
    `${cols.returnedByPost === undefined ? 'FALSE' : `(${col(cols.returnedByPost)} IS TRUE)`} AS by_post`,
  ].filter((x) => x !== null);
  const ctes: string[] = [
    `cchc_dossier AS (\n  SELECT ${dossier.join(',\n    ')}\n  FROM ${quoteTable(sql.table)} AS d\n)`,
  ];

  // 2. The end of each dossier: its closing time when closed by asOf, else asOf.
  ctes.push(
    `cchc_ended AS (\n  SELECT x.*, CASE WHEN x.fin <= ${asOfMs} THEN x.fin ELSE ${asOfMs} END AS end_ms\n  FROM cchc_dossier AS x\n)`,
  );

  // notBefore(a, b) of the library: by calendar day when either side is a date, else by instant.
  const notBefore = (a: string, aType: SqlTimeType, b: string, bType: SqlTimeType) =>
    aType === 'date' || bType === 'date' ? `${day(a)} >= ${day(b)}` : `${a} >= ${b}`;

  // 3. Supplements known by each dossier's end: count, pause, and order problems.
  let joined = 'SELECT e.*, 0 AS sn, 0 AS sp, FALSE AS sbad FROM cchc_ended AS e';
  if (sup !== undefined && requested !== undefined) {
    const s = (name: string) => `s."${name}"`;
    const reqMs = msOf(w, s(requested.column), requested.type, off);
    const compMs =
      completed === undefined ? 'CAST(NULL AS BIGINT)' : msOf(w, s(completed.column), completed.type, off);
    ctes.push(
      `cchc_supplement AS (\n  SELECT s."${sup.dossierId}" AS dossier_id, ${reqMs} AS req, ${compMs} AS comp\n  FROM ${quoteTable(sup.table)} AS s\n)`,
    );
    const until = 'CASE WHEN r.comp <= k.end_ms THEN r.comp ELSE k.end_ms END';
    const length = o.exact ? `${until} - r.req` : `${day(until)} - ${day('r.req')}`;
    const orderBad = [
      'r.req IS NULL',
      `NOT (${notBefore('r.req', requested.type, 'k.rcv', received.type)})`,
      completed === undefined
        ? null
        : `(r.comp IS NOT NULL AND NOT (${notBefore('r.comp', completed.type, 'r.req', requested.type)}))`,
    ]
      .filter((x) => x !== null)
      .join(' OR ');
    // The pause depends on the dossier's end, so it is computed per (id, reception, end); with
    // unchecked ids, repeated rows are collapsed first so that their supplements count once.
    const keys = checksDuplicateIds
      ? 'cchc_ended AS k'
      : '(SELECT DISTINCT id, rcv, end_ms FROM cchc_ended) AS k';
    const pause = o.pause
      ? `sum(CASE WHEN r.req <= k.end_ms AND ${length} > 0 THEN ${length} ELSE 0 END)`
      : '0';
    ctes.push(
      `cchc_paused AS (
  SELECT k.id, k.rcv, k.end_ms,
    count(*) FILTER (WHERE r.req <= k.end_ms) AS n,
    ${pause} AS pause,
    count(*) FILTER (WHERE ${orderBad}) AS bad
  FROM ${keys} JOIN cchc_supplement AS r ON r.dossier_id = k.id
  GROUP BY k.id, k.rcv, k.end_ms
)`,
    );
    joined = `SELECT e.*, COALESCE(p.n, 0) AS sn, COALESCE(p.pause, 0) AS sp, COALESCE(p.bad, 0) > 0 AS sbad
  FROM cchc_ended AS e LEFT JOIN cchc_paused AS p ON p.id = e.id AND p.rcv = e.rcv AND p.end_ms = e.end_ms`;
  }
  ctes.push(`cchc_joined AS (\n  ${joined}\n)`);

  // 4. Classification, rule by rule as in summarize/classify.ts.
  const after = `e.rcv > ${asOfMs}`;
  const before = `(e.rcv < ${startMs} AND e.fin < ${startMs})`;
  const closed = `e.fin <= ${asOfMs}`;
  const multi = o.multipleLate ? 'e.sn > 1' : 'FALSE';
  // The adjusted due instant (exact granularity): a date is due at its last millisecond.
  const adjDue = `(e.due + ${due?.type === 'date' ? DAY_MS - 1 : 0} + e.sp)`;
  const dueDay = o.exact ? day(adjDue) : `${day('e.due')} + e.sp`;
  const closedTimely = [
    o.multipleLate ? `WHEN ${multi} THEN 2` : null,
    'WHEN e.due IS NULL THEN 1',
    `WHEN ${day('e.fin')} < ${dueDay} THEN 0`,
    o.exact ? `WHEN e.fin <= ${adjDue} THEN 1` : `WHEN ${day('e.fin')} = ${dueDay} THEN 1`,
    'ELSE 2',
  ].filter((x) => x !== null);
  const openTimely = [
    o.multipleLate ? `WHEN ${multi} THEN 4` : null,
    'WHEN e.due IS NULL THEN 3',
    o.exact ? `WHEN ${asOfMs} <= ${adjDue} THEN 3` : `WHEN ${asOfDay()} <= ${dueDay} THEN 3`,
    'ELSE 4',
  ].filter((x) => x !== null);
  const closedOutcome =
    o.closedOther === 2
      ? `CASE ${closedTimely.join(' ')} END`
      : `CASE WHEN e.st = 1 THEN CASE ${closedTimely.join(' ')} END ${
          o.closedOther === 1 ? 'ELSE 1' : 'WHEN e.st = 2 THEN 5 ELSE 6'
        } END`;
  const timelinessPath = o.closedOther === 2 ? 'TRUE' : `(e.st = 1 OR e.fin IS NULL OR e.fin > ${asOfMs})`;
  const unit = cols.unit === undefined ? 'FALSE' : "e.g_unit = ''";
  const procedure = cols.procedureCode === undefined ? 'FALSE' : "e.g_procedure = ''";
  const orderBad = [
    `(e.fin IS NOT NULL AND NOT (${notBefore('e.fin', finished.type, 'e.rcv', received.type)}))`,
    `(e.due IS NOT NULL AND ${day('e.due')} < ${day('e.rcv')})`,
    'e.sbad',
  ].join(' OR ');
  const ignoredCase = `WHEN ${after} OR ${before}`;
  ctes.push(
    `cchc_classified AS (
  SELECT e.g_unit, e.g_procedure,
    CASE WHEN ${after} THEN 1 WHEN ${before} THEN 2 ELSE 0 END AS ignored,
    CASE ${ignoredCase} THEN -1 WHEN e.rcv < ${startMs} THEN 0 ELSE e.ch END AS rc,
    CASE ${ignoredCase} THEN -1 WHEN ${closed} THEN ${closedOutcome} ELSE CASE ${openTimely.join(' ')} END END AS oc,
    CASE ${ignoredCase} THEN FALSE WHEN ${closed} THEN e.by_post ELSE FALSE END AS bp,
    CASE ${ignoredCase} THEN FALSE ELSE ${timelinessPath} AND NOT (${multi}) AND e.due IS NULL END AS no_due,
    CASE ${ignoredCase} THEN FALSE ELSE ${timelinessPath} AND ${multi} END AS multi,
    (e.no_id OR e.rcv IS NULL OR e.ch = -1 OR e.st = -1 OR (e.st = 0 AND e.fin IS NOT NULL) OR (e.st > 0 AND e.fin IS NULL) OR ${unit} OR ${procedure}) AS bad_value,
    COALESCE(${orderBad}, FALSE) AS bad_order,
    ${day('e.rcv')} AS rcv_day,
    ${day('e.end_ms')} AS end_day
  FROM cchc_joined AS e
)`,
  );

  // 5. Aggregation. With months, each count is dated by its own event (reception, or outcome).
  const byMonth = o.groupBy.includes('month');
  const monthOf = (dayExpr: string) =>
    `(extract(year FROM DATE '1970-01-01' + CAST(${dayExpr} AS INTEGER)) * 12 + extract(month FROM DATE '1970-01-01' + CAST(${dayExpr} AS INTEGER)) - 1)`;
  const flags = 'c.ignored, c.bp, c.no_due, c.multi, c.bad_value, c.bad_order';
  let source: string;
  if (byMonth) {
    ctes.push(
      `cchc_events AS (
  SELECT c.g_unit, c.g_procedure, CAST(CASE WHEN c.rc = 0 THEN ${firstMonth()} ELSE ${monthOf('c.rcv_day')} END AS BIGINT) AS g_month,
    c.rc, -1 AS oc, -1 AS ignored, FALSE AS bp, FALSE AS no_due, FALSE AS multi, FALSE AS bad_value, FALSE AS bad_order, 0 AS one
  FROM cchc_classified AS c
  UNION ALL
  SELECT c.g_unit, c.g_procedure, CAST(${monthOf('c.end_day')} AS BIGINT) AS g_month,
    -1 AS rc, c.oc, ${flags}, 1 AS one
  FROM cchc_classified AS c
)`,
    );
    source = 'cchc_events AS c';
  } else {
    source = 'cchc_classified AS c';
  }
  const count = (cond: string) => `count(*) FILTER (WHERE ${cond})`;
  const keyExpr: Record<DossierGroupBy, string> = {
    unit: 'c.g_unit',
    procedure: 'c.g_procedure',
    month: 'c.g_month',
  };
  const keySelect: Record<DossierGroupBy, string> = {
    unit: 'c.g_unit AS "unit"',
    procedure: 'c.g_procedure AS "procedure"',
    month: `lpad(CAST(${w.div('c.g_month - c.g_month % 12', 12)} AS ${text}), 4, '0') || '-' || lpad(CAST(c.g_month % 12 + 1 AS ${text}), 2, '0') AS "month"`,
  };
  const stats = [
    count('c.rc = 0'),
    count('c.rc = 1'),
    count('c.rc = 2'),
    count('c.rc = 3'),
    count('c.oc = 0'),
    count('c.oc = 1'),
    count('c.oc = 2'),
    count('c.oc = 3'),
    count('c.oc = 4'),
    count('c.bp'),
    count('c.oc = 5'),
    count('c.oc = 6'),
  ];
  const meta = [
    byMonth ? count('c.one = 1') : 'count(*)',
    count('c.ignored = 1'),
    count('c.ignored = 2'),
    count('c.no_due'),
    count('c.multi'),
    count('c.bad_value'),
    count('c.bad_order'),
  ];
  const select = [
    ...o.groupBy.map((g) => keySelect[g]),
    ...stats.map((s, i) => `${s} AS "${STATS_COLUMNS[i]}"`),
    ...meta.map((s, i) => `${s} AS "${META_COLUMNS[i]}"`),
  ];
  if (checksDuplicateIds) {
    select.push(
      `(SELECT count(x."${cols.id}") - count(DISTINCT x."${cols.id}") FROM ${quoteTable(sql.table)} AS x) AS "duplicate_ids"`,
    );
  }
  const groupBy = o.groupBy.length === 0 ? '' : `\nGROUP BY ${o.groupBy.map((g) => keyExpr[g]).join(', ')}`;
  const textOut = `WITH ${ctes.join(',\n')}\nSELECT ${select.join(',\n  ')}\nFROM ${source}${groupBy}`;
  return { text: textOut, params: w.params };
}
