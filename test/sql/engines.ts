/**
 * Test helpers for the SQL summary: the two engines behind one small interface, a loader that
 * writes dossier records into typed tables, and the normalisation that makes a record set mean the
 * same to the library and to a typed table.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import type { DossierRecordInput } from '../../src/dossiers/DossierRecord.js';
import type { DossierStatsSql, SqlDialect, SqlTimeType } from '../../src/dossiers/sql/dossierStatsSql.js';
import { formatDay, localDay, parseTimestamp } from '../../src/dossiers/summarize/timestamp.js';

/** An engine that runs statements and parameterised queries. */
export interface Engine {
  readonly dialect: SqlDialect;
  exec(sql: string): Promise<void>;
  query(text: string, params: readonly unknown[]): Promise<Record<string, unknown>[]>;
  /** Runs a built query and returns the driver's rows. */
  run(query: DossierStatsSql): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** DuckDB embedded, in memory. */
export async function openDuckDb(): Promise<Engine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  // Far from UTC+7, to prove the session's time zone is never used.
  await connection.run(`SET TimeZone = 'America/Los_Angeles'`);
  const query = async (text: string, params: readonly unknown[]) => {
    const reader = await connection.runAndReadAll(text, params as never);
    return reader.getRowObjects() as Record<string, unknown>[];
  };
  return {
    dialect: 'duckdb',
    exec: async (sql) => {
      await connection.run(sql);
    },
    query,
    run: (q) => query(q.text, q.params),
    close: async () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** A PostgreSQL connection; its session time zone is set far from UTC+7 to prove it is ignored. */
export async function openPostgres(url: string): Promise<Engine> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  await client.query(`SET TIME ZONE 'America/Los_Angeles'`);
  // A schema of its own, dropped on close, so that runs never see each other's tables.
  const schema = `cchc_run_${process.pid}_${Date.now()}`;
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.query(`SET search_path TO ${schema}`);
  const query = async (text: string, params: readonly unknown[]) =>
    (await client.query({ text, values: params as unknown[] })).rows as Record<string, unknown>[];
  return {
    dialect: 'postgres',
    exec: async (sql) => {
      await client.query(sql);
    },
    query,
    run: (q) => query(q.text, q.params),
    close: async () => {
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}

/** How the loader types the time columns of a table. */
export interface TableTypes {
  /** receivedAt, finishedAt and the supplement times. */
  readonly times: SqlTimeType;
  /** dueAt. */
  readonly due: SqlTimeType;
}

function sqlType(dialect: SqlDialect, t: SqlTimeType): string {
  if (t === 'date') return 'DATE';
  if (t === 'timestamp') return 'TIMESTAMP';
  return dialect === 'postgres' ? 'TIMESTAMPTZ' : 'TIMESTAMPTZ';
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** An instant written as the column type stores it, in the summary's offset. */
function writeFor(value: unknown, type: SqlTimeType, offsetMinutes: number): string | null {
  if (value === undefined) return null;
  const ms = parseTimestamp(value, offsetMinutes);
  if (type === 'timestamptz') return new Date(ms).toISOString();
  if (type === 'date') return formatDay(localDay(ms, offsetMinutes));
  const local = new Date(ms + offsetMinutes * 60_000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}.${pad(local.getUTCMilliseconds(), 3)}`;
}

/**
 * Rewrites records so that each timestamp means to the library exactly what the typed column
 * holds: instants (`'...Z'`) for timestamp columns, bare local dates for date columns.
 */
export function normalizeRecords(
  records: readonly DossierRecordInput[],
  types: TableTypes,
  offsetMinutes: number,
): DossierRecordInput[] {
  const asRecord = (value: unknown, type: SqlTimeType): string | undefined => {
    if (value === undefined) return undefined;
    const ms = parseTimestamp(value, offsetMinutes);
    return type === 'date' ? formatDay(localDay(ms, offsetMinutes)) : new Date(ms).toISOString();
  };
  return records.map((r) => {
    const out: Record<string, unknown> = { ...r };
    out.receivedAt = asRecord(r.receivedAt, types.times);
    if (r.finishedAt !== undefined) out.finishedAt = asRecord(r.finishedAt, types.times);
    if (r.dueAt !== undefined) out.dueAt = asRecord(r.dueAt, types.due);
    if (r.supplements !== undefined) {
      out.supplements = r.supplements.map((s) =>
        s.completedAt === undefined
          ? { requestedAt: asRecord(s.requestedAt, types.times) }
          : {
              requestedAt: asRecord(s.requestedAt, types.times),
              completedAt: asRecord(s.completedAt, types.times),
            },
      );
    }
    return out as unknown as DossierRecordInput;
  });
}

/** The column mapping of tables written by {@link loadRecords}. */
export function columnsFor(types: TableTypes) {
  return {
    id: 'id',
    unit: 'unit',
    procedureCode: 'procedure_code',
    channel: 'channel',
    status: 'status',
    receivedAt: { column: 'received_at', type: types.times },
    dueAt: { column: 'due_at', type: types.due },
    finishedAt: { column: 'finished_at', type: types.times },
    returnedByPost: 'returned_by_post',
  } as const;
}

/** The supplements mapping of tables written by {@link loadRecords}. */
export function supplementsFor(table: string, types: TableTypes) {
  return {
    table: `${table}_supplements`,
    dossierId: 'dossier_id',
    requestedAt: { column: 'requested_at', type: types.times },
    completedAt: { column: 'completed_at', type: types.times },
  } as const;
}

async function insertMany(
  engine: Engine,
  table: string,
  columns: string[],
  types: string[],
  rows: unknown[][],
) {
  for (let start = 0; start < rows.length; start += 200) {
    const chunk = rows.slice(start, start + 200);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const cells = row.map((value, j) => {
        params.push(value);
        return `CAST($${params.length} AS ${types[j]})`;
      });
      return `(${cells.join(', ')})`;
    });
    if (tuples.length > 0) {
      await engine.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params);
    }
  }
}

/**
 * Creates `table` and `table_supplements` and writes the records into them, each timestamp as
 * its column type stores it in the given offset.
 */
export async function loadRecords(
  engine: Engine,
  table: string,
  records: readonly DossierRecordInput[],
  types: TableTypes,
  offsetMinutes: number,
): Promise<void> {
  const t = sqlType(engine.dialect, types.times);
  const d = sqlType(engine.dialect, types.due);
  await engine.exec(`DROP TABLE IF EXISTS ${table}`);
  await engine.exec(`DROP TABLE IF EXISTS ${table}_supplements`);
  await engine.exec(
    `CREATE TABLE ${table} (id TEXT, unit TEXT, procedure_code TEXT, channel TEXT, status TEXT, received_at ${t}, due_at ${d}, finished_at ${t}, returned_by_post BOOLEAN)`,
  );
  await engine.exec(
    `CREATE TABLE ${table}_supplements (dossier_id TEXT, requested_at ${t}, completed_at ${t})`,
  );
  const rows = records.map((r) => [
    String(r.id),
    r.unit ?? null,
    r.procedureCode ?? null,
    r.channel,
    r.status,
    writeFor(r.receivedAt, types.times, offsetMinutes),
    writeFor(r.dueAt, types.due, offsetMinutes),
    writeFor(r.finishedAt, types.times, offsetMinutes),
    r.returnedByPost ?? null,
  ]);
  await insertMany(
    engine,
    table,
    [
      'id',
      'unit',
      'procedure_code',
      'channel',
      'status',
      'received_at',
      'due_at',
      'finished_at',
      'returned_by_post',
    ],
    ['TEXT', 'TEXT', 'TEXT', 'TEXT', 'TEXT', t, d, t, 'BOOLEAN'],
    rows,
  );
  const sups = records.flatMap((r) =>
    (r.supplements ?? []).map((s) => [
      String(r.id),
      writeFor(s.requestedAt, types.times, offsetMinutes),
      writeFor(s.completedAt, types.times, offsetMinutes),
    ]),
  );
  await insertMany(
    engine,
    `${table}_supplements`,
    ['dossier_id', 'requested_at', 'completed_at'],
    ['TEXT', t, t],
    sups,
  );
}
