import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { RecordAccumulator } from '../dossiers/summarize/accumulateRecords.js';
import { type ResolvedOptions, resolveOptions } from '../dossiers/summarize/options.js';
import type { DossierSummary, SummarizeDossiersOptions } from '../dossiers/summarizeDossiers.js';
import { CchcError } from '../errors/CchcError.js';
import { columnLetter } from './columns.js';
import { FastDossierRows, IdSet } from './dossierCsvFast.js';
import { rewriteRecordError } from './dossierTable.js';
import { checkFileArgument, checkReadOptions } from './options.js';
import { ParallelCsvReader, type ParallelPlan } from './parallelCsv.js';
import { type RowProblem, rowError } from './RowProblem.js';
import { DossierRecords, type ReadDossierOptions } from './readDossierFile.js';
import { formatOf } from './sources.js';

/** A file's size, or 0 (the reader reports a file it cannot read). */
function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * Whether the byte reader may take the rows: a CSV file (not a stream) read as UTF-8 by the fast
 * reader, ids checked as errors or not at all (`'first'` is left to the summariser). The internal
 * option `byteReader: false` turns it off (tests compare both paths).
 */
function fastEligible(
  file: string,
  options: SummarizeDossierFileOptions,
  resolved: ResolvedOptions,
): boolean {
  if ((options as { byteReader?: boolean }).byteReader === false) return false;
  if (resolved.duplicates === 1 || options.parser === 'csv-parse') return false;
  const encoding = (options.encoding ?? 'utf8').toLowerCase().replace('-', '');
  if (encoding !== 'utf8' && encoding !== 'utf8bom') return false;
  let format: string;
  try {
    format = formatOf(file, options.format);
  } catch {
    return false;
  }
  return format === 'csv';
}

/**
 * Options of {@link summarizeDossierFile}: how the file is read ({@link ReadDossierOptions}) and
 * how dossiers are counted (`SummarizeDossiersOptions`: `period` is required).
 * @category Node
 */
export interface SummarizeDossierFileOptions extends ReadDossierOptions, SummarizeDossiersOptions {
  /**
   * Threads that may read a large CSV file, this one included (a whole number from 1): by default
   * as many as the machine has cores (`os.availableParallelism()`), at most 4; `1` reads in this
   * thread only. Only UTF-8 CSV files of 16 MiB or more are read in parallel (the byte reader's
   * rows; see docs/scale.md).
   * The result, the problems and the errors are the same however many threads read.
   */
  threads?: number;
}

/** The smallest CSV file read by more than one thread (16 MiB): below it, starting a thread costs more than it saves. @internal */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

/** Bytes per chunk of the parallel reader. */
const CHUNK_BYTES = 1 << 20;

/**
 * How many threads read the file and in what chunks, or `null` for this thread alone. Internal
 * options (tests): `parallelMinBytes`, `parallelChunkBytes`.
 */
function parallelPlan(options: SummarizeDossierFileOptions, size: number): ParallelPlan | null {
  const given = options.threads;
  if (given !== undefined && !(Number.isInteger(given) && given >= 1)) {
    throw new CchcError('INVALID_OPTIONS', [
      {
        path: ['options', 'threads'],
        message: `expected threads to be a whole number from 1 (1: this thread only), got ${typeof given === 'number' ? String(given) : typeof given}.`,
      },
    ]);
  }
  const internal = options as { parallelMinBytes?: number; parallelChunkBytes?: number };
  const threads = given ?? Math.min(4, availableParallelism());
  if (threads < 2 || size < (internal.parallelMinBytes ?? PARALLEL_MIN_BYTES)) return null;
  return { threads, chunkBytes: internal.parallelChunkBytes ?? CHUNK_BYTES };
}

/**
 * The summary of a dossier file: the `DossierSummary` of `summarizeDossiers`, plus the bad rows
 * left out (with `onBadRow: 'collect'`) and the header row.
 * @category Node
 */
