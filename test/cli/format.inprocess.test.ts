/** The table writer of the `cchc` command: aligned text, CSV quoting, Markdown escaping. */
import { describe, expect, it } from 'vitest';
import { renderTable, type TextTable } from '../../src/cli/format.js';

const TABLE: TextTable = {
  headers: ['Đơn vị', 'Điểm'],
  rows: [
    ['Xã "Mới", huyện B', '8,5'],
    ['a|b; c', '10'],
    ['dòng\nhai', '1'],
  ],
  numeric: [false, true],
};

describe('renderTable', () => {
  it('csv: quotes cells with a quote, comma, semicolon or line break, doubling quotes', () => {
    expect(renderTable(TABLE, 'csv')).toBe(
      'Đơn vị,Điểm\n"Xã ""Mới"", huyện B","8,5"\n"a|b; c",10\n"dòng\nhai",1\n',
    );
    expect(renderTable({ headers: ['x'], rows: [['carriage\rreturn']] }, 'csv')).toBe(
      'x\n"carriage\rreturn"\n',
    );
  });

  it('md: escapes pipes, aligns numeric columns right', () => {
    expect(renderTable(TABLE, 'md').split('\n').slice(0, 4)).toEqual([
      '| Đơn vị | Điểm |',
      '| --- | ---: |',
      '| Xã "Mới", huyện B | 8,5 |',
      '| a\\|b; c | 10 |',
    ]);
  });

  it('table: pads text left and numbers right, trims line ends, a rule under the header', () => {
    expect(
      renderTable(
        {
          headers: ['a', 'n'],
          rows: [
            ['xx', '1'],
            ['y', '10'],
          ],
          numeric: [false, true],
        },
        'table',
      ),
    ).toBe('a    n\n──  ──\nxx   1\ny   10\n');
  });

  it('table: counts a decomposed (NFD) Vietnamese letter as one column, like its NFC form', () => {
    const nfd = 'Hà Nội'.normalize('NFD');
    expect(nfd.length).toBeGreaterThan('Hà Nội'.length);
    const out = renderTable(
      {
        headers: ['Tên', 'n'],
        rows: [
          [nfd, '1'],
          ['Huế', '2'],
        ],
        numeric: [false, true],
      },
      'table',
    );
    expect(out.split('\n')[1]).toBe('──────  ─');
    expect(out.split('\n')[3]).toBe('Huế     2');
  });

  it('without numeric flags every column is text; missing cells count as empty', () => {
    expect(renderTable({ headers: ['a', 'b'], rows: [['1']] }, 'table')).toBe('a  b\n─  ─\n1\n');
    expect(renderTable({ headers: ['a', 'b'], rows: [['1', '2']] }, 'md')).toBe(
      '| a | b |\n| --- | --- |\n| 1 | 2 |\n',
    );
  });
});
