/**
 * XLSX reading: this library's reader (zip read through its central directory, each part decoded
 * as one UTF-8 stream) against exceljs's streaming WorkbookReader, which it replaced, on one dossier
 * export written by exceljs (Vietnamese units, procedures, dates as date cells). Both read every
 * row of the sheet; the figure is the ratio of the medians, in alternating rounds.
 *
 * exceljs's reader decodes each inflated chunk on its own, so a letter split between two chunks
 * becomes U+FFFD: the benchmark counts those cells, as a measure of what it got wrong.
 * @module
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { xlsxRowBatches } from '../../../src/node/xlsxRows.js';
import { BenchMismatch, compareAsync, printTable, round } from '../lib/harness.js';
import { createRng } from '../lib/prng.js';

export interface XlsxBenchResult {
  rows: number;
  fileMiB: number;
  ms: Record<string, number>;
  rounds: Record<string, number[]>;
  /** Cells exceljs's streaming reader read as text with U+FFFD that the file does not hold. */
  excelJsGarbledCells: number;
}

const UNITS = [
  'UBND xã Tân Hưng',
  'UBND phường Đồng Xoài',
  'Sở Tư pháp',
  'Sở Kế hoạch và Đầu tư',
  'UBND huyện Lộc Ninh',
];
const PROCEDURES = ['Đăng ký khai sinh', 'Cấp giấy phép xây dựng', 'Chứng thực bản sao', 'Đăng ký kết hôn'];
const CHANNELS = ['Trực tuyến', 'Trực tiếp', 'Bưu chính công ích'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const GIVEN = [
  'Văn Ân',
  'Thị Hằng',
  'Đức Thắng',
  'Ngọc Ánh',
  'Quốc Việt',
  'Thu Thủy',
  'Hữu Lộc',
  'Minh Châu',
];

/**
 * A dossier export of `rows` records, the shape of the province portals' XLSX exports; the
 * applicant column (a name and the dossier's number) makes every row's text its own shared string.
 */
export async function writeExport(file: string, rows: number): Promise<void> {
  const r = createRng(2026);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  const ws = wb.addWorksheet('Hồ sơ');
  ws.addRow([
    'Mã hồ sơ',
    'Người nộp',
    'Đơn vị',
    'Thủ tục',
    'Kênh nộp',
    'Ngày tiếp nhận',
    'Ngày hẹn trả',
    'Ngày trả kết quả',
  ]).commit();
  const day = Date.UTC(2025, 0, 1);
  for (let i = 0; i < rows; i++) {
    const received = new Date(day + r.int(0, 299) * 86_400_000 + r.int(0, 35_999) * 1000);
    const due = new Date(received.getTime() + r.int(3, 14) * 86_400_000);
    const done = new Date(received.getTime() + r.int(0, 14) * 86_400_000);
    const row = ws.addRow([
      `H${String(i).padStart(8, '0')}`,
      `${r.pick(FAMILY)} ${r.pick(GIVEN)} – hồ sơ số ${i}`,
      r.pick(UNITS),
      r.pick(PROCEDURES),
      r.pick(CHANNELS),
      received,
      due,
      done,
    ]);
    for (const c of [6, 7, 8]) row.getCell(c).numFmt = 'dd/mm/yyyy hh:mm';
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

/** Text cells holding U+FFFD (the generated export holds none). */
function garbledIn(values: readonly unknown[]): number {
  let n = 0;
  for (const v of values) if (typeof v === 'string' && v.includes('\ufffd')) n++;
  return n;
}

async function readOurs(file: string): Promise<{ rows: number; garbled: number }> {
  let rows = 0;
  let garbled = 0;
  for await (const b of xlsxRowBatches(file)) {
    rows += b.rows.length;
    for (const cells of b.cells) garbled += garbledIn(cells);
  }
  return { rows, garbled };
}

async function readExcelJs(file: string): Promise<{ rows: number; garbled: number }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let rows = 0;
  let garbled = 0;
  for await (const ws of reader as unknown as AsyncIterable<AsyncIterable<{ values: unknown[] }>>) {
    for await (const row of ws) {
      rows++;
      garbled += garbledIn(row.values);
    }
    // No break: stopping exceljs's iteration early leaves its unzipping running into the next round.
  }
  return { rows, garbled };
}

export async function runXlsxBench(options: { rows: number; rounds: number }): Promise<XlsxBenchResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cchc-bench-xlsx-'));
  try {
    const file = path.join(dir, 'dossiers.xlsx');
    await writeExport(file, options.rows);
    const fileMiB = round(statSync(file).size / 2 ** 20, 1);
    console.log(`\nXLSX: ${options.rows} rows, ${fileMiB} MiB`);
    let garbled = 0;
    const result = await compareAsync(
      { 'exceljs streaming reader': () => readExcelJs(file), 'cchc-index reader': () => readOurs(file) },
      options.rounds,
      (first) => {
        const ours = first['cchc-index reader'] as Awaited<ReturnType<typeof readOurs>>;
        const theirs = first['exceljs streaming reader'] as Awaited<ReturnType<typeof readExcelJs>>;
        garbled = theirs.garbled;
        if (ours.rows !== options.rows + 1 || theirs.rows !== ours.rows)
          throw new BenchMismatch(
            `rows read: ours ${ours.rows}, exceljs ${theirs.rows}, written ${options.rows + 1}`,
          );
        if (ours.garbled > 0) throw new BenchMismatch(`this reader read U+FFFD in ${ours.garbled} cells`);
      },
    );
    const base = result.ms['exceljs streaming reader']!;
    printTable(
      `XLSX, ${options.rows} rows (median of ${options.rounds} rounds)`,
      Object.entries(result.ms).map(([name, ms]) => ({
        reader: name,
        ms: round(ms, 0),
        'rows/s': Math.round(((options.rows + 1) / ms) * 1000),
        'vs exceljs': round(ms / base, 2),
      })),
    );
    console.log(
      `exceljs's streaming reader garbled ${garbled} cells (U+FFFD at chunk boundaries); this reader none.`,
    );
    return {
      rows: options.rows,
      fileMiB,
      ms: result.ms,
      rounds: result.rounds,
      excelJsGarbledCells: garbled,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
