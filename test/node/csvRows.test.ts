/**
 * The CSV row reader: delimiter detection, the fast path and its hand-over to csv-parse, BOMs,
 * line ends, quoted fields with line breaks, batches and row numbers, encodings, and errors.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CchcError } from '../../src/errors/CchcError.js';
import { utf8Of } from '../../src/node/cells.js';
import { type CsvRowOptions, csvRowBatches, detectDelimiter } from '../../src/node/csvRows.js';

/** Every row (decoded) with its row number. */
async function rows(
  chunks: (string | Uint8Array)[],
  options: Partial<CsvRowOptions> = {},
): Promise<{ cells: string[][]; rows: number[]; batches: number }> {
  const out: string[][] = [];
  const numbers: number[] = [];
  let batches = 0;
  for await (const batch of csvRowBatches(Readable.from(chunks), { file: 'x.csv', ...options })) {
    batches++;
    for (const r of batch.cells) out.push(batch.binary ? r.map(utf8Of) : r);
    numbers.push(...batch.rows);
  }
  return { cells: out, rows: numbers, batches };
}

const bytesOf = (text: string) => [...Buffer.from(text)].map((b) => Buffer.from([b]));

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a;b;c\n1;2;3\n', ';'],
    ['a\tb\tc\n', '\t'],
    ['a\tb;c\n', '\t'], // a tie between tab and ; goes to tab
    ['a,b\tc\n', ','], // a tie between comma and tab goes to comma
    ['nothing\n', ','],
    ['"a;b;c;d",x,y\n', ','], // delimiters inside quotes do not count
    ['BÁO CÁO;;;;;;;\nMã;Đơn vị\n', ';'],
    ['no line end;at all', ';'],
  ])('%j → %j', (head, delimiter) => {
    expect(detectDelimiter(head)).toBe(delimiter);
  });

  it('looks at the first 20 lines only', () => {
    const head = `${'a,b\n'.repeat(20)}${'a;b;c;d;e;f\n'.repeat(10)}`;
    expect(detectDelimiter(head)).toBe(',');
  });
});

