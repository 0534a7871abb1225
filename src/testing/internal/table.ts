/**
 * Plain-text tables for assertion messages: fixed-width columns, no colours, no box characters, so
 * the message reads the same in vitest, jest, node:test and a CI log.
 * @internal
 * @module
 */

/** Characters as a reader counts them (code points, combining marks folded by NFC). */
function width(text: string): number {
  return [...text.normalize('NFC')].length;
}

/** `text` cut to `max` characters, with `…` when cut. @internal */
export function truncate(text: string, max: number): string {
  const chars = [...text.normalize('NFC')];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** One column: its heading and whether values are right-aligned (numbers). @internal */
export interface Column {
  readonly heading: string;
  readonly align?: 'left' | 'right';
}

/**
 * Renders rows under headings, each line indented by `indent`; trailing spaces are trimmed.
 * @internal
 */
export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  indent = '  ',
): string {
  const widths = columns.map((column, i) =>
    Math.max(width(column.heading), ...rows.map((row) => width(row[i] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    `${indent}${cells
      .map((cell, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i]! - width(cell)));
        return columns[i]?.align === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')}`.trimEnd();
  return [
    line(columns.map((column) => column.heading)),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((row) => line(row)),
  ].join('\n');
}
