/**
 * The parallel CSV reader of summarizeDossierFile (src/node/parallelCsv.ts, parallelHelper.ts):
 * however many threads read a file and wherever its chunks fall, the summary, the problems and the
 * errors are those of one thread. Most cases run the helpers in this thread (the `spawnHelper`
 * internal option: the same code, interleaved at every file read), with chunks of a few dozen
 * bytes so that joints fall everywhere; the last ones start real worker threads.
 */
import { EventEmitter, once } from 'node:events';
import type { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type HelperTask, readHelperChunks } from '../../src/node/parallelHelper.js';
import {
  PARALLEL_MIN_BYTES,
  type SummarizeDossierFileOptions,
  summarizeDossierFile,
} from '../../src/node/summarizeDossierFile.js';
import { exportArb, optionsOf, outcome, pad, render, tmp } from '../helpers/dossierExports.js';

type How = { helpers: number; merged: boolean };

/** A helper run in this thread, behind the interface of a worker. */
function inProcess(options: { crash?: boolean } = {}) {
  return (task: HelperTask): Worker => {
    const w = new EventEmitter() as EventEmitter & {
      postMessage: (rows: unknown) => void;
      terminate: () => Promise<number>;
    };
    let stopped = false;
    w.postMessage = (rows) => {
      if (options.crash) {
        // Claims a chunk, then dies without answering.
        Atomics.compareExchange(new Int32Array(task.control), task.chunks - 1, 0, 2 + task.index);
        setImmediate(() => w.emit('exit', 1));
        return;
      }
      void readHelperChunks(task, structuredClone(rows) as never).then((result) => {
        if (!stopped) w.emit('message', structuredClone(result));
      });
    };
    w.terminate = async () => {
      stopped = true;
      Atomics.store(new Int32Array(task.control), task.chunks, 1);
      return 1;
    };
    return w as unknown as Worker;
  };
}

/** The options of a parallel run: every file is large enough, chunks of `chunk` bytes. */
function parallel(
  options: SummarizeDossierFileOptions,
  threads: number,
  chunk: number,
  seen: How[],
  spawn: ((task: HelperTask) => Worker) | null = inProcess(),
): SummarizeDossierFileOptions {
  return {
    ...options,
    threads,
    parallelMinBytes: 0,
    parallelChunkBytes: chunk,
    ...(spawn === null ? {} : { spawnHelper: spawn }),
    onParallel: (how: How) => seen.push(how),
  } as SummarizeDossierFileOptions;
}

const PERIOD = { from: '2024-03-01', to: '2024-03-31' };
const CHANNELS = ['Trực tuyến', 'Trực tiếp', 'Bưu chính'];

/** A clean export of `n` rows (the byte reader takes every row), ids `HS1`…, or texts when `textIds`. */
function cleanRows(n: number, textIds = false, from = 1): string[] {
  const rows: string[] = [];
  for (let i = from; i < from + n; i++) {
    const day = 1 + (i % 27);
    const finished = i % 4 === 0 ? '' : `${pad(Math.min(31, day + (i % 6)))}/03/2024`;
    const status = finished === '' ? 'Đang giải quyết' : i % 13 === 0 ? 'Rút hồ sơ' : 'Đã giải quyết';
    const id = textIds ? `Hồ sơ ${(i * 7919) % 1_000_003}-${i}` : `HS${i}`;
    rows.push(
      [
        id,
        `Xã ${i % 7}`,
        `1.00${i % 3}`,
        CHANNELS[i % 3],
        `2024-03-${pad(day)}`,
        `2024-03-${pad(Math.min(31, day + 4))}`,
        finished,
        status,
      ].join(','),
    );
  }
  return rows;
}
const HEADER = 'Mã hồ sơ,Đơn vị,Mã TTHC,Kênh nộp,Ngày tiếp nhận,Ngày hẹn trả,Ngày trả kết quả,Trạng thái';

/** A spoiler put into a clean export at some row. */
const spoilerArb = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom(
    'duplicate',
    'quote',
    'quoted-newline',
    'bad-date',
    'empty-line',
    'delimiters-only',
    'blank-id',
    'no-due',
    'invalid-utf8',
  ),
});