describe('csvRowBatches', () => {
  const TEXT = 'Mã hồ sơ;Đơn vị\nHS1;"UBND xã A; huyện B"\n\nHS2;"Hai\ndòng"\nHS3;"Xã ""Mới"""\n';
  const EXPECTED = [
    ['Mã hồ sơ', 'Đơn vị'],
    ['HS1', 'UBND xã A; huyện B'],
    ['HS2', 'Hai\ndòng'],
    ['HS3', 'Xã "Mới"'],
  ];

  it('reads quoted fields with delimiters, line breaks and doubled quotes; skips empty rows but numbers them', async () => {
    for (const parser of ['auto', 'fast', 'csv-parse'] as const) {
      const r = await rows([TEXT], { parser });
      expect(r.cells, parser).toEqual(EXPECTED);
      expect(r.rows, parser).toEqual([1, 2, 4, 5]);
    }
  });

  it('gives the same rows one byte at a time, with a BOM and CRLF', async () => {
    const text = `\uFEFF${TEXT.replace(/\n/g, '\r\n')}`;
    const expected = EXPECTED.map((r) => r.map((c) => c.replace('\n', '\r\n')));
    expect((await rows(bytesOf(text))).cells).toEqual(expected);
    expect((await rows([text], { parser: 'csv-parse' })).cells).toEqual(expected);
  });

  it('accepts text chunks and typed arrays that are not Buffers', async () => {
    const u8 = new Uint8Array(Buffer.from('a,b\n1,2\n'));
    expect((await rows([u8])).cells).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect((await rows(['a,b\n', '1,', '2'])).cells).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('uses the delimiter given instead of detecting one', async () => {
    expect((await rows(['a;b,c\n'], { delimiter: ',' })).cells).toEqual([['a;b', 'c']]);
    expect((await rows(['a;b;c,d\n'], { delimiter: 'auto' })).cells).toEqual([['a', 'b', 'c,d']]);
    expect((await rows(['a;b,c\n'], { delimiter: ';', parser: 'csv-parse' })).cells).toEqual([['a', 'b,c']]);
  });

  it('yields batches of the size asked, on both paths', async () => {
    const text = `h1,h2\n${Array.from({ length: 9 }, (_, i) => `r${i},"q${i}"`).join('\n')}\n`;
    const fast = await rows([text], { batchSize: 4 });
    expect(fast.cells).toHaveLength(10);
    expect(fast.batches).toBe(3);
    const general = await rows([text], { batchSize: 4, parser: 'csv-parse' });
    expect(general.cells).toEqual(fast.cells);
    expect(general.batches).toBe(3);
  });

  it('reports the bytes read after each chunk', async () => {
    const seen: number[] = [];
    await rows(['a,b\n', '1,2\n'], { onBytes: (n) => seen.push(n) });
    expect(seen).toEqual([4, 8]);
    const general: number[] = [];
    await rows(['a,b\n', '1,2\n'], { parser: 'csv-parse', onBytes: (n) => general.push(n) });
    expect(general.at(-1)).toBe(8);
  });

  it('a quote inside an unquoted field, with quotes balanced, goes to csv-parse too', async () => {
    const r = await rows(['id,name\nA,"ok"\n1,a"b"\n2,c\n']);
    expect(r.cells).toEqual([
      ['id', 'name'],
      ['A', 'ok'],
      ['1', 'a"b"'],
      ['2', 'c'],
    ]);
    expect(r.rows).toEqual([1, 2, 3, 4]);
  });

  it('hands records the fast path cannot read to csv-parse: text after a closing quote, a quote inside a field', async () => {
    // csv-parse (quotes relaxed) keeps such a field as written, like the whole-file csv-parse read.
    const text = 'id,name\n1,"a"b\n2,c\n';
    const after = await rows([text]);
    expect(after.cells).toEqual([
      ['id', 'name'],
      ['1', '"a"b'],
      ['2', 'c'],
    ]);
    expect(after.rows).toEqual([1, 2, 3]);
    expect((await rows([text], { parser: 'csv-parse' })).cells).toEqual(after.cells);
    const inside = await rows(['id,name\n1,a"b\n2,"c"\n']);
    expect(inside.cells).toEqual([
      ['id', 'name'],
      ['1', 'a"b'],
      ['2', 'c'],
    ]);
  });

  it('reads a quoted last field at the end of a CRLF line, and a last line without a line end', async () => {
    expect((await rows(['a,"b"\r\nc,"d"'])).cells).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('an unclosed quote at the end of the file is an error naming the row', async () => {
    const error = await rows(['id,name\n1,ok\n2,"never closed\n']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CchcError);
    const issue = (error as CchcError).issues[0]!;
    expect(issue.path).toEqual(['x.csv', 3]);
    expect(issue.message).toMatch(/^x\.csv, row 3: /);
  });

  it('reads CR-only line ends (old Mac) with csv-parse', async () => {
    expect((await rows(['a;b\r1;2\r'])).cells).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads UTF-16 with a byte order mark, little- and big-endian, on both paths', async () => {
    const text = 'Mã\tĐơn vị\r\nHS1\tXã Â\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    const expected = [
      ['Mã', 'Đơn vị'],
      ['HS1', 'Xã Â'],
    ];
    for (const [name, buf] of [
      ['le', le],
      ['be', be],
    ] as const) {
      expect((await rows([buf])).cells, name).toEqual(expected);
      expect((await rows([buf], { parser: 'csv-parse' })).cells, name).toEqual(expected);
      expect(
        (await rows([buf.subarray(0, 1), buf.subarray(1)], { parser: 'csv-parse' })).cells,
        name,
      ).toEqual(expected);
    }
  });

  it('finds the delimiter of a long UTF-16 file from its first lines; drops a BOM before a known delimiter', async () => {
    const text = `a;b\r\n${Array.from({ length: 30 }, (_, i) => `${i};x`).join('\r\n')}\r\n`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const chunks = Array.from({ length: Math.ceil(le.length / 16) }, (_, i) =>
      le.subarray(i * 16, i * 16 + 16),
    );
    const r = await rows(chunks, { parser: 'csv-parse' });
    expect(r.cells).toHaveLength(31);
    expect(r.cells[30]).toEqual(['29', 'x']);
    for (const encoding of ['utf8', 'utf8-bom']) {
      expect(
        (await rows(['\uFEFFid,x\n1,2\n'], { parser: 'csv-parse', delimiter: ',', encoding })).cells,
      ).toEqual([
        ['id', 'x'],
        ['1', '2'],
      ]);
    }
  });

  it('decodes other encodings when asked, and refuses an unknown one', async () => {
    const latin = Buffer.from('a,b\nPh\xfa,Th\xf4\n', 'latin1');
    expect((await rows([latin], { encoding: 'latin1' })).cells).toEqual([
      ['a', 'b'],
      ['Phú', 'Thô'],
    ]);
    expect((await rows([Buffer.from('a,b\n')], { encoding: 'UTF-8' })).cells).toEqual([['a', 'b']]);
    const error = await rows(['a\n'], { encoding: 'klingon' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CchcError);
    expect((error as CchcError).code).toBe('INVALID_OPTIONS');
    expect((error as CchcError).issues).toEqual([
      { path: ['options', 'encoding'], message: 'unknown text encoding "klingon".' },
    ]);
  });

  it('refuses bytes that are not UTF-8 naming the row after the last good one', async () => {
    const error = await rows([Buffer.from('a,b\n1,2\n', 'utf8'), Buffer.from('3,Ph\xfa\n', 'latin1')]).catch(
      (e: unknown) => e,
    );
    expect((error as CchcError).issues[0]).toMatchObject({ path: ['x.csv', 3] });
    expect((error as CchcError).issues[0]!.message).toMatch(/^x\.csv, row 3: the text is not valid UTF-8/);
  });

  it('reads the rows before a record that is not UTF-8, then names that record exactly', async () => {
    const bad = Buffer.from([0xff]);
    const cases: [string, Buffer[], number, string[][]][] = [
      [
        'a plain row',
        [Buffer.from('a,b\n1,2\n\n3,4\n5,'), bad, Buffer.from('\n6,7\n')],
        5,
        [
          ['a', 'b'],
          ['1', '2'],
          ['3', '4'],
        ],
      ],
      [
        'the second line of a quoted cell',
        [Buffer.from('a,b\n1,2\n3,"x\ny'), bad, Buffer.from('"\n')],
        3,
        [
          ['a', 'b'],
          ['1', '2'],
        ],
      ],
    ];
    for (const [what, chunks, row, before] of cases) {
      for (const pieces of [
        [Buffer.concat(chunks)],
        chunks,
        [...Buffer.concat(chunks)].map((b) => Buffer.from([b])),
      ]) {
        const seen: string[][] = [];
        const error = await (async () => {
          for await (const batch of csvRowBatches(Readable.from(pieces), { file: 'x.csv' }))
            for (const r of batch.cells) seen.push(batch.binary ? r.map(utf8Of) : r);
        })().catch((e: unknown) => e);
        expect(seen, what).toEqual(before);
        expect((error as CchcError).issues, what).toEqual([
          {
            path: ['x.csv', row],
            message: `x.csv, row ${row}: the text is not valid UTF-8: save the export as "CSV UTF-8" or pass the file's encoding (e.g. encoding: 'windows-1258').`,
          },
        ]);
      }
    }
  });

  it('after a stray quote (csv-parse reads on): an error naming the rows read, never a replacement character', async () => {
    const bad = Buffer.from([0xff]);
    const text = [Buffer.from('a,b\n1,x"y\n2,z\n3,'), bad, Buffer.from('\n')];
    // An odd number of quotes: the reader cannot tell where the record ends, and csv-parse reads
    // it (ahead of the rows it yields): the error names the last row read before the bad bytes.
    const message = /^x\.csv: the text after row 1 is not valid UTF-8/;
    const cases: Buffer[][] = [
      [Buffer.concat(text)],
      text,
      [...Buffer.concat(text)].map((b) => Buffer.from([b])),
    ];
    for (const pieces of cases) {
      const seen: string[][] = [];
      const error = await (async () => {
        for await (const batch of csvRowBatches(Readable.from(pieces), { file: 'x.csv' }))
          for (const r of batch.cells) seen.push(batch.binary ? r.map(utf8Of) : r);
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CchcError);
      expect((error as CchcError).issues[0]!.message).toMatch(message);
      expect(seen.flat().join('')).not.toContain('\ufffd');
    }
    const error = await rows([Buffer.concat(text)], { parser: 'csv-parse' }).catch((e: unknown) => e);
    expect((error as CchcError).issues[0]!.message).toMatch(
      /^x\.csv: the text after row \d is not valid UTF-8/,
    );
  });

  it('an empty source has no rows; a source of only empty lines neither', async () => {
    expect((await rows([])).cells).toEqual([]);
    expect((await rows([''], { parser: 'csv-parse' })).cells).toEqual([]);
    expect(await rows(['\n\n,,\n'])).toEqual({ cells: [], rows: [], batches: 0 });
  });

  it('a record cut by a chunk boundary inside quotes is completed by the next chunk', async () => {
    const r = await rows(['id,note\n1,"first', ' part\nsecond"\n2,x\n']);
    expect(r.cells).toEqual([
      ['id', 'note'],
      ['1', 'first part\nsecond'],
      ['2', 'x'],
    ]);
    expect(r.rows).toEqual([1, 2, 3]);
  });
});
