/**
 * Random dossier exports for the CSV reader's property tests (test/node/dossierCsvFast.test.ts,
 * test/node/parallelCsv.test.ts): delimiters, BOM or not, CRLF or LF, quoted cells (with
 * delimiters, doubled quotes and line breaks), Vietnamese headers in any column order, title rows,
 * empty rows and short rows, every date shape the reader knows and bad ones, unknown channels and
 * statuses, cells to trim, texts ending in "à", repeated ids, and the summary options that change
 * what is checked; written to temporary files, and the outcome of summarising one.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {
  type SummarizeDossierFileOptions,
  summarizeDossierFile,
} from '../../src/node/summarizeDossierFile.js';

export const dir = mkdtempSync(path.join(tmpdir(), 'cchc-fast-'));
let serial = 0;
export const tmp = (content: string | Buffer, ext = '.csv') => {
  const file = path.join(dir, `export-${serial++}${ext}`);
  writeFileSync(file, content);
  return file;
};

/** The outcome of a run: the summary, or the error's code, issues and message. */
export async function outcome(file: string, options: SummarizeDossierFileOptions): Promise<unknown> {
  try {
    return { ok: await summarizeDossierFile(file, options) };
  } catch (error) {
    const e = error as { code?: string; issues?: unknown; message?: string };
    return { error: { code: e.code, issues: e.issues, message: e.message } };
  }
}

export const FIELDS = [
  'id',
  'unit',
  'procedureCode',
  'level',
  'channel',
  'receivedAt',
  'dueAt',
  'finishedAt',
  'status',
  'returnedByPost',
] as const;
export type Field = (typeof FIELDS)[number];
export const HEADERS: Record<Field, string[]> = {
  id: ['Mã hồ sơ', 'Số hồ sơ', 'ID', ' mã  HỒ sơ '],
  unit: ['Đơn vị', 'Cơ quan giải quyết'],
  procedureCode: ['Mã TTHC', 'Mã thủ tục'],
  level: ['Cấp'],
  channel: ['Kênh nộp', 'Hình thức', 'Hình thức tiếp nhận'],
  receivedAt: ['Ngày tiếp nhận', 'Ngày nhận'],
  dueAt: ['Ngày hẹn trả', 'Hạn xử lý'],
  finishedAt: ['Ngày trả kết quả', 'Ngày hoàn thành'],
  status: ['Trạng thái', 'Tình trạng'],
  returnedByPost: ['Trả kết quả qua BCCI'],
};

