import { statSync } from 'node:fs';
import path from 'node:path';
import { Accumulator } from '../dossiers/summarize/accumulate.js';
import { type ResolvedOptions, resolveOptions } from '../dossiers/summarize/options.js';
import type { DossierSummary, SummarizeDossiersOptions } from '../dossiers/summarizeDossiers.js';
import { columnLetter } from './columns.js';
import { FastDossierRows, IdSet } from './dossierCsvFast.js';
import { rewriteRecordError } from './dossierTable.js';
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
export interface SummarizeDossierFileOptions extends ReadDossierOptions, SummarizeDossiersOptions {}

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
 * order, so the result, the problems and the errors are the same either way. A million-row export
 * (89 MB) takes about half a second on one core (docs/benchmarks.md).
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
  const summaryOptions: Record<string, unknown> = {};
  for (const key of SUMMARY_KEYS) if (options[key] !== undefined) summaryOptions[key] = options[key];
  const checkIds = (options.duplicateIds ?? 'error') === 'error';
  if (checkIds) summaryOptions.duplicateIds = 'unchecked';
  const resolved = resolveOptions(summaryOptions as unknown as SummarizeDossiersOptions, true);
  const name = options.name ?? path.basename(file);
  const collect = options.onBadRow === 'collect';
  const reader = new DossierRecords(file, name, options);
  const acc = new Accumulator(resolved);
  // CSV files in UTF-8: the byte reader takes the common rows (see dossierCsvFast.ts); ids are then
  // kept as bytes, one set for both paths.
  const fast = fastEligible(file, options, resolved);
  const ids = checkIds ? (fast ? new IdSet() : new Set<string>()) : null;
  if (fast) reader.useRowHook(new FastDossierRows(acc, resolved, options, ids as IdSet | null, sizeOf(file)));
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
  }
  const summary = acc.result() as DossierSummary;
  const problems = [...reader.problems, ...duplicates].sort((a, b) => a.row - b.row);
  return { ...summary, problems, headerRow: reader.headerRow };
}
