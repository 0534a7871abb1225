/**
 * The helper threads' side of the parallel CSV reader (see parallelCsv.ts): claiming chunks from
 * the end of the file and reading them with the byte reader. What a worker thread loads
 * (dossierCsvWorker.ts), so it imports nothing of the thread-starting side.
 * @internal
 * @module
 */
import { isUtf8 } from 'node:buffer';
import { type FileHandle, open } from 'node:fs/promises';
import { Accumulator, type AccumulatorState } from '../dossiers/summarize/accumulate.js';
import type { ResolvedOptions } from '../dossiers/summarize/options.js';
import { FastDossierRows, IdSet, type IdSetSnapshot } from './dossierCsvFast.js';
import type { DossierLayout, DossierTableOptions } from './dossierTable.js';

/** The owner mark of this thread's chunks; helper `i` marks its chunks `HELPER + i`. */
export const MAIN = 1;
export const HELPER = 2;

/** What a helper is given when it starts. @internal */
export interface HelperTask {
  readonly file: string;
  readonly size: number;
  readonly chunkBytes: number;
  readonly chunks: number;
  /** The helper's number (0, 1, …): its owner mark is `HELPER + index`. */
  readonly index: number;
  /** An `Int32Array`: the owner of each chunk, then the stop flag, then chunks read by helpers. */
  readonly control: SharedArrayBuffer;
  readonly resolved: ResolvedOptions;
  readonly values: Pick<DossierTableOptions, 'channelValues' | 'statusValues'>;
  readonly checkIds: boolean;
}

/** What a helper is told once this thread has read the header. @internal */
export interface HelperRows {
  readonly layout: DossierLayout;
  readonly delimiter: number;
}

/** A helper's answer. @internal */
export interface HelperResult {
  /** Whether every row of its chunks was taken by the byte reader. */
  readonly valid: boolean;
  /** Chunks it read in full. */
  readonly chunks: number;
  readonly state: AccumulatorState | null;
  readonly ids: IdSetSnapshot | null;
}

/** Reads bytes `[from, to)` of the file (in full: a read may return fewer bytes than asked). */
export async function readRange(handle: FileHandle, from: number, to: number, spare = 0): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(to - from + spare);
  const at = await readInto(handle, buf, from, to);
  return at === to - from ? buf : buf.subarray(0, at + spare);
}

/** The first line start at or after `at` (the byte after a line end, or `size`). */
export async function lineStart(handle: FileHandle, at: number, size: number): Promise<number> {
  if (at <= 0) return 0;
  const piece = Buffer.allocUnsafe(1 << 16);
  let pos = at - 1;
  while (pos < size) {
    const { bytesRead } = await handle.read(piece, 0, Math.min(piece.length, size - pos), pos);
    if (bytesRead === 0) break;
    const nl = piece.subarray(0, bytesRead).indexOf(10);
    if (nl !== -1) return pos + nl + 1;
    pos += bytesRead;
  }
  return size;
}

/**
 * Offers the `n` bytes of lines at the start of `buf` (which has room for one more) to the byte
 * reader, once checked as UTF-8; a line end is added after the file's last line when it has none,
 * as the CSV reader does. `false` when a line is declined (see {@link consumeAll}).
 */
function readLines(hook: FastDossierRows, buf: Buffer, n: number, delimiter: number): boolean {
  let length = n;
  if (buf[length - 1] !== 10) buf[length++] = 10;
  // A fresh view each time: the byte reader keeps the text of the last buffer it read.
  const lines = buf.subarray(0, length);
  return isUtf8(lines) && consumeAll(hook, lines, length, delimiter);
}

/** Reads bytes `[from, to)` of the file into the start of `buf`; the bytes read. */
async function readInto(handle: FileHandle, buf: Buffer, from: number, to: number): Promise<number> {
  let at = 0;
  while (at < to - from) {
    const { bytesRead } = await handle.read(buf, at, to - from - at, from + at);
    if (bytesRead === 0) break;
    at += bytesRead;
  }
  return at;
}

