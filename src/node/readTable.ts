/**
 * Small tables with a header row (procedure reviews, assessments): every row as an object of
 * the fields found, with its row number.
 * @internal
 * @module
 */
import type { Readable } from 'node:stream';
import { CchcError } from '../errors/CchcError.js';
import { type Cell, cellText, UNREADABLE_CELL, UNREADABLE_MESSAGE, utf8Of } from './cells.js';
import { columnLetter, locateColumns, mergeColumns } from './columns.js';
import type { RowProblem } from './RowProblem.js';
import { type FileReadOptions, sourceBatches } from './sources.js';

/** One row: its cells by field, its number, and the column label of each field. @internal */
export interface TableRow<F extends string> {
  readonly row: number;
  readonly cells: Partial<Record<F, Cell>>;
  /** The fields whose cell could not be read (`UNREADABLE_CELL`), to report as problems. */
  readonly unreadable: readonly F[];
}

/** The rows of a table and where its fields are. @internal */
export interface Table<F extends string> {
  readonly rows: TableRow<F>[] | null;
  /** JSON or NDJSON values, when the file is JSON. */
  readonly objects: { value: unknown; row: number }[] | null;
  readonly columnOf: (field: F) => string | null;
}

/** Reads a whole table: the header is the first row naming every required field. @internal */
export async function readTable<F extends string>(
  input: string | Readable | AsyncIterable<Uint8Array | string>,
  name: string,
  defaults: { readonly [K in F]?: readonly string[] },
  required: readonly F[],
  options: FileReadOptions & { columns?: { [K in F]?: string | readonly string[] } },
): Promise<Table<F>> {
  const map = mergeColumns<F>(defaults, options.columns);
  let index: Partial<Record<F, number>> | null = null;
  let header: string[] = [];
  let first: string[] | null = null;
  const rows: TableRow<F>[] = [];
  const objects: { value: unknown; row: number }[] = [];
  let json = false;
  for await (const batch of sourceBatches(input, name, options)) {
    if (batch.objects) {
      json = true;
      for (const [i, value] of batch.objects.entries()) objects.push({ value, row: batch.rows[i]! });
      continue;
    }
    const cells = batch.cells!;
    for (let i = 0; i < cells.length; i++) {
      const raw = cells[i]!;
      // Binary batches come from the CSV fast path only: every cell is a byte string.
      const line = batch.binary ? raw.map((c) => utf8Of(c as string)) : raw;
      if (index === null) {
        const found = locateColumns<F>(line, map);
        if (required.every((f) => found[f] !== undefined)) {
          index = found;
          header = line.map((c) => cellText(c));
        } else first ??= line.map((c) => cellText(c));
        continue;
      }
      const out: Partial<Record<F, Cell>> = {};
      const unreadable: F[] = [];
      for (const field of Object.keys(index) as F[]) {
        const cell = line[index[field]!];
        if (cell === UNREADABLE_CELL) unreadable.push(field);
        out[field] = cell;
      }
      rows.push({ row: batch.rows[i]!, cells: out, unreadable });
    }
  }
  if (json) return { rows: null, objects, columnOf: (f) => f };
  if (index === null) {
    const wanted = required.map((f) => `${f} (${(map[f] ?? []).map((h) => `"${h}"`).join(', ')})`).join('; ');
    throw new CchcError('INVALID_INPUT', [
      {
        path: [name, 1],
        message: `${name}: no header row with the columns ${wanted} (the first row has ${first ? first.map((c) => JSON.stringify(c)).join(', ') : 'nothing'}); pass columns to map the file's headers.`,
      },
    ]);
  }
  const ix = index;
  return {
    rows,
    objects: null,
    columnOf: (f) => (ix[f] === undefined ? null : `"${header[ix[f]!]}" (${columnLetter(ix[f]!)})`),
  };
}

/** The problems of the unreadable cells of a row (none when every cell used could be read). @internal */
export function unreadableProblems<F extends string>(
  table: Table<F>,
  name: string,
  entry: TableRow<F>,
): RowProblem[] {
  return entry.unreadable.map((field) => ({
    file: name,
    row: entry.row,
    column: table.columnOf(field),
    field,
    message: UNREADABLE_MESSAGE,
  }));
}
