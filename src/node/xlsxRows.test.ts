/**
 * XLSX cell values: every shape exceljs documents (`CellValue`: rich text, hyperlinks with plain or
 * rich text, formulas and shared formulas with their results, errors, dates), read from a workbook
 * written by exceljs through the public reader, and unknown shapes never read as "[object Object]".
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readAssessmentFile } from './index.js';
import { UNREADABLE_CELL, xlsxRowBatches } from './xlsxRows.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cchc-xlsx-cells-'));
const rich = (...runs: string[]) => ({
  richText: runs.map((text, i) => (i % 2 === 1 ? { text, font: { bold: true } } : { text })),
});

describe('XLSX written by exceljs, read through the public reader', () => {
  async function workbook(): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Chấm điểm');
    ws.addRow(['Mã đơn vị', 'Tên đơn vị', 'Kỳ đánh giá', 'Mã tiêu chí', 'Vòng chấm', 'Điểm', 'Ghi chú']);
    const rows: unknown[][] = [
      // unit: a hyperlink with rich text; name: a plain hyperlink; score: a formula whose result is 0;
      // note: a HYPERLINK formula, whose result is its text.
      [
        { text: rich('xa-', 'a'), hyperlink: 'https://xa-a.vn' },
        { text: 'UBND xã A', hyperlink: 'https://xa-a.vn/ubnd' },
        2024,
        '1.1',
        'Tự chấm',
        { formula: '1-1', result: 0 },
        { formula: 'HYPERLINK("https://xa-a.vn/mc","xem minh chứng")', result: 'xem minh chứng' },
      ],
      // score: a formula with a number result; note: rich text.
      ['xa-a', null, 2024, '1.2', 'Tự chấm', { formula: '2+3.5', result: 5.5 }, rich('đủ ', 'hồ sơ')],
      // score: an error cell.
      ['xa-a', null, 2024, '1.3', 'Tự chấm', { error: '#N/A' }, null],
      // score: a formula whose result is an error: its text, as for an error cell.
      ['xa-a', null, 2024, '1.4', 'Tự chấm', { formula: '1/0', result: { error: '#DIV/0!' } }, null],
      // score: a formula without a cached result (as written by programs that do not calculate).
      ['xa-a', null, 2024, '1.5', 'Tự chấm', { formula: 'F2+1' }, null],
      // score: a formula with a boolean result.
      ['xa-a', null, 2024, '1.6', 'Tự chấm', { formula: 'TRUE()', result: true }, null],
    ];
    for (const values of rows) {
      const row = ws.addRow([]);
      values.forEach((value, i) => {
        row.getCell(i + 1).value = value as ExcelJS.CellValue;
      });
    }
    const file = path.join(dir, 'cells.xlsx');
    await wb.xlsx.writeFile(file);
    return file;
  }

  it('reads every cell as its text, number or result; none as "[object Object]"; an unreadable one is a bad row', async () => {
    const file = await workbook();
    const cells: unknown[][] = [];
    for await (const batch of xlsxRowBatches(file)) cells.push(...batch.cells);
    expect(cells.slice(1)).toStrictEqual([
      ['xa-a', 'UBND xã A', 2024, '1.1', 'Tự chấm', 0, 'xem minh chứng'],
      ['xa-a', null, 2024, '1.2', 'Tự chấm', 5.5, 'đủ hồ sơ'],
      ['xa-a', null, 2024, '1.3', 'Tự chấm', '#N/A'],
      ['xa-a', null, 2024, '1.4', 'Tự chấm', '#DIV/0!'],
      ['xa-a', null, 2024, '1.5', 'Tự chấm', UNREADABLE_CELL],
      ['xa-a', null, 2024, '1.6', 'Tự chấm', true],
    ]);
    expect(JSON.stringify(cells)).not.toContain('[object');

    // The unreadable score is a bad row, named by row and column; the rest is read.
    await expect(readAssessmentFile(file)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ path: ['cells.xlsx', 6, '"Điểm" (F)'] }],
    });
    const { assessments, problems } = await readAssessmentFile(file, { onBadRow: 'collect' });
    expect(problems).toEqual(
      [6].map((row) => ({
        file: 'cells.xlsx',
        row,
        column: '"Điểm" (F)',
        field: 'value',
        message:
          'could not be read (a formula without a saved result, or a value of a kind the reader does not know): open the file in Excel, save it and read it again, or type the value.',
      })),
    );
    expect(assessments).toEqual([
      {
        unit: { id: 'xa-a', name: 'UBND xã A' },
        period: '2024',
        entries: {
          '1.1': { self: { value: 0, note: 'xem minh chứng' } },
          '1.2': { self: { value: 5.5, note: 'đủ hồ sơ' } },
          '1.3': { self: { value: '#N/A' } },
          '1.4': { self: { value: '#DIV/0!' } },
          '1.6': { self: { value: true } },
        },
      },
    ]);
  });
});

describe('unreadable cells in the columns a reader uses are bad rows; elsewhere they are ignored', () => {
  const MESSAGE =
    'could not be read (a formula without a saved result, or a value of a kind the reader does not know): open the file in Excel, save it and read it again, or type the value.';

  async function write(name: string, rows: unknown[][]): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    for (const values of rows) {
      const row = ws.addRow([]);
      values.forEach((value, i) => {
        row.getCell(i + 1).value = value as ExcelJS.CellValue;
      });
    }
    const file = path.join(dir, name);
    await wb.xlsx.writeFile(file);
    return file;
  }

  it('dossiers: a unit from a formula without a result; a note column nobody reads', async () => {
    const { readDossierFile } = await import('./readDossierFile.js');
    const file = await write('dossiers-unreadable.xlsx', [
      ['Mã hồ sơ', 'Đơn vị', 'Kênh nộp', 'Ngày tiếp nhận', 'Ghi chú'],
      ['HS1', { formula: 'B9' }, 'Trực tuyến', '2024-03-01', null],
      ['HS2', 'Xã A', 'Trực tuyến', '2024-03-01', { formula: 'X1' }],
      [{ formula: 'A9' }, 'Xã A', { formula: 'C9' }, '2024-03-01', null],
    ]);
    const reader = readDossierFile(file, { onBadRow: 'collect' });
    const ids: unknown[] = [];
    for await (const r of reader) ids.push(r.id);
    expect(ids).toEqual(['HS2']);
    expect(reader.problems).toEqual([
      { file: 'dossiers-unreadable.xlsx', row: 2, column: '"Đơn vị" (B)', field: 'unit', message: MESSAGE },
      { file: 'dossiers-unreadable.xlsx', row: 4, column: '"Mã hồ sơ" (A)', field: 'id', message: MESSAGE },
      {
        file: 'dossiers-unreadable.xlsx',
        row: 4,
        column: '"Kênh nộp" (C)',
        field: 'channel',
        message: MESSAGE,
      },
    ]);
  });

  it('procedure reviews: a name from a formula without a result', async () => {
    const { readProcedureFile } = await import('./readProcedureFile.js');
    const file = await write('procedures-unreadable.xlsx', [
      ['Mã TTHC', 'Tên TTHC', 'Thời gian trước cắt giảm', 'Thời gian sau cắt giảm'],
      ['1.001', { formula: 'Z1' }, 20, 15],
      ['1.002', 'Cấp phép', 10, 8],
    ]);
    const { procedures, problems } = await readProcedureFile(file, { onBadRow: 'collect' });
    expect(procedures.map((p) => p.code)).toEqual(['1.002']);
    expect(problems).toEqual([
      {
        file: 'procedures-unreadable.xlsx',
        row: 2,
        column: '"Tên TTHC" (B)',
        field: 'name',
        message: MESSAGE,
      },
    ]);
  });

  it('no cell of a CSV file or of XLSX text can equal the marker', () => {
    expect(UNREADABLE_CELL.charCodeAt(0)).toBe(0xdfff);
    expect(new TextDecoder('utf8').decode(Buffer.from(UNREADABLE_CELL))).not.toBe(UNREADABLE_CELL);
  });
});

describe('formulas that show a date', () => {
  it('are read as the date they show (1900 and 1904 workbooks); a bare number in a date column is refused', async () => {
    const { readDossierFile } = await import('./readDossierFile.js');
    for (const date1904 of [false, true]) {
      const wb = new ExcelJS.Workbook();
      wb.properties.date1904 = date1904;
      const ws = wb.addWorksheet('Hồ sơ');
      ws.addRow(['Mã hồ sơ', 'Kênh nộp', 'Ngày tiếp nhận', 'Ngày hẹn trả']);
      // 45352 is 2024-03-01 in the 1900 system (43890 in the 1904 one); 45356.5 is 5 March, noon.
      const base = date1904 ? 1462 : 0;
      const add = (id: string, received: unknown, due: unknown, format: string | null) => {
        const row = ws.addRow([id, 'Trực tuyến']);
        row.getCell(3).value = received as ExcelJS.CellValue;
        row.getCell(4).value = due as ExcelJS.CellValue;
        if (format !== null) {
          row.getCell(3).numFmt = format;
          row.getCell(4).numFmt = format;
        }
      };
      add(
        'HS1',
        { formula: 'DATE(2024,3,1)', result: 45352 - base },
        { formula: 'C2+4.5', result: 45356.5 - base },
        'dd/mm/yyyy hh:mm',
      );
      add(
        'HS2',
        { formula: 'DATE(2024,3,1)', result: 45352 - base },
        { formula: 'C3+4', result: 45356 - base },
        '[$-42A]d mmmm yyyy;@',
      );
      add('HS3', { formula: 'DATE(2024,3,1)', result: 45352 - base }, null, '0.00');
      const file = path.join(dir, `formula-dates-${date1904}.xlsx`);
      await wb.xlsx.writeFile(file);
      const reader = readDossierFile(file, { onBadRow: 'collect' });
      const records: unknown[] = [];
      for await (const r of reader) records.push([r.id, r.receivedAt, r.dueAt]);
      expect(records, `date1904 ${date1904}`).toEqual([
        ['HS1', '2024-03-01', '2024-03-05T12:00:00'],
        ['HS2', '2024-03-01', '2024-03-05'],
      ]);
      expect(reader.problems.map((p) => [p.row, p.field, p.message.includes(`"${45352 - base}"`)])).toEqual([
        [4, 'receivedAt', true],
      ]);
    }
  });

  it('date formats as exceljs tells them', async () => {
    const { isDateFormat } = await import('./xlsxRows.js');
    for (const f of ['dd/mm/yyyy', 'd-mmm-yy', 'h:mm', '[$-42A]dd/mm/yyyy', 'mm:ss', 'yyyy'])
      expect(isDateFormat(f), f).toBe(true);
    for (const f of ['General', '0.00', '#,##0', '"ngày"0', '[Red]0.0', '@', '', undefined, 42])
      expect(isDateFormat(f), String(f)).toBe(false);
  });
});
