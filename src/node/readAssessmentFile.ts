import path from 'node:path';
import type { Readable } from 'node:stream';
import { issueFromZod, safeParse } from '../errors/fromZod.js';
import { type AssessmentInput, AssessmentSchema } from '../scoring/Assessment.js';
import { type Cell, cellBoolean, cellNumber, cellText } from './cells.js';
import { normalizeLabel } from './columns.js';
import { checkFileArgument, checkReadOptions } from './options.js';
import { type BadRowPolicy, type RowProblem, rowError } from './RowProblem.js';
import { readTable, unreadableProblems } from './readTable.js';
import type { FileReadOptions } from './sources.js';

/**
 * A column of an assessment table (one row per unit, criterion and stage).
 * @category Node
 */
export type AssessmentField =
  | 'unit'
  | 'unitName'
  | 'period'
  | 'criterion'
  | 'stage'
  | 'value'
  | 'notApplicable'
  | 'note';

/**
 * The default headers of assessment tables (bảng chấm điểm), one row per unit, criterion and
 * stage: `Mã đơn vị | Tên đơn vị | Kỳ đánh giá | Mã tiêu chí | Vòng chấm | Điểm | Không áp dụng | Ghi chú`.
 *
 * @remarks
 * Stages after par-index.md §6 (tự chấm, thẩm định lần 1, lần 2; M): "Tự chấm" → `self`, "Thẩm
 * định" / "Thẩm định lần 1" → `appraisal-1`, "Thẩm định lần 2" → `appraisal-2`, "Cấp trên" /
 * "UBND tỉnh" → `superior`, "Điều tra XHH" → `survey`; an empty stage is `self`. Values: numbers
 * (JS or vi notation, `8,5`), "có"/"không" for yes-no leaves, other text as an option id.
 * @example
 * ```ts
 * import { DEFAULT_ASSESSMENT_COLUMNS } from 'cchc-index/node';
 * DEFAULT_ASSESSMENT_COLUMNS.criterion?.[0];
 * // => 'mã tiêu chí'
 * ```
 * @category Node
 */
export const DEFAULT_ASSESSMENT_COLUMNS: { readonly [F in AssessmentField]: readonly string[] } = {
  unit: ['mã đơn vị', 'đơn vị', 'unit'],
  unitName: ['tên đơn vị', 'unitname'],
  period: ['kỳ đánh giá', 'kỳ', 'năm', 'period'],
  criterion: ['mã tiêu chí', 'tiêu chí', 'criterion'],
  stage: ['vòng chấm', 'bước chấm', 'người chấm', 'stage'],
  value: ['điểm', 'giá trị', 'kết quả', 'value'],
  notApplicable: ['không áp dụng', 'không phát sinh', 'notapplicable'],
  note: ['ghi chú', 'note'],
};

const STAGES: Record<string, string> = {
  'tự chấm': 'self',
  'tự đánh giá': 'self',
  self: 'self',
  'thẩm định': 'appraisal-1',
  'thẩm định lần 1': 'appraisal-1',
  'thẩm định lần 2': 'appraisal-2',
  'thẩm định lần 3': 'appraisal-3',
  'cấp trên': 'superior',
  'cấp trên chấm': 'superior',
  'ubnd tỉnh': 'superior',
  'ubnd tỉnh chấm': 'superior',
  superior: 'superior',
  'điều tra xhh': 'survey',
  'điều tra xã hội học': 'survey',
  survey: 'survey',
};

/**
 * Options of {@link readAssessmentFile}.
 * @category Node
 */
export interface ReadAssessmentOptions extends FileReadOptions {
  /** Headers per field, replacing the defaults of the fields given. */
  columns?: { [F in AssessmentField]?: string | readonly string[] };
  /** The period of every row when the table has no period column (e.g. `'2024'`). */
  period?: string;
  /** `'throw'` (default) or `'collect'`. */
  onBadRow?: BadRowPolicy;
  /** The name used in messages (default: the file's base name). */
  name?: string;
}

/**
 * The assessments of a file (one per unit and period), with the bad rows left out (when collected).
 * @category Node
 */
export interface AssessmentFile {
  readonly assessments: readonly AssessmentInput[];
  readonly problems: readonly RowProblem[];
}

function entryValue(cell: Cell): unknown {
  if (typeof cell === 'number' || typeof cell === 'boolean') return cell;
  const t = cellText(cell);
  if (t === '') return undefined;
  const n = cellNumber(t);
  if (n !== null) return Number(n);
  const b = cellBoolean(t);
  if (b !== null && normalizeLabel(t) !== '') return b;
  return t;
}

/**
 * Reads assessments for `scoreUnit`: a JSON file (one assessment or a list), an NDJSON file (one
 * per line), or a table (CSV, XLSX) with one row per unit, criterion and stage, grouped into one
 * assessment per unit and period.
 *
 * @remarks
 * Headers by {@link DEFAULT_ASSESSMENT_COLUMNS}; unit and criterion are required, and the period
 * unless `options.period` gives it. Every assessment is checked like `AssessmentSchema`; table
 * problems name the file, row and column.
 *
 * @param file - the path.
 * @param options - reading options, column overrides, the period, the bad-row policy.
 * @returns `{ assessments, problems }`.
 * @throws {@link cchc-index!CchcError} `INVALID_INPUT` naming the file, row and column.
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { readAssessmentFile } from 'cchc-index/node';
 * const file = join(tmpdir(), 'cchc-example-assessments.csv');
 * writeFileSync(file, 'Mã đơn vị,Mã tiêu chí,Vòng chấm,Điểm\nxa-A,1.4,Tự chấm,"5,5"\nxa-A,1.4,Thẩm định,5\n');
 * const { assessments } = await readAssessmentFile(file, { period: '2024' });
 * assessments;
 * // => [{ unit: { id: 'xa-A' }, period: '2024', entries: { '1.4': { self: { value: 5.5 }, 'appraisal-1': { value: 5 } } } }]
 * ```
 * @category Node
 */
