/**
 * Files and streams → batches: formats from extensions, unreadable files, JSON and NDJSON (files
 * and streams, BOM, batching, errors with the line), XLSX cells (rich text, formulas, links,
 * errors, dates, sheets), and progress.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CchcError } from '../../src/errors/CchcError.js';
import { fileError, formatOf, type SourceBatch, sourceBatches } from '../../src/node/sources.js';
import { xlsxRowBatches } from '../../src/node/xlsxRows.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cchc-sources-'));
const tmp = (name: string, content: string | Buffer) => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const objectsOf = (batches: SourceBatch[]) => batches.flatMap((b) => b.objects ?? []);
const rowsOf = (batches: SourceBatch[]) => batches.flatMap((b) => b.rows);

describe('formatOf', () => {
  it.each([
    ['a.csv', 'csv'],
    ['a.TSV', 'csv'],
    ['a.txt', 'csv'],
    ['export', 'csv'],
    ['a.xlsx', 'xlsx'],
    ['a.XLSM', 'xlsx'],
    ['a.json', 'json'],
    ['a.ndjson', 'ndjson'],
    ['a.jsonl', 'ndjson'],
  ])('%s → %s', (file, format) => {
    expect(formatOf(file, undefined)).toBe(format);
  });

  it('the format given wins; an unknown extension is INVALID_OPTIONS', () => {
    expect(formatOf('a.pdf', 'csv')).toBe('csv');
    let error: unknown;
    try {
      formatOf('/some/dir/bao-cao.pdf', undefined);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CchcError);
    expect((error as CchcError).code).toBe('INVALID_OPTIONS');
    expect((error as CchcError).issues).toEqual([
      {
        path: ['options', 'format'],
        message:
          'cannot tell the format of "bao-cao.pdf" from its extension: expected .csv, .tsv, .xlsx, .json or .ndjson, or pass format.',
      },
    ]);
  });
});

describe('fileError', () => {
  it.each([
    ['ENOENT', 'no such file'],
    ['EISDIR', 'is a folder'],
    ['EACCES', 'permission denied'],
    ['EPERM', 'permission denied'],
    ['ENOTDIR', 'a part of the path is not a folder'],
    ['ENAMETOOLONG', 'the path is too long'],
    ['ELOOP', 'too many symbolic links'],
    ['ERR_INVALID_ARG_VALUE', 'the path holds a character no file name can (a NUL byte)'],
  ])('%s: INVALID_INPUT naming the file, with the cause', (code, why) => {
    const cause = Object.assign(new Error(code), { code });
    const error = fileError('x.csv', cause) as CchcError;
    expect(error).toBeInstanceOf(CchcError);
    expect(error.issues).toEqual([{ path: ['x.csv'], message: `x.csv: cannot read it (${why}).` }]);
    expect(error.cause).toBe(cause);
  });

  it('other errors pass through', () => {
    const other = Object.assign(new Error('disk on fire'), { code: 'EIO' });
    expect(fileError('x.csv', other)).toBe(other);
    const plain = new Error('x');
    expect(fileError('x.csv', plain)).toBe(plain);
  });
});

describe('sourceBatches', () => {
  it('a folder or a missing file is INVALID_INPUT naming it', async () => {
    const folder = await collect(sourceBatches(dir, 'd', {})).catch((e: unknown) => e);
    expect((folder as CchcError).issues[0]!.message).toBe(`${dir}: cannot read it (is a folder).`);
    const missing = path.join(dir, 'missing.csv');
    const none = await collect(sourceBatches(missing, 'missing.csv', {})).catch((e: unknown) => e);
    expect((none as CchcError).issues[0]!.message).toBe(`${missing}: cannot read it (no such file).`);
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission is INVALID_INPUT', async () => {
    const file = tmp('secret.csv', 'a,b\n');
    chmodSync(file, 0o000);
    const error = await collect(sourceBatches(file, 'secret.csv', {})).catch((e: unknown) => e);
    expect((error as CchcError).issues[0]!.message).toBe(`${file}: cannot read it (permission denied).`);
  });

  it('JSON: a list, { records: [...] }, or one value; a BOM is skipped; rows count from 1', async () => {
    const list = tmp('list.json', '\uFEFF[{"id":1},{"id":2}]');
    const batches = await collect(sourceBatches(list, 'list.json', {}));
    expect(objectsOf(batches)).toEqual([{ id: 1 }, { id: 2 }]);
    expect(rowsOf(batches)).toEqual([1, 2]);
    const wrapped = tmp('wrapped.json', '{"records":[{"id":"a"}]}');
    expect(objectsOf(await collect(sourceBatches(wrapped, 'w', {})))).toEqual([{ id: 'a' }]);
    const one = tmp('one.json', '{"id":"b","records":3}');
    expect(objectsOf(await collect(sourceBatches(one, 'o', {})))).toEqual([{ id: 'b', records: 3 }]);
    const nul = tmp('null.json', 'null');
    expect(objectsOf(await collect(sourceBatches(nul, 'n', {})))).toEqual([null]);
  });

  it('JSON from a stream of bytes or text, in batches of 4096', async () => {
    const values = Array.from({ length: 5000 }, (_, i) => ({ i }));
    const text = JSON.stringify(values);
    const half = Buffer.from(text);
    const chunks = [half.subarray(0, 1000), text.slice(0, 0), half.subarray(1000)];
    const batches = await collect(sourceBatches(Readable.from(chunks), 's', { format: 'json' }));
    expect(batches.map((b) => b.objects!.length)).toEqual([4096, 904]);
    expect(batches[1]!.rows[0]).toBe(4097);
    expect(objectsOf(batches)).toEqual(values);
  });

  it('JSON that does not parse is INVALID_INPUT naming the file', async () => {
    const file = tmp('broken.json', '[{"id":1},');
    const error = (await collect(sourceBatches(file, 'broken.json', {})).catch(
      (e: unknown) => e,
    )) as CchcError;
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues[0]!.path).toEqual(['broken.json']);
    expect(error.issues[0]!.message).toMatch(/^broken\.json: not valid JSON \(.+\)\.$/);
  });

  it('NDJSON: one value per line, blank lines skipped but counted, BOM, CRLF, last line without end', async () => {
    const file = tmp('a.ndjson', '\uFEFF{"id":1}\r\n\r\n  {"id":2}  \n{"id":3}');
    const batches = await collect(sourceBatches(file, 'a.ndjson', {}));
    expect(objectsOf(batches)).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(rowsOf(batches)).toEqual([1, 3, 4]);
  });

  it('NDJSON from a stream split inside characters and lines, in batches of at least 4096', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => JSON.stringify({ unit: `Xã Đông ${i}` }));
    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    const chunks: (Buffer | string)[] = [];
    for (let i = 0; i < bytes.length; i += 70_001) chunks.push(bytes.subarray(i, i + 70_001));
    chunks.push('{"unit":"cuối"}');
    const batches = await collect(sourceBatches(Readable.from(chunks), 's', { format: 'ndjson' }));
    expect(batches.length).toBeGreaterThan(1);
    const objects = objectsOf(batches) as { unit: string }[];
    expect(objects).toHaveLength(5001);
    expect(objects[4999]!.unit).toBe('Xã Đông 4999');
    expect(objects[5000]!.unit).toBe('cuối');
  });

  it('NDJSON as text chunks with a BOM; an empty NDJSON file has no batches', async () => {
    const batches = await collect(
      sourceBatches(Readable.from(['\uFEFF{"a":1}\n', '{"a":2}']), 's', { format: 'ndjson' }),
    );
    expect(objectsOf(batches)).toEqual([{ a: 1 }, { a: 2 }]);
    expect(await collect(sourceBatches(tmp('empty.ndjson', ''), 'e', {}))).toEqual([]);
  });

  it('an NDJSON line that does not parse is INVALID_INPUT naming the line', async () => {
    const file = tmp('bad.ndjson', '{"id":1}\n{"id":\n');
    const error = (await collect(sourceBatches(file, 'bad.ndjson', {})).catch(
      (e: unknown) => e,
    )) as CchcError;
    expect(error.issues[0]!.path).toEqual(['bad.ndjson', 2]);
    expect(error.issues[0]!.message).toMatch(/^bad\.ndjson, line 2: not valid JSON \(.+\)\.$/);
  });

  it('reports progress with the file size, or null for a stream', async () => {
    const file = tmp('p.csv', 'a,b\n1,2\n');
    const seen: [number, number | null][] = [];
    await collect(sourceBatches(file, 'p.csv', { onProgress: (n, t) => seen.push([n, t]) }));
    expect(seen).toEqual([[8, 8]]);
    const json: [number, number | null][] = [];
    await collect(sourceBatches(tmp('p.json', '[1]'), 'p.json', { onProgress: (n, t) => json.push([n, t]) }));
    expect(json).toEqual([[3, 3]]);
    const stream: [number, number | null][] = [];
    await collect(
      sourceBatches(Readable.from(['{"a":1}\n']), 's', {
        format: 'ndjson',
        onProgress: (n, t) => stream.push([n, t]),
      }),
    );
    expect(stream).toEqual([[8, null]]);
  });

  it('a stream is CSV by default and takes the delimiter, encoding and parser options', async () => {
    const latin = Buffer.from('a;b\nPh\xfa;1\n', 'latin1');
    const batches = await collect(
      sourceBatches(Readable.from([latin]), 's', { delimiter: ';', encoding: 'latin1', parser: 'csv-parse' }),
    );
    expect(batches.flatMap((b) => b.cells)).toEqual([
      ['a', 'b'],
      ['Phú', '1'],
    ]);
  });
});

describe('XLSX', () => {
  let file: string;
  const progress: [number, number | null][] = [];

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const first = wb.addWorksheet('Bìa');
    first.addRow(['Trang bìa']);
    const ws = wb.addWorksheet('Dữ liệu');
    ws.addRow(['Mã', 'Giá trị']);
    ws.addRow(['rich', { richText: [{ text: 'Xã ' }, { font: { bold: true }, text: 'Đông' }] }]);
    ws.addRow(['formula', { formula: '1+1', result: 2 }]);
    ws.addRow(['link', { text: 'Cổng DVC', hyperlink: 'https://dichvucong.gov.vn' }]);
    ws.addRow(['error', { error: '#N/A' }]);
    ws.addRow(['date', new Date(Date.UTC(2024, 2, 5, 8, 30))]);
    ws.addRow(['bool', true]);
    ws.addRow([]);
    ws.addRow([null, '']);
    ws.addRow(['last', 3.5]);
    file = path.join(dir, 'cells.xlsx');
    await wb.xlsx.writeFile(file);
    await collect(
      sourceBatches(file, 'cells.xlsx', { sheet: 'Dữ liệu', onProgress: (n, t) => progress.push([n, t]) }),
    );
  });

  it('reads the sheet by name or position: text of rich text, formula results, link text, errors, dates', async () => {
    const byName = await collect(xlsxRowBatches(file, 'Dữ liệu'));
    const byPosition = await collect(xlsxRowBatches(file, 2));
    expect(byPosition).toEqual(byName);
    expect(byName.flatMap((b) => b.cells)).toEqual([
      ['Mã', 'Giá trị'],
      ['rich', 'Xã Đông'],
      ['formula', 2],
      ['link', 'Cổng DVC'],
      ['error', '#N/A'],
      ['date', new Date(Date.UTC(2024, 2, 5, 8, 30))],
      ['bool', true],
      ['last', 3.5],
    ]);
    // Empty rows are skipped, the others keep their Excel row numbers.
    expect(byName.flatMap((b) => b.rows)).toEqual([1, 2, 3, 4, 5, 6, 7, 10]);
  });

  it('the first sheet by default; a sheet that is not there is refused, naming the sheets there are', async () => {
    expect((await collect(xlsxRowBatches(file))).flatMap((b) => b.cells)).toEqual([['Trang bìa']]);
    const sheets = 'expected one of its 2 sheets ("Bìa", "Dữ liệu") by name, or a position from 1 to 2.';
    for (const [sheet, asked] of [
      ['Không có', 'sheet "Không có"'],
      [9, 'sheet 9'],
      [3, 'sheet 3'],
      ['dữ liệu', 'sheet "dữ liệu"'],
    ] as const) {
      await expect(
        collect(sourceBatches(file, 'cells.xlsx', { sheet })),
        String(sheet),
      ).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        issues: [{ path: ['cells.xlsx'], message: `cells.xlsx: there is no ${asked}: ${sheets}` }],
      });
    }
  });

  it('reads a stream as XLSX when told; progress counts rows only (no size)', async () => {
    const { createReadStream } = await import('node:fs');
    const seen: [number, number | null][] = [];
    const batches = await collect(
      sourceBatches(createReadStream(file), 'upload', {
        format: 'xlsx',
        sheet: 2,
        onProgress: (n, t) => seen.push([n, t]),
      }),
    );
    expect(batches.flatMap((b) => b.rows)).toHaveLength(8);
    expect(seen).toEqual([[8, null]]);
  });

  it('yields batches of the size asked', async () => {
    const batches = await collect(xlsxRowBatches(file, 2, 3));
    expect(batches.map((b) => b.rows.length)).toEqual([3, 3, 2]);
  });

  it('reports rows read while reading (total unknown), then the file size', () => {
    expect(progress[0]).toEqual([8, null]);
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
    expect(progress.at(-1)![1]).toBeGreaterThan(1000);
  });
});
