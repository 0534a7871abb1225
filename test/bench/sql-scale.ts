/**
 * The dossier summary at scale: N rows (default 10 000 000) generated with generate_series inside
 * DuckDB (embedded) and PostgreSQL, summarised there with dossierStatsSql + rowsToDossierStats,
 * against summarizeDossiersAsync streaming the same rows (built by the same formula in JS).
 *
 *   npx tsx test/bench/sql-scale.ts [--rows 10000000] [--only duckdb|postgres|node]
 *
 * Each engine runs in its own child process so that its peak memory is its own. PostgreSQL comes
 * from CCHC_TEST_PG_URL, or a throwaway server started with test/sql/pg-server.sh (and stopped).
 * Prints one table of timings and memory, and checks that every engine gives the same statistics.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import type { DossierRecordInput } from '../../src/dossiers/DossierRecord.js';
import {
  type DossierStatsSqlOptions,
  dossierStatsSql,
  type SqlDialect,
} from '../../src/dossiers/sql/dossierStatsSql.js';
import { rowsToDossierStats } from '../../src/dossiers/sql/rowsToDossierStats.js';
import { formatDay } from '../../src/dossiers/summarize/timestamp.js';
import {
  type DossierSummary,
  type SummarizeDossiersOptions,
  summarizeDossiersAsync,
} from '../../src/dossiers/summarizeDossiers.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const ROWS = Number(arg('--rows') ?? 10_000_000);
const ONLY = arg('--only');

/** 2024-01-01T00:00:00+07:00 in epoch seconds. */
const BASE = 1_704_042_000;
const SPAN = 120 * 86_400;
const DAY0 = 19_723; // day number of 2024-01-01
const period = { from: '2024-03-01', to: '2024-03-31' };

/** The two summaries measured in every engine. */
const RUNS: readonly [string, Omit<SummarizeDossiersOptions, 'period'>][] = [
  ['total, ids checked (defaults)', {}],
  ['by unit × month, ids unchecked', { groupBy: ['unit', 'month'], duplicateIds: 'unchecked' }],
];

/** The generator, one formula for both dialects (integer arithmetic only). */
function generateSql(dialect: SqlDialect, n: number): string[] {
  const div = dialect === 'postgres' ? '/' : '//';
  const rsec = `((i * 7919) % ${SPAN})`;
  const ts = (sec: string) => `to_timestamp(${BASE} + ${sec})`;
  const series = (from: number, step: number) =>
    dialect === 'postgres'
      ? `generate_series(${from}::bigint, ${n}::bigint, ${step}::bigint) AS g(i)`
      : `generate_series(${from}, ${n}, ${step}) AS g(i)`;
  return [
    'DROP TABLE IF EXISTS bench_supplements',
    'DROP TABLE IF EXISTS bench_dossiers',
    `CREATE TABLE bench_dossiers AS
     SELECT i AS id,
       'u' || CAST(i % 60 AS TEXT) AS unit,
       'p' || CAST(i % 250 AS TEXT) AS procedure_code,
       CASE i % 3 WHEN 0 THEN 'online' WHEN 1 THEN 'inPerson' ELSE 'postal' END AS channel,
       CASE WHEN i % 10 = 0 THEN 'processing' WHEN i % 10 = 1 THEN 'withdrawn' WHEN i % 20 = 2 THEN 'rejected' ELSE 'resolved' END AS status,
       ${ts(rsec)} AS received_at,
       DATE '2024-01-01' + CAST(${rsec} ${div} 86400 + 3 + i % 12 AS INTEGER) AS due_at,
       CASE WHEN i % 10 = 0 THEN NULL ELSE ${ts(`${rsec} + (i * 104729) % ${25 * 86_400}`)} END AS finished_at,
       (i % 3 = 2 AND i % 2 = 0) AS returned_by_post
     FROM ${series(1, 1)}`,
    `CREATE TABLE bench_supplements AS
     SELECT i AS dossier_id, ${ts(`${rsec} + 86400`)} AS requested_at,
       CASE WHEN i % 50 = 0 THEN NULL ELSE ${ts(`${rsec} + 3 * 86400`)} END AS completed_at
     FROM ${series(25, 25)}
     UNION ALL
     SELECT i, ${ts(`${rsec} + 5 * 86400`)}, ${ts(`${rsec} + 6 * 86400`)} FROM ${series(100, 100)}`,
  ];
}