export async function readAssessmentFile(
  file: string | Readable,
  options: ReadAssessmentOptions = {},
): Promise<AssessmentFile> {
  checkFileArgument(file, 'path or stream');
  checkReadOptions('assessments', options);
  const name = options.name ?? (typeof file === 'string' ? path.basename(file) : 'input');
  const required: AssessmentField[] = options.period
    ? ['unit', 'criterion']
    : ['unit', 'criterion', 'period'];
  const table = await readTable<AssessmentField>(file, name, DEFAULT_ASSESSMENT_COLUMNS, required, options);
  const problems: RowProblem[] = [];
  const collect = options.onBadRow === 'collect';
  const fail = (here: RowProblem[]) => {
    if (!collect) throw rowError(here);
    problems.push(...here);
  };
  const assessments: AssessmentInput[] = [];
  if (table.objects) {
    for (const { value, row } of table.objects) {
      const list = Array.isArray(value) ? value : [value];
      for (const [i, item] of list.entries()) {
        const parsed = safeParse(AssessmentSchema, item);
        if (parsed.success) assessments.push(item as AssessmentInput);
        else
          fail(
            parsed.error.issues.map((issue) => {
              const own = issueFromZod(issue, item);
              const where = [...(list.length > 1 ? [i] : []), ...own.path].join('.');
              return { file: name, row, column: where || null, field: where || null, message: own.message };
            }),
          );
      }
    }
    return { assessments, problems };
  }
  const byKey = new Map<
    string,
    {
      unit: { id: string; name?: string };
      period: string;
      entries: Record<string, Record<string, Record<string, unknown>>>;
    }
  >();
  for (const tableRow of table.rows!) {
    const { row, cells } = tableRow;
    if (tableRow.unreadable.length > 0) {
      fail(unreadableProblems(table, name, tableRow));
      continue;
    }
    const here: RowProblem[] = [];
    const problem = (field: AssessmentField, message: string) =>
      here.push({ file: name, row, column: table.columnOf(field), field, message });
    const unit = cellText(cells.unit);
    const criterion = cellText(cells.criterion);
    const period = cellText(cells.period) || options.period || '';
    if (unit === '') problem('unit', 'is empty: expected the unit id (mã đơn vị).');
    if (criterion === '')
      problem('criterion', 'is empty: expected the criterion id (mã tiêu chí), e.g. "1.2".');
    if (period === '') problem('period', 'is empty: expected the period (kỳ đánh giá), e.g. "2024".');
    const rawStage = cellText(cells.stage);
    const stage = rawStage === '' ? 'self' : (STAGES[normalizeLabel(rawStage)] ?? rawStage);
    if (!/^(self|superior|survey|appraisal-[1-9])$/.test(stage))
      problem(
        'stage',
        `expected a stage ("Tự chấm", "Thẩm định lần 1", "Cấp trên", "Điều tra XHH" …), received ${JSON.stringify(rawStage)}.`,
      );
    const entry: Record<string, unknown> = {};
    const value = entryValue(cells.value);
    if (value !== undefined) entry.value = value;
    if (cells.notApplicable !== undefined) {
      const na = cellBoolean(cells.notApplicable);
      if (na === null)
        problem(
          'notApplicable',
          `expected yes or no, received ${JSON.stringify(cellText(cells.notApplicable))}.`,
        );
      else if (na) entry.notApplicable = true;
    }
    const note = cellText(cells.note);
    if (note !== '') entry.note = note;
    if (here.length > 0) {
      fail(here);
      continue;
    }
    const key = `${unit}\u0000${period}`;
    let a = byKey.get(key);
    if (a === undefined) {
      a = { unit: { id: unit }, period, entries: {} };
      byKey.set(key, a);
    }
    const unitName = cellText(cells.unitName);
    if (unitName !== '') a.unit.name = unitName;
    a.entries[criterion] ??= {};
    const stages = a.entries[criterion];
    if (stages[stage] !== undefined) {
      fail([
        {
          file: name,
          row,
          column: table.columnOf('criterion'),
          field: 'criterion',
          message: `criterion ${JSON.stringify(criterion)} at stage "${stage}" of unit ${JSON.stringify(unit)} appears a second time: expected it once.`,
        },
      ]);
      continue;
    }
    stages[stage] = entry;
  }
  for (const a of byKey.values()) {
    const parsed = safeParse(AssessmentSchema, a);
    if (parsed.success) assessments.push(a as AssessmentInput);
    else
      fail(
        parsed.error.issues.map((issue) => ({
          file: name,
          row: 0,
          column: null,
          field: issue.path.join('.'),
          message: `unit ${JSON.stringify(a.unit.id)}: ${issueFromZod(issue, a).message}`,
        })),
      );
  }
  return { assessments, problems };
}
