/**
 * Runs the benchmarks (`npm run bench`), prints their tables and writes the figures as JSON to
 * test/bench/results/ (git-ignored). Not a test: timings are printed, never asserted; it exits
 * non-zero only when contenders disagree on the results.
 *
 *   npm run bench                                  every benchmark, default sizes
 *   npm run bench -- scoring                       only the scoring benchmark
 *   npm run bench -- dossiers --records 1e6        only the dossier benchmark, 1 000 000 records
 *   npm run bench -- dossiers --records 1e6,1e7 --in-memory-max 1e7 --no-duckdb
 *   npm run bench -- scoring --units 10000 --rounds 5
 *   npm run bench -- xlsx --rows 100000            XLSX reading against exceljs's streaming reader
 *
 * The bench script runs node with --expose-gc (steadier memory figures) and a larger heap (10M
 * in-memory records).
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type DossierSizeResult, runDossierBench } from './dossiers/bench.js';
import { BenchMismatch, hasGc } from './lib/harness.js';
import { runScoringBench, type ScoringBenchResult } from './scoring/bench.js';
import { runXlsxBench, type XlsxBenchResult } from './xlsx/bench.js';

function parseArgs(argv: readonly string[]) {
  const flags = new Map<string, string>();
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      if (v !== undefined) flags.set(k!, v);
      else if (k!.startsWith('no-')) flags.set(k!, 'true');
      else flags.set(k!, argv[++i] ?? '');
    } else names.push(a);
  }
  return { flags, names };
}

const num = (s: string) => {
  const n = Number(s);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`expected a positive number, received "${s}"`);
  return Math.round(n);
};

async function main(): Promise<void> {
  const { flags, names } = parseArgs(process.argv.slice(2));
  const which = new Set(names.length === 0 ? ['scoring', 'dossiers', 'xlsx'] : names);
  for (const w of which)
    if (w !== 'scoring' && w !== 'dossiers' && w !== 'xlsx')
      throw new Error(`unknown benchmark "${w}": expected scoring, dossiers or xlsx`);
  const rounds = flags.has('rounds') ? num(flags.get('rounds')!) : 5;
  const env = {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    exposeGc: hasGc(),
    date: new Date().toISOString(),
  };
  console.log(
    `node ${env.node}, ${env.cpus} × ${env.cpu}, ${env.memoryGiB} GiB, load ${env.loadAverage.join(' ')}`,
  );
  const out: {
    env: typeof env;
    scoring?: ScoringBenchResult;
    dossiers?: DossierSizeResult[];
    xlsx?: XlsxBenchResult;
  } = { env };
  if (which.has('scoring')) {
    out.scoring = runScoringBench({ units: flags.has('units') ? num(flags.get('units')!) : 10_000, rounds });
  }
  if (which.has('dossiers')) {
    const sizes = (flags.get('records') ?? '1e6,1e7').split(',').map(num);
    out.dossiers = await runDossierBench({
      sizes,
      rounds: flags.has('rounds') ? rounds : 3,
      maxInMemory: flags.has('in-memory-max') ? num(flags.get('in-memory-max')!) : 10_000_000,
      duckdb: !flags.has('no-duckdb'),
    });
  }
  if (which.has('xlsx')) {
    out.xlsx = await runXlsxBench({
      rows: flags.has('rows') ? num(flags.get('rows')!) : 100_000,
      rounds: flags.has('rounds') ? rounds : 3,
    });
  }
  const dir = path.join(path.dirname(new URL(import.meta.url).pathname), 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${[...which].join('-')}-${env.date.replaceAll(':', '-')}.json`);
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`\nresults written to ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  if (error instanceof BenchMismatch) {
    console.error(`\nBENCHMARK MISMATCH: ${error.message}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