const cleanArb = fc.record({
  rows: fc.integer({ min: 0, max: 300 }),
  textIds: fc.boolean(),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  spoilers: fc.oneof(
    { weight: 2, arbitrary: fc.constant([]) },
    { weight: 3, arbitrary: fc.array(spoilerArb, { minLength: 1, maxLength: 3 }) },
  ),
  threads: fc.integer({ min: 2, max: 4 }),
  chunk: fc.integer({ min: 16, max: 3000 }),
  onBadRow: fc.constantFrom('throw', 'collect') as fc.Arbitrary<'throw' | 'collect'>,
  duplicateIds: fc.constantFrom('error', 'unchecked') as fc.Arbitrary<'error' | 'unchecked'>,
  groupBy: fc.constantFrom(undefined, 'unit', ['unit', 'procedure'], ['unit', 'month']) as fc.Arbitrary<
    SummarizeDossierFileOptions['groupBy']
  >,
  missingDueAt: fc.constantFrom(undefined, 'error') as fc.Arbitrary<'error' | undefined>,
});
type Clean = typeof cleanArb extends fc.Arbitrary<infer T> ? T : never;

function renderClean(c: Clean): Buffer {
  const rows = cleanRows(c.rows, c.textIds);
  for (const s of c.spoilers) {
    if (rows.length === 0) break;
    const at = s.at % rows.length;
    const cells = rows[at]!.split(',');
    switch (s.kind) {
      case 'duplicate':
        cells[0] = rows[(s.at * 31) % rows.length]!.split(',')[0]!;
        break;
      case 'quote':
        cells[1] = `"${cells[1]}, ""mới"""`;
        break;
      case 'quoted-newline':
        cells[1] = `"${cells[1]}\n${cells[1]}"`;
        break;
      case 'bad-date':
        cells[4] = '2024-02-30';
        break;
      case 'empty-line':
        rows.splice(at, 0, '');
        continue;
      case 'delimiters-only':
        rows.splice(at, 0, ',,,,,,,');
        continue;
      case 'blank-id':
        cells[0] = '';
        break;
      case 'no-due':
        cells[5] = '';
        break;
      case 'invalid-utf8':
        cells[1] = 'Xã \u0001INVALID';
        break;
    }
    rows[at] = cells.join(',');
  }
  const nl = c.crlf ? '\r\n' : '\n';
  const text = `${c.bom ? '\uFEFF' : ''}${[HEADER, ...rows].join(nl)}${c.finalNewline ? nl : ''}`;
  // An invalid byte where the spoiler marked it.
  const parts = text.split('\u0001INVALID');
  return Buffer.concat(
    parts.flatMap((p, i) => (i === 0 ? [Buffer.from(p)] : [Buffer.from([0xff]), Buffer.from(p)])),
  );
}

function cleanOptions(c: Clean): SummarizeDossierFileOptions {
  const o: Record<string, unknown> = { period: PERIOD, onBadRow: c.onBadRow, duplicateIds: c.duplicateIds };
  if (c.groupBy !== undefined) o.groupBy = c.groupBy;
  if (c.missingDueAt !== undefined) o.missingDueAt = c.missingDueAt;
  return o as unknown as SummarizeDossierFileOptions;
}