/** The same rows as records, streamed. */
async function* generateRecords(n: number): AsyncGenerator<DossierRecordInput> {
  const days: string[] = [];
  for (let d = 0; d < 200; d++) days.push(formatDay(DAY0 + d));
  const channels = ['online', 'inPerson', 'postal'] as const;
  for (let i = 1; i <= n; i++) {
    const rsec = (i * 7919) % SPAN;
    const status =
      i % 10 === 0 ? 'processing' : i % 10 === 1 ? 'withdrawn' : i % 20 === 2 ? 'rejected' : 'resolved';
    const received = (BASE + rsec) * 1000;
    const record: Record<string, unknown> = {
      id: i,
      unit: `u${i % 60}`,
      procedureCode: `p${i % 250}`,
      channel: channels[i % 3],
      status,
      receivedAt: new Date(received),
      dueAt: days[Math.floor(rsec / 86_400) + 3 + (i % 12)],
    };
    if (status !== 'processing')
      record.finishedAt = new Date(received + ((i * 104729) % (25 * 86_400)) * 1000);
    if (i % 3 === 2 && i % 2 === 0) record.returnedByPost = true;
    if (i % 25 === 0) {
      const sups: Record<string, Date>[] = [
        i % 50 === 0
          ? { requestedAt: new Date(received + 86_400_000) }
          : {
              requestedAt: new Date(received + 86_400_000),
              completedAt: new Date(received + 3 * 86_400_000),
            },
      ];
      if (i % 100 === 0) {
        sups.push({
          requestedAt: new Date(received + 5 * 86_400_000),
          completedAt: new Date(received + 6 * 86_400_000),
        });
      }
      record.supplements = sups;
    }
    yield record as unknown as DossierRecordInput;
  }
}

function sqlOptions(
  dialect: SqlDialect,
  options: Omit<SummarizeDossiersOptions, 'period'>,
): DossierStatsSqlOptions {
  return {
    dialect,
    table: 'bench_dossiers',
    columns: {
      id: 'id',
      unit: 'unit',
      procedureCode: 'procedure_code',
      channel: 'channel',
      status: 'status',
      receivedAt: 'received_at',
      dueAt: { column: 'due_at', type: 'date' },
      finishedAt: 'finished_at',
      returnedByPost: 'returned_by_post',
    },
    supplements: {
      table: 'bench_supplements',
      dossierId: 'dossier_id',
      requestedAt: 'requested_at',
      completedAt: 'completed_at',
    },
    period,
    ...options,
  };
}

interface Measure {
  readonly label: string;
  readonly seconds: number;
  /** Peak resident memory in MiB of the process that did the work (see notes). */
  readonly peakMiB: number | null;
  readonly summary?: DossierSummary;
}

function peakMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return [value, Number(process.hrtime.bigint() - start) / 1e9];
}