/**
 * Offers the lines of `buf` (up to `end`, after a line end) to the byte reader; `false` at the first
 * line it declines, unless that line is empty (only delimiters), which the CSV reader skips too.
 */
function consumeAll(hook: FastDossierRows, buf: Buffer, end: number, delimiter: number): boolean {
  let p = 0;
  let row = 0;
  while (p < end) {
    p = hook.consume(buf, p, end, delimiter, row);
    row += hook.consumed;
    if (p >= end) break;
    const nl = buf.indexOf(10, p);
    let last = nl;
    if (last > p && buf[last - 1] === 13) last--;
    for (let i = p; i < last; i++) if (buf[i] !== delimiter) return false;
    p = nl + 1;
    row++;
  }
  return true;
}

/**
 * A helper's work (run in a worker by dossierCsvWorker.ts; callable in this thread for tests):
 * claims chunks from the last one down and reads them, until it meets this thread's chunks, a row
 * it cannot take, or the stop flag.
 * @internal
 */
export async function readHelperChunks(task: HelperTask, rows: HelperRows): Promise<HelperResult> {
  const { chunks, chunkBytes, size } = task;
  const control = new Int32Array(task.control);
  const me = HELPER + task.index;
  const acc = new Accumulator(task.resolved);
  const ids = task.checkIds ? new IdSet() : null;
  const hook = new FastDossierRows(acc, task.resolved, task.values, ids, 0);
  hook.start(rows.layout);
  const handle = await open(task.file, 'r');
  let read = 0;
  let valid = true;
  try {
    // One read per chunk: from the byte before it to a little past its end, where its last line
    // ends (longer lines are looked up apart); the buffer is reused from chunk to chunk.
    const reach = 1 << 16;
    let space = Buffer.allocUnsafe(chunkBytes + reach + 2);
    for (let k = chunks - 1; k >= 1 && valid; k--) {
      if (Atomics.load(control, chunks) !== 0) break;
      const owner = Atomics.compareExchange(control, k, 0, me);
      if (owner === MAIN) break;
      if (owner !== 0) continue;
      const from = k * chunkBytes - 1;
      const to = Math.min(size, (k + 1) * chunkBytes + reach);
      if (to - from + 1 > space.length) space = Buffer.allocUnsafe(to - from + 1);
      const got = await readInto(handle, space, from, to);
      if (got !== to - from) {
        valid = false;
        break;
      }
      // Line starts at or after the chunk's first byte and the next chunk's (or the file's end).
      let start = space.subarray(0, got).indexOf(10) + 1;
      if (start === 0) start = (await lineStart(handle, from + 1, size)) - from;
      let end: number;
      if ((k + 1) * chunkBytes >= size) end = size - from;
      else {
        end = space.subarray(0, got).indexOf(10, (k + 1) * chunkBytes - 1 - from) + 1;
        if (end === 0) end = (await lineStart(handle, (k + 1) * chunkBytes, size)) - from;
      }
      if (end > start) {
        if (end > got) {
          // A line longer than the reach: read the chunk's lines on their own.
          const whole = await readRange(handle, from + start, from + end, 1);
          if (whole.length - 1 !== end - start) {
            valid = false;
            break;
          }
          valid = readLines(hook, whole, end - start, rows.delimiter);
        } else {
          valid = readLines(hook, space.subarray(start, end + 1), end - start, rows.delimiter);
        }
        if (!valid) break;
      }
      read++;
      Atomics.add(control, chunks + 1, 1);
    }
  } catch {
    valid = false;
  } finally {
    await handle.close();
  }
  if (!valid) return { valid: false, chunks: read, state: null, ids: null };
  return { valid: true, chunks: read, state: acc.state(), ids: ids === null ? null : ids.snapshot() };
}
