/**
 * The node readers refuse a bad file argument or bad options before reading anything, with a
 * CchcError naming the option and saying what was expected (src/node/options.ts). The cases are
 * the smallest inputs the fuzzing of test/fuzz/nodeApi.test.ts found throwing TypeErrors before.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isCchcError } from '../../src/index.js';
import {
  parseDossierCsv,
  readAssessmentFile,
  readDossierFile,
  readProcedureFile,
  renderHtmlReport,
  summarizeDossierFile,
} from '../../src/node/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cchc-options-'));
const csv = path.join(dir, 'export.csv');
writeFileSync(csv, 'Mã hồ sơ,Kênh nộp,Ngày tiếp nhận\nHS1,Trực tuyến,2024-03-01\n');
const notXlsx = path.join(dir, 'not-a-workbook.xlsx');
writeFileSync(notXlsx, '[{"a":1}]');
const PERIOD = { from: '2024-03-01', to: '2024-03-31' };

/** The code and first issue of what a call throws or rejects with. */
async function refusal(run: () => unknown): Promise<{ code: string; path: unknown[]; message: string }> {
  try {
    const out = run();
    if (out && typeof (out as { then?: unknown }).then === 'function') await out;
    else if (out && typeof (out as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function')
      for await (const _ of out as AsyncIterable<unknown>) {
        // read it all
      }
  } catch (error) {
    expect(isCchcError(error)).toBe(true);
    const e = error as { code: string; issues: { path: unknown[]; message: string }[] };
    return { code: e.code, ...e.issues[0]! };
  }
  throw new Error('expected a refusal');
}

describe('bad options and file arguments of the node readers', () => {
  it.each([
    [
      'readDossierFile(file, null)',
      () => readDossierFile(csv, null as never),
      ['INVALID_OPTIONS', ['options'], 'expected an options object, received null.'],
    ],
    [
      'summarizeDossierFile(file, null)',
      () => summarizeDossierFile(csv, null as never),
      ['INVALID_OPTIONS', ['options'], 'expected an options object, received null.'],
    ],
    [
      'readAssessmentFile(file, "x")',
      () => readAssessmentFile(csv, 'x' as never),
      ['INVALID_OPTIONS', ['options'], 'expected an options object, received the string "x".'],
    ],
    [
      'a delimiter that is not text',
      () => readDossierFile(csv, { delimiter: true as never }),
      [
        'INVALID_OPTIONS',
        ['options', 'delimiter'],
        'expected a delimiter such as "," ";" "\\t" or "auto" (text), received a value of type boolean.',
      ],
    ],
    [
      'a quote as the delimiter',
      () => readProcedureFile(csv, { delimiter: '"' }),
      ['INVALID_OPTIONS', ['options', 'delimiter'], 'expected a delimiter without quotes or line breaks.'],
    ],
    [
      'an encoding that is not text',
      () => summarizeDossierFile(csv, { period: PERIOD, encoding: [] as never }),
      [
        'INVALID_OPTIONS',
        ['options', 'encoding'],
        "expected an encoding such as 'utf8' or 'windows-1258' (text), received an array.",
      ],
    ],
    [
      'onProgress that is not a function',
      () => readDossierFile(csv, { onProgress: 0 as never }),
      [
        'INVALID_OPTIONS',
        ['options', 'onProgress'],
        'expected a function (bytes read, total), received the number 0.',
      ],
    ],
    [
      'columns of an unknown field',
      () => readProcedureFile(csv, { columns: { '': 'x' } as never }),
      [
        'INVALID_OPTIONS',
        ['options', 'columns'],
        "expected headers for the fields 'code', 'name', 'level', 'before', 'after', 'unit' only, received \"\".",
      ],
    ],
    [
      'a header that is not text',
      () => readDossierFile(csv, { columns: { id: [true] } as never }),
      [
        'INVALID_OPTIONS',
        ['options', 'columns', 'id'],
        'expected a header or a list of headers, received an array.',
      ],
    ],
    [
      'a channel value that is not a channel',
      () => summarizeDossierFile(csv, { period: PERIOD, channelValues: { Fax: 'fax' as never } }),
      [
        'INVALID_OPTIONS',
        ['options', 'channelValues', 'Fax'],
        'expected one of "online", "inPerson", "postal", received the string "fax".',
      ],
    ],
    [
      'a format that is not one of the four',
      () => readDossierFile(csv, { format: 'xls' as never }),
      [
        'INVALID_OPTIONS',
        ['options', 'format'],
        'expected one of "csv", "xlsx", "json", "ndjson", received the string "xls".',
      ],
    ],
    [
      'a bad-row policy that is not one of the two',
      () => readDossierFile(csv, { onBadRow: 'skip' as never }),
      [
        'INVALID_OPTIONS',
        ['options', 'onBadRow'],
        'expected one of "throw", "collect", received the string "skip".',
      ],
    ],
    [
      'an offset that is an object',
      () => readDossierFile(csv, { utcOffsetMinutes: {} as never }),
      [
        'INVALID_OPTIONS',
        ['options', 'utcOffsetMinutes'],
        'expected a whole number of minutes, received a value of type object.',
      ],
    ],
    [
      'a file that is not a path',
      () => readDossierFile(0 as never),
      ['INVALID_INPUT', ['file'], 'expected a file path (text), received the number 0.'],
    ],
    [
      'an assessment source that is neither a path nor a stream',
      () => readAssessmentFile(null as never),
      [
        'INVALID_INPUT',
        ['file'],
        'expected a file path (text) or a stream of bytes (a Readable), received null.',
      ],
    ],
    [
      'parseDossierCsv of something that is not a stream',
      () => parseDossierCsv('a,b' as never),
      [
        'INVALID_INPUT',
        ['stream'],
        'expected a stream of bytes or text (a Readable or an async iterable), received the string "a,b".',
      ],
    ],
    [
      'parseDossierCsv asked for XLSX',
      () => parseDossierCsv(Readable.from(['a']), { format: 'xlsx' }),
      [
        'INVALID_OPTIONS',
        ['options', 'format'],
        'parseDossierCsv reads CSV, not "xlsx": pass the file to readDossierFile for XLSX, JSON or NDJSON.',
      ],
    ],
    [
      'a path with a NUL byte',
      () => readDossierFile(path.join(dir, 'a\u0000b.csv')),
      [
        'INVALID_INPUT',
        [path.join(dir, 'a\u0000b.csv')],
        `${path.join(dir, 'a\u0000b.csv')}: cannot read it (the path holds a character no file name can (a NUL byte)).`,
      ],
    ],
    [
      'a path below a file',
      () => readProcedureFile(path.join(csv, 'x.csv')),
      [
        'INVALID_INPUT',
        [path.join(csv, 'x.csv')],
        `${path.join(csv, 'x.csv')}: cannot read it (a part of the path is not a folder).`,
      ],
    ],
  ] as const)('%s', async (_what, run, [code, issuePath, message]) => {
    expect(await refusal(run)).toEqual({ code, path: issuePath, message });
  });

  it('a file that is not a workbook, read as XLSX, is INVALID_INPUT naming it', async () => {
    const r = await refusal(() => readProcedureFile(notXlsx));
    expect(r.code).toBe('INVALID_INPUT');
    expect(r.path).toEqual(['not-a-workbook.xlsx']);
    expect(r.message).toBe(
      'not-a-workbook.xlsx: cannot read it as an XLSX workbook (it is not a zip archive, or it is cut short).',
    );
  });

  it('a stream read as XLSX: text chunks that are not a workbook are refused (they used to crash the process)', async () => {
    for (const chunks of [['abc,def\n'], [Buffer.from('abc,def\n')]]) {
      const r = await refusal(() => readProcedureFile(Readable.from(chunks), { format: 'xlsx' }));
      expect(r.code).toBe('INVALID_INPUT');
      expect(r.message).toBe(
        'input: cannot read it as an XLSX workbook (it is not a zip archive, or it is cut short).',
      );
    }
  });

  it('a real workbook read from a stream, as bytes or as an async iterable of chunks, still reads', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const { createReadStream, readFileSync } = await import('node:fs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('TTHC');
    ws.addRow(['Mã TTHC', 'Tên TTHC', 'Thời gian trước cắt giảm', 'Thời gian sau cắt giảm']);
    ws.addRow(['1.001', 'Cấp phép', 20, 15]);
    const file = path.join(dir, 'procedures.xlsx');
    await wb.xlsx.writeFile(file);
    const bytes = readFileSync(file);
    async function* pieces() {
      for (let i = 0; i < bytes.length; i += 1000) yield new Uint8Array(bytes.subarray(i, i + 1000));
    }
    for (const source of [createReadStream(file), pieces()]) {
      const { procedures } = await readProcedureFile(source as never, { format: 'xlsx' });
      expect(procedures).toEqual([{ code: '1.001', name: 'Cấp phép', before: '20', after: '15' }]);
    }
  });

  it('renderHtmlReport refuses content of another shape, naming the place', async () => {
    for (const [input, issuePath, message] of [
      [0, ['input'], "expected the report's content { title, units, … }, received the number 0."],
      [{}, ['input', 'title'], 'expected a title (text), received nothing.'],
      [{ title: 't', lang: 'fr' }, ['input', 'lang'], "expected 'vi' or 'en', received the string \"fr\"."],
      [
        { title: 't', units: [null] },
        ['input', 'units', 0],
        'expected a unit { id, points, max, percent, fields }, received null.',
      ],
      [
        { title: 't', units: [{ id: 'a', points: '8', max: 10, percent: 80, fields: [] }] },
        ['input', 'units', 0, 'points'],
        'expected points (a finite number), received the string "8".',
      ],
      [
        { title: 't', timeliness: [{ label: 'x', early: -1, onTime: 0, late: 0 }] },
        ['input', 'timeliness', 0, 'early'],
        'expected a count of 0 or more.',
      ],
    ] as const) {
      expect(await refusal(() => renderHtmlReport(input as never))).toEqual({
        code: 'INVALID_INPUT',
        path: issuePath,
        message,
      });
    }
  });

  it('options the readers do not know pass (tests use internal ones); valid ones still read', async () => {
    const s = await summarizeDossierFile(csv, { period: PERIOD, somethingElse: 1 } as never);
    expect(s.total.received.online).toBe(1);
  });
});
