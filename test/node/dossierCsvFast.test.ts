/**
 * The byte reader of summarizeDossierFile (src/node/dossierCsvFast.ts) against the general path
 * (`byteReader: false`, an internal option) and against csv-parse (`parser: 'csv-parse'`), on
 * random exports: delimiters, BOM or not, CRLF or LF, quoted cells (with delimiters, doubled quotes
 * and line breaks), Vietnamese headers in any column order, title rows, empty rows and short rows,
 * every date shape the reader knows and bad ones, unknown channels and statuses, cells to trim,
 * texts ending in "à", repeated ids, and the summary options that change what is checked. The
 * summaries, the problems (file, row, column, message) and the errors must be the same.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteTable, IdSet } from '../../src/node/dossierCsvFast.js';
import {
  type SummarizeDossierFileOptions,
  summarizeDossierFile,
} from '../../src/node/summarizeDossierFile.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cchc-fast-'));
let serial = 0;
const tmp = (content: string | Buffer, ext = '.csv') => {
  const file = path.join(dir, `export-${serial++}${ext}`);
  writeFileSync(file, content);
  return file;
};

/** The outcome of a run: the summary, or the error's code, issues and message. */
async function outcome(file: string, options: SummarizeDossierFileOptions): Promise<unknown> {
  try {
    return { ok: await summarizeDossierFile(file, options) };
  } catch (error) {
    const e = error as { code?: string; issues?: unknown; message?: string };
    return { error: { code: e.code, issues: e.issues, message: e.message } };
  }
}

