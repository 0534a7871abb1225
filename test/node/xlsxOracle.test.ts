/**
 * `xlsxRowBatches` against an oracle: exceljs's non-streaming reader (`wb.xlsx.readFile`), with its
 * cell values mapped to cells by {@link oracleCell} below (written here, independently of
 * src/node/xlsxRows.ts), and against the cells written ({@link writtenRows}), which the oracle must
 * equal too.
 *
 * - Random workbooks written by exceljs (1–3 worksheets with Vietnamese names, 1–60 rows, 1–8
 *   columns, sparse; strings with Vietnamese letters, XML metacharacters, spaces at either
 *   end and up to ~300 characters, so that in some runs the shared strings part exceeds 64 KiB;
 *   numbers, booleans, dates, serial numbers with a date format, formulas with and without a
 *   result, errors, rich text, hyperlinks; 1900 and 1904 date systems) read to the oracle's rows,
 *   whichever sheet is chosen, by name or by position, and whatever the batch size. `FUZZ_RUNS`
 *   runs (default {@link RUNS}).
 * - One deterministic workbook of 20 000 distinct Vietnamese strings (a shared strings part of
 *   megabytes, so many chunk boundaries fall inside multi-byte characters), read from its path and
 *   from byte chunks of awkward sizes.
 * - The same workbook re-packed with its zip entries in other orders (workbook part first or last,
 *   worksheets before the shared strings, reversed, random shuffles; stored or deflated) reads to
 *   the same rows every time: a reader must not depend on the order exceljs happens to write.
 *
 * Intended semantics that the old streaming reader did not have, asserted here on purpose: a
 * formula with a boolean result gives the boolean, one with an error result gives the error text,
 * a number with a date format gives a Date, and a 1904 workbook dates from 1904.
 *
 * No text written here holds a character outside the BMP (an emoji) in a large part: exceljs's
 * *writer* breaks an emoji that falls on a chunk boundary and writes U+FFFD into the file itself
 * (2 of 80 000 emoji in a sheet of 20 000 strings; JSZip, which it writes with, does the same to
 * strings it is given), so neither the oracle nor any reader could read them back.
 * src/node/xlsxPackage.test.ts writes emoji into parts by hand, as UTF-8 bytes, instead.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { UNREADABLE_CELL } from '../../src/node/cells.js';
import { xlsxRowBatches } from '../../src/node/xlsxRows.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
/** Generous: each run writes and reads a workbook twice on a loaded 2-core machine. */
const TIMEOUT = 120_000;
/** The property's whole time, runs and shrinking; a failure found by then is still reported. */
const SHRINK_TIME_LIMIT = 15_000;

const DIR = mkdtempSync(path.join(tmpdir(), 'cchc-xlsx-oracle-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));
let fileCount = 0;
const nextFile = () => path.join(DIR, `w${++fileCount}.xlsx`);

// ---------------------------------------------------------------------------------------------
// The oracle

type OracleCell = string | number | boolean | Date | null;

/** An exceljs cell value as the cell the reader must give (see the module comment). */
function oracleCell(value: unknown): OracleCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return v.richText.map((run: { text?: string }) => run.text ?? '').join('');
  if ('formula' in v || 'sharedFormula' in v)
    return v.result === undefined || v.result === null ? UNREADABLE_CELL : oracleCell(v.result);
  if ('hyperlink' in v && 'text' in v) return oracleCell(v.text);
  if (typeof v.error === 'string') return v.error;
  throw new Error(`the oracle does not know the value ${JSON.stringify(value)}`);
}

interface Rows {
  cells: OracleCell[][];
  rows: number[];
}

/** The rows the reader must give for a worksheet, read by exceljs's non-streaming reader. */
function oracleRows(ws: ExcelJS.Worksheet): Rows {
  const out: Rows = { cells: [], rows: [] };
  ws.eachRow((row, number) => {
    const cells: OracleCell[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      let value: unknown = cell.value;
      // exceljs gives a formula's value without its result when the result is falsy (0, false):
      // the cell's model still has it.
      const result = (cell.model as { result?: unknown }).result;
      if (typeof value === 'object' && value !== null && 'formula' in value && !('result' in value))
        value = { ...value, result };
      if (typeof value === 'object' && value !== null && 'sharedFormula' in value && !('result' in value))
        value = { ...value, result };
      cells.push(oracleCell(value));
    }
    // From column 1 to the last non-empty column.
    while (cells.length > 0 && (cells[cells.length - 1] === null || cells[cells.length - 1] === ''))
      cells.pop();
    if (cells.every((cell) => cell === null || cell === '')) return;
    out.cells.push(cells);
    out.rows.push(number);
  });
  return out;
}

async function oracleRead(file: string, sheet: string | number): Promise<Rows> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = typeof sheet === 'number' ? wb.worksheets[sheet - 1] : wb.getWorksheet(sheet);
  if (!ws) throw new Error(`the oracle found no sheet ${sheet}`);
  return oracleRows(ws);
}

