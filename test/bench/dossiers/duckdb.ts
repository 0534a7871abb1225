/**
 * The DuckDB contender of the dossier benchmark: the same records written to a CSV file in a temp
 * directory, loaded into a DuckDB table (`read_csv`, timed as load), and the same summary computed
 * in SQL (timed as query), as an analyst would do instead of calling the library.
 * @module
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DossierRecordInput } from '../../../src/dossiers/DossierRecord.js';
import { median, now } from '../lib/harness.js';
import { type Counts, zeroCounts } from './handLoop.js';

const COLUMNS =
  "{'id': 'BIGINT', 'unit': 'VARCHAR', 'procedure': 'VARCHAR', 'channel': 'VARCHAR', 'status': 'VARCHAR', " +
  "'received': 'TIMESTAMP', 'due': 'DATE', 'finished': 'TIMESTAMP', 'by_post': 'BOOLEAN', " +
  "'s1_req': 'DATE', 's1_done': 'DATE', 's2_req': 'DATE', 's2_done': 'DATE'}";

/** Writes records as CSV; returns the file size in bytes. */
export async function writeCsv(records: Iterable<DossierRecordInput>, file: string): Promise<number> {
  const out = createWriteStream(file);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write(
    'id,unit,procedure,channel,status,received,due,finished,by_post,s1_req,s1_done,s2_req,s2_done\n',
  );
  let buf = '';
  let n = 0;
  for (const r of records) {
    const s = r.supplements;
    const s1 = s?.[0];
    const s2 = s?.[1];
    buf += `${r.id},${r.unit},${r.procedureCode},${r.channel},${r.status},${r.receivedAt},${r.dueAt ?? ''},${r.finishedAt ?? ''},${r.returnedByPost === true},${s1?.requestedAt ?? ''},${s1?.completedAt ?? ''},${s2?.requestedAt ?? ''},${s2?.completedAt ?? ''}\n`;
    if (++n % 20_000 === 0) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return (await stat(file)).size;
}

/** The summary in SQL: the rules of summarizeDossiers with its defaults (date granularity). */
function summarySql(period: { from: string; to: string }): string {
  const asOf = `TIMESTAMP '${period.to} 23:59:59.999'`;
  const start = `TIMESTAMP '${period.from} 00:00:00'`;
  return `
WITH a AS (
  SELECT *,
    received > ${asOf} AS after_as_of,
    received < ${start} AND finished IS NOT NULL AND finished < ${start} AS closed_before,
    finished IS NOT NULL AND finished <= ${asOf} AS closed
  FROM d
), b AS (
  SELECT *, CASE WHEN closed THEN finished ELSE ${asOf} END AS end_ts,
    NOT after_as_of AND NOT closed_before AS counted,
    closed AND status <> 'resolved' AS other
  FROM a
), s AS (
  SELECT *,
    s1_req IS NOT NULL AND CAST(s1_req AS TIMESTAMP) <= end_ts AS c1,
    s2_req IS NOT NULL AND CAST(s2_req AS TIMESTAMP) <= end_ts AS c2
  FROM b
), t AS (
  SELECT *,
    CAST(c1 AS INTEGER) + CAST(c2 AS INTEGER) AS sups,
    (CASE WHEN c1 THEN greatest(0, date_diff('day', s1_req, CAST(CASE WHEN s1_done IS NOT NULL AND CAST(s1_done AS TIMESTAMP) <= end_ts THEN CAST(s1_done AS TIMESTAMP) ELSE end_ts END AS DATE))) ELSE 0 END) +
    (CASE WHEN c2 THEN greatest(0, date_diff('day', s2_req, CAST(CASE WHEN s2_done IS NOT NULL AND CAST(s2_done AS TIMESTAMP) <= end_ts THEN CAST(s2_done AS TIMESTAMP) ELSE end_ts END AS DATE))) ELSE 0 END) AS pause,
    CAST(end_ts AS DATE) AS end_day
  FROM s
), u AS (
  SELECT *, counted AND NOT other AS timed, due + CAST(pause AS INTEGER) AS adj FROM t
)
SELECT
  count(*) AS records,
  count(*) FILTER (after_as_of) AS receivedAfterAsOf,
  count(*) FILTER (NOT after_as_of AND closed_before) AS closedBeforePeriod,
  count(*) FILTER (counted AND received < ${start}) AS carriedOver,
  count(*) FILTER (counted AND received >= ${start} AND channel = 'online') AS online,
  count(*) FILTER (counted AND received >= ${start} AND channel = 'inPerson') AS inPerson,
  count(*) FILTER (counted AND received >= ${start} AND channel = 'postal') AS postal,
  count(*) FILTER (counted AND closed AND by_post) AS returnedByPost,
  count(*) FILTER (counted AND other AND status = 'withdrawn') AS withdrawn,
  count(*) FILTER (counted AND other AND status <> 'withdrawn') AS returned,
  count(*) FILTER (timed AND sups > 1) AS moreThanOneSupplement,
  count(*) FILTER (timed AND sups <= 1 AND due IS NULL) AS withoutDueAt,
  count(*) FILTER (timed AND closed AND (sups > 1 OR (due IS NOT NULL AND end_day > adj))) AS late,
  count(*) FILTER (timed AND closed AND sups <= 1 AND (due IS NULL OR end_day = adj)) AS onTime,
  count(*) FILTER (timed AND closed AND sups <= 1 AND due IS NOT NULL AND end_day < adj) AS early,
  count(*) FILTER (timed AND NOT closed AND (sups > 1 OR (due IS NOT NULL AND end_day > adj))) AS overdue,
  count(*) FILTER (timed AND NOT closed AND sups <= 1 AND (due IS NULL OR end_day <= adj)) AS withinDeadline
FROM u`;
}

/** What the DuckDB contender measured. */
export interface DuckDbResult {
  counts: Counts;
  csvBytes: number;
  csvWriteMs: number;
  loadMs: number;
  queryMs: number;
  queryMs1Thread: number;
  threads: number;
}

/** Writes the records to CSV, loads them into DuckDB, runs the summary `rounds` times. */
export async function runDuckDb(
  records: () => Iterable<DossierRecordInput>,
  period: { from: string; to: string },
  rounds: number,
): Promise<DuckDbResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cchc-bench-'));
  try {
    const file = path.join(dir, 'dossiers.csv');
    let t = now();
    const csvBytes = await writeCsv(records(), file);
    const csvWriteMs = now() - t;
    const instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    const threads = Number((await con.runAndReadAll("SELECT current_setting('threads')")).getRows()[0]![0]);
    t = now();
    await con.run(
      `CREATE TABLE d AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}', header = true, columns = ${COLUMNS})`,
    );
    const loadMs = now() - t;
    const sql = summarySql(period);
    const time = async (): Promise<{ ms: number; row: Record<string, unknown> }> => {
      const t0 = now();
      const reader = await con.runAndReadAll(sql);
      const ms = now() - t0;
      return { ms, row: reader.getRowObjects()[0] as Record<string, unknown> };
    };
    const first = await time();
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) times.push((await time()).ms);
    await con.run('SET threads = 1');
    const one: number[] = [];
    for (let i = 0; i < Math.max(1, rounds); i++) one.push((await time()).ms);
    await con.run(`SET threads = ${threads}`);
    const counts = zeroCounts();
    for (const k of Object.keys(counts) as (keyof Counts)[]) {
      const v = first.row[k] ?? first.row[k.toLowerCase()];
      counts[k] = Number(v);
    }
    con.closeSync();
    instance.closeSync();
    return {
      counts,
      csvBytes,
      csvWriteMs,
      loadMs,
      queryMs: median(times),
      queryMs1Thread: median(one),
      threads,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