async function benchDuckDb(): Promise<Measure[]> {
  const dir = mkdtempSync('/tmp/cchc-bench-duckdb-');
  try {
    const instance = await DuckDBInstance.create(path.join(dir, 'bench.duckdb'));
    const c = await instance.connect();
    const out: Measure[] = [];
    const [, load] = await time(async () => {
      for (const s of generateSql('duckdb', ROWS)) await c.run(s);
      await c.run('CHECKPOINT');
    });
    out.push({ label: `load ${ROWS} rows (generate_series)`, seconds: load, peakMiB: peakMiB() });
    for (const [label, options] of RUNS) {
      const query = dossierStatsSql(sqlOptions('duckdb', options));
      const [summary, seconds] = await time(async () =>
        rowsToDossierStats((await c.runAndReadAll(query.text, query.params as never)).getRowObjects(), query),
      );
      out.push({ label, seconds, peakMiB: peakMiB(), summary });
    }
    c.closeSync();
    instance.closeSync();
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function vmHwmMiB(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

async function benchPostgres(): Promise<Measure[]> {
  let url = process.env.CCHC_TEST_PG_URL;
  let dir: string | undefined;
  if (url === undefined || url === '') {
    dir = mkdtempSync('/tmp/cchc-bench-pg-');
    chmodSync(dir, 0o711);
    const line = execFileSync(
      'bash',
      [path.join(ROOT, 'test/sql/pg-server.sh'), 'start', path.join(dir, 'pg')],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    url = /CCHC_TEST_PG_URL=(\S+)/.exec(line)?.[1];
    if (url === undefined) throw new Error(`pg-server.sh printed no URL: ${line}`);
  }
  try {
    const out: Measure[] = [];
    const loader = new pg.Client({ connectionString: url });
    await loader.connect();
    const [, load] = await time(async () => {
      for (const s of generateSql('postgres', ROWS)) await loader.query(s);
      await loader.query('VACUUM ANALYZE bench_dossiers');
      await loader.query('VACUUM ANALYZE bench_supplements');
    });
    out.push({ label: `load ${ROWS} rows (generate_series)`, seconds: load, peakMiB: null });
    await loader.end();
    for (const [label, options] of RUNS) {
      // A fresh connection per query, so that its backend's peak memory is the query's.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const pid = Number((await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid);
      const query = dossierStatsSql(sqlOptions('postgres', options));
      const [summary, seconds] = await time(async () =>
        rowsToDossierStats((await client.query({ text: query.text, values: [...query.params] })).rows, query),
      );
      out.push({ label, seconds, peakMiB: vmHwmMiB(pid), summary });
      await client.end();
    }
    const cleanup = new pg.Client({ connectionString: url });
    await cleanup.connect();
    await cleanup.query('DROP TABLE bench_supplements; DROP TABLE bench_dossiers');
    await cleanup.end();
    return out;
  } finally {
    if (dir !== undefined) {
      execFileSync('bash', [path.join(ROOT, 'test/sql/pg-server.sh'), 'stop', path.join(dir, 'pg')], {
        stdio: 'inherit',
      });
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

async function benchNode(): Promise<Measure[]> {
  const out: Measure[] = [];
  for (const [label, options] of RUNS) {
    const [summary, seconds] = await time(() =>
      summarizeDossiersAsync(generateRecords(ROWS), { period, ...options }),
    );
    out.push({ label, seconds, peakMiB: peakMiB(), summary });
  }
  return out;
}

async function child(which: string): Promise<void> {
  const measures =
    which === 'duckdb'
      ? await benchDuckDb()
      : which === 'postgres'
        ? await benchPostgres()
        : await benchNode();
  process.stdout.write(`RESULT ${JSON.stringify(measures)}\n`);
}

function parent(): void {
  const engines: [string, string][] = [
    ['duckdb', 'DuckDB (embedded, file database)'],
    ['postgres', 'PostgreSQL'],
    ['node', 'summarizeDossiersAsync (streaming)'],
  ];
  const results = new Map<string, Measure[]>();
  for (const [which] of engines) {
    const run = spawnSync(
      'npx',
      ['tsx', fileURLToPath(import.meta.url), '--rows', String(ROWS), '--only', which],
      {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 64 * 1024 * 1024,
        env: {
          ...process.env,
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=8192`.trim(),
        },
      },
    );
    const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    if (run.status !== 0 || line === undefined)
      throw new Error(`${which} failed (exit ${run.status}):\n${run.stdout}`);
    results.set(which, JSON.parse(line.slice(7)) as Measure[]);
  }
  console.log(
    `\n${ROWS.toLocaleString('en')} dossier rows, period ${period.from} – ${period.to}, node ${process.version}\n`,
  );
  console.log('| engine | step | time (s) | peak memory (MiB) |');
  console.log('| --- | --- | ---: | ---: |');
  for (const [which, name] of engines) {
    for (const m of results.get(which)!) {
      console.log(`| ${name} | ${m.label} | ${m.seconds.toFixed(1)} | ${m.peakMiB ?? 'n/a'} |`);
    }
  }
  // Every engine must agree with the library, summary by summary.
  const node = results.get('node')!;
  let same = true;
  for (const [which] of engines) {
    const summaries = results.get(which)!.filter((m) => m.summary !== undefined);
    summaries.forEach((m, i) => {
      if (JSON.stringify(m.summary) !== JSON.stringify(node[i]!.summary)) {
        same = false;
        console.log(`MISMATCH: ${which}, ${m.label}`);
      }
    });
  }
  console.log(`\nidentical statistics in every engine: ${same ? 'yes' : 'NO'}`);
  console.log(`total: ${JSON.stringify(node[0]!.summary!.total)}`);
  console.log(`groups (by unit × month): ${node[1]!.summary!.groups.length}`);
  if (!same) process.exitCode = 1;
}

if (ONLY !== undefined) await child(ONLY);
else parent();
