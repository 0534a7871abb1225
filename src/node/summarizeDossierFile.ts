import path from 'node:path';
import { Accumulator } from '../dossiers/summarize/accumulate.js';
import { resolveOptions } from '../dossiers/summarize/options.js';
import type { DossierSummary, SummarizeDossiersOptions } from '../dossiers/summarizeDossiers.js';
import { columnLetter } from './columns.js';
import { rewriteRecordError } from './dossierTable.js';
import { type RowProblem, rowError } from './RowProblem.js';
import { DossierRecords, type ReadDossierOptions } from './readDossierFile.js';

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
 * the same reading rules as {@link readDossierFile}. Records go to the summariser in batches, so a
 * file of a million rows takes about as long as reading it. Repeated dossier ids are an error by
 * default (option `duplicateIds`), named by file, row and column like every other bad row.
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
  const ids = checkIds ? new Set<string>() : null;
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
          if (ids.has(key)) {
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
          ids.add(key);
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
