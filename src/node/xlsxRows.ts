/**
 * Rows of the first (or a chosen) worksheet of an XLSX file, read with exceljs's streaming reader
 * so that memory stays flat on large workbooks.
 * @internal
 * @module
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type Cell, UNREADABLE_CELL } from './cells.js';

/** A batch of XLSX rows (cells 0-based, row numbers as Excel shows them). @internal */
export interface CellBatch {
  readonly cells: Cell[][];
  readonly rows: number[];
}

/** The value of a cell that cannot be read (see `UNREADABLE_CELL` in cells.ts). @internal */
export { UNREADABLE_CELL };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Whether an exceljs cell value is a formula (`CellFormulaValue` or `CellSharedFormulaValue`). */
function isFormula(v: Record<string, unknown>): boolean {
  return 'formula' in v || 'sharedFormula' in v;
}

/**
 * An exceljs cell value (`CellValue`) as a {@link Cell}: text, numbers, booleans and dates as they
 * are; rich text (`{ richText }`) → its runs' text; a hyperlink (`{ text, hyperlink }`, the text
 * plain or rich) → its text; a formula (`{ formula | sharedFormula, result }`) → its result, read
 * the same way; an error (`{ error }`) → the error text (`'#N/A'`); anything else →
 * {@link UNREADABLE_CELL}.
 * @internal
 */
export function xlsxCellValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isNaN(value) ? UNREADABLE_CELL : value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? UNREADABLE_CELL : value;
  if (!isObject(value)) return UNREADABLE_CELL;
  if (Array.isArray(value.richText))
    return value.richText
      .map((run: unknown) => (isObject(run) && typeof run.text === 'string' ? run.text : ''))
      .join('');
  if (isFormula(value)) {
    const result = value.result;
    return result === undefined || result === null ? UNREADABLE_CELL : xlsxCellValue(result);
  }
  if ('hyperlink' in value && 'text' in value) return xlsxCellValue(value.text);
  if ('error' in value && typeof value.error === 'string') return value.error;
  return UNREADABLE_CELL;
}

/**
 * A formula value as the row gives it has no `result` when the cached result is falsy (`0`, `''`,
 * or the `NaN` the streaming reader makes of an error): exceljs copies only truthy parts of a
 * formula into `row.values`. The cell itself still has it.
 */
function withResult(value: unknown, row: StreamRow, column: number, date1904: boolean): unknown {
  if (!isObject(value) || value instanceof Date || !isFormula(value)) return value;
  const result = 'result' in value ? value.result : row.getCell(column).result;
  // A formula showing a date (DATE(2024;3;1), A2+7 formatted dd/mm/yyyy) keeps its result as the
  // date's serial number: read it as the date, as exceljs reads a date cell.
  if (typeof result === 'number' && isDateFormat(row.getCell(column).numFmt))
    return { ...value, result: excelDate(result, date1904) };
  return 'result' in value ? value : { ...value, result };
}

/**
 * Whether a number format shows a date or time: exceljs's rule for date cells (a `y`, `m`, `d`,
 * `h`, `s` or `b` outside quotes and brackets). @internal
 */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string') return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** An Excel serial date (days from 1899-12-30, or from 1904-01-01 in a 1904 workbook) as exceljs dates it. */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** A row of exceljs's streaming reader, as far as it is used here. */
interface StreamRow {
  number: number;
  values: unknown[];
  getCell(column: number): { result?: unknown; numFmt?: unknown };
}

/**
 * Reads rows in batches; empty rows are skipped (their numbers are not reused). Cells are read by
 * {@link xlsxCellValue}: a cell it cannot read is {@link UNREADABLE_CELL}, never `"[object Object]"`.
 * @param sheet - a worksheet name, or its 1-based position (default 1).
 * @internal
 */
export async function* xlsxRowBatches(
  input: string | Readable,
  sheet: string | number = 1,
  batchSize = 2048,
): AsyncGenerator<CellBatch> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input as never, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  // The workbook's date system, known once its workbook part is read (before the sheets).
  const date1904 = () =>
    (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties?.model?.date1904 ===
    true;
  let position = 0;
  for await (const ws of reader as unknown as AsyncIterable<AsyncIterable<StreamRow> & { name?: string }>) {
    position++;
    const name = (ws as { name?: string }).name;
    const wanted = typeof sheet === 'number' ? position === sheet : name === sheet;
    if (!wanted) {
      for await (const _row of ws) {
        // drain the sheet
      }
      continue;
    }
    let cells: Cell[][] = [];
    let rows: number[] = [];
    for await (const row of ws) {
      const values = row.values;
      const out: Cell[] = [];
      let empty = true;
      for (let i = 1; i < values.length; i++) {
        const v = xlsxCellValue(withResult(values[i], row, i, date1904()));
        if (v !== null && v !== '') empty = false;
        out.push(v);
      }
      if (empty) continue;
      cells.push(out);
      rows.push(row.number);
      if (cells.length >= batchSize) {
        yield { cells, rows };
        cells = [];
        rows = [];
      }
    }
    if (cells.length > 0) yield { cells, rows };
    return;
  }
}
