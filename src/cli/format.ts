/**
 * Output helpers of the `cchc` command: tables as aligned text, CSV, Markdown or JSON.
 * @internal
 * @module
 */

/** An output format of tables. @internal */
export type OutputFormat = 'table' | 'json' | 'csv' | 'md';

/** A table: headers, rows of cells, and which columns are numbers (right-aligned). @internal */
export interface TextTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly numeric?: readonly boolean[];
}

function width(text: string): number {
  // Combining marks take no column (NFC text rarely has them, but NFD exports do).
  return [...text.normalize('NFC')].length;
}

function padTo(text: string, n: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, n - width(text)));
  return right ? fill + text : text + fill;
}

function csvCell(text: string): string {
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes a table in the chosen format (not JSON: JSON writes the data itself). @internal */
export function renderTable(table: TextTable, format: Exclude<OutputFormat, 'json'>): string {
  const { headers, rows } = table;
  const numeric = table.numeric ?? headers.map(() => false);
  if (format === 'csv') {
    return `${[headers, ...rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
  }
  if (format === 'md') {
    const esc = (t: string) => t.replace(/\|/g, '\\|');
    const sep = headers.map((_, i) => (numeric[i] ? '---:' : '---'));
    return `${[headers.map(esc), sep, ...rows.map((r) => r.map(esc))].map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`;
  }
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => padTo(c, widths[i]!, numeric[i] === true))
      .join('  ')
      .trimEnd();
  return `${[line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n')}\n`;
}
