import { CchcError, type CchcIssue } from '../errors/CchcError.js';

/**
 * One bad row of an input file: where it is (file, row as a spreadsheet shows it, column header
 * and letter) and what was wrong.
 * @category Node
 */
export interface RowProblem {
  /** The file name (or the `name` given for a stream). */
  readonly file: string;
  /** The row number as a spreadsheet shows it (the header row counts; a multi-line cell is one row). */
  readonly row: number;
  /** The column as `Header (F)`, or `null` when the problem is about the whole row. */
  readonly column: string | null;
  /** The field of the record the column fills (`'dueAt'`), or `null`. */
  readonly field: string | null;
  /** One sentence: what was wrong, what was expected. */
  readonly message: string;
}

/**
 * What to do with a bad row: `'throw'` (default) stops at the first one with a {@link cchc-index!CchcError};
 * `'collect'` leaves the row out of the output and lists it in `problems`, so nothing disappears
 * silently.
 * @category Node
 */
export type BadRowPolicy = 'throw' | 'collect';

/** A problem as an issue: path `[file, row, column]`. @internal */
export function problemIssue(p: RowProblem): CchcIssue {
  const path: (string | number)[] = [p.file, p.row];
  if (p.column !== null) path.push(p.column);
  const where = p.column === null ? `row ${p.row}` : `row ${p.row}, column ${p.column}`;
  return { path, message: `${p.file}, ${where}: ${p.message}` };
}

/** The error for bad rows. @internal */
export function rowError(problems: readonly RowProblem[], cause?: unknown): CchcError {
  const first = problems[0]!;
  return new CchcError('INVALID_INPUT', problems.map(problemIssue), {
    ...(cause === undefined ? {} : { cause }),
    summary: `${first.file}: ${problems.length === 1 ? 'a bad row' : `${problems.length} bad rows`}.`,
  });
}
