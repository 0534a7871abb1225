/**
 * The parallel reader of `summarizeDossierFile` for large CSV files: this thread reads the file from
 * the start, helper threads (`worker_threads`) read it from the end, chunk by chunk, each counting
 * into its own accumulator with the byte reader (dossierCsvFast.ts); where they meet, the counts
 * are added (counting is order-free and exact, see `Accumulator.absorb`).
 *
 * The file is cut into chunks of `chunkBytes`. A chunk is claimed by whoever first sets its owner in
 * a shared `Int32Array` (compare-and-exchange): this thread claims chunks upwards from the first, a
 * helper downwards from the last, skipping chunks another helper holds and stopping at this
 * thread's. A helper reads the rows starting in its chunk: from the first line start at or after
 * the chunk's first byte to the first line start at or after the next chunk's.
 *
 * A helper's counts are used only when every one of its rows was taken by the byte reader. A row
 * it declines (a quote, an unusual date, a bad row, a repeated id, invalid UTF-8…) makes the whole
 * result void: only the ordinary reader, reading in file order, numbers rows, reports problems and
 * throws the first error, exactly. The same holds where this thread stops: the reader must stand
 * at the start of a record (nothing pending, no hand-over to csv-parse), and no id may appear both
 * here and in a helper (nor in two helpers). If anything fails, the helpers are stopped and this
 * thread reads the rest of the file itself, from where it stopped, with its state intact, so the
 * result is always the single-threaded one.
 *
 * Why the joints hold: chunks a helper used hold no quote at all (a line with one is declined), so
 * from a record start, every line start of such a chunk is a record start; this thread's joint is
 * checked by its reader, and each following chunk starts at a line start.
 * @internal
 * @module
 */
import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Accumulator } from '../dossiers/summarize/accumulate.js';
import { type FastDossierRows, IdSet } from './dossierCsvFast.js';
import {
  HELPER,
  type HelperResult,
  type HelperRows,
  type HelperTask,
  lineStart,
  MAIN,
  readRange,
} from './parallelHelper.js';

/**
 * Whether the file's first bytes hold what the CSV reader looks at to find the delimiter: 20 line
 * ends, or 64 KiB after a byte order mark.
 */
function holdsHead(buf: Buffer): boolean {
  if (buf.length >= 65_536 + 3) return true;
  let nl = -1;
  for (let i = 0; i <= 20; i++) {
    nl = buf.indexOf(10, nl + 1);
    if (nl === -1) return false;
  }
  return true;
}

/** The helper's script beside this module: the built one, or the sources' through tsx. @internal */
export function helperScript(): string | null {
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  const ext = path.extname(here);
  const file =
    ext === '.ts'
      ? path.join(path.dirname(here), 'dossierCsvWorker.dev.mjs')
      : path.join(path.dirname(here), `node-worker${ext === '.cjs' ? '.cjs' : '.js'}`);
  return existsSync(file) ? file : null;
}

/** How a file is read in parallel. @internal */
export interface ParallelPlan {
  /** Threads in all, this one included (2 or more). */
  readonly threads: number;
  readonly chunkBytes: number;
}

/**
 * This thread's side: the file's bytes as a source for the CSV reader, up to where the helpers'
 * chunks start, then their counts (or, when they cannot be used, the rest of the file).
 * @internal
 */
export class ParallelCsvReader {
  private readonly chunks: number;
  private readonly chunkBytes: number;
  private readonly control: Int32Array;
  private readonly workers: Worker[] = [];
  private readonly results: Promise<HelperResult>[] = [];
  /** Whether the helpers' counts were used (for tests and benchmarks). */
  merged = false;
  /** Helpers that started (a worker may fail to start: the file is then read here). */
  get helpers(): number {
    return this.workers.length;
  }

  constructor(
    private readonly file: string,
    private readonly size: number,
    plan: ParallelPlan,
    task: Pick<HelperTask, 'resolved' | 'values' | 'checkIds'>,
    private readonly acc: Accumulator,
    private readonly ids: IdSet | null,
    private readonly hook: FastDossierRows,
    private readonly onProgress: ((bytes: number) => void) | undefined,
    /** Runs a helper; by default a worker thread on the helper's script. */
    spawn: ((task: HelperTask) => Worker | null) | null = null,
  ) {
    this.chunkBytes = plan.chunkBytes;
    this.chunks = Math.ceil(size / plan.chunkBytes);
    const control = new SharedArrayBuffer(4 * (this.chunks + 2));
    this.control = new Int32Array(control);
    const script = spawn === null ? helperScript() : null;
    for (let index = 0; index < plan.threads - 1 && this.chunks > 1; index++) {
      const helperTask: HelperTask = {
        file,
        size,
        chunkBytes: plan.chunkBytes,
        chunks: this.chunks,
        index,
        control,
        ...task,
      };
      let worker: Worker | null = null;
      try {
        if (spawn !== null) worker = spawn(helperTask);
        else if (script !== null) {
          // No inherited options: the helper is plain JavaScript, and a loader of the caller's
          // (tsx, an instrumentation `--import`) would only slow its start.
          worker = new Worker(script, { workerData: helperTask, execArgv: [] });
        }
      } catch {
        // Not cloneable options, no threads: the file is read here.
        worker = null;
      }
      if (worker === null) break;
      const w = worker;
      this.workers.push(w);
      this.results.push(
        new Promise<HelperResult>((resolve) => {
          const fail = () => resolve({ valid: false, chunks: 0, state: null, ids: null });
          w.once('message', (message: HelperResult) => resolve(message));
          w.once('error', fail);
          w.once('exit', fail);
        }),
      );
    }
    if (this.workers.length > 0) {
      hook.onFirstRows = (layout, delimiter) => {
        const rows: HelperRows = { layout, delimiter };
        for (const w of this.workers) w.postMessage(rows);
      };
    }
  }