export interface DossierFileSummary extends DossierSummary {
  /** Rows left out because they were bad (always empty with `onBadRow: 'throw'`). */
  readonly problems: readonly RowProblem[];
  /** The row of the header, or `null` for JSON and NDJSON. */
  readonly headerRow: number | null;
}

const SUMMARY_KEYS = [
  'period',
  'asOf',
  'granularity',
  'utcOffsetMinutes',
  'pauseForSupplements',
  'multipleSupplements',
  'withdrawnAndReturned',
  'missingDueAt',
  'groupBy',
  'duplicateIds',
] as const;

/**
 * Reads a dossier export and summarises it in one pass: the II.06a statistics of the period, in
 * total and per group, as `summarizeDossiers` computes them, with flat memory.
 *
 * @remarks
 * The same counting rules as `summarizeDossiers` (shared/reference/dossier-index.md §1.3, §2.2);
 * the same reading rules as {@link readDossierFile}. Repeated dossier ids are an error by default
 * (option `duplicateIds`), named by file, row and column like every other bad row; with
 * `onBadRow: 'throw'` the first bad row in file order is the one reported.
 *
 * A CSV file in UTF-8 (not a stream, not `parser: 'csv-parse'`, not `duplicateIds: 'first'`) is
 * read by a byte reader: the common rows (ISO or `dd/mm/yyyy` dates, known channel and status
 * texts, nothing to trim or unquote) go from the file's bytes straight into the summary, without
 * building a record per row; every other row is read as {@link readDossierFile} reads it, in file
 * order, so the result, the problems and the errors are the same either way. A large file (16 MiB
 * or more) is read by two threads or more (option `threads`): this one from the start, helpers from
 * the end, their counts added where they meet; a helper's counts are used only when the byte reader
 * took every one of its rows, so the result is still the one-thread result. A million-row export
 * (89 MB) takes about 0.25 s on two cores, 0.38 s on one (docs/benchmarks.md).
 *
 * @param file - the path of the export (CSV, XLSX, JSON, NDJSON).
 * @param options - `period` (required) and the other summary options, and the reading options.
 * @returns the {@link DossierFileSummary}.
 * @throws {@link cchc-index!CchcError} `INVALID_OPTIONS` for bad summary options; `INVALID_INPUT` for a bad
 *   row (unless collected), with the file, row and column in each issue path.
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { summarizeDossierFile } from 'cchc-index/node';
 * const file = join(tmpdir(), 'cchc-example-summary.csv');
 * writeFileSync(file, [
 *   'Mã hồ sơ,Đơn vị,Hình thức,Ngày tiếp nhận,Ngày hẹn trả,Ngày trả kết quả',
 *   'A1,xa-A,Trực tuyến,2024-03-01,2024-03-05,2024-03-04',
 *   'A2,xa-A,Trực tiếp,2024-03-01,2024-03-05,2024-03-07',
 *   'A3,xa-B,Trực tuyến,2024-03-10,2024-04-10,',
 * ].join('\n'));
 * const summary = await summarizeDossierFile(file, { period: { from: '2024-03-01', to: '2024-03-31' }, groupBy: 'unit' });
 * summary.groups.map((g) => [g.key.unit, g.stats.resolved.early, g.stats.resolved.late, g.stats.pending.withinDeadline]);
 * // => [['xa-A', 1, 1, 0], ['xa-B', 0, 0, 1]]
 * ```
 * @category Node
 */
export async function summarizeDossierFile(
  file: string,
  options: SummarizeDossierFileOptions,
): Promise<DossierFileSummary> {
  checkFileArgument(file, 'path');
  checkReadOptions('dossiers', options);
  // No options: the summary options say what is missing (the period).
  return summarize(file, options ?? ({} as SummarizeDossierFileOptions));
}

