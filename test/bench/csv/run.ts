/**
 * The CSV benchmark: a 1 000 000-row dossier export to the per-unit II.06a table, by
 * `summarizeDossierFile` (cchc-index/node) and by DuckDB's `read_csv` + SQL doing the same
 * summary, side by side, on the same file; checks that both give the same table.
 *
 *   npx tsx test/bench/csv/run.ts [rows] [--rounds N] [--dist]
 *
 * (generates test/bench/results/dossiers-<rows>.csv once). `--dist` also runs the built package,
 * `dist/node.js` (ESM) and `dist/node.cjs` (CommonJS), in the same rounds: run `npm run build` first.
 *
 * Timings are printed, never asserted. The contenders run in turns, N rounds (default 5), so that a
 * change of the machine's load falls on all alike; the best and median are shown.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { summarizeDossierFile } from '../../../src/node/summarizeDossierFile.js';
import { generate } from './generate.js';

const rows = Number(process.argv[2]?.startsWith('--') ? undefined : process.argv[2]) || 1_000_000;
const file = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  `../results/dossiers-${rows === 1_000_000 ? '1m' : rows}.csv`,
);
const period = { from: '2024-01-01', to: '2024-03-31' };

/** The same rules as summarizeDossiers for date-only records without supplements (DOMAIN.md, II.06a). */
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

type Table = Record<string, number[]>;

/** Rounds (`--rounds N` after the row count; default 5). */
const ROUNDS = Number(process.argv[process.argv.indexOf('--rounds') + 1] ?? 5) || 5;

async function duck(): Promise<Table> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(SQL, { file });
  const table: Table = {};
  for (const row of reader.getRows()) table[String(row[0])] = row.slice(1).map((v) => Number(v));
  connection.closeSync();
  instance.closeSync();
  return table;
}

/** The summariser of the sources, or of a built bundle. */
type Summarize = typeof summarizeDossierFile;

/** How the last run of ours read the file (threads, and whether the helpers' counts were used). */
const how: Record<string, string> = {};

async function ours(
  duplicateIds: 'unchecked' | 'error',
  summarize: Summarize = summarizeDossierFile,
  threads?: number,
  name = '',
): Promise<Table> {
  const summary = await summarize(file, {
    period,
    groupBy: 'unit',
    duplicateIds,
    ...(threads === undefined ? {} : { threads }),
    onParallel: (h: { helpers: number; merged: boolean }) => {
      how[name] =
        `${h.helpers + 1} thread(s)${h.helpers > 0 ? (h.merged ? ', merged' : ', NOT merged') : ''}`;
    },
  } as Parameters<Summarize>[1]);
  const table: Table = {};
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
}

/** Contenders run in turns (one round runs each once), so that a change in the machine's load
 * falls on all of them alike; best and median of the rounds. */
async function rounds(contenders: [string, () => Promise<Table>][], count = ROUNDS): Promise<Table[]> {
  const times: number[][] = contenders.map(() => []);
  const results: Table[] = [];
  for (let r = 0; r < count; r++) {
    for (let i = 0; i < contenders.length; i++) {
      const start = performance.now();
      results[i] = await contenders[i]![1]();
      times[i]!.push(performance.now() - start);
    }
  }
  for (let i = 0; i < contenders.length; i++) {
    const t = times[i]!.sort((a, b) => a - b);
    console.log(
      `${contenders[i]![0].padEnd(52)} best ${t[0]!.toFixed(0).padStart(5)} ms   median ${t[Math.floor(t.length / 2)]!.toFixed(0).padStart(5)} ms`,
    );
  }
  return results;
}

if (!existsSync(file)) {
  console.log(`generating ${file} …`);
  await generate(rows, file);
}
const { size } = await import('node:fs/promises').then((fs) => fs.stat(file));
console.log(`${rows} rows, ${(size / 1e6).toFixed(1)} MB, ${file}`);
const contenders: [string, () => Promise<Table>][] = [
  ['DuckDB read_csv + GROUP BY (2 threads)', duck],
  [
    'summarizeDossierFile (ids unchecked, 1 thread)',
    () => ours('unchecked', undefined, 1, 'src unchecked, 1 thread'),
  ],
  ['summarizeDossierFile (ids unchecked)', () => ours('unchecked', undefined, undefined, 'src unchecked')],
  ['summarizeDossierFile (ids checked)', () => ours('error', undefined, undefined, 'src checked')],
];
if (process.argv.includes('--dist')) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
  const esm = (await import(path.join(root, 'dist/node.js'))) as { summarizeDossierFile: Summarize };
  const cjs = createRequire(import.meta.url)(path.join(root, 'dist/node.cjs')) as {
    summarizeDossierFile: Summarize;
  };
  contenders.push(
    ['dist/node.js (ids unchecked, 1 thread)', () => ours('unchecked', esm.summarizeDossierFile, 1)],
    [
      'dist/node.js (ids unchecked)',
      () => ours('unchecked', esm.summarizeDossierFile, undefined, 'dist esm unchecked'),
    ],
    [
      'dist/node.cjs (ids unchecked)',
      () => ours('unchecked', cjs.summarizeDossierFile, undefined, 'dist cjs unchecked'),
    ],
    [
      'dist/node.js (ids checked)',
      () => ours('error', esm.summarizeDossierFile, undefined, 'dist esm checked'),
    ],
  );
}
const [a, ...others] = (await rounds(contenders)) as [Table, ...Table[]];
for (const [name, text] of Object.entries(how)) console.log(`${name}: ${text}`);
const same = others.every((t) => JSON.stringify(t) === JSON.stringify(a));
console.log(same ? 'same per-unit table: yes' : 'same per-unit table: NO');
if (!same) {
  for (const [i, t] of others.entries()) {
    for (const unit of Object.keys(a)) {
      if (JSON.stringify(a[unit]) !== JSON.stringify(t[unit]))
        console.log(contenders[i + 1]![0], unit, 'duckdb', a[unit], 'ours', t[unit]);
    }
  }
  process.exitCode = 1;
}
