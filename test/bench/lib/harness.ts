/**
 * Timing and memory helpers shared by the benchmarks. Every figure that matters is a ratio against
 * a baseline measured in the same run, alternating baseline and candidate so that noise from other
 * processes on the machine hits both.
 * @module
 */

/** Milliseconds since an arbitrary origin, sub-millisecond resolution. */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** The median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Runs a full garbage collection when node was started with --expose-gc. */
export function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
}

/** Whether --expose-gc is on (memory figures are steadier with it). */
export function hasGc(): boolean {
  return typeof (globalThis as { gc?: unknown }).gc === 'function';
}

/** Peak memory seen by {@link MemorySampler}, in bytes. */
export interface MemoryPeak {
  rss: number;
  heapUsed: number;
  /** heapUsed at the first sample (after warm-up), to show that the peak does not grow. */
  firstHeapUsed: number;
  samples: number;
}

/** Samples process.memoryUsage() when asked (e.g. every 65 536 records) and keeps the peak. */
export class MemorySampler {
  readonly peak: MemoryPeak = { rss: 0, heapUsed: 0, firstHeapUsed: 0, samples: 0 };
  sample(): void {
    const m = process.memoryUsage();
    if (this.peak.samples === 0) this.peak.firstHeapUsed = m.heapUsed;
    this.peak.samples += 1;
    if (m.rss > this.peak.rss) this.peak.rss = m.rss;
    if (m.heapUsed > this.peak.heapUsed) this.peak.heapUsed = m.heapUsed;
  }
}

/** Bytes as MiB with one decimal. */
export function mib(bytes: number): number {
  return Math.round((bytes / 1048576) * 10) / 10;
}

/** Result of {@link compare}. */
export interface Comparison {
  /** Median milliseconds of each contender. */
  ms: Record<string, number>;
  /** Every round's milliseconds of each contender. */
  rounds: Record<string, number[]>;
}

/**
 * Times contenders in alternating rounds (A B C, A B C, ...) after one warm-up round each. Each
 * contender returns a value that is kept (so the work cannot be optimised away) and passed to
 * `check` after the warm-up.
 */
export function compare(
  contenders: Record<string, () => unknown>,
  rounds: number,
  check?: (results: Record<string, unknown>) => void,
): Comparison {
  const names = Object.keys(contenders);
  const first: Record<string, unknown> = {};
  for (const n of names) first[n] = contenders[n]!();
  check?.(first);
  // Drop the warm-up results so that a large retained heap does not slow the timed rounds' GCs.
  for (const n of names) delete first[n];
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    for (const n of names) {
      gc();
      const t0 = now();
      const out = contenders[n]!();
      times[n]!.push(now() - t0);
      if (out !== undefined && out !== null) sink += 1;
    }
  }
  if (sink < 0) console.log(sink);
  return { ms: Object.fromEntries(names.map((n) => [n, median(times[n]!)])), rounds: times };
}

/** Async flavour of {@link compare}. */
export async function compareAsync(
  contenders: Record<string, () => Promise<unknown>>,
  rounds: number,
  check?: (results: Record<string, unknown>) => void,
): Promise<Comparison> {
  const names = Object.keys(contenders);
  const first: Record<string, unknown> = {};
  for (const n of names) first[n] = await contenders[n]!();
  check?.(first);
  for (const n of names) delete first[n];
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (const n of names) {
      gc();
      const t0 = now();
      await contenders[n]!();
      times[n]!.push(now() - t0);
    }
  }
  return { ms: Object.fromEntries(names.map((n) => [n, median(times[n]!)])), rounds: times };
}

/** Rounds to `d` significant-ish decimals for printing. */
export function round(x: number, d = 2): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

/** Prints rows as an aligned text table. */
export function printTable(title: string, rows: readonly Record<string, string | number>[]): void {
  console.log(`\n${title}`);
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]!);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(width[i]!) : c.padStart(width[i]!))).join('  ');
  console.log(line(cols));
  console.log(line(width.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(cols.map((c) => String(r[c] ?? ''))));
}

/** A benchmark failure (results differ): printed and turned into a non-zero exit by run.ts. */
export class BenchMismatch extends Error {}