/** Every batch of the reader, checked for shape on the way, joined. */
async function ourRead(
  input: string | AsyncIterable<Uint8Array>,
  sheet: string | number,
  batchSize?: number,
): Promise<Rows> {
  const out: Rows = { cells: [], rows: [] };
  for await (const batch of xlsxRowBatches(input as never, sheet, batchSize)) {
    expect(batch.cells.length).toBeGreaterThan(0);
    expect(batch.cells.length).toBe(batch.rows.length);
    if (batchSize !== undefined) expect(batch.cells.length).toBeLessThanOrEqual(batchSize);
    out.cells.push(...(batch.cells as OracleCell[][]));
    out.rows.push(...batch.rows);
  }
  return out;
}

/**
 * The first row where two readings differ (`undefined` when they are equal): a short failure
 * message, where a diff of thousands of rows (and fast-check shrinking through many of them) would
 * bury the difference or exhaust the heap.
 */
function firstDifference(actual: Rows, expected: Rows): unknown {
  const n = Math.max(actual.rows.length, expected.rows.length);
  for (let i = 0; i < n; i++) {
    const a = { row: actual.rows[i], cells: actual.cells[i] };
    const e = { row: expected.rows[i], cells: expected.cells[i] };
    if (!isDeepStrictEqual(a, e)) return { index: i, actual: a, expected: e };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Generators

const CHARS = [
  ...'abcxyzABCXYZ0129 .,-_/()',
  ...'ăâđêôơưĂÂĐÊÔƠƯàáảãạồỦữớựệỹẫậởịọụ',
  ...'ỒủỮỚỰỆỸẪẬỞỊỌỤ',
  '–',
  '€',
  '&',
  '<',
  '>',
  '"',
  "'",
  '\n',
];
const char = fc.constantFrom(...CHARS);
const shortText = fc.array(char, { minLength: 1, maxLength: 20 }).map((cs) => cs.join(''));
const longText = fc.array(char, { minLength: 100, maxLength: 300 }).map((cs) => cs.join(''));
/** Long text dense in 3-byte characters, so that chunk boundaries fall inside them. */
const wideText = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: char },
      { weight: 2, arbitrary: fc.constantFrom('ồ', '–', 'ữ', '€', 'ệ') },
    ),
    {
      minLength: 100,
      maxLength: 300,
    },
  )
  .map((cs) => cs.join(''));
