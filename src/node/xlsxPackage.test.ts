/**
 * The XLSX reader on packages written by hand, part by part: what ECMA-376 allows that exceljs
 * does not write (prefixed elements, parts outside `xl/`, absolute targets, inline strings with
 * phonetic runs, `t="d"` dates, escaped characters, chart sheets), what breaks (a part missing,
 * broken XML, bytes that are not UTF-8, a cell beyond XFD), and the number formats that show dates.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { CchcError } from '../errors/CchcError.js';
import { sourceBatches } from './sources.js';
import { decodeXstring, isDateFormat } from './xlsxPackage.js';
import { UNREADABLE_CELL, xlsxRowBatches } from './xlsxRows.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cchc-xlsx-parts-'));
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = (type: string) => `${R}/${type}`;

/** A package of the given parts (name → XML text or bytes), written to a file. */
async function pack(name: string, parts: Record<string, string | Uint8Array>): Promise<string> {
  const zip = new JSZip();
  // As bytes: JSZip encodes a string in chunks and breaks a surrogate pair on a chunk boundary.
  for (const [part, content] of Object.entries(parts))
    zip.file(part, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  const file = path.join(dir, name);
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return file;
}

function rels(...list: [id: string, type: string, target: string, external?: boolean][]): string {
  const items = list.map(
    ([id, type, target, external]) =>
      `<Relationship Id="${id}" Type="${REL(type)}" Target="${target}"${external ? ' TargetMode="External"' : ''}/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
}

async function rowsOf(input: string | AsyncIterable<Uint8Array>, sheet: string | number = 1) {
  const cells: unknown[][] = [];
  const rows: number[] = [];
  for await (const b of xlsxRowBatches(input, sheet, 2)) {
    cells.push(...b.cells);
    rows.push(...b.rows);
  }
  return { cells, rows };
}

/** A workbook in `wb/` (not `xl/`), elements prefixed `x:`, a chart sheet between two worksheets. */
const unusual = {
  '_rels/.rels': rels(
    ['r1', 'officeDocument', 'wb/book.xml'],
    ['r2', 'extended-properties', 'docProps/app.xml'],
  ),
  'wb/book.xml': `<?xml version="1.0"?><x:workbook xmlns:x="${NS}" xmlns:rel="${R}"><x:workbookPr date1904="0"/><x:sheets><x:sheet name="Bìa" sheetId="1" rel:id="rS1"/><x:sheet name="Biểu đồ" sheetId="2" rel:id="rC"/><x:sheet name="Dữ liệu" sheetId="3" rel:id="rS2"/><x:sheet name="Mất" sheetId="4" rel:id="rGone"/></x:sheets></x:workbook>`,
  'wb/_rels/book.xml.rels': rels(
    ['rS1', 'worksheet', 'sheets/cover.xml'],
    ['rC', 'chartsheet', 'charts/chart1.xml'],
    ['rS2', 'worksheet', '/wb/sheets/../sheets/data.xml'],
    ['rSS', 'sharedStrings', 'strings.xml'],
    ['rSt', 'styles', './styles.xml'],
    ['rX', 'hyperlink', 'https://dichvucong.gov.vn', true],
  ),
  'wb/strings.xml': `<sst xmlns="${NS}"><si><t>Mã đơn vị</t></si><si><r><t>Xã </t></r><r><rPr><b/></rPr><t xml:space="preserve">Đông </t></r><rPh sb="0" eb="1"><t>ドン</t></rPh></si><si><t>dòng 1_x000D_
dòng 2</t></si><si><t>_x005F_x000D_ giữ nguyên</t></si><si><t>A &amp; B &lt;C&gt;</t></si></sst>`,
  'wb/styles.xml': `<styleSheet xmlns="${NS}"><numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.0&quot; ngày&quot;"/><numFmt numFmtId="14" formatCode="0.00"/></numFmts><cellStyleXfs><xf numFmtId="164"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/><xf numFmtId="22"/><xf/></cellXfs></styleSheet>`,
  'wb/sheets/cover.xml': `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Trang bìa</t></is></c></row></sheetData></worksheet>`,
  'wb/sheets/data.xml': `<x:worksheet xmlns:x="${NS}"><x:dimension ref="A1:AA9"/><x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c r="D1" t="s"><x:v>2</x:v></x:c><x:c r="AA1" t="s"><x:v>3</x:v></x:c></x:row>
<x:row r="2"><x:c r="A2" t="s"><x:v>4</x:v></x:c><x:c r="B2" t="s"><x:v>99</x:v></x:c><x:c r="C2" t="s"><x:v>-1</x:v></x:c><x:c r="D2" t="inlineStr"><x:is><x:r><x:t>Hồ </x:t></x:r><x:r><x:t>sơ</x:t></x:r><x:rPh><x:t>ホ</x:t></x:rPh></x:is></x:c><x:c r="E2" t="str"><x:f>A2&amp;""</x:f><x:v>kết quả</x:v></x:c><x:c r="F2" t="str"><x:f>""</x:f><x:v></x:v></x:c></x:row>
<x:row r="3"><x:c r="A3" t="e"><x:v>#N/A</x:v></x:c><x:c r="B3" t="b"><x:v>1</x:v></x:c><x:c r="C3" t="b"><x:v>0</x:v></x:c><x:c r="D3" t="b"><x:v>true</x:v></x:c><x:c r="E3" t="b"><x:v>2</x:v></x:c><x:c r="F3" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c></x:row>
<x:row r="4"><x:c r="A4" t="d"><x:v>2024-03-05T08:30:00</x:v></x:c><x:c r="B4" t="d"><x:v>2024-03-05</x:v></x:c><x:c r="C4" t="d"><x:v>2024-02-30</x:v></x:c><x:c r="D4" t="d"><x:v>5/3/2024</x:v></x:c><x:c r="E4" t="d"><x:v>2024-03-05T24:00:00</x:v></x:c></x:row>
<x:row r="5"><x:c r="A5" s="1"><x:v>45356</x:v></x:c><x:c r="B5" s="2"><x:v>4.5</x:v></x:c><x:c r="C5" s="3"><x:v>45356</x:v></x:c><x:c r="D5" s="4"><x:v>45356.75</x:v></x:c><x:c r="E5" s="5"><x:v>1e3</x:v></x:c><x:c r="F5"><x:v> -0.25 </x:v></x:c></x:row>
<x:row r="6"><x:c r="A6"><x:v>1,5</x:v></x:c><x:c r="B6"><x:v>NaN</x:v></x:c><x:c r="C6"><x:v>1e999</x:v></x:c><x:c r="D6"><x:f>A5+1</x:f></x:c><x:c r="E6" t="x"><x:v>1</x:v></x:c><x:c r="F6"><x:v><![CDATA[12]]></x:v></x:c></x:row>
<x:row r="7"><x:c r="A7" s="1"/><x:c r="B7" t="s"/></x:row>
<x:row><x:c r="A8"><x:v>8</x:v></x:c></x:row>
<x:row r="9" spans="1:3"><x:c r="C9"><x:v>3</x:v></x:c><x:c r="B9"><x:v>2</x:v></x:c></x:row>
</x:sheetData><x:mergeCells><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>`,
};

describe('packages written by hand', () => {
  it('reads what ECMA-376 allows: parts found through relationships, prefixed elements, every cell type', async () => {
    const file = await pack('unusual.xlsx', unusual);
    expect(await rowsOf(file)).toEqual({ cells: [['Trang bìa']], rows: [1] });
    const { cells, rows } = await rowsOf(file, 'Dữ liệu');
    const date = (...p: [number, number, number, number?, number?]) =>
      new Date(Date.UTC(p[0], p[1] - 1, p[2], p[3] ?? 0, p[4] ?? 0));
    expect(cells).toStrictEqual([
      // shared strings: plain, runs without the phonetic run, an escaped CR, an escaped escape.
      ['Mã đơn vị', 'Xã Đông ', null, 'dòng 1\r\ndòng 2', ...Array(22).fill(null), '_x000D_ giữ nguyên'],
      // entities; a shared string index out of range or negative; inline runs; formula text, empty.
      ['A & B <C>', UNREADABLE_CELL, UNREADABLE_CELL, 'Hồ sơ', 'kết quả', ''],
      // an error, booleans (1, 0, true; 2 is none), a formula's error.
      ['#N/A', true, false, true, UNREADABLE_CELL, '#DIV/0!'],
      // ISO dates; 30 February, a Vietnamese date and hour 24 are not ISO dates.
      [date(2024, 3, 5, 8, 30), date(2024, 3, 5), UNREADABLE_CELL, UNREADABLE_CELL, UNREADABLE_CELL],
      // numbers by style: dd/mm/yyyy, 0.0" ngày", id 14 redefined as 0.00, built-in 22, no number
      // format, no style; spaces around a number are allowed (xsd:double).
      [date(2024, 3, 5), 4.5, 45356, date(2024, 3, 5, 18, 0), 1000, -0.25],
      // not numbers (a comma, NaN, out of range); a formula without a result; an unknown type; CDATA.
      [UNREADABLE_CELL, UNREADABLE_CELL, UNREADABLE_CELL, UNREADABLE_CELL, UNREADABLE_CELL, 12],
      // row 7 (empty cells only) is skipped; a row without a number follows the last one; cells out of order.
      [8],
      [null, 2, 3],
    ]);
    expect(rows).toEqual([1, 2, 3, 4, 5, 6, 8, 9]);
    // By position among the tabs: the chart sheet counts, as it does in Excel.
    expect(await rowsOf(file, 3)).toEqual(await rowsOf(file, 'Dữ liệu'));
  });

  it('a stream reads as the file does', async () => {
    const file = await pack('unusual-stream.xlsx', unusual);
    const { createReadStream } = await import('node:fs');
    expect(await rowsOf(createReadStream(file), 'Dữ liệu')).toEqual(await rowsOf(file, 'Dữ liệu'));
  });

  it('a chart sheet, or a sheet whose relationship is missing, is refused', async () => {
    const file = await pack('charts.xlsx', unusual);
    await expect(rowsOf(file, 'Biểu đồ')).rejects.toThrow(
      new CchcError('INVALID_INPUT', [
        {
          path: ['the workbook'],
          message:
            'the workbook: sheet "Biểu đồ" ("Biểu đồ") is a chart or dialog sheet, which has no cells.',
        },
      ]),
    );
    await expect(rowsOf(file, 2)).rejects.toThrow('sheet 2 ("Biểu đồ") is a chart or dialog sheet');
    await expect(rowsOf(file, 'Mất')).rejects.toThrow('the relationship of its sheet "Mất" is missing');
  });

  it('without a styles or shared strings part, numbers stay numbers and no string can be looked up', async () => {
    const file = await pack('bare.xlsx', {
      'xl/workbook.xml': `<workbook xmlns="${NS}" xmlns:r="${R}"><sheets><sheet name="S" sheetId="1" r:id="a"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': rels(['a', 'worksheet', 'worksheets/sheet1.xml']),
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${NS}"><sheetData><row r="2"><c r="B2" s="1"><v>45356</v></c><c r="C2" t="s"><v>0</v></c></row></sheetData></worksheet>`,
    });
    // No _rels/.rels: the workbook is xl/workbook.xml.
    expect(await rowsOf(file)).toEqual({ cells: [[null, 45356, UNREADABLE_CELL]], rows: [2] });
  });

  it('the 1904 date system', async () => {
    const file = await pack('1904.xlsx', {
      'xl/workbook.xml': `<workbook xmlns="${NS}" xmlns:r="${R}"><workbookPr date1904="true"/><sheets><sheet name="S" sheetId="1" r:id="a"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': rels(
        ['a', 'worksheet', 'worksheets/sheet1.xml'],
        ['b', 'styles', 'styles.xml'],
      ),
      'xl/styles.xml': `<styleSheet xmlns="${NS}"><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" s="1"><v>43894</v></c></row></sheetData></worksheet>`,
    });
    expect((await rowsOf(file)).cells).toEqual([[new Date(Date.UTC(2024, 2, 5))]]);
  });
});

describe('characters outside the BMP on chunk boundaries', () => {
  it('20 000 shared and inline strings with emoji and Vietnamese letters read whole, from a path and a stream', async () => {
    // Written by hand: exceljs's writer itself breaks an emoji that falls on its buffer boundary.
    const texts = Array.from(
      { length: 20_000 },
      (_, i) => `${'😀🇻🇳'.repeat(i % 4)} hồ sơ ${i} ${'ữ'.repeat(i % 3)}𝔸`,
    );
    const items = texts.map((t) => `<si><t>${t}</t></si>`).join('');
    const rows = texts
      .map(
        (t, i) =>
          `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c><c r="B${i + 1}" t="inlineStr"><is><t>${t}</t></is></c></row>`,
      )
      .join('');
    const file = await pack('emoji.xlsx', {
      'xl/workbook.xml': `<workbook xmlns="${NS}" xmlns:r="${R}"><sheets><sheet name="S" sheetId="1" r:id="a"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': rels(
        ['a', 'worksheet', 'worksheets/sheet1.xml'],
        ['b', 'sharedStrings', 'sharedStrings.xml'],
      ),
      'xl/sharedStrings.xml': `<sst xmlns="${NS}">${items}</sst>`,
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${NS}"><sheetData>${rows}</sheetData></worksheet>`,
    });
    const expected = texts.map((t) => [t, t]);
    expect((await rowsOf(file)).cells).toEqual(expected);
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(file);
    async function* odd(): AsyncGenerator<Uint8Array> {
      for (let at = 0, k = 0; at < bytes.length; k++) {
        const size = [1, 3, 7, 4093][k % 4] as number;
        yield bytes.subarray(at, at + size);
        at += size;
      }
    }
    expect((await rowsOf(odd())).cells).toEqual(expected);
  });
});

describe('what cannot be read says why', () => {
  const workbook = {
    'xl/workbook.xml': `<workbook xmlns="${NS}" xmlns:r="${R}"><sheets><sheet name="S" sheetId="1" r:id="a"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': rels(['a', 'worksheet', 'worksheets/sheet1.xml']),
  };
  const sheetPart = (xml: string | Uint8Array) => ({ ...workbook, 'xl/worksheets/sheet1.xml': xml });

  it.each<[string, Record<string, string | Uint8Array>, RegExp]>([
    [
      'no workbook part',
      { '_rels/.rels': rels(['r', 'officeDocument', 'word/document.xml']), 'word/document.xml': '<w/>' },
      /: the workbook has no sheets, so there is no sheet 1\.$/,
    ],
    ['no part at all', { 'a.txt': 'x' }, /^its part xl\/workbook\.xml is missing$/],
    ['a worksheet part that is missing', workbook, /^its part xl\/worksheets\/sheet1\.xml is missing$/],
    [
      'broken XML',
      sheetPart(`<worksheet xmlns="${NS}"><sheetData><row></sheetData>`),
      /unexpected close tag/,
    ],
    [
      'bytes that are not UTF-8',
      sheetPart(Uint8Array.from([0x3c, 0x61, 0x3e, 0xc3, 0x28, 0x3c, 0x2f, 0x61, 0x3e])),
      /^its part xl\/worksheets\/sheet1\.xml is not UTF-8 text$/,
    ],
    [
      'a cell beyond column XFD',
      sheetPart(
        `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>`,
      ),
      /^its cell reference "XFE1" is beyond column XFD$/,
    ],
    [
      'cells without references running past column XFD',
      sheetPart(
        `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="XFD1"><v>1</v></c><c><v>2</v></c></row></sheetData></worksheet>`,
      ),
      /^its row 1 has a cell beyond column XFD$/,
    ],
    [
      'a cell reference of many letters',
      sheetPart(
        `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="ZZZZZZZZZZZZ1"><v>1</v></c></row></sheetData></worksheet>`,
      ),
      /^its cell reference "ZZZZZZZZZZZZ1" is beyond column XFD$/,
    ],
    [
      'a character reference to half a surrogate pair',
      sheetPart(
        `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&#xDFFF;#UNREADABLE!</t></is></c></row></sheetData></worksheet>`,
      ),
      /character/i,
    ],
  ])('%s', async (what, parts, message) => {
    const file = await pack(`broken-${what.replaceAll(' ', '-')}.xlsx`, parts);
    const error = await rowsOf(file).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error, what).toBeInstanceOf(Error);
    expect(error?.message, what).toMatch(message);
  });

  it('through the public readers: the file named, the reason in brackets', async () => {
    const file = await pack('broken.xlsx', sheetPart(`<worksheet><sheetData><row>`));
    await expect(
      (async () => {
        for await (const _ of sourceBatches(file, 'broken.xlsx', {})) {
          // read on
        }
      })(),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      issues: [
        {
          path: ['broken.xlsx'],
          message: expect.stringMatching(/^broken\.xlsx: cannot read it as an XLSX workbook \(.+\)\.$/),
        },
      ],
    });
  });

  it('a stream that is not a zip', async () => {
    await expect(rowsOf(Readable.from([Buffer.from('Mã,Tên\n')]))).rejects.toThrow(
      'it is not a zip archive, or it is cut short',
    );
  });
});