export const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A date near March 2024 in one of the shapes exports use, or a bad one. */
export const shapedDate = fc
  .record({
    day: fc.integer({ min: 0, max: 32 }),
    month: fc.constantFrom(1, 2, 2, 3, 3, 3, 3, 4, 12, 0, 13),
    year: fc.constantFrom(2024, 2024, 2024, 2023, 1899, 2200),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.constantFrom(0, 5, 30, 59, 60),
    second: fc.constantFrom(0, 7, 59, 61),
    shape: fc.integer({ min: 0, max: 12 }),
  })
  .map(({ day, month, year, hour, minute, second, shape }) => {
    const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
    switch (shape) {
      case 0:
      case 1:
      case 2:
        return iso;
      case 3:
        return `${iso} ${pad(hour)}:${pad(minute)}`;
      case 4:
        return `${iso}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
      case 5:
        return `${pad(day)}/${pad(month)}/${year}`;
      case 6:
        return `${day}/${month}/${year} ${hour}:${pad(minute)}`;
      case 7:
        return `${day}-${month}-${year}, ${pad(hour)}:${pad(minute)}:${pad(second)}`;
      case 8:
        return `${pad(day)}.${pad(month)}.${year}T${hour}:${pad(minute)}`;
      case 9:
        return `${pad(hour)}:${pad(minute)} ${pad(day)}/${pad(month)}/${year}`;
      case 10:
        return `${iso}T${pad(hour)}:${pad(minute)}:${pad(second)}+07:00`;
      case 11:
        return `${iso} ${pad(hour)}:${pad(minute)}:${pad(second)}.5`;
      default:
        return ` ${iso} `;
    }
  });
export const dateCell = fc.oneof(
  { weight: 12, arbitrary: shapedDate },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      'x',
      '2024-3-1',
      '1/1/24',
      '2024/03/01',
      '31/04/2024 7h',
      '0/1/2024',
      '1/2/2024 ',
    ),
  },
);

export const CHANNELS = [
  'Trực tuyến',
  'Trực tiếp',
  'Bưu chính',
  'TRỰC  TUYẾN',
  ' trực tiếp',
  '2',
  'online',
  'Fax',
  '',
  'Qua BCCI',
];
export const STATUSES = [
  'Đã giải quyết',
  'Đang giải quyết',
  'Rút hồ sơ',
  'Trả lại',
  'Từ chối',
  '',
  'đã trả kết quả ',
  'Huỷ',
  'processing',
];
export const UNITS = [
  'Xã Hoà',
  'Phường Hà',
  'UBND xã A; huyện B',
  'U01',
  'U02',
  '',
  '  U01 ',
  'Xã "Mới"',
  'Hai\ndòng',
  'Gia Hoà\u00a0',
];
export const IDS = ['HS1', 'HS2', 'HS3', 'Hà', ' HS1', 'HS1 ', '\u00a0HS2', '', 'hs1', '12'];
export const POST = ['', 'có', 'x', '1', 'không', '0', 'maybe', ' X '];

export const rowArb = fc.record({
  id: fc.oneof(
    { weight: 3, arbitrary: fc.nat({ max: 10_000 }).map((n) => `HS${n}`) },
    { weight: 1, arbitrary: fc.constantFrom(...IDS) },
  ),
  unit: fc.constantFrom(...UNITS),
  procedureCode: fc.constantFrom('1.001', '1.002', '', '2.000 '),
  level: fc.constantFrom('Xã', 'Huyện', ''),
  channel: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...CHANNELS.slice(0, 3)) },
    { weight: 1, arbitrary: fc.constantFrom(...CHANNELS) },
  ),
  receivedAt: dateCell,
  dueAt: fc.oneof({ weight: 3, arbitrary: dateCell }, { weight: 1, arbitrary: fc.constant('') }),
  finishedAt: fc.oneof({ weight: 2, arbitrary: dateCell }, { weight: 1, arbitrary: fc.constant('') }),
  status: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('Đã giải quyết', '') },
    { weight: 1, arbitrary: fc.constantFrom(...STATUSES) },
  ),
  returnedByPost: fc.constantFrom(...POST),
  /** 0 plain, 1 empty line, 2 short row, 3 a cell of delimiters only. */
  kind: fc.constantFrom(0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3),
  quoteAll: fc.boolean(),
});

export const exportArb = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t'),
  bom: fc.boolean(),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
  titles: fc.constantFrom(0, 0, 1, 2),
  columns: fc.shuffledSubarray([...FIELDS], { minLength: 3 }).map((cols) => {
    const out = [...cols];
    for (const f of ['id', 'channel', 'receivedAt'] as const) if (!out.includes(f)) out.push(f);
    return out;
  }),
  headerChoice: fc.nat(),
  extra: fc.boolean(),
  rows: fc.array(rowArb, { minLength: 0, maxLength: 40 }),
  options: fc.record({
    onBadRow: fc.constantFrom('throw', 'collect', 'collect') as fc.Arbitrary<'throw' | 'collect'>,
    duplicateIds: fc.constantFrom('error', 'unchecked', undefined),
    groupBy: fc.constantFrom(
      undefined,
      'unit',
      ['unit', 'procedure'],
      ['procedure', 'month'],
      'month',
    ) as fc.Arbitrary<SummarizeDossierFileOptions['groupBy']>,
    missingDueAt: fc.constantFrom(undefined, undefined, 'error') as fc.Arbitrary<'error' | undefined>,
    granularity: fc.constantFrom(undefined, 'exact') as fc.Arbitrary<'exact' | undefined>,
    utcOffsetMinutes: fc.constantFrom(undefined, 0, -300),
  }),
});

export type Export = typeof exportArb extends fc.Arbitrary<infer T> ? T : never;

export function quote(cell: string, delimiter: string, always: boolean): string {
  if (
    always ||
    cell.includes(delimiter) ||
    cell.includes('"') ||
    cell.includes('\n') ||
    cell.includes('\r')
  ) {
    return `"${cell.replace(/"/g, '""')}"`;
  }
  return cell;
}

export function render(e: Export): string {
  const nl = e.crlf ? '\r\n' : '\n';
  const lines: string[] = [];
  for (let i = 0; i < e.titles; i++) lines.push(i === 0 ? 'BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ' : '');
  const header = e.columns.map((f, i) => {
    const names = HEADERS[f];
    return names[(e.headerChoice + i) % names.length]!;
  });
  if (e.extra) header.splice(1, 0, 'Ghi chú');
  lines.push(header.map((h) => quote(h, e.delimiter, false)).join(e.delimiter));
  for (const r of e.rows) {
    if (r.kind === 1) {
      lines.push('');
      continue;
    }
    if (r.kind === 3) {
      lines.push(e.delimiter.repeat(header.length - 1));
      continue;
    }
    let cells = e.columns.map((f) => r[f]);
    if (e.extra) cells.splice(1, 0, 'ghi chú, "ngắn"');
    if (r.kind === 2) cells = cells.slice(0, Math.max(1, cells.length - 2));
    lines.push(cells.map((c) => quote(c, e.delimiter, r.quoteAll)).join(e.delimiter));
  }
  return `${e.bom ? '\uFEFF' : ''}${lines.join(nl)}${e.finalNewline ? nl : ''}`;
}

export function optionsOf(e: Export): SummarizeDossierFileOptions {
  const o: Record<string, unknown> = { period: { from: '2024-03-01', to: '2024-03-31' } };
  for (const [k, v] of Object.entries(e.options)) if (v !== undefined) o[k] = v;
  return o as unknown as SummarizeDossierFileOptions;
}
