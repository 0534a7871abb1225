/**
 * The CSV benchmark through the built package: `summarizeDossierFile` from `dist/node.js` (ESM)
 * and `dist/node.cjs` (CommonJS), side by side with DuckDB's `read_csv` + the SQL of `run.ts` on
 * the same file, in the same run; checks that all give the same per-unit table.
 *
 *   npm run build && node test/bench/csv/dist.mjs [rows] [--rounds N]
 *
 * Plain node, no tsx (so no export getters on the hot path). The file is `run.ts`'s
 * (test/bench/results/dossiers-<rows>.csv): run `npx tsx test/bench/csv/run.ts` once to generate
 * it. Timings are printed, never asserted; the contenders run in turns, N rounds (default 5); best
 * and median.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const here = path.dirname(fileURLToPath(import.meta.url));
const rows = Number(process.argv[2]?.startsWith('--') ? undefined : process.argv[2]) || 1_000_000;
/** Rounds (`--rounds N`; default 5). */
const ROUNDS = Number(process.argv[process.argv.indexOf('--rounds') + 1] ?? 5) || 5;
const file = path.resolve(here, `../results/dossiers-${rows === 1_000_000 ? '1m' : rows}.csv`);
if (!existsSync(file)) {
  console.error(`${file} is missing: run npx tsx test/bench/csv/run.ts ${rows} first.`);
  process.exit(1);
}
const esm = await import('../../../dist/node.js');
const cjs = createRequire(import.meta.url)('../../../dist/node.cjs');
const period = { from: '2024-01-01', to: '2024-03-31' };

// The same query as run.ts (kept in step by hand; both check the tables agree).
const SQL = `
WITH d AS (
  SELECT "Đơn vị" AS unit, "Kênh nộp" AS channel, "Trạng thái" AS status,
         CAST("Ngày tiếp nhận" AS DATE) AS received, CAST("Ngày hẹn trả" AS DATE) AS due,
         CAST("Ngày trả kết quả" AS DATE) AS finished
  FROM read_csv($file, header = true, all_varchar = true)
), c AS (
  SELECT *,
    received < DATE '${period.from}' AS carried,
    finished IS NOT NULL AND finished <= DATE '${period.to}' AS closed
  FROM d
  WHERE received <= DATE '${period.to}' AND (received >= DATE '${period.from}' OR finished IS NULL OR finished >= DATE '${period.from}')
)
SELECT unit,
  count(*) FILTER (carried) AS carriedOver,
  count(*) FILTER (NOT carried AND channel = 'Trực tuyến') AS online,
  count(*) FILTER (NOT carried AND channel = 'Trực tiếp') AS inPerson,
  count(*) FILTER (NOT carried AND channel = 'Bưu chính') AS postal,
  count(*) FILTER (closed AND status = 'Đã giải quyết' AND finished < due) AS early,
  count(*) FILTER (closed AND status = 'Đã giải quyết' AND finished = due) AS onTime,
  count(*) FILTER (closed AND status = 'Đã giải quyết' AND finished > due) AS late,
  count(*) FILTER (NOT closed AND DATE '${period.to}' <= due) AS withinDeadline,
  count(*) FILTER (NOT closed AND DATE '${period.to}' > due) AS overdue,
  count(*) FILTER (closed AND status = 'Rút hồ sơ') AS withdrawn
FROM c GROUP BY unit ORDER BY unit`;

async function duck() {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(SQL, { file });
  const table = {};
  for (const row of reader.getRows()) table[String(row[0])] = row.slice(1).map((v) => Number(v));
  connection.closeSync();
  instance.closeSync();
  return table;
}

function ours(lib, duplicateIds) {
  return async () => {
    const summary = await lib.summarizeDossierFile(file, { period, groupBy: 'unit', duplicateIds });
    const table = {};
    for (const g of summary.groups) {
      const s = g.stats;
      table[String(g.key.unit)] = [
        s.received.carriedOver,
        s.received.online,
        s.received.inPerson,
        s.received.postal,
        s.resolved.early,
        s.resolved.onTime,
        s.resolved.late,
        s.pending.withinDeadline,
        s.pending.overdue,
        s.withdrawn,
      ];
    }
    return table;
  };
}

/** Contenders run in turns (one round runs each once), so that a change in the machine's load
 * falls on all of them alike; best and median of the rounds. */
async function rounds(contenders, count = ROUNDS) {
  const times = contenders.map(() => []);
  const results = [];
  for (let r = 0; r < count; r++) {
    for (let i = 0; i < contenders.length; i++) {
      const start = performance.now();
      results[i] = await contenders[i][1]();
      times[i].push(performance.now() - start);
    }
  }
  for (let i = 0; i < contenders.length; i++) {
    const t = times[i].sort((a, b) => a - b);
    console.log(
      `${contenders[i][0].padEnd(52)} best ${t[0].toFixed(0).padStart(5)} ms   median ${t[Math.floor(t.length / 2)].toFixed(0).padStart(5)} ms`,
    );
  }
  return results;
}

const { size } = await import('node:fs/promises').then((fs) => fs.stat(file));
console.log(`${rows} rows, ${(size / 1e6).toFixed(1)} MB, ${file} (built package, node ${process.version})`);
const [a, b, c, d] = await rounds([
  ['DuckDB read_csv + GROUP BY (2 threads)', duck],
  ['dist/node.js summarizeDossierFile (ids unchecked)', ours(esm, 'unchecked')],
  ['dist/node.cjs summarizeDossierFile (ids unchecked)', ours(cjs, 'unchecked')],
  ['dist/node.js summarizeDossierFile (ids checked)', ours(esm, 'error')],
]);
const same = [b, c, d].every((t) => JSON.stringify(t) === JSON.stringify(a));
console.log(same ? 'same per-unit table: yes' : 'same per-unit table: NO');
if (!same) process.exitCode = 1;
