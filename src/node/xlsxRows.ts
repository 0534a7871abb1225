/**
 * Rows of one worksheet of an XLSX file, parsed as the worksheet part is inflated, so memory stays
 * flat on large sheets (the shared strings are held, as every XLSX reader does).
 * @internal
 * @module
 */
import { CchcError } from '../errors/CchcError.js';
import { type Cell, UNREADABLE_CELL } from './cells.js';
import {
  decodeXstring,
  isDateFormat,
  openXlsxPackage,
  partText,
  readWorkbookInfo,
  type SheetInfo,
  type WorkbookInfo,
  xmlParser,
} from './xlsxPackage.js';

export { isDateFormat };

/** A batch of XLSX rows (cells 0-based, row numbers as Excel shows them). @internal */
export interface CellBatch {
  readonly cells: Cell[][];
  readonly rows: number[];
}

/** The value of a cell that cannot be read (see `UNREADABLE_CELL` in cells.ts). @internal */
export { UNREADABLE_CELL };

/** The last column Excel has (XFD), 0-based. */
const LAST_COLUMN = 16_383;

/**
 * The 0-based column of a cell reference (`B7` → 1, `AA1` → 26); `null` when it has no column
 * letters (the cell then follows the one before it).
 */
function columnOf(ref: string): number | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
    if (col > LAST_COLUMN + 1)
      throw new Error(`its cell reference ${JSON.stringify(ref)} is beyond column XFD`);
  }
  return i === 0 ? null : col - 1;
}

/** An Excel serial date (days from 1899-12-30, or from 1904-01-01) as the UTC instant of the time it shows. */
function excelDate(serial: number, date1904: boolean): Cell {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(date.getTime()) ? UNREADABLE_CELL : date;
}

const NUMBER = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?Z?$/;

/** An ISO 8601 date of a `t="d"` cell as the UTC instant of the time it shows. */
function isoDate(text: string): Cell {
  const m = ISO_DATE.exec(text.trim());
  if (m === null) return UNREADABLE_CELL;
  const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0'] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  date.setUTCFullYear(Number(y)); // years before 100 are not 19xx
  date.setUTCMilliseconds(Number(ms.padEnd(3, '0')));
  const valid = date.getUTCMonth() === Number(mo) - 1 && date.getUTCDate() === Number(d) && Number(h) < 24;
  return valid && Number(mi) < 60 && Number(s) < 60 ? date : UNREADABLE_CELL;
}

/** A cell as it is being read. */
interface CellState {
  type: string;
  style: number;
  formula: boolean;
  /** The text of `<v>`, `null` without one. */
  value: string | null;
  /** The text of `<is>` (an inline string), `null` without one. */
  inline: string | null;
}

/**
 * The value of a cell (ECMA-376 Part 1, §18.3.1.4 `c`, its type `t`): a shared string (`s`), an
 * inline string (`inlineStr`), a formula's text (`str`), an error (`e`, its text: `#N/A`), a
 * boolean (`b`), an ISO date (`d`), or a number (`n`, the default; a date when its style's number
 * format shows one). A formula gives its saved result, of any of these types; a formula without
 * one, a value that does not fit its type, or an unknown type gives {@link UNREADABLE_CELL}.
 */
function cellValue(c: CellState, book: WorkbookInfo): Cell {
  if (c.type === 'inlineStr' && c.inline !== null) return decodeXstring(c.inline);
  const v = c.value;
  if (v === null || (v === '' && c.type !== 'str' && c.type !== 'inlineStr'))
    return c.formula ? UNREADABLE_CELL : null;
  switch (c.type) {
    case 's': {
      const index = /^\s*\d+\s*$/.test(v) ? Number(v) : -1;
      return index >= 0 && index < book.sharedStrings.length
        ? (book.sharedStrings[index] as string)
        : UNREADABLE_CELL;
    }
    case 'str':
    case 'inlineStr':
      return decodeXstring(v);
    case 'e':
      return v.trim();
    case 'b':
      return isBoolean(v.trim());
    case 'd':
      return isoDate(v);
    case 'n': {
      if (!NUMBER.test(v)) return UNREADABLE_CELL;
      const n = Number(v);
      if (!Number.isFinite(n)) return UNREADABLE_CELL;
      return book.dateStyles[c.style] === true ? excelDate(n, book.date1904) : n;
    }
    default:
      return UNREADABLE_CELL;
  }
}

function isBoolean(text: string): Cell {
  if (text === '1' || text === 'true') return true;
  if (text === '0' || text === 'false') return false;
  return UNREADABLE_CELL;
}

/** Whether a row has a value: a row of empty cells (styled, or emptied) is no row. */
function hasValue(cells: readonly Cell[]): boolean {
  return cells.some((c) => c !== null && c !== undefined && c !== '');
}

/**
 * Parses a worksheet part into rows, calling `emit` for each row with a value (cells 0-based,
 * holes `null`).
 */
