/**
 * The byte reader of summarizeDossierFile (src/node/dossierCsvFast.ts) against the general path
 * (`byteReader: false`, an internal option) and against csv-parse (`parser: 'csv-parse'`), on
 * random exports: delimiters, BOM or not, CRLF or LF, quoted cells (with delimiters, doubled quotes
 * and line breaks), Vietnamese headers in any column order, title rows, empty rows and short rows,
 * every date shape the reader knows and bad ones, unknown channels and statuses, cells to trim,
 * texts ending in "à", repeated ids, and the summary options that change what is checked. The
 * summaries, the problems (file, row, column, message) and the errors must be the same.
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteTable, IdSet } from '../../src/node/dossierCsvFast.js';
import {
  type SummarizeDossierFileOptions,
  summarizeDossierFile,
} from '../../src/node/summarizeDossierFile.js';
import { exportArb, optionsOf, outcome, pad, render, tmp } from '../helpers/dossierExports.js';

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
