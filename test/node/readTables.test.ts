/**
 * readAssessmentFile and readProcedureFile: tables (CSV with ; and tab, BOM, CRLF, quoted line
 * breaks, Vietnamese headers and values, unknown headers, title rows), XLSX, JSON and NDJSON, and
 * bad rows with 'throw' and 'collect' naming the file, row and column.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CchcError } from '../../src/errors/CchcError.js';
import { readAssessmentFile } from '../../src/node/readAssessmentFile.js';
import { readProcedureFile } from '../../src/node/readProcedureFile.js';

const FIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/node');
const fx = (name: string) => path.join(FIX, name);
const dir = mkdtempSync(path.join(tmpdir(), 'cchc-tables-'));
const tmp = (name: string, content: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};

async function failure(p: Promise<unknown>): Promise<CchcError> {
  const e = await p.then(
    () => null,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(CchcError);
  return e as CchcError;
}

const HEAD = 'Mã đơn vị,Kỳ đánh giá,Mã tiêu chí,Vòng chấm,Điểm';

describe('readAssessmentFile', () => {
  it('a ;-separated table with a BOM, CRLF and a quoted line break: one assessment per unit and period', async () => {
    const { assessments, problems } = await readAssessmentFile(fx('assessments-semicolon.csv'));
    expect(problems).toEqual([]);
    expect(assessments).toEqual([
      {
        unit: { id: 'xa-a', name: 'UBND xã A' },
        period: '2024',
        entries: {
          '1.1': { self: { value: 'kip-thoi' } },
          '1.3': { self: { value: true, note: 'đủ báo cáo;\r\nđúng hạn' } },
          '1.4': { self: { value: 5.5 }, 'appraisal-1': { value: 5, note: 'giảm 0,5 điểm' } },
          '1.2': { 'appraisal-2': { value: 0.9 } },
          '2.3': { self: { notApplicable: true, note: 'không phát sinh' } },
          '9': { superior: { value: 8.5 } },
          B1: { survey: { value: 2 } },
        },
      },
      { unit: { id: 'xa-b' }, period: '2024', entries: { '1.3': { superior: { value: false } } } },
    ]);
  });

  it('--period for a table without a period column; units in two periods are two assessments', async () => {
    const noPeriod = tmp('no-period.csv', 'Mã đơn vị,Mã tiêu chí,Điểm\nxa-a,1.1,1\n');
    expect((await readAssessmentFile(noPeriod, { period: '2025' })).assessments).toEqual([
      { unit: { id: 'xa-a' }, period: '2025', entries: { '1.1': { self: { value: 1 } } } },
    ]);
    const two = tmp('two.csv', `${HEAD}\nxa-a,2023,1.1,,1\nxa-a,2024,1.1,,0\nxa-a,,1.2,,2\n`);
    const { assessments } = await readAssessmentFile(two, { period: '2024' });
    expect(assessments.map((a) => [a.period, Object.keys(a.entries ?? {})])).toEqual([
      ['2023', ['1.1']],
      ['2024', ['1.1', '1.2']],
    ]);
  });

  it('no header row: the columns looked for and the first row seen; an empty file has nothing', async () => {
    const error = await failure(readAssessmentFile(tmp('nohead.csv', 'Đơn vị chấm,Điểm\nxa-a,1\n')));
    expect(error.issues).toEqual([
      {
        path: ['nohead.csv', 1],
        message:
          'nohead.csv: no header row with the columns unit ("mã đơn vị", "đơn vị", "unit"); criterion ("mã tiêu chí", "tiêu chí", "criterion"); period ("kỳ đánh giá", "kỳ", "năm", "period") (the first row has "Đơn vị chấm", "Điểm"); pass columns to map the file\'s headers.',
      },
    ]);
    const empty = await failure(readAssessmentFile(tmp('empty.csv', '')));
    expect(empty.issues[0]!.message).toContain('(the first row has nothing)');
  });

  it('columns override the headers', async () => {
    const file = tmp('custom.csv', 'Xã,Năm học,TC,Số điểm\nxa-a,2024,1.1,1\n');
    const { assessments } = await readAssessmentFile(file, {
      columns: { unit: 'Xã', period: ['Năm học'], criterion: 'TC', value: 'Số điểm' },
    });
    expect(assessments).toEqual([
      { unit: { id: 'xa-a' }, period: '2024', entries: { '1.1': { self: { value: 1 } } } },
    ]);
  });

  it('bad rows: "throw" names the file, row and column; "collect" lists every problem of every row', async () => {
    const text = [
      'Mã đơn vị,Kỳ đánh giá,Mã tiêu chí,Vòng chấm,Điểm,Không áp dụng',
      'xa-a,2024,1.1,Tự chấm,1,',
      ',2024,,Hội đồng,1,', // row 3: unit, criterion and stage
      'xa-a,,1.2,,1,', // row 4: period
      'xa-a,2024,1.3,,có,có lẽ', // row 5: not applicable
      'xa-a,2024,1.1,Tự chấm,0,', // row 6: the same criterion and stage again
    ].join('\n');
    const file = tmp('bad-assess.csv', `${text}\n`);
    const error = await failure(readAssessmentFile(file));
    expect(error.issues.map((i) => i.message)).toEqual([
      'bad-assess.csv, row 3, column "Mã đơn vị" (A): is empty: expected the unit id (mã đơn vị).',
      'bad-assess.csv, row 3, column "Mã tiêu chí" (C): is empty: expected the criterion id (mã tiêu chí), e.g. "1.2".',
      'bad-assess.csv, row 3, column "Vòng chấm" (D): expected a stage ("Tự chấm", "Thẩm định lần 1", "Cấp trên", "Điều tra XHH" …), received "Hội đồng".',
    ]);
    const { assessments, problems } = await readAssessmentFile(file, { onBadRow: 'collect' });
    expect(problems.map((p) => [p.row, p.column, p.field])).toEqual([
      [3, '"Mã đơn vị" (A)', 'unit'],
      [3, '"Mã tiêu chí" (C)', 'criterion'],
      [3, '"Vòng chấm" (D)', 'stage'],
      [4, '"Kỳ đánh giá" (B)', 'period'],
      [5, '"Không áp dụng" (F)', 'notApplicable'],
      [6, '"Mã tiêu chí" (C)', 'criterion'],
    ]);
    expect(problems[4]!.message).toBe('expected yes or no, received "có lẽ".');
    expect(problems[5]!.message).toBe(
      'criterion "1.1" at stage "self" of unit "xa-a" appears a second time: expected it once.',
    );
    expect(assessments).toEqual([
      { unit: { id: 'xa-a' }, period: '2024', entries: { '1.1': { self: { value: 1 } } } },
    ]);
  });

  it('a table row the assessment check rejects is named by unit (no single row to blame)', async () => {
    const file = tmp('huge.csv', `${HEAD}\nxa-a,2024,1.1,,1e999\n`);
    const { problems, assessments } = await readAssessmentFile(file, { onBadRow: 'collect' });
    expect(assessments).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'huge.csv',
      row: 0,
      column: null,
      field: 'entries.1.1.self.value',
    });
    expect(problems[0]!.message).toMatch(/^unit "xa-a": /);
  });

  it('XLSX: numbers and booleans as typed in the cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Chấm điểm');
    ws.addRow([
      'Mã đơn vị',
      'Tên đơn vị',
      'Kỳ đánh giá',
      'Mã tiêu chí',
      'Vòng chấm',
      'Điểm',
      'Không áp dụng',
    ]);
    ws.addRow(['xa-a', 'UBND xã A', 2024, '1.2', 'Tự chấm', 0.95, false]);
    ws.addRow(['xa-a', 'UBND xã A', 2024, '1.3', 'Tự chấm', true, null]);
    ws.addRow(['xa-a', 'UBND xã A', 2024, '2.3', 'Tự chấm', null, true]);
    const file = path.join(dir, 'cham.xlsx');
    await wb.xlsx.writeFile(file);
    expect((await readAssessmentFile(file)).assessments).toEqual([
      {
        unit: { id: 'xa-a', name: 'UBND xã A' },
        period: '2024',
        entries: {
          '1.2': { self: { value: 0.95 } },
          '1.3': { self: { value: true } },
          '2.3': { self: { notApplicable: true } },
        },
      },
    ]);
  });

  it('JSON: one assessment or a list, checked like AssessmentSchema, problems with their path', async () => {
    const one = { unit: { id: 'xa-a' }, period: '2024', entries: { '1.1': { self: { value: 1 } } } };
    expect((await readAssessmentFile(tmp('one.json', JSON.stringify(one)))).assessments).toEqual([one]);
    const list = [
      one,
      { unit: { id: '' }, period: '2024' },
      { unit: { id: 'xa-c' }, period: '2024', extra: true },
    ];
    const file = tmp('list.json', JSON.stringify(list));
    const error = await failure(readAssessmentFile(file));
    // Each item of a JSON list is a row of its own.
    expect(error.issues[0]!.path).toEqual(['list.json', 2, 'unit.id']);
    const { assessments, problems } = await readAssessmentFile(file, { onBadRow: 'collect' });
    expect(assessments).toEqual([one]);
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'unit.id'],
      [3, null], // an unknown key: the whole item
    ]);
    // An NDJSON line may hold a list: its items are numbered in the column.
    const nd = tmp('lists.ndjson', `${JSON.stringify([one, { unit: { id: 'xa-d' } }])}\n`);
    const lines = await readAssessmentFile(nd, { onBadRow: 'collect' });
    expect(lines.assessments).toEqual([one]);
    expect(lines.problems.map((p) => [p.row, p.column])).toEqual([[1, '1.period']]);
  });

  it('NDJSON: one assessment per line; a bad one names its line', async () => {
    const good = JSON.stringify({ unit: { id: 'xa-a' }, period: '2024' });
    const file = tmp('a.ndjson', `${good}\n\n{"unit":{"id":"xa-b"}}\n`);
    const { assessments, problems } = await readAssessmentFile(file, { onBadRow: 'collect' });
    expect(assessments).toEqual([{ unit: { id: 'xa-a' }, period: '2024' }]);
    expect(problems).toEqual([
      { file: 'a.ndjson', row: 3, column: 'period', field: 'period', message: expect.any(String) as string },
    ]);
  });

  it('a stream (CSV by default) is named "input" or by name', async () => {
    const bad = `${HEAD}\n,2024,1.1,,1\n`;
    const unnamed = await failure(readAssessmentFile(Readable.from([bad])));
    expect(unnamed.issues[0]!.path).toEqual(['input', 2, '"Mã đơn vị" (A)']);
    const named = await failure(readAssessmentFile(Readable.from([bad]), { name: 'upload.csv' }));
    expect(named.issues[0]!.path[0]).toBe('upload.csv');
  });
});

describe('readProcedureFile', () => {
  it('a tab-separated table with a title row and CRLF: levels, units and vi numbers mapped', async () => {
    const { procedures, problems } = await readProcedureFile(fx('procedures-tab.tsv'));
    expect(problems).toEqual([]);
    expect(procedures).toEqual([
      {
        code: '1.001',
        name: 'Cấp giấy phép xây dựng',
        level: 'huyen',
        before: '20',
        after: '15',
        unit: 'working-days',
      },
      {
        code: '1.002',
        name: 'Đăng ký\r\nhộ kinh doanh',
        level: 'xa',
        before: '3.5',
        after: '2',
        unit: 'days',
      },
      { code: '1.003', name: 'Cấp phép', level: 'tinh', before: '48', after: '24', unit: 'hours' },
      { code: '1.004', name: 'Thẩm định', level: 'bo', before: '2', after: '1', unit: 'months' },
      { code: '1.005', name: 'Không ghi', before: '10', after: '10' },
    ]);
  });

  it('bad rows: a time that is not a number, an unknown level or unit, after > before is fine for the reader', async () => {
    const file = tmp(
      'bad-proc.csv',
      'Mã TTHC;Cấp;Thời gian trước cắt giảm;Thời gian sau cắt giảm;Đơn vị tính\n1;xã;mười;;ngày\n2;thôn;5;3;ngày\n3;xã;5;3;tuần\n4;xã;3;5;ngày\n',
    );
    const error = await failure(readProcedureFile(file));
    expect(error.issues.map((i) => i.message)).toEqual([
      'bad-proc.csv, row 2, column "Thời gian trước cắt giảm" (C): expected a time (a number such as 20 or 91,5), received "mười".',
      'bad-proc.csv, row 2, column "Thời gian sau cắt giảm" (D): expected a time (a number such as 20 or 91,5), received "".',
    ]);
    const { procedures, problems } = await readProcedureFile(file, { onBadRow: 'collect' });
    expect(problems.map((p) => [p.row, p.column, p.field])).toEqual([
      [2, '"Thời gian trước cắt giảm" (C)', 'before'],
      [2, '"Thời gian sau cắt giảm" (D)', 'after'],
      [3, '"Cấp" (B)', 'level'],
      [4, '"Đơn vị tính" (E)', 'unit'],
    ]);
    expect(procedures.map((p) => p.code)).toEqual(['4']);
  });

  it('JSON and NDJSON procedures are checked like ProcedureReviewSchema', async () => {
    const list = [{ code: 'a', before: 20, after: 5 }, { code: 'b', before: -1, after: 5 }, { before: 1 }];
    const file = tmp('procs.json', JSON.stringify(list));
    const { procedures, problems } = await readProcedureFile(file, { onBadRow: 'collect' });
    expect(procedures).toEqual([{ code: 'a', before: 20, after: 5 }]);
    expect(problems.map((p) => [p.row, p.column, p.field])).toEqual([
      [2, 'before', 'before'],
      [3, 'after', 'after'],
    ]);
    const nd = tmp('procs.ndjson', '{"before":3,"after":2}\n{"before":3,"after":2,"x":1}\n');
    const error = await failure(readProcedureFile(nd));
    expect(error.issues[0]!.path).toEqual(['procs.ndjson', 2]);
  });

  it('XLSX numbers, and a stream named "input"', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('TTHC');
    ws.addRow(['Mã TTHC', 'Trước', 'Sau']);
    ws.addRow(['1.001', 91.5, 63]);
    const file = path.join(dir, 'tthc.xlsx');
    await wb.xlsx.writeFile(file);
    expect((await readProcedureFile(file)).procedures).toEqual([
      { code: '1.001', before: '91.5', after: '63' },
    ]);
    const error = await failure(readProcedureFile(Readable.from(['Trước,Sau\nx,1\n'])));
    expect(error.issues[0]!.path).toEqual(['input', 2, '"Trước" (A)']);
  });

  it('columns override the headers; no header row is an error', async () => {
    const file = tmp('custom-proc.csv', 'TT,Cũ,Mới\n1,10,8\n');
    const { procedures } = await readProcedureFile(file, {
      columns: { code: 'TT', before: 'Cũ', after: ['Mới'] },
    });
    expect(procedures).toEqual([{ code: '1', before: '10', after: '8' }]);
    const error = await failure(readProcedureFile(file, { name: 'bảng.csv' }));
    expect(error.issues[0]!.message).toMatch(
      /^bảng\.csv: no header row with the columns before \(.*\); after \(.*\) \(the first row has "TT", "Cũ", "Mới"\)/,
    );
  });
});