function worksheetParser(book: WorkbookInfo, emit: (cells: Cell[], row: number) => void) {
  let inData = false;
  let row: Cell[] | null = null;
  let rowNumber = 0;
  let nextColumn = 0;
  let cell: CellState | null = null;
  let column = 0;
  /** Where text goes: `<v>`, a `<t>` of `<is>`; nowhere else. */
  let capture: 'value' | 'inline' | null = null;
  let phonetic = 0;
  return xmlParser({
    open(name, a) {
      if (name === 'sheetData') inData = true;
      if (!inData) return;
      switch (name) {
        case 'row': {
          const r = a.r === undefined ? Number.NaN : Number(a.r);
          rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
          row = [];
          nextColumn = 0;
          break;
        }
        case 'c': {
          column = (a.r === undefined ? null : columnOf(a.r)) ?? nextColumn;
          if (column > LAST_COLUMN) throw new Error(`its row ${rowNumber} has a cell beyond column XFD`);
          const style = a.s === undefined ? 0 : Number(a.s);
          cell = { type: a.t ?? 'n', style, formula: false, value: null, inline: null };
          break;
        }
        case 'f':
          if (cell !== null) cell.formula = true;
          break;
        case 'v':
          if (cell !== null) {
            cell.value = '';
            capture = 'value';
          }
          break;
        case 'is':
          if (cell !== null) cell.inline = '';
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (cell !== null && cell.inline !== null && phonetic === 0) capture = 'inline';
          break;
      }
    },
    text(text) {
      if (cell === null || capture === null) return;
      if (capture === 'value') cell.value += text;
      else cell.inline += text;
    },
    close(name) {
      switch (name) {
        case 'sheetData':
          inData = false;
          break;
        case 'v':
        case 't':
          capture = null;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          if (row !== null && cell !== null) {
            const value = cellValue(cell, book);
            while (row.length < column) row.push(null);
            row[column] = value;
            nextColumn = column + 1;
          }
          cell = null;
          break;
        case 'row':
          if (row !== null) {
            while (row.length > 0 && row[row.length - 1] === null) row.pop();
            if (hasValue(row)) emit(row, rowNumber);
          }
          row = null;
          break;
      }
    },
  });
}

/** The sheet asked for, or a `CchcError` naming the sheets there are. */
function pickSheet(book: WorkbookInfo, sheet: string | number, name: string): SheetInfo {
  const found =
    typeof sheet === 'number' ? book.sheets[sheet - 1] : book.sheets.find((s) => s.name === sheet);
  const list = book.sheets.map((s) => JSON.stringify(s.name)).join(', ');
  const asked = typeof sheet === 'number' ? `sheet ${sheet}` : `sheet ${JSON.stringify(sheet)}`;
  const fail = (why: string) =>
    new CchcError('INVALID_INPUT', [{ path: [name], message: `${name}: ${why}` }]);
  if (found === undefined)
    throw fail(
      book.sheets.length === 0
        ? `the workbook has no sheets, so there is no ${asked}.`
        : `there is no ${asked}: expected one of its ${book.sheets.length} sheets (${list}) by name, or a position from 1 to ${book.sheets.length}.`,
    );
  if (!found.worksheet)
    throw fail(`${asked} (${JSON.stringify(found.name)}) is a chart or dialog sheet, which has no cells.`);
  return found;
}

/**
 * Reads rows in batches; empty rows are skipped (their numbers are not reused). A cell that
 * cannot be read is {@link UNREADABLE_CELL}.
 * @param input - a path, or the file's bytes as a stream (held in memory: a zip's index is at its end).
 * @param sheet - a worksheet name, or its 1-based position among the workbook's tabs (default 1).
 * @param name - the file's name in messages.
 * @throws {@link CchcError} `INVALID_INPUT` when the sheet is not there; other errors (not a zip,
 * a part missing or not XML) are the caller's to report.
 * @internal
 */
export async function* xlsxRowBatches(
  input: string | AsyncIterable<Uint8Array>,
  sheet: string | number = 1,
  batchSize = 2048,
  name = 'the workbook',
): AsyncGenerator<CellBatch> {
  const pkg = await openXlsxPackage(input);
  try {
    const book = await readWorkbookInfo(pkg);
    const target = pickSheet(book, sheet, name);
    if (target.part === null)
      throw new Error(`the relationship of its sheet ${JSON.stringify(target.name)} is missing`);
    let cells: Cell[][] = [];
    let rows: number[] = [];
    const parser = worksheetParser(book, (c, r) => {
      cells.push(c);
      rows.push(r);
    });
    /** The rows read so far, in batches; a last short batch only at the end. */
    function* batches(end: boolean): Generator<CellBatch> {
      while (cells.length >= batchSize || (end && cells.length > 0)) {
        yield { cells: cells.slice(0, batchSize), rows: rows.slice(0, batchSize) };
        cells = cells.slice(batchSize);
        rows = rows.slice(batchSize);
      }
    }
    for await (const text of partText(pkg, target.part)) {
      parser.write(text);
      yield* batches(false);
    }
    parser.close();
    yield* batches(true);
  } finally {
    pkg.zip.close();
  }
}
