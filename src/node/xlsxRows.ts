/**
 * Rows of the first (or a chosen) worksheet of an XLSX file, read with exceljs's streaming reader
 * so that memory stays flat on large workbooks.
 * @internal
 * @module
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell } from './cells.js';

/** A batch of XLSX rows (cells 0-based, row numbers as Excel shows them). @internal */
export interface CellBatch {
  readonly cells: Cell[][];
  readonly rows: number[];
}

function plain(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((p) => p.text).join('');
    if ('result' in v) return plain(v.result);
    if (typeof v.text === 'string') return v.text;
    if ('error' in v) return String(v.error);
  }
  return String(value);
}

/**
 * Reads rows in batches; empty rows are skipped (their numbers are not reused).
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
  let position = 0;
  for await (const ws of reader as unknown as AsyncIterable<
    AsyncIterable<{ number: number; values: unknown[] }> & { name?: string }
  >) {
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
        const v = plain(values[i]);
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