describe('number formats that show a date or time', () => {
  it.each<[unknown, boolean]>([
    ['dd/mm/yyyy', true],
    ['d-mmm-yy', true],
    ['h:mm', true],
    ['[$-42A]dd/mm/yyyy', true],
    ['[$-F800]dddd, mmmm dd, yyyy', true],
    ['mm:ss', true],
    ['[h]:mm:ss', true],
    ['[h]', true],
    ['[mm]', true],
    ['yyyy', true],
    ['"Tháng "m', true],
    ['bbbb', true],
    ['General', false],
    ['0.00', false],
    ['#,##0', false],
    ['"ngày"0', false],
    ['0.0" ngày"', false],
    ['[Red]0.0', false],
    ['0.0\\h', false],
    ['#,##0_m', false],
    ['* #,##0', false],
    ['_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)', false],
    ['@', false],
    ['', false],
    [undefined, false],
    [42, false],
  ])('%j → %s', (format, shows) => {
    expect(isDateFormat(format)).toBe(shows);
  });
});

describe('escaped characters in text (ST_Xstring)', () => {
  it.each([
    ['dòng 1_x000D_dòng 2', 'dòng 1\rdòng 2'],
    ['_x000d_', '\r'],
    ['_x005F_x000D_', '_x000D_'],
    ['_xD83D__xDE00_', '😀'],
    ['_xDFFF_#UNREADABLE!', '_xDFFF_#UNREADABLE!'],
    ['_xD83D_', '_xD83D_'],
    ['_x00_', '_x00_'],
    ['_x0041', '_x0041'],
    ['không có', 'không có'],
  ])('%j → %j', (text, decoded) => {
    expect(decodeXstring(text)).toBe(decoded);
  });

  it('no decoded text is the unreadable marker', () => {
    expect(decodeXstring('_xDFFF_#UNREADABLE!')).not.toBe(UNREADABLE_CELL);
  });
});
