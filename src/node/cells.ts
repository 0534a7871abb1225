/**
 * Cell values of exports → the library's input values: text, timestamps (ISO or Vietnamese
 * `dd/mm/yyyy [hh:mm[:ss]]`, Excel dates), yes/no, numbers (JS or vi notation).
 * @internal
 * @module
 */
import { NO_TEXTS, normalizeLabel, YES_TEXTS } from './columns.js';

/** A cell as read: text (CSV), or a number, boolean, Date or null (XLSX). @internal */
export type Cell = string | number | boolean | Date | null | undefined;

/**
 * The value of an XLSX cell that could not be read (a formula without a saved result, an
 * invalid date, a kind of value the reader does not know). It starts with a lone surrogate, which
 * neither XML (an XLSX file) nor decoded UTF-8 (a CSV file) can hold, so no real cell equals it;
 * the readers report a row holding one in a column they use (see {@link UNREADABLE_MESSAGE}).
 * @internal
 */
export const UNREADABLE_CELL = '\udfff#UNREADABLE!';

/** The problem of an unreadable cell, after the column's name. @internal */
export const UNREADABLE_MESSAGE =
  'could not be read (a formula without a saved result, or a value of a kind the reader does not know): open the file in Excel, save it and read it again, or type the value.';

const NON_ASCII = /[\u0080-\uffff]/;

/** The text of a byte string (see `RowBatch.binary`): ASCII as is, else decoded as UTF-8. @internal */
export function utf8Of(bytes: string): string {
  return NON_ASCII.test(bytes) ? Buffer.from(bytes, 'latin1').toString('utf8') : bytes;
}

/** Trimmed text of a cell, `''` when empty. @internal */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') {
    const c0 = cell.charCodeAt(0);
    const cl = cell.charCodeAt(cell.length - 1);
    return c0 === 32 || cl === 32 || c0 === 9 || cl === 9 || c0 === 160 || cl === 160 ? cell.trim() : cell;
  }
  if (cell instanceof Date) return wallClock(cell);
  return String(cell);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * An Excel date as the wall-clock time it shows: the XLSX reader returns dates as UTC instants of
 * the displayed time, so the UTC fields are the local time of the export. Midnight is a bare date.
 */
function wallClock(d: Date): string {
  const date = `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  if (h === 0 && m === 0 && s === 0) return date;
  return `${date}T${pad2(h)}:${pad2(m)}:${pad2(s)}`;
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME_DMY = /^(\d{1,2}):(\d{2})(?::(\d{2}))?[ ,]+(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * A timestamp cell as the text {@link DossierTimestampSchema} reads: ISO text passes unchanged;
 * `dd/mm/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`, optionally with `hh:mm[:ss]` after (or before) the date,
 * becomes `yyyy-mm-dd[Thh:mm:ss]`; an Excel date becomes its wall-clock time. Anything else is
 * returned as it is, for the record check to reject with the field's sentence. `''` when empty.
 * @internal
 */
export function cellTimestamp(cell: Cell): string {
  if (cell instanceof Date) return wallClock(cell);
  const t = cellText(cell);
  if (t.length === 0) return t;
  const c4 = t.charCodeAt(4);
  if (c4 === 45 && t.charCodeAt(7) === 45) return t; // ISO
  let m = DMY.exec(t);
  if (m) {
    const date = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    if (m[4] === undefined) return date;
    return `${date}T${m[4].padStart(2, '0')}:${m[5]}:${m[6] ?? '00'}`;
  }
  m = TIME_DMY.exec(t);
  if (m) {
    return `${m[6]}-${m[5]!.padStart(2, '0')}-${m[4]!.padStart(2, '0')}T${m[1]!.padStart(2, '0')}:${m[2]}:${m[3] ?? '00'}`;
  }
  return t;
}

/** `true`, `false`, or `null` when the text is neither (`'có'`, `'x'`, `'1'` … / `'không'`, `''` …). @internal */
export function cellBoolean(cell: Cell): boolean | null {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : null;
  const t = normalizeLabel(cellText(cell));
  if (YES_TEXTS.has(t)) return true;
  if (NO_TEXTS.has(t)) return false;
  return null;
}

const JS_NUMBER = /^-?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/;
const VI_DECIMAL = /^-?\d{1,3}(\.\d{3})*,\d+$|^-?\d+,\d+$/;
const VI_GROUPED = /^-?\d{1,3}(\.\d{3})+$/;

/**
 * A number cell as a JS-notation numeric string (`'91.5'`), or `null` when it is not a number.
 * Accepts `91.5` and the Vietnamese `91,5`, `1.234,5`; `1.234` (dot groups only) is read as the
 * vi number 1234 only when `viGroups` is set, else as 1.234.
 * @internal
 */
export function cellNumber(cell: Cell, viGroups = false): string | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : null;
  const t = cellText(cell).replace(/\s/g, '');
  if (t === '') return null;
  if (VI_DECIMAL.test(t)) return t.replace(/\./g, '').replace(',', '.');
  if (viGroups && VI_GROUPED.test(t)) return t.replace(/\./g, '');
  if (JS_NUMBER.test(t)) return t;
  return null;
}