const FIELDS = [
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
type Field = (typeof FIELDS)[number];
const HEADERS: Record<Field, string[]> = {
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

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A date near March 2024 in one of the shapes exports use, or a bad one. */
const shapedDate = fc
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
const dateCell = fc.oneof(
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

const CHANNELS = [
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
const STATUSES = [
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
const UNITS = [
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
const IDS = ['HS1', 'HS2', 'HS3', 'Hà', ' HS1', 'HS1 ', '\u00a0HS2', '', 'hs1', '12'];
const POST = ['', 'có', 'x', '1', 'không', '0', 'maybe', ' X '];

const rowArb = fc.record({
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

const exportArb = fc.record({
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

type Export = typeof exportArb extends fc.Arbitrary<infer T> ? T : never;

function quote(cell: string, delimiter: string, always: boolean): string {
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

function render(e: Export): string {
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

function optionsOf(e: Export): SummarizeDossierFileOptions {
  const o: Record<string, unknown> = { period: { from: '2024-03-01', to: '2024-03-31' } };
  for (const [k, v] of Object.entries(e.options)) if (v !== undefined) o[k] = v;
  return o as unknown as SummarizeDossierFileOptions;
}

describe('summarizeDossierFile: the byte reader gives what the general path gives', () => {
  it('on random exports (summaries, problems, errors)', async () => {
    await fc.assert(
      fc.asyncProperty(exportArb, async (e) => {
        const file = tmp(render(e));
        const options = optionsOf(e);
        const fast = await outcome(file, options);
        const general = await outcome(file, { ...options, byteReader: false } as SummarizeDossierFileOptions);
        expect(fast).toEqual(general);
        const parsed = await outcome(file, { ...options, parser: 'csv-parse' });
        expect(fast).toEqual(parsed);
      }),
      { numRuns: Number(process.env.FAST_RUNS ?? 300) },
    );
  }, 120_000);

  it('across chunks of a large file, with bad rows, quotes and repeated ids here and there', async () => {
    const lines = ['\uFEFFMã hồ sơ;Đơn vị;Kênh nộp;Ngày tiếp nhận;Ngày hẹn trả;Ngày trả kết quả;Trạng thái'];
    const channels = ['Trực tuyến', 'Trực tiếp', 'Bưu chính'];
    for (let i = 1; i <= 40_000; i++) {
      const day = 1 + (i % 28);
      const unit = i % 997 === 0 ? '"Xã ""Mới""\nxã"' : `Xã Hoà ${i % 50}`;
      const id = i % 1201 === 0 ? `HS${i - 7}` : `HS${i}`;
      const received = i % 1303 === 0 ? '2024-02-30' : `${pad(day)}/03/2024 ${i % 24}:${pad(i % 60)}`;
      const finished = i % 3 === 0 ? '' : `2024-03-${pad(Math.min(31, day + (i % 5)))}`;
      const status =
        finished === ''
          ? i % 2 === 0
            ? 'Đang giải quyết'
            : ''
          : i % 11 === 0
            ? 'Rút hồ sơ'
            : 'Đã giải quyết';
      lines.push(
        [id, unit, channels[i % 3], received, `2024-03-${pad(Math.min(31, day + 3))}`, finished, status].join(
          ';',
        ),
      );
    }
    const file = tmp(`${lines.join('\r\n')}\r\n`);
    for (const duplicateIds of ['error', 'unchecked'] as const) {
      const options: SummarizeDossierFileOptions = {
        period: { from: '2024-03-01', to: '2024-03-31' },
        groupBy: ['unit', 'month'],
        onBadRow: 'collect',
        duplicateIds,
      };
      const fast = await outcome(file, options);
      const general = await outcome(file, { ...options, byteReader: false } as SummarizeDossierFileOptions);
      expect(fast).toEqual(general);
      expect((fast as { ok: { problems: unknown[] } }).ok.problems.length).toBeGreaterThan(20);
      const thrown = await outcome(file, { ...options, onBadRow: 'throw' });
      expect(thrown).toEqual(
        await outcome(file, {
          ...options,
          onBadRow: 'throw',
          byteReader: false,
        } as SummarizeDossierFileOptions),
      );
    }
  }, 60_000);

  it('gives up on files it declines most rows of, with the same result', async () => {
    const lines = ['Mã hồ sơ,Kênh nộp,Ngày tiepnhan,Ngày tiếp nhận'];
    for (let i = 0; i < 3000; i++) lines.push(`A${i},Trực tuyến,x,2024-03-05T10:00:00.000Z`);
    const file = tmp(lines.join('\n'));
    const options: SummarizeDossierFileOptions = { period: { from: '2024-03-01', to: '2024-03-31' } };
    const fast = await outcome(file, options);
    expect(fast).toEqual(
      await outcome(file, { ...options, byteReader: false } as SummarizeDossierFileOptions),
    );
    expect((fast as { ok: { total: { received: { online: number } } } }).ok.total.received.online).toBe(3000);
  });
});

describe('ByteTable and IdSet', () => {
  it('keep byte strings apart exactly, through growth', () => {
    const ids = new IdSet();
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const id = i % 3 === 0 ? `Hà ${i % 7000}` : `HS${(i * 7919) % 15_000}`;
      expect(ids.addText(id)).toBe(!seen.has(id));
      seen.add(id);
    }
    // Many prefixes (more than there are bitmaps), long digit runs, digits only, no digits.
    const more = new IdSet();
    const all = new Set<string>();
    for (let i = 0; i < 30_000; i++) {
      const n = (i * 104_729) % 20_000;
      const id =
        i % 4 === 0
          ? `P${n % 40}-${n}`
          : i % 4 === 1
            ? `${2024_000_000 + n}`
            : i % 4 === 2
              ? `${n}`
              : `x${String.fromCharCode(97 + (n % 26))}${n % 50}y`;
      expect(more.addText(id)).toBe(!all.has(id));
      all.add(id);
      expect(more.hasBytes(Buffer.from(id), 0, Buffer.byteLength(id))).toBe(true);
    }
    expect(more.hasBytes(Buffer.from('P1-999999'), 0, 9)).toBe(false);
    expect(more.hasBytes(Buffer.from('Q1-1'), 0, 4)).toBe(false);
    expect(more.hasBytes(Buffer.from('P39-1'), 0, 5)).toBe(all.has('P39-1'));
    const buf = Buffer.from('xHS7y');
    expect(ids.hasBytes(buf, 1, 4)).toBe(seen.has('HS7'));
    expect(ids.addText('a'.repeat(1000))).toBe(true);
    expect(ids.addText('a'.repeat(1000))).toBe(false);
    const table = new ByteTable();
    const key = Buffer.from('key');
    expect(table.find(key, 0, 3, 1)).toBe(-1);
    table.add(key, 0, 3, 1, 42);
    // Same hash, other bytes or length: not found.
    expect(table.find(Buffer.from('kez'), 0, 3, 1)).toBe(-1);
    expect(table.find(Buffer.from('ke'), 0, 2, 1)).toBe(-1);
    expect(table.value(table.find(key, 0, 3, 1))).toBe(42);
  });
});

describe('fileChunks', () => {
  it('reads a file in the chunks createReadStream gives, and closes it when stopped early', async () => {
    const { createReadStream } = await import('node:fs');
    const { fileChunks } = await import('../../src/node/sources.js');
    const MiB = 1 << 20;
    for (const size of [0, 5, MiB, MiB + 5, 2 * MiB]) {
      const content = Buffer.alloc(size, 'ab');
      const file = tmp(content, '.bin');
      const ours: Buffer[] = [];
      for await (const chunk of fileChunks(file)) ours.push(chunk);
      const theirs: Buffer[] = [];
      for await (const chunk of createReadStream(file, { highWaterMark: MiB })) theirs.push(chunk as Buffer);
      expect(ours.map((c) => c.length)).toEqual(theirs.map((c) => c.length));
      expect(Buffer.concat(ours).equals(content)).toBe(true);
    }
    const file = tmp(Buffer.alloc(3 * MiB, 'x'), '.bin');
    const it = fileChunks(file);
    expect((await it.next()).value?.length).toBe(MiB);
    await it.return(undefined);
    expect((await it.next()).done).toBe(true);
  });
});

describe('the general path, as the byte reader reads it', () => {
  it('decodes a cell before trimming it: a text ending in "à" keeps its last letter', async () => {
    const { readDossierFile } = await import('../../src/node/readDossierFile.js');
    const file = tmp(
      'Mã hồ sơ,Đơn vị,Kênh nộp,Ngày tiếp nhận\nHà,Xã Gia Hoà,Trực tuyến,2024-03-01\nA2,\u00a0Phường Hà\u00a0,Trực tuyến,2024-03-01\n',
    );
    const units: unknown[] = [];
    for await (const r of readDossierFile(file)) units.push([r.id, r.unit]);
    expect(units).toEqual([
      ['Hà', 'Xã Gia Hoà'],
      ['A2', 'Phường Hà'],
    ]);
    const summary = await summarizeDossierFile(file, {
      period: { from: '2024-03-01', to: '2024-03-31' },
      groupBy: 'unit',
    });
    expect(summary.groups.map((g) => g.key.unit)).toEqual(['Phường Hà', 'Xã Gia Hoà']);
  });

  it("stops at the first bad row in file order with onBadRow 'throw', whichever check finds it", async () => {
    // Row 2: a date the record check refuses; row 3: an empty id, found while mapping the row.
    const file = tmp('Mã hồ sơ,Kênh nộp,Ngày tiếp nhận\nA1,Trực tuyến,2024-02-30\n,Trực tuyến,2024-03-01\n');
    const options: SummarizeDossierFileOptions = { period: { from: '2024-03-01', to: '2024-03-31' } };
    for (const extra of [{}, { byteReader: false }, { parser: 'csv-parse' as const }]) {
      const result = (await outcome(file, { ...options, ...extra } as SummarizeDossierFileOptions)) as {
        error: { issues: { path: unknown[] }[] };
      };
      expect(result.error.issues[0]!.path.slice(0, 2)).toEqual([path.basename(file), 2]);
    }
  });
});

describe('delimiters the byte reader leaves to the general path', () => {
  it('a delimiter above U+00FF splits the decoded text (csv-parse), never bytes read as latin1', async () => {
    const { csvRowBatches } = await import('../../src/node/csvRows.js');
    const { Readable } = await import('node:stream');
    const out: string[][] = [];
    for await (const b of csvRowBatches(Readable.from([Buffer.from('a；b\n')]), {
      file: 'x.csv',
      delimiter: '；',
    }))
      out.push(...b.cells);
    expect(out).toEqual([['a', 'b']]);
  });
});