const text = fc.oneof(
  { weight: 6, arbitrary: shortText },
  { weight: 2, arbitrary: longText },
  // Spaces at either end, which a reader must keep.
  {
    weight: 1,
    arbitrary: fc.tuple(shortText, fc.constantFrom(' ', '  ', '\t')).map(([t, s]) => `${s}${t}${s}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'Hồ sơ',
      'Ủy ban nhân dân xã Đồng Hữu',
      'a & b < c > d',
      '"x" \'y\'',
      '–',
      '€',
    ),
  },
);
const number = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: -1e20, max: 1e20, noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)),
  fc.constantFrom(0, 1, -1, 0.5, -2.75, 1e15, -1e15, 1e-9, -1e-9, 123456789.125, 0.1 + 0.2),
);
const ERRORS = ['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!'] as const;
const error = fc.constantFrom(...ERRORS);
const DATE_FORMATS = ['dd/mm/yyyy hh:mm', 'dd/mm/yyyy'] as const;
/** Whole seconds, UTC, 1950–2090. */
const date = fc
  .integer({ min: Date.UTC(1950, 0, 1) / 1000, max: Date.UTC(2090, 11, 31, 23, 59, 59) / 1000 })
  .map((s) => new Date(s * 1000));

interface Spec {
  value: ExcelJS.CellValue;
  numFmt?: string;
}
const spec: fc.Arbitrary<Spec> = fc.oneof(
  { weight: 8, arbitrary: text.map((value) => ({ value })) },
  { weight: 4, arbitrary: number.map((value) => ({ value })) },
  { weight: 1, arbitrary: fc.boolean().map((value) => ({ value })) },
  {
    weight: 2,
    arbitrary: fc.tuple(date, fc.constantFrom(...DATE_FORMATS)).map(([value, numFmt]) => ({ value, numFmt })),
  },
  // A serial number with a date format (as a program other than exceljs may write a date): a Date.
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 18_000, max: 70_000 }),
        fc.integer({ min: 0, max: 86_399 }),
        fc.constantFrom(...DATE_FORMATS),
      )
      .map(([days, seconds, numFmt]) => ({ value: days + seconds / 86_400, numFmt })),
  },
  {
    weight: 1,
    arbitrary: number.map((result) => ({ value: { formula: 'ROW()*2', result } as ExcelJS.CellValue })),
  },
  // (CHARS has no ';' or '#', so no text result looks like an entity: exceljs's reader decodes a
  // formula's text result twice, which would make the oracle wrong on "&amp;".)
  {
    weight: 1,
    arbitrary: shortText.map((result) => ({ value: { formula: 'A1&"x"', result } as ExcelJS.CellValue })),
  },
  {
    weight: 1,
    arbitrary: fc
      .boolean()
      .map((result) => ({ value: { formula: 'ISNUMBER(A1)', result } as ExcelJS.CellValue })),
  },
  {
    weight: 1,
    arbitrary: error.map((e) => ({ value: { formula: '1/0', result: { error: e } } as ExcelJS.CellValue })),
  },
  { weight: 1, arbitrary: fc.constant({ value: { formula: 'A1+1' } as ExcelJS.CellValue }) },
  { weight: 1, arbitrary: error.map((e) => ({ value: { error: e } as ExcelJS.CellValue })) },
  {
    weight: 1,
    arbitrary: fc.array(fc.tuple(shortText, fc.boolean()), { minLength: 1, maxLength: 3 }).map((runs) => ({
      value: { richText: runs.map(([t, bold]) => (bold ? { text: t, font: { bold: true } } : { text: t })) },
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(shortText, fc.integer({ min: 1, max: 999 }))
      .map(([t, n]) => ({ value: { text: t, hyperlink: `https://xa-${n}.gov.vn/hồ-sơ?a=1&b=2` } })),
  },
);

/**
 * Sparse rows: empty cells, and wholly empty rows. About one sheet in four is wordy (wide, long,
 * mostly long text), so that in some runs the shared strings part exceeds 64 KiB and is inflated in
 * several chunks.
 */
const sheetRows = fc
  .tuple(
    fc.integer({ min: 1, max: 8 }),
    fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
  )
  .chain(([columns, wordy]) => {
    const cell = wordy
      ? fc.oneof(
          { weight: 3, arbitrary: fc.oneof(longText, wideText).map((value): Spec => ({ value })) },
          { weight: 1, arbitrary: spec },
        )
      : spec;
    return fc.array(
      fc.oneof(
        { weight: 1, arbitrary: fc.constant([] as (Spec | null)[]) },
        {
          weight: 6,
          arbitrary: fc.array(fc.option(cell, { freq: 3 }), {
            minLength: wordy ? 6 : 1,
            maxLength: wordy ? 8 : columns,
          }),
        },
      ),
      { minLength: wordy ? 40 : 1, maxLength: 60 },
    );
  });

const SHEET_NAMES = [
  'Chấm điểm',
  'Hồ sơ',
  'Tổng hợp',
  'Dữ liệu 2024',
  'Ủy ban – xã',
  'Thống kê',
  'Báo cáo',
  'Đơn vị',
];

const workbookSpec = fc.record({
  sheets: fc
    .uniqueArray(fc.constantFrom(...SHEET_NAMES), { minLength: 1, maxLength: 3 })
    .chain((names) => fc.tuple(...names.map((name) => sheetRows.map((rows) => ({ name, rows }))))),
  date1904: fc.boolean(),
  pick: fc.nat(),
  byName: fc.boolean(),
  batchSize: fc.option(fc.integer({ min: 1, max: 70 }), { nil: undefined }),
});

async function writeWorkbook(
  sheets: readonly { name: string; rows: (Spec | null)[][] }[],
  date1904: boolean,
  file = nextFile(),
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  if (date1904) wb.properties.date1904 = true;
  for (const { name, rows } of sheets) {
    const ws = wb.addWorksheet(name);
    rows.forEach((specs, r) => {
      specs.forEach((s, c) => {
        if (s === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = s.value;
        if (s.numFmt) cell.numFmt = s.numFmt;
      });
    });
  }
  await wb.xlsx.writeFile(file);
  return file;
}

/**
 * The rows written, as the oracle must read them back: a check of the oracle itself, so that a
 * quirk of exceljs's writer or reader cannot make the property compare against the wrong rows.
 */
function writtenRows(rows: readonly (Spec | null)[][], date1904: boolean): Rows {
  const out: Rows = { cells: [], rows: [] };
  rows.forEach((specs, r) => {
    const cells = specs.map((s): OracleCell => {
      if (s === null) return null;
      if (typeof s.value === 'number' && s.numFmt !== undefined)
        return new Date(Math.round((s.value - 25_569 + (date1904 ? 1462 : 0)) * 86_400_000));
      return oracleCell(s.value);
    });
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    if (cells.length === 0) return;
    out.cells.push(cells);
    out.rows.push(r + 1);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------

describe('xlsxRowBatches reads what exceljs’s non-streaming reader reads', () => {
  it(
    'random workbooks with Vietnamese text, dates, formulas, errors, rich text and hyperlinks read as written and as the oracle reads them',
    async () => {
      await fc.assert(
        fc.asyncProperty(workbookSpec, async ({ sheets, date1904, pick, byName, batchSize }) => {
          const file = await writeWorkbook(sheets, date1904);
          const index = pick % sheets.length;
          const sheet = byName ? sheets[index]!.name : index + 1;
          const written = writtenRows(sheets[index]!.rows, date1904);
          const oracle = await oracleRead(file, sheet);
          // The oracle checked against the rows written, so that it cannot share a mistake with the reader.
          expect(firstDifference(oracle, written)).toBeUndefined();
          const actual = await ourRead(file, sheet, batchSize);
          expect(firstDifference(actual, written)).toBeUndefined();
          rmSync(file);
        }),
        // Shrinking a failure on wordy workbooks (each step writes and reads one) can take minutes:
        // it is cut short, and the smallest failure found so far is reported.
        { numRuns: RUNS, interruptAfterTimeLimit: SHRINK_TIME_LIMIT },
      );
    },
    TIMEOUT,
  );

  // The oracle's mapping, pinned on the semantics the rewrite is meant to have, so that the property
  // above cannot pass because the oracle and the reader share a mistake.
  it('a boolean formula result is the boolean, an error result its text, a dated number a Date, 1904 dates from 1904', async () => {
    for (const date1904 of [false, true]) {
      const when = new Date(Date.UTC(2024, 2, 5, 14, 30, 0));
      const file = await writeWorkbook(
        [
          {
            name: 'Chấm điểm',
            rows: [
              [
                { value: { formula: 'TRUE()', result: true } as ExcelJS.CellValue },
                { value: { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue },
                { value: when, numFmt: 'dd/mm/yyyy hh:mm' },
                { value: 45356.5, numFmt: 'dd/mm/yyyy' },
                { value: { error: '#N/A' } as ExcelJS.CellValue },
                { value: { formula: 'A1+1' } as ExcelJS.CellValue },
              ],
            ],
          },
        ],
        date1904,
      );
      const serialDate = new Date(Date.UTC(2024, 2, 5, 12) + (date1904 ? 1462 * 86_400_000 : 0));
      const expected = [[true, '#DIV/0!', when, serialDate, '#N/A', UNREADABLE_CELL]];
      expect((await oracleRead(file, 1)).cells).toEqual(expected);
      expect((await ourRead(file, 1)).cells).toEqual(expected);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Many chunk boundaries, and zip entries in other orders

const BIG_ROWS = 5000;
const BIG_COLUMNS = 4;

/** 20 000 distinct Vietnamese strings: a shared strings part of megabytes. */
async function bigWorkbook(): Promise<{ file: string; written: Rows }> {
  const words = ['Hồ sơ', 'Ủy ban', 'những', 'người', 'Đồng Hữu', 'thủ tục', 'trực tuyến', 'ữ', '€', '–'];
  const rows: (Spec | null)[][] = [];
  for (let r = 0; r < BIG_ROWS; r++) {
    const row: (Spec | null)[] = [];
    for (let c = 0; c < BIG_COLUMNS; c++) {
      const i = r * BIG_COLUMNS + c;
      row.push({
        value: `${words[i % words.length]} số ${i} – ${words[(i * 7) % words.length]} ồ Ủ ữ ${'ệ'.repeat(i % 13)}${'€'.repeat(i % 5)}`,
      });
    }
    rows.push(row);
  }
  return { file: await writeWorkbook([{ name: 'Hồ sơ', rows }], false), written: writtenRows(rows, false) };
}

/** The bytes of a file in chunks of the given sizes, cycled. */
async function* chunks(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (let k = 0; at < bytes.length; k++) {
    const size = sizes[k % sizes.length]!;
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

/** A small workbook with the parts a reader needs: shared strings, styles (dates), hyperlinks, two sheets. */
async function smallWorkbook(): Promise<string> {
  const when = new Date(Date.UTC(2024, 2, 5, 14, 30, 0));
  return writeWorkbook(
    [
      { name: 'Tổng hợp', rows: [[{ value: 'không đọc' }]] },
      {
        name: 'Chấm điểm',
        rows: [
          [{ value: 'Mã đơn vị' }, { value: 'Tên đơn vị' }, { value: 'Ngày' }, { value: 'Điểm' }],
          [
            { value: 'xa-a' },
            { value: { text: 'UBND xã Đồng Hữu', hyperlink: 'https://a.vn' } },
            { value: when, numFmt: 'dd/mm/yyyy hh:mm' },
            { value: 9.5 },
          ],
          [],
          [
            { value: 'xa-b' },
            null,
            { value: { formula: 'C2+1', result: 45357 } as ExcelJS.CellValue },
            { value: true },
          ],
          [
            { value: 'Ủy ban – ữ 😀 & <x>' },
            { value: { richText: [{ text: 'Tự ' }, { text: 'chấm', font: { bold: true } }] } },
          ],
        ],
      },
    ],
    false,
  );
}

async function repack(
  source: JSZip,
  order: readonly string[],
  compression: 'STORE' | 'DEFLATE',
): Promise<string> {
  const zip = new JSZip();
  for (const name of order)
    zip.file(name, await source.file(name)!.async('uint8array'), { createFolders: false });
  const file = nextFile();
  await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression }));
  return file;
}

describe('xlsxRowBatches is not misled by chunk boundaries or the order of zip entries', () => {
  it(
    '20 000 distinct Vietnamese strings read as written, from the path and from odd-sized chunks',
    async () => {
      const { file, written: expected } = await bigWorkbook();
      expect(expected.cells).toHaveLength(BIG_ROWS);
      expect(firstDifference(await oracleRead(file, 'Hồ sơ'), expected)).toBeUndefined();
      const fromPath = await ourRead(file, 'Hồ sơ');
      expect(firstDifference(fromPath, expected)).toBeUndefined();
      const bytes = new Uint8Array(readFileSync(file));
      for (const sizes of [[4093], [1, 2, 3, 997, 65_537]]) {
        const fromChunks = await ourRead(chunks(bytes, sizes), 1);
        expect({ sizes, difference: firstDifference(fromChunks, expected) }).toEqual({
          sizes,
          difference: undefined,
        });
      }
    },
    TIMEOUT,
  );

  it(
    'a workbook re-packed with its entries in other orders reads to the same rows every time',
    async () => {
      const file = await smallWorkbook();
      const expected = await oracleRead(file, 'Chấm điểm');
      expect(expected.rows).toEqual([1, 2, 4, 5]);
      const source = await JSZip.loadAsync(readFileSync(file));
      const names = Object.keys(source.files).filter((name) => !source.files[name]!.dir);
      const isSheet = (name: string) => name.startsWith('xl/worksheets/sheet');
      const isWorkbook = (name: string) => name === 'xl/workbook.xml';
      const isStrings = (name: string) => name === 'xl/sharedStrings.xml';
      expect(names.filter(isWorkbook)).toHaveLength(1);
      expect(names.filter(isStrings)).toHaveLength(1);
      const rest = (...not: ((name: string) => boolean)[]) => names.filter((n) => !not.some((f) => f(n)));
      const orders: Record<string, string[]> = {
        'workbook first': ['xl/workbook.xml', ...rest(isWorkbook)],
        'workbook last': [...rest(isWorkbook), 'xl/workbook.xml'],
        'worksheets before shared strings and workbook': [
          ...names.filter(isSheet),
          ...rest(isSheet, isStrings, isWorkbook),
          'xl/sharedStrings.xml',
          'xl/workbook.xml',
        ],
        reversed: [...names].reverse(),
      };
      for (const [what, order] of Object.entries(orders)) {
        for (const compression of ['DEFLATE', 'STORE'] as const) {
          const repacked = await repack(source, order, compression);
          expect({ what, compression, ...(await ourRead(repacked, 'Chấm điểm')) }).toEqual({
            what,
            compression,
            ...expected,
          });
        }
      }
      await fc.assert(
        fc.asyncProperty(
          fc.shuffledSubarray(names, { minLength: names.length, maxLength: names.length }),
          fc.constantFrom('DEFLATE' as const, 'STORE' as const),
          fc.constantFrom<string | number>('Chấm điểm', 2),
          async (order, compression, sheet) => {
            const repacked = await repack(source, order, compression);
            expect(await ourRead(repacked, sheet)).toEqual(expected);
            rmSync(repacked);
          },
        ),
        { numRuns: 20 },
      );
    },
    TIMEOUT,
  );
});