describe('summarizeDossierFile read by several threads', () => {
  it('gives what one thread gives on clean exports with rare spoilers, and merges the clean ones', async () => {
    const seen: How[] = [];
    let clean = 0;
    await fc.assert(
      fc.asyncProperty(cleanArb, async (c) => {
        const file = tmp(renderClean(c));
        const options = cleanOptions(c);
        const one = await outcome(file, { ...options, threads: 1 });
        const many = await outcome(file, parallel(options, c.threads, c.chunk, seen));
        expect(many).toEqual(one);
        if (c.spoilers.length === 0 && c.rows > 0) clean++;
      }),
      { numRuns: Number(process.env.PARALLEL_RUNS ?? 200) },
    );
    // The helpers' counts were used in most clean runs (not only the fall-back tested).
    expect(seen.filter((h) => h.merged).length).toBeGreaterThan(clean / 3);
  }, 120_000);

  it('gives what one thread gives on random exports (quotes, bad rows, title rows…)', async () => {
    const seen: How[] = [];
    await fc.assert(
      fc.asyncProperty(exportArb, fc.integer({ min: 8, max: 400 }), async (e, chunk) => {
        const file = tmp(render(e));
        const options = optionsOf(e);
        expect(await outcome(file, parallel(options, 2, chunk, seen))).toEqual(
          await outcome(file, { ...options, threads: 1 }),
        );
      }),
      { numRuns: Number(process.env.PARALLEL_RUNS ?? 200) },
    );
  }, 120_000);

  it('finds a dossier repeated across the threads’ parts (bitmaps and hash sets alike)', async () => {
    for (const textIds of [false, true]) {
      const rows = cleanRows(2000, textIds);
      // The last row repeats the first: the helper reads it, this thread the first.
      rows.push(rows[0]!.replace('Đơn vị', ''));
      const file = tmp(`${[HEADER, ...rows].join('\n')}\n`);
      const seen: How[] = [];
      const options: SummarizeDossierFileOptions = { period: PERIOD, groupBy: 'unit' };
      const one = await outcome(file, options);
      expect(one).toMatchObject({ error: { code: 'INVALID_INPUT' } });
      expect(await outcome(file, parallel(options, 2, 4096, seen))).toEqual(one);
      const collected = await outcome(file, { ...options, onBadRow: 'collect' });
      expect(await outcome(file, parallel({ ...options, onBadRow: 'collect' }, 3, 2048, seen))).toEqual(
        collected,
      );
      expect((collected as { ok: { problems: { row: number }[] } }).ok.problems.map((p) => p.row)).toEqual([
        2002,
      ]);
      expect(seen.some((h) => h.merged)).toBe(false);
      // Without the check, the helpers' counts are used.
      const unchecked = { ...options, duplicateIds: 'unchecked' as const };
      expect(await outcome(file, parallel(unchecked, 2, 4096, seen))).toEqual(await outcome(file, unchecked));
      expect(seen.at(-1)).toEqual({ helpers: 1, merged: true });
    }
  });

  it('many prefixes: ids of one part in a bitmap, of the other in the hash set', async () => {
    // More prefixes than bitmaps: this thread meets prefixes P0…P19 first, the helper P19…P0.
    const rows: string[] = [];
    for (let i = 0; i < 4000; i++) {
      const p = i < 2000 ? i % 20 : 19 - (i % 20);
      rows.push(`P${p}-${i},Xã 1,1.001,Trực tuyến,2024-03-05,2024-03-09,,Đang giải quyết`);
    }
    const dup = [...rows, `P3-3,Xã 1,1.001,Trực tuyến,2024-03-05,2024-03-09,,Đang giải quyết`];
    const seen: How[] = [];
    for (const list of [rows, dup]) {
      const file = tmp(`${[HEADER, ...list].join('\n')}\n`);
      const options: SummarizeDossierFileOptions = { period: PERIOD, onBadRow: 'collect' };
      expect(await outcome(file, parallel(options, 2, 8192, seen))).toEqual(await outcome(file, options));
    }
    expect(seen.map((h) => h.merged)).toEqual([true, false]);
  });

  it('reads the rest itself when a helper dies, cannot start, or is not needed', async () => {
    const file = tmp(`${[HEADER, ...cleanRows(3000)].join('\n')}\n`);
    const options: SummarizeDossierFileOptions = { period: PERIOD, groupBy: 'unit' };
    const one = await outcome(file, options);
    const seen: How[] = [];
    expect(await outcome(file, parallel(options, 2, 4096, seen, inProcess({ crash: true })))).toEqual(one);
    expect(seen.pop()).toEqual({ helpers: 1, merged: false });
    const throwing = () => {
      throw new Error('no threads here');
    };
    expect(await outcome(file, parallel(options, 2, 4096, seen, throwing))).toEqual(one);
    expect(seen.pop()).toEqual({ helpers: 0, merged: false });
    // One chunk: nothing to share.
    expect(await outcome(file, parallel(options, 2, 1 << 30, seen))).toEqual(one);
    expect(seen.pop()).toEqual({ helpers: 0, merged: false });
    // A small file by default, one thread asked for.
    await summarizeDossierFile(file, { ...options, onParallel: (h: How) => seen.push(h) } as never);
    await summarizeDossierFile(file, {
      ...options,
      threads: 1,
      parallelMinBytes: 0,
      onParallel: (h: How) => seen.push(h),
    } as never);
    expect(seen).toEqual([
      { helpers: 0, merged: false },
      { helpers: 0, merged: false },
    ]);
    expect(PARALLEL_MIN_BYTES).toBe(16 * 1024 * 1024);
  });

  it('reports progress up to the file size', async () => {
    const file = tmp(`${[HEADER, ...cleanRows(3000)].join('\n')}\n`);
    const seen: How[] = [];
    const progress: [number, number | null][] = [];
    await summarizeDossierFile(
      file,
      parallel({ period: PERIOD, onProgress: (b, t) => progress.push([b, t]) }, 2, 4096, seen),
    );
    const size = progress[0]![1]!;
    expect(seen).toEqual([{ helpers: 1, merged: true }]);
    expect(progress.at(-1)).toEqual([size, size]);
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);
  });

  it('refuses a number of threads that is not a whole number from 1', async () => {
    const file = tmp(`${HEADER}\n`);
    for (const threads of [0, -1, 1.5, Number.NaN, '2']) {
      const result = (await outcome(file, { period: PERIOD, threads } as never)) as {
        error: { code: string; issues: { path: unknown[]; message: string }[] };
      };
      expect(result.error.code).toBe('INVALID_OPTIONS');
      expect(result.error.issues[0]!.path).toEqual(['options', 'threads']);
      expect(result.error.issues[0]!.message).toMatch(/^expected threads to be a whole number from 1/);
    }
  });

  it('the helper script in a worker thread answers as the helper does in this thread', async () => {
    const { Worker } = await import('node:worker_threads');
    const { helperScript } = await import('../../src/node/parallelCsv.js');
    const { resolveOptions } = await import('../../src/dossiers/summarize/options.js');
    const script = helperScript();
    expect(script).toMatch(/dossierCsvWorker\.dev\.mjs$/);
    const rows = cleanRows(5000);
    const file = tmp(`${[HEADER, ...rows].join('\r\n')}\r\n`);
    const { size } = await import('node:fs').then((fs) => fs.statSync(file));
    const layout = {
      headerRow: 1,
      header: HEADER.split(','),
      index: {
        id: 0,
        unit: 1,
        procedureCode: 2,
        channel: 3,
        receivedAt: 4,
        dueAt: 5,
        finishedAt: 6,
        status: 7,
      },
    };
    const run = async (inWorker: boolean) => {
      const chunks = Math.ceil(size / 4096);
      const control = new SharedArrayBuffer(4 * (chunks + 2));
      // This thread "holds" the first 10 chunks.
      for (let k = 0; k < 10; k++) new Int32Array(control)[k] = 1;
      const task: HelperTask = {
        file,
        size,
        chunkBytes: 4096,
        chunks,
        index: 0,
        control,
        resolved: resolveOptions(
          { period: PERIOD, groupBy: ['unit', 'month'], duplicateIds: 'unchecked' },
          true,
        ),
        values: {},
        checkIds: true,
      };
      const message = { layout, delimiter: 44 };
      if (!inWorker) return readHelperChunks(task, message as never);
      const worker = new Worker(script!, { workerData: task });
      worker.postMessage(message);
      const [result] = (await once(worker, 'message')) as [unknown];
      await worker.terminate();
      return result;
    };
    const here = await run(false);
    expect(here).toMatchObject({ valid: true, chunks: Math.ceil(size / 4096) - 10 });
    expect(await run(true)).toEqual(here);
  }, 60_000);
});
