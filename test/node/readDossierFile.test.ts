/**
 * readDossierFile / parseDossierCsv / summarizeDossierFile on small exports: Vietnamese headers
 * and values, unknown headers, every status and channel text, the bad-row policies with file,
 * row and column, JSON records, the header search, and errors of the summariser named by row.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CchcError } from '../../src/errors/CchcError.js';
import { type DossierRecords, parseDossierCsv, readDossierFile } from '../../src/node/readDossierFile.js';
import { summarizeDossierFile } from '../../src/node/summarizeDossierFile.js';

const FIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/node');
const fx = (name: string) => path.join(FIX, name);
const dir = mkdtempSync(path.join(tmpdir(), 'cchc-dossiers-'));
const tmp = (name: string, content: string | Buffer) => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};
const MARCH = { from: '2024-03-01', to: '2024-03-31' };

async function all(records: DossierRecords): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for await (const r of records) out.push(r as unknown as Record<string, unknown>);
  return out;
}
async function failure(p: Promise<unknown>): Promise<CchcError> {
  const e = await p.then(
    () => null,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(CchcError);
  return e as CchcError;
}

describe('reading dossier exports', () => {
  it('a tab-separated export with a BOM, CRLF, a title row, Vietnamese headers in odd case and spacing, unknown headers', async () => {
    const records = await all(readDossierFile(fx('dossiers-tab.tsv')));
    expect(records).toEqual([
      {
        id: 'HS-01',
        procedureCode: '1.001234',
        unit: 'UBND phường Đống Đa',
        level: 'xa',
        channel: 'online',
        receivedAt: '2024-03-01T08:00:00',
        dueAt: '2024-03-05',
        finishedAt: '2024-03-04T16:30:00',
        status: 'resolved',
        returnedByPost: true,
      },
      {
        id: 'HS-02',
        unit: 'UBND phường Đống Đa',
        channel: 'inPerson',
        receivedAt: '2024-03-02',
        dueAt: '2024-03-06',
        status: 'processing',
      },
      {
        id: 'HS-03',
        procedureCode: '2.000111',
        unit: 'Trung tâm "Một cửa"\r\nquận',
        channel: 'postal',
        receivedAt: '2024-03-03',
        finishedAt: '2024-03-05T10:00:00',
        status: 'withdrawn',
      },
    ]);
  });

  it('every status text, and an empty status read from the finishing date', async () => {
    const rows = [
      ['Đã xử lý xong', 'resolved'],
      ['HOÀN THÀNH', 'resolved'],
      ['Chờ bổ sung', 'processing'],
      ['Mới tiếp nhận', 'processing'],
      ['CD rút hồ sơ', 'withdrawn'],
      ['Trả lại hồ sơ', 'returned'],
      ['Dừng xử lý', 'rejected'],
      ['Từ chối', 'rejected'],
    ];
    const text = `Mã hồ sơ;Kênh nộp;Ngày tiếp nhận;Ngày trả kết quả;Trạng thái\n${rows
      .map(([s, v], i) => `S${i};Trực tuyến;2024-03-01;${v === 'processing' ? '' : '2024-03-02'};${s}`)
      .join('\n')}\nE1;1;2024-03-01;2024-03-02;\nE2;3;2024-03-01;;\n`;
    const records = await all(parseDossierCsv(Readable.from([text])));
    expect(records.map((r) => r.status)).toEqual([...rows.map(([, s]) => s), 'resolved', 'processing']);
    expect(records.slice(-2).map((r) => r.channel)).toEqual(['inPerson', 'postal']);
  });

  it('a bad row: "throw" stops at the first with file, row and column; "collect" keeps the others and lists each', async () => {
    const file = fx('bad-rows.csv');
    const error = await failure(all(readDossierFile(file)));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues).toEqual([
      {
        path: ['bad-rows.csv', 3, '"Mã hồ sơ" (A)'],
        message:
          'bad-rows.csv, row 3, column "Mã hồ sơ" (A): is empty: expected the dossier code (mã hồ sơ).',
      },
    ]);
    const reader = readDossierFile(file, { onBadRow: 'collect' });
    const records = await all(reader);
    expect(records.map((r) => r.id)).toEqual(['G1', 'G2']);
    expect(reader.count).toBe(2);
    expect(reader.headerRow).toBe(1);
    expect(reader.problems.map((p) => [p.file, p.row, p.column, p.field])).toEqual([
      ['bad-rows.csv', 3, '"Mã hồ sơ" (A)', 'id'],
      ['bad-rows.csv', 4, '"Ngày tiếp nhận" (C)', 'receivedAt'],
      ['bad-rows.csv', 5, '"Trạng thái" (E)', 'status'],
      ['bad-rows.csv', 6, '"Trả qua BCCI" (F)', 'returnedByPost'],
      ['bad-rows.csv', 8, '"Kênh nộp" (B)', 'channel'],
      ['bad-rows.csv', 8, '"Trạng thái" (E)', 'status'],
    ]);
    expect(reader.problems[1]!.message).toBe('is empty: expected the reception date (ngày tiếp nhận).');
    expect(reader.problems[2]!.message).toMatch(
      /^expected a status \(.*"đã giải quyết".*\), received "Hoãn"; pass statusValues to map other texts\.$/,
    );
    expect(reader.problems[3]!.message).toBe(
      'expected yes or no ("có"/"không", "x"/empty, 1/0), received "có lẽ".',
    );
    expect(reader.problems[4]!.message).toMatch(/received "Zalo"; pass channelValues/);
  });

  it('the same bad value is reported on every row it appears (cached lookups)', async () => {
    const text =
      'id,channel,receivedAt,status\nA,Zalo,2024-03-01,Hoãn\nB,Zalo,2024-03-01,Hoãn\nC,online,2024-03-01,Hoãn\n';
    const reader = parseDossierCsv(Readable.from([text]), { onBadRow: 'collect', name: 'cache.csv' });
    expect(await all(reader)).toEqual([]);
    expect(reader.problems.map((p) => [p.row, p.field])).toEqual([
      [2, 'channel'],
      [2, 'status'],
      [3, 'channel'],
      [3, 'status'],
      [4, 'status'],
    ]);
  });

  it('record checks name the column and show the cell as written', async () => {
    const text = 'id,channel,receivedAt,dueAt,finishedAt\nA,online,05/03/2024,2024-03-09,04/03/2024\n';
    const reader = parseDossierCsv(Readable.from([text]), { onBadRow: 'collect' });
    await all(reader);
    expect(reader.problems).toEqual([
      {
        file: 'input',
        row: 2,
        column: '"finishedAt" (E)',
        field: 'finishedAt',
        message:
          'expected a time on or after receivedAt ("2024-03-05"), received "2024-03-04" (the cell reads "04/03/2024").',
      },
    ]);
  });

  it('a problem about a field without a column has no column; empty optional cells are left out', async () => {
    const text =
      'id,unit,channel,receivedAt,status\nW1,,online,2024-03-01,Rút hồ sơ\nP1,,online,2024-03-01,\n';
    const reader = parseDossierCsv(Readable.from([text]), { onBadRow: 'collect', name: 'w.csv' });
    expect(await all(reader)).toEqual([
      { id: 'P1', channel: 'online', receivedAt: '2024-03-01', status: 'processing' },
    ]);
    expect(reader.problems).toEqual([
      {
        file: 'w.csv',
        row: 2,
        column: null,
        field: 'finishedAt',
        message: 'is required for status "withdrawn": expected the time the dossier was closed.',
      },
    ]);
  });

  it('overrides: columns, channel and status texts, the offset used to order dates', async () => {
    const text =
      'Số HS|Nơi nộp|Lúc nhận|Lúc xong|Tình hình\nX1|Cổng DVC|2024-03-01T23:30:00+07:00|2024-03-01T17:00:00Z|Xong\n';
    const records = await all(
      parseDossierCsv(Readable.from([text]), {
        delimiter: '|',
        columns: {
          id: 'Số HS',
          channel: ['Nơi nộp'],
          receivedAt: 'Lúc nhận',
          finishedAt: 'Lúc xong',
          status: 'Tình hình',
        },
        channelValues: { 'Cổng DVC': 'online' },
        statusValues: { xong: 'resolved' },
        utcOffsetMinutes: 0,
      }),
    );
    expect(records).toEqual([
      {
        id: 'X1',
        channel: 'online',
        receivedAt: '2024-03-01T23:30:00+07:00',
        finishedAt: '2024-03-01T17:00:00Z',
        status: 'resolved',
      },
    ]);
  });

  it('no header in the first 50 rows, or none at all, is an error naming what was looked for', async () => {
    const titles = tmp('titles.csv', `${Array.from({ length: 60 }, (_, i) => `Dòng ${i},x`).join('\n')}\n`);
    const many = await failure(all(readDossierFile(titles)));
    expect(many.issues[0]!.path).toEqual(['titles.csv', 1]);
    expect(many.issues[0]!.message).toMatch(
      /^titles\.csv: no header row with the columns id \("mã hồ sơ", .*\); channel \(.*\); receivedAt \(.*\) in the first 50 rows \(the first row has "Dòng 0", "x"\); pass columns to map the export's headers\.$/,
    );
    const few = tmp('few.csv', 'BÁO CÁO\nMã hồ sơ,Ngày nhận\n');
    expect((await failure(all(readDossierFile(few)))).issues[0]!.message).toContain(
      '(the first row has "BÁO CÁO")',
    );
  });

  it('an empty file has no records and no header', async () => {
    const reader = readDossierFile(tmp('empty.csv', ''));
    expect(await all(reader)).toEqual([]);
    expect(reader.headerRow).toBeNull();
  });

  it('records can be read once only', async () => {
    const reader = readDossierFile(fx('dossiers-tab.tsv'));
    await all(reader);
    const again = await failure(all(reader));
    expect(again.issues).toEqual([
      {
        path: ['dossiers-tab.tsv'],
        message: 'dossiers-tab.tsv: these records were already read; read the file again.',
      },
    ]);
  });

  it('JSON records: checked like DossierRecordSchema; "throw" names the row and field, "collect" lists them', async () => {
    const file = tmp(
      'records.json',
      JSON.stringify({
        records: [
          { id: 'J1', channel: 'online', receivedAt: '2024-03-01', status: 'processing' },
          { id: 'J2', channel: 'fax', receivedAt: '2024-03-01', status: 'processing' },
          { id: 'J3', channel: 'online', receivedAt: 'hôm qua', status: 'processing', extra: 1 },
        ],
      }),
    );
    const error = await failure(all(readDossierFile(file)));
    expect(error.issues[0]!.path).toEqual(['records.json', 2, 'channel']);
    expect(error.issues[0]!.message).toMatch(/^records\.json, row 2, column channel: /);
    const reader = readDossierFile(file, { onBadRow: 'collect' });
    expect((await all(reader)).map((r) => r.id)).toEqual(['J1']);
    expect(reader.problems.map((p) => [p.row, p.field])).toEqual([
      [2, 'channel'],
      [3, 'receivedAt'],
      [3, null],
    ]);
    expect(reader.headerRow).toBeNull();
  });

  it('XLSX: numbers and Excel dates in cells, a yes/no column as booleans', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('HS');
    ws.addRow(['BÁO CÁO THÁNG 3']);
    ws.addRow(['Mã hồ sơ', 'Kênh nộp', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Trả kết quả qua BCCI', 'Cột lạ']);
    ws.addRow([
      101,
      2,
      new Date(Date.UTC(2024, 2, 1, 7, 45)),
      new Date(Date.UTC(2024, 2, 8)),
      true,
      'bỏ qua',
    ]);
    ws.addRow([102, 1, '02/03/2024', null, 0, null]);
    const file = path.join(dir, 'hs.xlsx');
    await wb.xlsx.writeFile(file);
    const reader = readDossierFile(file);
    expect(await all(reader)).toEqual([
      {
        id: '101',
        channel: 'online',
        receivedAt: '2024-03-01T07:45:00',
        dueAt: '2024-03-08',
        status: 'processing',
        returnedByPost: true,
      },
      { id: '102', channel: 'inPerson', receivedAt: '2024-03-02', status: 'processing' },
    ]);
    expect(reader.headerRow).toBe(2);
  });

  it('a stream is named "input" unless a name is given', async () => {
    const bad = 'id,channel,receivedAt\nA,fax,2024-03-01\n';
    expect((await failure(all(parseDossierCsv(Readable.from([bad]))))).issues[0]!.path[0]).toBe('input');
    const named = parseDossierCsv(Readable.from([bad]), { name: 'upload.csv' });
    expect((await failure(all(named))).issues[0]!.path[0]).toBe('upload.csv');
  });
});

describe('summarizeDossierFile', () => {
  it('the II.06a figures of the fixture, per unit', async () => {
    const summary = await summarizeDossierFile(fx('dossiers-tab.tsv'), { period: MARCH, groupBy: 'unit' });
    expect(summary.headerRow).toBe(2);
    expect(summary.problems).toEqual([]);
    expect(summary.total.received).toEqual({ carriedOver: 0, online: 1, inPerson: 1, postal: 1 });
    expect(summary.total.withdrawn).toBe(1);
    expect(summary.groups.map((g) => g.key.unit)).toEqual([
      'Trung tâm "Một cửa"\r\nquận',
      'UBND phường Đống Đa',
    ]);
  });

  it('a record the summariser rejects is named by file, row and column ("throw")', async () => {
    // The record check is left to the summariser in "throw" mode; its error must still name the cell.
    const file = tmp('late.csv', 'id,channel,receivedAt,finishedAt\nA,online,2024-03-05,2024-03-01\n');
    const error = await failure(summarizeDossierFile(file, { period: MARCH }));
    expect(error.issues).toEqual([
      {
        path: ['late.csv', 2, '"finishedAt" (D)'],
        message:
          'late.csv, row 2, column "finishedAt" (D): expected a time on or after receivedAt ("2024-03-05"), received "2024-03-01".',
      },
    ]);
  });

  it('a repeated id in JSON records is named by row and field', async () => {
    const file = tmp(
      'dup.json',
      JSON.stringify([
        { id: 7, channel: 'online', receivedAt: '2024-03-01', status: 'processing' },
        { id: 7, channel: 'online', receivedAt: '2024-03-02', status: 'processing' },
      ]),
    );
    const error = await failure(summarizeDossierFile(file, { period: MARCH }));
    expect(error.issues[0]!.path).toEqual(['dup.json', 2, 'id']);
    expect(error.issues[0]!.message).toContain('the dossier "7" appears a second time');
    const collected = await summarizeDossierFile(file, { period: MARCH, onBadRow: 'collect' });
    expect(collected.problems.map((p) => [p.row, p.column])).toEqual([[2, 'id']]);
    expect(collected.headerRow).toBeNull();
    expect(collected.meta.records).toBe(1);
  });

  it('bad rows and repeated ids collected together come out in row order', async () => {
    const file = tmp(
      'mixed.csv',
      'id,channel,receivedAt\nA,online,2024-03-01\nA,online,2024-03-01\nB,fax,2024-03-01\nA,postal,2024-03-02\n',
    );
    const summary = await summarizeDossierFile(file, { period: MARCH, onBadRow: 'collect' });
    expect(summary.problems.map((p) => [p.row, p.field])).toEqual([
      [3, 'id'],
      [4, 'channel'],
      [5, 'id'],
    ]);
  });

  it('bad summary options are INVALID_OPTIONS before the file is read', async () => {
    const error = await failure(
      summarizeDossierFile(path.join(dir, 'never-read.csv'), { period: { from: '2024-03-31', to: 'x' } }),
    );
    expect(error.code).toBe('INVALID_OPTIONS');
  });

  it('errors that are not about records pass through unchanged', async () => {
    const error = await failure(summarizeDossierFile(path.join(dir, 'missing.csv'), { period: MARCH }));
    expect(error.issues[0]!.message).toMatch(/missing\.csv: cannot read it \(no such file\)\.$/);
  });
});