/** {@link summarizeDossierFile} once its arguments are checked. */
async function summarize(file: string, options: SummarizeDossierFileOptions): Promise<DossierFileSummary> {
  const summaryOptions: Record<string, unknown> = {};
  for (const key of SUMMARY_KEYS) if (options[key] !== undefined) summaryOptions[key] = options[key];
  const checkIds = (options.duplicateIds ?? 'error') === 'error';
  if (checkIds) summaryOptions.duplicateIds = 'unchecked';
  const resolved = resolveOptions(summaryOptions as unknown as SummarizeDossiersOptions, true);
  const name = options.name ?? path.basename(file);
  const collect = options.onBadRow === 'collect';
  const acc = new RecordAccumulator(resolved);
  // CSV files in UTF-8: the byte reader takes the common rows (see dossierCsvFast.ts); ids are then
  // kept as bytes, one set for both paths. Large ones are read by more threads (parallelCsv.ts).
  const fast = fastEligible(file, options, resolved);
  const ids = checkIds ? (fast ? new IdSet() : new Set<string>()) : null;
  const size = fast ? sizeOf(file) : 0;
  const plan = parallelPlan(options, size);
  let hook: FastDossierRows | null = null;
  let parallel: ParallelCsvReader | null = null;
  if (fast) {
    hook = new FastDossierRows(acc, resolved, options, ids as IdSet | null, size);
    if (plan !== null) {
      const progress = options.onProgress;
      parallel = new ParallelCsvReader(
        file,
        size,
        plan,
        {
          resolved,
          values: { channelValues: options.channelValues, statusValues: options.statusValues },
          checkIds,
        },
        acc,
        ids as IdSet | null,
        hook,
        progress === undefined ? undefined : (bytes) => progress(bytes, size),
        (options as { spawnHelper?: ConstructorParameters<typeof ParallelCsvReader>[8] }).spawnHelper ?? null,
      );
      if (parallel.helpers === 0) parallel = null;
    }
  }
  const reader =
    parallel === null
      ? new DossierRecords(file, name, options)
      : new DossierRecords(parallel.source(), name, { ...options, format: 'csv', onProgress: undefined });
  if (hook !== null) reader.useRowHook(hook);
  const duplicates: RowProblem[] = [];
  try {
    // With 'throw', the summariser checks each record once; its errors are rewritten below.
    for await (const batch of reader.batches(collect)) {
      const { records, rows } = batch;
      const n = records.length;
      for (let i = 0; i < n; i++) {
        const record = records[i]!;
        if (ids !== null) {
          const id = record.id;
          const key = typeof id === 'string' ? id : String(id);
          if (ids instanceof Set ? ids.size === ids.add(key).size : !ids.addText(key)) {
            const idColumn = reader.layout?.index.id;
            const problem: RowProblem = {
              file: name,
              row: rows[i]!,
              column:
                idColumn === undefined
                  ? 'id'
                  : `"${reader.layout!.header[idColumn]}" (${columnLetter(idColumn)})`,
              field: 'id',
              message: `the dossier ${JSON.stringify(key)} appears a second time: expected each dossier once (a bad export?); pass duplicateIds: "first" to count the first row only.`,
            };
            if (!collect) throw rowError([problem]);
            duplicates.push(problem);
            continue;
          }
        }
        acc.add(record, rows[i]!);
      }
    }
  } catch (error) {
    throw rewriteRecordError(error, name, reader.layout);
  } finally {
    await parallel?.close();
  }
  // Internal (tests, benchmarks): how the file was read.
  const told = (options as { onParallel?: (how: { helpers: number; merged: boolean }) => void }).onParallel;
  told?.({ helpers: parallel?.helpers ?? 0, merged: parallel?.merged ?? false });
  const summary = acc.result() as DossierSummary;
  const problems = [...reader.problems, ...duplicates].sort((a, b) => a.row - b.row);
  return { ...summary, problems, headerRow: reader.headerRow };
}
