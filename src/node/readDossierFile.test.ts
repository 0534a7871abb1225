import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CchcError } from '../errors/CchcError.js';
import { parseDossierCsv, readDossierFile } from './readDossierFile.js';
import { summarizeDossierFile } from './summarizeDossierFile.js';

const FIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/cli');
const dir = mkdtempSync(path.join(tmpdir(), 'cchc-node-'));

async function all(it: AsyncIterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** The same table in the shapes exports come in. */
const TABLE = [
  ['Mã hồ sơ', 'Đơn vị', 'Kênh nộp', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Ngày trả kết quả', 'Trạng thái'],
  [
    'HS1',
    'UBND xã A, huyện B',
    'Trực tuyến',
    '01/03/2024',
    '05/03/2024',
    '04/03/2024 16:30',
    'Đã giải quyết',
  ],
  ['HS2', 'Xã "Mới"; 2', 'Trực tiếp', '2024-03-01', '2024-03-05', '', 'Đang giải quyết'],
  [],
  ['HS3', 'Hai<EOL>dòng', 'Bưu chính', '2024-03-02 08:00', '2024-03-06', '2024-03-07', ''],
];

function csv(delimiter: string, eol: string, finalEol = true): string {
  const cell = (c: string) => {
    const v = c.replace('<EOL>', eol);
    return /[",;\t\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  return TABLE.map((r) => r.map(cell).join(delimiter)).join(eol) + (finalEol ? eol : '');
}

function expected(eol: string) {
  return [
    {
      id: 'HS1',
      unit: 'UBND xã A, huyện B',
      channel: 'online',
      receivedAt: '2024-03-01',
      dueAt: '2024-03-05',
      finishedAt: '2024-03-04T16:30:00',
      status: 'resolved',
    },
    {
      id: 'HS2',
      unit: 'Xã "Mới"; 2',
      channel: 'inPerson',
      receivedAt: '2024-03-01',
      dueAt: '2024-03-05',
      status: 'processing',
    },
    {
      id: 'HS3',
      unit: `Hai${eol}dòng`,
      channel: 'postal',
      receivedAt: '2024-03-02 08:00',
      dueAt: '2024-03-06',
      finishedAt: '2024-03-07',
      status: 'resolved',
    },
  ];
}

const VARIANTS: Record<string, [Buffer, string]> = {
  'comma, LF': [Buffer.from(csv(',', '\n')), '\n'],
  'BOM, CRLF, no final line end': [Buffer.from(`\uFEFF${csv(',', '\r\n', false)}`), '\r\n'],
  semicolon: [Buffer.from(csv(';', '\n')), '\n'],
  tab: [Buffer.from(csv('\t', '\r\n')), '\r\n'],
  'CR only (old Mac)': [Buffer.from(csv(',', '\r')), '\r'],
  'UTF-16LE with BOM': [
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv('\t', '\r\n'), 'utf16le')]),
    '\r\n',
  ],
};

describe('readDossierFile / parseDossierCsv', () => {
  for (const [name, [bytes, eol]] of Object.entries(VARIANTS)) {
    it(`reads the same records from ${name}, with the fast path and with csv-parse`, async () => {
      // One byte at a time too, so that chunk boundaries fall inside fields and characters.
      const chunked = Readable.from([...bytes].map((b) => Buffer.from([b])));
      const fast = await all(parseDossierCsv(Readable.from([bytes])));
      const tiny = await all(parseDossierCsv(chunked));
      const general = await all(parseDossierCsv(Readable.from([bytes]), { parser: 'csv-parse' }));
      expect(fast).toEqual(expected(eol));
      expect(tiny).toEqual(expected(eol));
      expect(general).toEqual(expected(eol));
    });
  }

  it.each([
    ['two characters', '||'],
    ['a character outside ASCII', '§'],
    ['a character beyond U+00FF', '→'],
  ])('reads a delimiter of %s (%j) as a whole, not as its first character', async (_what, delimiter) => {
    const bytes = Buffer.from(csv(delimiter, '\n'));
    const chunked = Readable.from([...bytes].map((b) => Buffer.from([b])));
    expect(await all(parseDossierCsv(Readable.from([bytes]), { delimiter }))).toEqual(expected('\n'));
    expect(await all(parseDossierCsv(chunked, { delimiter }))).toEqual(expected('\n'));
  });

  it('hands an unusual row (a stray quote) to csv-parse and keeps the rows before it', async () => {
    const text = `${TABLE[0]!.join(',')}\nHS1,xa,Trực tuyến,2024-03-01,2024-03-05,,\nHS2,xã 5" A,Trực tuyến,2024-03-01,2024-03-05,,\n`;
    const records = (await all(parseDossierCsv(Readable.from([text])))) as { id: string; unit: string }[];
    expect(records.map((r) => [r.id, r.unit])).toEqual([
      ['HS1', 'xa'],
      ['HS2', 'xã 5" A'],
    ]);
  });

  it('names the file, row and column of a bad row, or collects every bad row', async () => {
    const file = path.join(FIX, 'bad-dossiers.csv');
    const error = await all(readDossierFile(file)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CchcError);
    expect((error as CchcError).issues[0]?.path).toEqual(['bad-dossiers.csv', 3, '"Kênh nộp" (B)']);
    const reader = readDossierFile(file, { onBadRow: 'collect' });
    const records = (await all(reader)) as { id: string }[];
    expect(records.map((r) => r.id)).toEqual(['A1']);
    expect(reader.problems.map((p) => [p.row, p.column])).toEqual([
      [3, '"Kênh nộp" (B)'],
      [4, '"Ngày hẹn trả" (D)'],
      [5, '"Ngày trả kết quả" (E)'],
    ]);
    expect(reader.problems[1]?.message).toContain('(the cell reads "31/02/2024")');
  });

  it('refuses text that is not UTF-8, and reads it with the encoding given', async () => {
    const latin = Buffer.from('id,channel,receivedAt,unit\nA1,online,2024-03-01,Ph\xfa Th\xf4\n', 'latin1');
    const error = await all(parseDossierCsv(Readable.from([latin]), { name: 'old.csv' })).catch(
      (e: unknown) => e,
    );
    expect((error as CchcError).issues[0]?.message).toMatch(/not valid UTF-8/);
    const records = (await all(parseDossierCsv(Readable.from([latin]), { encoding: 'latin1' }))) as {
      unit: string;
    }[];
    expect(records[0]?.unit).toBe('Phú Thô');
  });

  it('finds the header after title rows and maps overridden columns and values', async () => {
    const text = 'BÁO CÁO\n\nSố HS;Nơi nhận;Ngày nhận\nX1;Cổng DVC;2024-03-01\n';
    const records = await all(
      parseDossierCsv(Readable.from([text]), {
        columns: { id: 'Số HS', channel: 'Nơi nhận' },
        channelValues: { 'Cổng DVC': 'online' },
      }),
    );
    expect(records).toEqual([
      { id: 'X1', channel: 'online', receivedAt: '2024-03-01', status: 'processing' },
    ]);
  });

  it('reads XLSX (Excel dates as wall-clock times) and NDJSON', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hồ sơ');
    ws.addRow(['Mã hồ sơ', 'Hình thức', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Ngày trả kết quả']);
    ws.addRow([
      'HS1',
      'Trực tuyến',
      new Date(Date.UTC(2024, 2, 1, 9, 15)),
      new Date(Date.UTC(2024, 2, 5)),
      '04/03/2024',
    ]);
    ws.addRow([]);
    ws.addRow([2, 'Bưu chính', new Date(Date.UTC(2024, 2, 2)), null, null]);
    const xlsx = path.join(dir, 'export.xlsx');
    await wb.xlsx.writeFile(xlsx);
    expect(await all(readDossierFile(xlsx))).toEqual([
      {
        id: 'HS1',
        channel: 'online',
        receivedAt: '2024-03-01T09:15:00',
        dueAt: '2024-03-05',
        finishedAt: '2024-03-04',
        status: 'resolved',
      },
      { id: '2', channel: 'postal', receivedAt: '2024-03-02', status: 'processing' },
    ]);
    const nd = path.join(dir, 'export.ndjson');
    writeFileSync(
      nd,
      '{"id":1,"channel":"online","status":"processing","receivedAt":"2024-03-01"}\n\n{"id":2,"channel":"fax","status":"processing","receivedAt":"2024-03-01"}\n',
    );
    const error = await all(readDossierFile(nd)).catch((e: unknown) => e);
    expect((error as CchcError).issues[0]?.path).toEqual(['export.ndjson', 3, 'channel']);
  });

  it('summarizeDossierFile gives summarizeDossiers’ figures and names a repeated id by row', async () => {
    const file = path.join(dir, 'dup.csv');
    writeFileSync(
      file,
      'id,channel,receivedAt,dueAt,finishedAt\nA,online,2024-03-01,2024-03-05,2024-03-04\nB,online,2024-03-01,2024-03-05,2024-03-09\nA,postal,2024-03-02,2024-03-05,\n',
    );
    const period = { from: '2024-03-01', to: '2024-03-31' };
    const error = await summarizeDossierFile(file, { period }).catch((e: unknown) => e);
    expect((error as CchcError).issues[0]?.path).toEqual(['dup.csv', 4, '"id" (A)']);
    const first = await summarizeDossierFile(file, { period, duplicateIds: 'first' });
    expect(first.total.resolved).toEqual({ early: 1, onTime: 0, late: 1 });
    expect(first.meta.ignored.duplicates).toBe(1);
    const collected = await summarizeDossierFile(file, { period, onBadRow: 'collect' });
    expect(collected.problems.map((p) => p.row)).toEqual([4]);
    expect(collected.meta.records).toBe(2);
  });
});
