/**
 * Dossier benchmark (issue 4 item 6): summarise N synthetic records (1 000 000 and 10 000 000 by
 * default) in memory (an array) and streamed (an async generator, memory flat), against a
 * hand-written single loop over the same records and against DuckDB computing the same summary in
 * SQL. The library, the loop and DuckDB must give the same counts, or the benchmark fails.
 * @module
 */
import type { DossierRecordInput } from '../../../src/dossiers/DossierRecord.js';
import {
  type DossierSummary,
  summarizeDossiers,
  summarizeDossiersAsync,
} from '../../../src/dossiers/summarizeDossiers.js';
import {
  BenchMismatch,
  compare,
  compareAsync,
  gc,
  MemorySampler,
  mib,
  now,
  printTable,
  round,
} from '../lib/harness.js';
import { type DuckDbResult, runDuckDb } from './duckdb.js';
import { generateRecords, PERIOD, recordStream, recordStreamAsync } from './generate.js';
import { type Counts, HandLoop, handLoop } from './handLoop.js';

/** Options of {@link runDossierBench}. */
export interface DossierBenchOptions {
  sizes: number[];
  rounds: number;
  /** Largest size also run in memory (as an array). */
  maxInMemory: number;
  duckdb: boolean;
}

function countsOf(s: DossierSummary): Counts {
  const t = s.total;
  const m = s.meta;
  return {
    carriedOver: t.received.carriedOver,
    online: t.received.online,
    inPerson: t.received.inPerson,
    postal: t.received.postal,
    early: t.resolved.early,
    onTime: t.resolved.onTime,
    late: t.resolved.late,
    withinDeadline: t.pending.withinDeadline,
    overdue: t.pending.overdue,
    returnedByPost: t.returnedByPost,
    withdrawn: t.withdrawn,
    returned: t.returned,
    records: m.records,
    receivedAfterAsOf: m.ignored.receivedAfterAsOf,
    closedBeforePeriod: m.ignored.closedBeforePeriod,
    withoutDueAt: m.withoutDueAt,
    moreThanOneSupplement: m.moreThanOneSupplement,
  };
}

function same(what: string, a: Counts, b: Counts): void {
  const diff = (Object.keys(a) as (keyof Counts)[]).filter((k) => a[k] !== b[k]);
  if (diff.length > 0)
    throw new BenchMismatch(
      `dossiers: ${what} differ on ${diff.map((k) => `${k} (${a[k]} vs ${b[k]})`).join(', ')}`,
    );
}

const OPTIONS = { period: PERIOD, duplicateIds: 'unchecked' } as const;

/** One size's figures. */
export interface DossierSizeResult {
  records: number;
  generateMs?: number;
  arrayHeapMiB?: number;
  inMemory?: {
    ms: Record<string, number>;
    recordsPerSecond: Record<string, number>;
    ratioToHandLoop: Record<string, number>;
    heapGrowthMiB: Record<string, number>;
  };
  streamed: {
    ms: Record<string, number>;
    recordsPerSecond: Record<string, number>;
    ratioToHandLoop: Record<string, number>;
    /** (library − drain) ÷ (hand loop − drain): the ratio without the generator's own cost. */
    netRatioToHandLoop: number;
    peakRssMiB: number;
    peakHeapUsedMiB: number;
    firstHeapUsedMiB: number;
    /** Live heap (after a full GC) at the first and largest of the samples taken every 65 536 records. */
    liveHeapFirstMiB: number;
    liveHeapPeakMiB: number;
  };
  duckdb?: DuckDbResult & { ratioLibraryToQuery: number; ratioLibraryToLoadPlusQuery: number };
  counts: Counts;
}