  private progress(bytes: number): void {
    if (this.onProgress === undefined) return;
    const helped = Atomics.load(this.control, this.chunks + 1) * this.chunkBytes;
    this.onProgress(Math.min(this.size, bytes + helped));
  }

  private reading: AsyncGenerator<Buffer> | null = null;

  /** The bytes this thread reads (an async source for the CSV reader; one per reader). */
  source(): AsyncGenerator<Buffer> {
    this.reading = this.read();
    return this.reading;
  }

  private async *read(): AsyncGenerator<Buffer> {
    const { chunks, chunkBytes, size, control } = this;
    const handle = await open(this.file, 'r');
    try {
      let pos = 0;
      let k = 0;
      for (; k < chunks; k++) {
        if (Atomics.compareExchange(control, k, 0, MAIN) !== 0) break;
        let end = Math.min(size, (k + 1) * chunkBytes);
        let buf = await readRange(handle, pos, end);
        // The reader decides the delimiter from the first 20 lines or 64 KiB of its first piece:
        // that piece holds as much as the one-thread reader's (a MiB) would.
        while (pos === 0 && !holdsHead(buf) && k + 1 < chunks) {
          if (Atomics.compareExchange(control, k + 1, 0, MAIN) !== 0) break;
          k++;
          const more = await readRange(handle, buf.length, Math.min(size, (k + 1) * chunkBytes));
          buf = Buffer.concat([buf, more]);
        }
        end = pos + buf.length;
        pos = end;
        this.progress(pos);
        yield buf;
      }
      if (k === chunks) return;
      // Chunks k and up are the helpers': read up to the first row starting in chunk k.
      const joint = await lineStart(handle, k * chunkBytes, size);
      if (joint > pos) {
        const buf = await readRange(handle, pos, joint);
        pos = joint;
        this.progress(pos);
        yield buf;
      }
      // The reader asks for more only once it has handled every byte given: it stands at the joint.
      const state = this.hook.readState;
      if (state.pending === 0 && !state.general && (await this.absorbHelpers(k))) {
        this.merged = true;
        this.progress(size);
        return;
      }
      await this.stopHelpers();
      while (pos < size) {
        const end = Math.min(size, pos + chunkBytes);
        const buf = await readRange(handle, pos, end);
        pos = end;
        this.onProgress?.(pos);
        yield buf;
      }
    } finally {
      await handle.close();
    }
  }

  /**
   * Waits for the helpers holding chunks `k` and up and adds their counts, if each read all its
   * chunks and no id appears twice; `false` (and nothing added) otherwise.
   */
  private async absorbHelpers(k: number): Promise<boolean> {
    const holders = new Set<number>();
    for (let j = k; j < this.chunks; j++) holders.add(Atomics.load(this.control, j) - HELPER);
    const results: HelperResult[] = [];
    for (const index of holders) {
      if (!(index >= 0 && index < this.results.length)) return false;
      results.push(await this.results[index]!);
    }
    let covered = 0;
    for (const r of results) {
      if (!r.valid) return false;
      covered += r.chunks;
    }
    if (covered !== this.chunks - k) return false;
    if (this.ids !== null) {
      const sets = results.map((r) => IdSet.restore(r.ids!));
      for (let i = 0; i < sets.length; i++) {
        if (this.ids.sharesAny(sets[i]!)) return false;
        for (let j = 0; j < i; j++) if (sets[j]!.sharesAny(sets[i]!)) return false;
      }
    }
    for (const r of results) this.acc.absorb(r.state!);
    return true;
  }

  private async stopHelpers(): Promise<void> {
    Atomics.store(this.control, this.chunks, 1);
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /** Stops the helpers still running (always called, also after an error). */
  async close(): Promise<void> {
    await this.reading?.return(undefined);
    await this.stopHelpers();
  }
}
