import path from 'node:path';
import type { Readable } from 'node:stream';
import { issueFromZod, safeParse } from '../errors/fromZod.js';
import {
  type ProcedureLevel,
  type ProcedureReviewInput,
  ProcedureReviewSchema,
  type ProcedureTimeUnit,
} from '../procedures/ProcedureReview.js';
import { cellNumber, cellText } from './cells.js';
import { normalizeLabel } from './columns.js';
import { checkFileArgument, checkReadOptions } from './options.js';
import { type BadRowPolicy, type RowProblem, rowError } from './RowProblem.js';
import { readTable, unreadableProblems } from './readTable.js';
import type { FileReadOptions } from './sources.js';

/**
 * A column of a procedure-review table.
 * @category Node
 */
export type ProcedureField = 'code' | 'name' | 'level' | 'before' | 'after' | 'unit';

/**
 * The default headers of procedure-review tables (rà soát, cắt giảm thời gian giải quyết TTHC),
 * compared like the dossier headers (trimmed, NFC, lower-case).
 *
 * @remarks
 * After the review reports of DOMAIN.md (Lộc Bình 2024: "thời gian giải quyết trước / sau cắt
 * giảm"). Times may be written the Vietnamese way (`91,5`); levels as "Cấp tỉnh", "huyện", "xã",
 * "bộ"; units as "ngày làm việc", "ngày", "giờ", "tháng" (default: working days).
 * @example
 * ```ts
 * import { DEFAULT_PROCEDURE_COLUMNS } from 'cchc-index/node';
 * DEFAULT_PROCEDURE_COLUMNS.before?.includes('thời gian trước cắt giảm');
 * // => true
 * ```
 * @category Node
 */
export const DEFAULT_PROCEDURE_COLUMNS: { readonly [F in ProcedureField]: readonly string[] } = {
  code: ['mã tthc', 'mã thủ tục', 'mã thủ tục hành chính', 'code'],
  name: ['tên tthc', 'tên thủ tục', 'tên thủ tục hành chính', 'thủ tục hành chính', 'name'],
  level: ['cấp', 'cấp thực hiện', 'cấp giải quyết', 'level'],
  before: [
    'thời gian trước cắt giảm',
    'thời gian trước',
    'thời hạn trước cắt giảm',
    'thời gian giải quyết trước cắt giảm',
    'trước cắt giảm',
    'trước',
    'before',
  ],
  after: [
    'thời gian sau cắt giảm',
    'thời gian sau',
    'thời hạn sau cắt giảm',
    'thời gian giải quyết sau cắt giảm',
    'sau cắt giảm',
    'sau',
    'after',
  ],
  unit: ['đơn vị tính', 'đơn vị thời gian', 'unit'],
};

const LEVELS: Record<string, ProcedureLevel> = {
  'cấp bộ': 'bo',
  bộ: 'bo',
  bo: 'bo',
  'cấp tỉnh': 'tinh',
  tỉnh: 'tinh',
  tinh: 'tinh',
  'cấp huyện': 'huyen',
  huyện: 'huyen',
  huyen: 'huyen',
  'cấp xã': 'xa',
  xã: 'xa',
  xa: 'xa',
};

const UNITS: Record<string, ProcedureTimeUnit> = {
  'ngày làm việc': 'working-days',
  'working-days': 'working-days',
  ngày: 'days',
  days: 'days',
  giờ: 'hours',
  hours: 'hours',
  tháng: 'months',
  months: 'months',
};

/**
 * Options of {@link readProcedureFile}.
 * @category Node
 */
export interface ReadProcedureOptions extends FileReadOptions {
  /** Headers per field, replacing the defaults of the fields given. */
  columns?: { [F in ProcedureField]?: string | readonly string[] };
  /** `'throw'` (default) or `'collect'`. */
  onBadRow?: BadRowPolicy;
  /** The name used in messages (default: the file's base name). */
  name?: string;
}