async function runSize(n: number, o: DossierBenchOptions, rows: Record<string, string | number>[]) {
  const result: Partial<DossierSizeResult> & { records: number } = { records: n };
  const label = n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`;
  let reference: Counts | null = null;
  let libraryMs = 0;
  const rounds = n > 2_000_000 ? Math.max(1, o.rounds - 2) : o.rounds;

  // Streamed: the records are made one at a time by an async generator; nothing is kept.
  const sampler = new MemorySampler();
  let sampled = false;
  const onChunk = () => {
    if (sampled) sampler.sample();
  };
  const streamed = await compareAsync(
    {
      'drain (generator only)': async () => {
        let k = 0;
        for await (const _ of recordStreamAsync(n)) k++;
        return k;
      },
      'hand loop': async () => {
        const h = new HandLoop(PERIOD);
        for await (const r of recordStreamAsync(n)) h.add(r);
        return h.c;
      },
      summarizeDossiersAsync: async () => {
        sampled = true;
        try {
          return await summarizeDossiersAsync(recordStreamAsync(n, onChunk), OPTIONS);
        } finally {
          sampled = false;
        }
      },
    },
    rounds,
    (res) => {
      const hand = res['hand loop'] as Counts;
      same(
        'streamed hand loop and summarizeDossiersAsync',
        hand,
        countsOf(res.summarizeDossiersAsync as DossierSummary),
      );
      if (reference) same('array and stream', reference, hand);
      reference = hand;
    },
  );
  // Memory pass (untimed): a full GC before each sample, so the figures are the live heap.
  const live = new MemorySampler();
  gc();
  await summarizeDossiersAsync(
    recordStreamAsync(n, () => {
      gc();
      live.sample();
    }),
    OPTIONS,
  );
  const sBase = streamed.ms['hand loop']!;
  const drain = streamed.ms['drain (generator only)']!;
  result.streamed = {
    ms: streamed.ms,
    recordsPerSecond: Object.fromEntries(
      Object.entries(streamed.ms).map(([k, v]) => [k, Math.round((n / v) * 1000)]),
    ),
    ratioToHandLoop: Object.fromEntries(
      Object.entries(streamed.ms).map(([k, v]) => [k, round(v / sBase, 2)]),
    ),
    netRatioToHandLoop: round(
      (streamed.ms.summarizeDossiersAsync! - drain) / Math.max(1e-9, sBase - drain),
      2,
    ),
    peakRssMiB: mib(sampler.peak.rss),
    peakHeapUsedMiB: mib(sampler.peak.heapUsed),
    firstHeapUsedMiB: mib(sampler.peak.firstHeapUsed),
    liveHeapFirstMiB: mib(live.peak.firstHeapUsed),
    liveHeapPeakMiB: mib(live.peak.heapUsed),
  };
  for (const [name, ms] of Object.entries(streamed.ms))
    rows.push({
      records: label,
      input: 'async stream',
      contender: name,
      'ms (median)': round(ms, 0),
      'records/s': result.streamed.recordsPerSecond[name]!,
      '× hand loop': result.streamed.ratioToHandLoop[name]!,
      'heap growth MiB':
        name === 'summarizeDossiersAsync'
          ? `live heap ${result.streamed.liveHeapFirstMiB} → max ${result.streamed.liveHeapPeakMiB}; heapUsed peak ${result.streamed.peakHeapUsedMiB}, rss peak ${result.streamed.peakRssMiB}`
          : '',
    });

  if (n <= o.maxInMemory) {
    gc();
    const heap0 = process.memoryUsage().heapUsed;
    const t = now();
    let records: DossierRecordInput[] | null = generateRecords(n);
    result.generateMs = now() - t;
    gc();
    result.arrayHeapMiB = mib(process.memoryUsage().heapUsed - heap0);
    const growth: Record<string, number> = {};
    const measure =
      <T>(name: string, f: () => T) =>
      () => {
        const before = process.memoryUsage().heapUsed;
        const out = f();
        growth[name] = Math.max(growth[name] ?? 0, process.memoryUsage().heapUsed - before);
        return out;
      };
    const arr = records;
    const contenders: Record<string, () => unknown> = {
      'hand loop': measure('hand loop', () => handLoop(arr, PERIOD)),
      summarizeDossiers: measure('summarizeDossiers', () => summarizeDossiers(arr, OPTIONS)),
    };
    // The default checks each id once (numeric ids in a bitmap, other ids in a set).
    if (n <= 1_000_000)
      contenders['summarizeDossiers (ids checked)'] = measure('summarizeDossiers (ids checked)', () =>
        summarizeDossiers(arr, { period: PERIOD }),
      );
    const c = compare(contenders, rounds, (res) => {
      const hand = res['hand loop'] as Counts;
      same('hand loop and summarizeDossiers', hand, countsOf(res.summarizeDossiers as DossierSummary));
      if (reference) same('stream and array', reference, hand);
      if (res['summarizeDossiers (ids checked)'])
        same(
          'hand loop and summarizeDossiers (ids checked)',
          hand,
          countsOf(res['summarizeDossiers (ids checked)'] as DossierSummary),
        );
      reference = hand;
    });
    const base = c.ms['hand loop']!;
    libraryMs = c.ms.summarizeDossiers!;
    result.inMemory = {
      ms: c.ms,
      recordsPerSecond: Object.fromEntries(
        Object.entries(c.ms).map(([k, v]) => [k, Math.round((n / v) * 1000)]),
      ),
      ratioToHandLoop: Object.fromEntries(Object.entries(c.ms).map(([k, v]) => [k, round(v / base, 2)])),
      heapGrowthMiB: Object.fromEntries(Object.entries(growth).map(([k, v]) => [k, mib(v)])),
    };
    for (const [name, ms] of Object.entries(c.ms))
      rows.push({
        records: label,
        input: 'array',
        contender: name,
        'ms (median)': round(ms, 0),
        'records/s': result.inMemory.recordsPerSecond[name]!,
        '× hand loop': result.inMemory.ratioToHandLoop[name]!,
        'heap growth MiB': result.inMemory.heapGrowthMiB[name]!,
      });
    records = null;
    gc();
  }

  if (libraryMs === 0)
    libraryMs = result.streamed!.ms.summarizeDossiersAsync! - result.streamed!.ms['drain (generator only)']!;

  if (o.duckdb) {
    const d = await runDuckDb(() => recordStream(n), PERIOD, rounds);
    if (reference) same('hand loop and DuckDB', reference, d.counts);
    result.duckdb = {
      ...d,
      ratioLibraryToQuery: round(libraryMs / d.queryMs, 2),
      ratioLibraryToLoadPlusQuery: round(libraryMs / (d.loadMs + d.queryMs), 2),
    };
    rows.push({
      records: label,
      input: `DuckDB table (${d.threads} threads)`,
      contender: 'SQL query',
      'ms (median)': round(d.queryMs, 0),
      'records/s': Math.round((n / d.queryMs) * 1000),
      '× hand loop': '',
      'heap growth MiB': `load ${round(d.loadMs, 0)} ms (CSV ${mib(d.csvBytes)} MiB written in ${round(d.csvWriteMs, 0)} ms); 1 thread ${round(d.queryMs1Thread, 0)} ms`,
    });
  }
  result.counts = reference!;
  return result as DossierSizeResult;
}

/** Runs the dossier benchmark and prints its table. */
export async function runDossierBench(o: DossierBenchOptions): Promise<DossierSizeResult[]> {
  const rows: Record<string, string | number>[] = [];
  const out: DossierSizeResult[] = [];
  for (const n of o.sizes) out.push(await runSize(n, o, rows));
  printTable(
    `Dossiers: summarise synthetic records (median of rounds; library with duplicateIds: 'unchecked' unless noted)`,
    rows,
  );
  for (const r of out) {
    const lib = r.inMemory ? r.inMemory.ms.summarizeDossiers! : null;
    const parts = [
      `${r.records} records: counts equal across contenders`,
      r.inMemory
        ? `in memory ${r.inMemory.ratioToHandLoop.summarizeDossiers}× hand loop`
        : 'in memory: not run',
      `streamed ${r.streamed.ratioToHandLoop.summarizeDossiersAsync}× (net of generator ${r.streamed.netRatioToHandLoop}×)`,
    ];
    if (r.duckdb && lib !== null)
      parts.push(
        `library ÷ DuckDB query ${r.duckdb.ratioLibraryToQuery} (÷ load+query ${r.duckdb.ratioLibraryToLoadPlusQuery})`,
      );
    console.log(parts.join('; '));
  }
  return out;
}