/**
 * The reviewed procedures of a file, with the bad rows left out (when collected).
 * @category Node
 */
export interface ProcedureFile {
  readonly procedures: readonly ProcedureReviewInput[];
  readonly problems: readonly RowProblem[];
}

/**
 * Reads a procedure-review table (CSV, XLSX, JSON, NDJSON) into reviewed procedures for
 * `timeReduction`.
 *
 * @remarks
 * Headers by {@link DEFAULT_PROCEDURE_COLUMNS}; the before and after times are required. Each row
 * is checked like `ProcedureReviewSchema`; problems name the file, row and column.
 *
 * @param file - the path.
 * @param options - reading options, column overrides, the bad-row policy.
 * @returns `{ procedures, problems }`.
 * @throws {@link cchc-index!CchcError} `INVALID_INPUT` naming the file, row and column.
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { timeReduction } from 'cchc-index';
 * import { readProcedureFile } from 'cchc-index/node';
 * const file = join(tmpdir(), 'cchc-example-procedures.csv');
 * writeFileSync(file, 'Mã TTHC;Thời gian trước cắt giảm;Thời gian sau cắt giảm\n1.001;20;5\n1.002;3;2\n');
 * const { procedures } = await readProcedureFile(file);
 * timeReduction(procedures).rate;
 * // => 0.6956521739130435
 * ```
 * @category Node
 */
export async function readProcedureFile(
  file: string | Readable,
  options: ReadProcedureOptions = {},
): Promise<ProcedureFile> {
  checkFileArgument(file, 'path or stream');
  checkReadOptions('procedures', options);
  const name = options.name ?? (typeof file === 'string' ? path.basename(file) : 'input');
  const table = await readTable<ProcedureField>(
    file,
    name,
    DEFAULT_PROCEDURE_COLUMNS,
    ['before', 'after'],
    options,
  );
  const problems: RowProblem[] = [];
  const procedures: ProcedureReviewInput[] = [];
  const collect = options.onBadRow === 'collect';
  const rows =
    table.rows ??
    table.objects!.map((o) => ({
      row: o.row,
      cells: null as never,
      value: o.value as Record<string, unknown>,
    }));
  for (const entry of rows) {
    const here: RowProblem[] = [];
    let value: Record<string, unknown>;
    if ('value' in entry) value = entry.value as Record<string, unknown>;
    else if (entry.unreadable.length > 0) {
      value = {};
      here.push(...unreadableProblems(table, name, entry));
    } else {
      value = {};
      const c = entry.cells;
      for (const f of ['code', 'name'] as const) {
        const t = cellText(c[f]);
        if (t !== '') value[f] = t;
      }
      const level = cellText(c.level);
      if (level !== '') value.level = LEVELS[normalizeLabel(level)] ?? level;
      const unit = cellText(c.unit);
      if (unit !== '') value.unit = UNITS[normalizeLabel(unit)] ?? unit;
      for (const f of ['before', 'after'] as const) {
        const t = cellText(c[f]);
        const n = cellNumber(c[f]);
        if (n === null) {
          here.push({
            file: name,
            row: entry.row,
            column: table.columnOf(f),
            field: f,
            message: `expected a time (a number such as 20 or 91,5), received ${JSON.stringify(t)}.`,
          });
        } else value[f] = n;
      }
    }
    if (here.length === 0) {
      const parsed = safeParse(ProcedureReviewSchema, value);
      if (parsed.success) {
        procedures.push(value as ProcedureReviewInput);
        continue;
      }
      for (const issue of parsed.error.issues) {
        const own = issueFromZod(issue, value);
        const field = (own.path[0] as ProcedureField | undefined) ?? null;
        here.push({
          file: name,
          row: entry.row,
          column: field === null ? null : table.columnOf(field),
          field,
          message: own.message,
        });
      }
    }
    if (!collect) throw rowError(here);
    problems.push(...here);
  }
  return { procedures, problems };
}
