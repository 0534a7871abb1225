/**
 * Fuzzing of every function exported from `cchc-index/node` (src/node/index.ts), after
 * test/fuzz/publicApi.test.ts: hostile input must give either a valid result or a `CchcError`
 * (thrown or as a rejection, each issue with a path array and a non-empty message), never another
 * exception, NaN or ±Infinity in a result (records iterated included), a mutated input (every
 * input is deep-frozen) or a polluted prototype. A hang fails the call after CALL_TIMEOUT.
 *
 * Small valid fixture files (dossier CSV with Vietnamese headers, dossier JSON and NDJSON,
 * assessment CSV and JSON, procedure CSV and JSON) are written to a temporary folder first.
 *
 * Strategies per function, `FUZZ_RUNS` runs each (default 100; `FUZZ_RUNS=1000 npx vitest run
 * test/fuzz/nodeApi.test.ts` for a longer session):
 * - hostile options: the options argument (for `renderHtmlReport`, its only argument) replaced by
 *   hostile JSON (wrong types, NaN, ±Infinity, -0, huge numbers, `__proto__`/`constructor` own
 *   keys, null-prototype objects, sparse arrays, long strings, deep nesting);
 * - mutated valid calls: a valid options object with one value somewhere inside it (or one of the
 *   known options: threads, period, groupBy, columns, channelValues, statusValues, onBadRow,
 *   delimiter, encoding, duplicateIds, …) replaced by a hostile one;
 * - hostile file (readers only): the file or stream argument replaced by a non-string, a missing
 *   path, a folder, an unknown extension or another hostile value.
 *
 * `DossierRecords` (a class whose constructor is internal) is reached through the readers.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isCchcError } from '../../src/index.js';
import * as nodeApi from '../../src/node/index.js';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { hostileArbitraries } from './hostile.js';
import { nonFinitePath, pathsOf, replaceAt, snapshot } from './laws.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
/** Generous: a run is a few hundred file reads on a loaded 2-core machine; a real hang still fails. */
const TIMEOUT = 120_000;
/** One call that takes longer than this is taken for a hang. */
const CALL_TIMEOUT = 10_000;

// ---------------------------------------------------------------------------------------------
// Fixture files

const DIR = mkdtempSync(path.join(tmpdir(), 'cchc-fuzz-node-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const DOSSIER_CSV = [
  'Mã hồ sơ,Đơn vị,Kênh nộp,Ngày tiếp nhận,Ngày hẹn trả,Ngày trả kết quả,Trạng thái',
  'HS001,UBND xã A,Trực tuyến,01/03/2024,05/03/2024,04/03/2024 16:30,Đã trả kết quả',
  'HS002,UBND xã A,Trực tiếp,2024-03-01,2024-03-05,2024-03-07,Đã giải quyết',
  'HS003,UBND xã B,Bưu chính,02/03/2024,06/03/2024,,Đang giải quyết',
  '',
].join('\n');
/** With texts known only through the seeds' `channelValues` and `statusValues`. */
const DOSSIER_CUSTOM_CSV = `${DOSSIER_CSV}HS004,UBND xã B,Qua mạng,03/03/2024,08/03/2024,06/03/2024,Xong\n`;
const dossierRecords = [
  {
    id: 'J1',
    unit: 'xa-A',
    channel: 'online',
    status: 'resolved',
    receivedAt: '2024-03-01',
    dueAt: '2024-03-05',
    finishedAt: '2024-03-04',
  },
  { id: 'J2', unit: 'xa-B', channel: 'inPerson', status: 'processing', receivedAt: '2024-03-10' },
];
const ASSESSMENT_CSV = [
  'Mã đơn vị,Tên đơn vị,Kỳ đánh giá,Mã tiêu chí,Vòng chấm,Điểm,Ghi chú',
  'xa-a,UBND xã A,2024,1.1,Tự chấm,kip-thoi,',
  'xa-a,UBND xã A,2024,1.2,Tự chấm,0.95,',
  'xa-a,UBND xã A,2024,1.4,Tự chấm,"5,5",',
  'xa-a,UBND xã A,2024,1.4,Thẩm định,5,ghi chú',
  'xa-b,UBND xã B,2024,1.3,Tự chấm,có,',
  '',
].join('\n');
const assessmentJson = [
  { unit: { id: 'dak-song' }, period: '2023-H1', entries: { '1': { self: { value: 61 } } } },
];
const PROCEDURE_CSV = [
  'Mã TTHC,Tên TTHC,Cấp,Thời gian trước cắt giảm,Thời gian sau cắt giảm,Đơn vị tính',
  '1.001,Cấp giấy phép xây dựng,Cấp huyện,20,15,ngày làm việc',
  '1.002,Đăng ký hộ kinh doanh,xã,3,2,ngày làm việc',
  '1.003,Chứng thực bản sao,xã,"1,5",1,ngày',
  '',
].join('\n');
const procedureJson = [
  { code: '1.001', before: 20, after: 15 },
  { code: '1.002', before: 3, after: 2 },
];

const FILES = {
  dossierCsv: path.join(DIR, 'dossiers.csv'),
  dossierCustomCsv: path.join(DIR, 'dossiers-custom.csv'),
  dossierJson: path.join(DIR, 'dossiers.json'),
  dossierNdjson: path.join(DIR, 'dossiers.ndjson'),
  assessmentCsv: path.join(DIR, 'assessments.csv'),
  assessmentJson: path.join(DIR, 'assessments.json'),
  procedureCsv: path.join(DIR, 'procedures.csv'),
  procedureJson: path.join(DIR, 'procedures.json'),
  folder: path.join(DIR, 'a-folder.csv'),
  missing: path.join(DIR, 'missing.csv'),
  unknownExtension: path.join(DIR, 'dossiers.pdf'),
};
writeFileSync(FILES.dossierCsv, DOSSIER_CSV);
writeFileSync(FILES.dossierCustomCsv, DOSSIER_CUSTOM_CSV);
writeFileSync(FILES.dossierJson, JSON.stringify(dossierRecords));
writeFileSync(FILES.dossierNdjson, dossierRecords.map((r) => JSON.stringify(r)).join('\n'));
writeFileSync(FILES.assessmentCsv, ASSESSMENT_CSV);
writeFileSync(FILES.assessmentJson, JSON.stringify(assessmentJson));
writeFileSync(FILES.procedureCsv, PROCEDURE_CSV);
writeFileSync(FILES.procedureJson, JSON.stringify(procedureJson));
writeFileSync(FILES.unknownExtension, DOSSIER_CSV);
mkdirSync(FILES.folder);

// ---------------------------------------------------------------------------------------------
// Hostile values (the arbitraries of publicApi.test.ts, which does not export them, plus
// null-prototype objects)

const { hostileValue, deepValue } = hostileArbitraries({
  extraStrings: [
    'auto',
    'csv-parse',
    'json',
    'xlsx',
    'collect',
    'utf-16le',
    'windows-1258',
    ';',
    '\t',
    '"',
    '\n',
    '||',
  ],
  nullPrototypes: true,
});

const hostile = fc.oneof({ weight: 9, arbitrary: hostileValue }, { weight: 1, arbitrary: deepValue });

/** Hostile file arguments: hostile JSON, plus paths that exist but are not readable files. */
const hostileFile = fc.oneof(
  hostile,
  fc.constantFrom(
    FILES.missing,
    FILES.folder,
    DIR,
    FILES.unknownExtension,
    '',
    '.',
    'nul\u0000byte.csv',
    path.join(FILES.dossierCsv, 'below-a-file.csv'),
  ),
);

// ---------------------------------------------------------------------------------------------
// Targets: every function of src/node/index.ts, with valid calls

type Fn = (...args: unknown[]) => unknown;

/** A marker in a seed: `parseDossierCsv` gets a fresh stream of this CSV text at each call. */
class CsvStream {
  constructor(readonly text: string) {}
}

interface Target {
  readonly fn: Fn;
  /** Valid argument lists; the options are at `optionsIndex`. */
  readonly seeds: readonly (readonly unknown[])[];
  readonly optionsIndex: number;
  /** Whether argument 0 is a file (or stream) to replace in the hostile-file strategy. */
  readonly reader: boolean;
}

const period = { from: '2024-03-01', to: '2024-03-31' };
const dossierOptions = {
  columns: { id: 'Mã hồ sơ', unit: ['Đơn vị', 'Cơ quan'], status: ['Trạng thái'] },
  channelValues: { 'Qua mạng': 'online', 'Nộp trực tiếp': 'inPerson' },
  statusValues: { Xong: 'resolved', 'Đang xử lý': 'processing' },
  onBadRow: 'collect',
  delimiter: ',',
  encoding: 'utf8',
  parser: 'auto',
  name: 'ho-so.csv',
  utcOffsetMinutes: 420,
  format: 'csv',
};

const TARGETS: Record<string, Target> = {
  readDossierFile: {
    fn: nodeApi.readDossierFile as Fn,
    reader: true,
    optionsIndex: 1,
    seeds: [
      [FILES.dossierCsv],
      [FILES.dossierCustomCsv, dossierOptions],
      [FILES.dossierCsv, { delimiter: 'auto', parser: 'csv-parse', onBadRow: 'throw' }],
      [FILES.dossierJson, { format: 'json', onBadRow: 'collect', utcOffsetMinutes: 0 }],
      [FILES.dossierNdjson, { onBadRow: 'collect' }],
    ],
  },
  parseDossierCsv: {
    fn: nodeApi.parseDossierCsv as Fn,
    reader: true,
    optionsIndex: 1,
    seeds: [
      [new CsvStream(DOSSIER_CSV)],
      [new CsvStream(DOSSIER_CUSTOM_CSV), dossierOptions],
      [new CsvStream(DOSSIER_CSV.replaceAll(',', ';')), { delimiter: ';', encoding: 'utf-8', name: 'x.csv' }],
    ],
  },
  summarizeDossierFile: {
    fn: nodeApi.summarizeDossierFile as Fn,
    reader: true,
    optionsIndex: 1,
    seeds: [
      [FILES.dossierCsv, { period }],
      [
        FILES.dossierCustomCsv,
        {
          ...dossierOptions,
          period,
          groupBy: 'unit',
          threads: 1,
          duplicateIds: 'error',
          asOf: '2024-03-31T23:59:59.999+07:00',
          granularity: 'date',
          missingDueAt: 'onTime',
        },
      ],
      [
        FILES.dossierCsv,
        { period, groupBy: ['unit', 'month'], threads: 2, duplicateIds: 'first', parser: 'csv-parse' },
      ],
      [FILES.dossierJson, { period, groupBy: 'unit', duplicateIds: 'unchecked', onBadRow: 'collect' }],
    ],
  },
  readAssessmentFile: {
    fn: nodeApi.readAssessmentFile as Fn,
    reader: true,
    optionsIndex: 1,
    seeds: [
      [FILES.assessmentCsv],
      [
        FILES.assessmentCsv,
        {
          period: '2024',
          columns: { unit: 'Mã đơn vị', value: ['Điểm', 'Giá trị'] },
          onBadRow: 'collect',
          delimiter: ',',
          encoding: 'utf8',
          name: 'cham-diem.csv',
        },
      ],
      [FILES.assessmentJson, { format: 'json', onBadRow: 'collect' }],
    ],
  },
  readProcedureFile: {
    fn: nodeApi.readProcedureFile as Fn,
    reader: true,
    optionsIndex: 1,
    seeds: [
      [FILES.procedureCsv],
      [
        FILES.procedureCsv,
        {
          columns: { code: ['Mã TTHC'], before: 'Thời gian trước cắt giảm' },
          onBadRow: 'collect',
          delimiter: ',',
          encoding: 'utf8',
          parser: 'csv-parse',
          name: 'tthc.csv',
        },
      ],
      [FILES.procedureJson, { onBadRow: 'collect' }],
    ],
  },
  renderHtmlReport: {
    fn: nodeApi.renderHtmlReport as Fn,
    reader: false,
    optionsIndex: 0,
    seeds: [
      [{ title: 'Trống' }],
      [
        {
          title: 'Chỉ số CCHC 2024',
          lang: 'en',
          subtitle: 'Bộ tiêu chí huyện, 2024',
          paragraphs: ['Tổng số hồ sơ: 07.', 'Tỷ lệ cắt giảm: 31,1%.'],
          units: [
            {
              id: 'xa-b',
              name: 'UBND xã B',
              points: 76.25,
              max: 100,
              percent: 76.25,
              rank: 2,
              band: 'Khá',
              fields: [
                { id: '1', name: 'Chỉ đạo', points: 5.5, max: 10 },
                { id: '2', points: 63.75, max: 80 },
              ],
            },
            { id: 'xa-a', points: 0, max: 0, percent: null, fields: [{ id: 'f', points: 0, max: 0 }] },
          ],
          timeliness: [
            { label: 'UBND xã A', early: 1, onTime: 2, late: 1 },
            { label: 'Trống', early: 0, onTime: 0, late: 0 },
          ],
        },
      ],
    ],
  },
};

/** Options named in the brief (and the other documented ones), added to a seed when it lacks them. */
const OPTION_KEYS: Record<string, readonly string[]> = {
  readDossierFile: [
    'columns',
    'channelValues',
    'statusValues',
    'onBadRow',
    'delimiter',
    'encoding',
    'parser',
    'format',
    'sheet',
    'name',
    'utcOffsetMinutes',
    'onProgress',
  ],
  summarizeDossierFile: [
    'threads',
    'period',
    'groupBy',
    'duplicateIds',
    'asOf',
    'granularity',
    'missingDueAt',
    'pauseForSupplements',
    'multipleSupplements',
    'withdrawnAndReturned',
  ],
  readAssessmentFile: ['columns', 'period', 'onBadRow', 'delimiter', 'encoding', 'parser', 'format', 'name'],
  readProcedureFile: ['columns', 'onBadRow', 'delimiter', 'encoding', 'parser', 'format', 'name'],
  renderHtmlReport: ['title', 'lang', 'subtitle', 'paragraphs', 'units', 'timeliness'],
};
OPTION_KEYS.parseDossierCsv = OPTION_KEYS.readDossierFile!;
OPTION_KEYS.summarizeDossierFile = [...OPTION_KEYS.readDossierFile!, ...OPTION_KEYS.summarizeDossierFile!];

/** Every function exported from src/node/index.ts (the class DossierRecords is reached through them). */
const EXPORTED = Object.entries(nodeApi)
  .filter(([name, value]) => typeof value === 'function' && name !== 'DossierRecords')
  .map(([name]) => name)
  .sort();
const NAMES = Object.keys(TARGETS).sort();

// ---------------------------------------------------------------------------------------------
// The law

const BEFORE = snapshot();

/** Rejects after `ms` unless `work` settles first. */
async function withinTime<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms (a hang?)`)), ms);
  });
  try {
    return await Promise.race([work, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs a call: a fresh stream for a CsvStream marker; promises awaited, async iterables read fully. */
async function run(fn: Fn, args: readonly unknown[]): Promise<{ result: unknown; items: unknown[] }> {
  const actual = args.map((arg) => (arg instanceof CsvStream ? Readable.from([arg.text]) : arg));
  let result = fn(...actual);
  if (result instanceof Promise) result = await result;
  const items: unknown[] = [];
  if (result !== null && typeof result === 'object' && Symbol.asyncIterator in result) {
    for await (const item of result as AsyncIterable<unknown>) items.push(item);
  }
  return { result, items };
}

/** Calls `fn` on deep-frozen `args` and checks the law: a valid result or a CchcError, nothing else. */
async function check(name: string, fn: Fn, args: readonly unknown[]): Promise<void> {
  const frozen = args.map((arg) => (arg instanceof CsvStream ? arg : deepFreeze(arg)));
  let outcome: { result: unknown; items: unknown[] };
  try {
    outcome = await withinTime(run(fn, frozen), CALL_TIMEOUT, name);
  } catch (error) {
    if (!isCchcError(error)) {
      throw new Error(`${name} threw ${String(error)} instead of a CchcError`, { cause: error });
    }
    expect(error.issues.length, `${name}: a CchcError without issues`).toBeGreaterThan(0);
    for (const issue of error.issues) {
      expect(Array.isArray(issue.path), `${name}: an issue path that is not an array`).toBe(true);
      expect(typeof issue.message === 'string' && issue.message.length > 0, `${name}: an empty message`).toBe(
        true,
      );
    }
    return;
  } finally {
    expect(snapshot(), `${name} polluted a prototype`).toEqual(BEFORE);
  }
  const bad = nonFinitePath(outcome.result) ?? nonFinitePath(outcome.items);
  expect(bad, `${name} returned a non-finite number at ${bad}`).toBeNull();
}

// ---------------------------------------------------------------------------------------------

describe('fuzzing of cchc-index/node', () => {
  it('has a target for every exported function', () => {
    expect(NAMES).toEqual(EXPORTED);
    expect(NAMES.length).toBeGreaterThanOrEqual(6);
  });

  it.each(NAMES)('valid calls of %s succeed without NaN or Infinity', async (name) => {
    const { fn, seeds } = TARGETS[name]!;
    for (const args of seeds) {
      const { result, items } = await run(fn, args);
      expect(nonFinitePath(result)).toBeNull();
      expect(nonFinitePath(items)).toBeNull();
      if (name === 'readDossierFile' || name === 'parseDossierCsv') expect(items.length).toBeGreaterThan(0);
      // A valid call must pass the law with frozen inputs too.
      await check(name, fn, args);
    }
  });

  it.each(NAMES)(
    '%s: hostile options give a result or a CchcError',
    async (name) => {
      const { fn, seeds, optionsIndex } = TARGETS[name]!;
      const call = fc
        .tuple(fc.constantFrom(...seeds), hostile)
        .map(([args, options]) => [...args.slice(0, optionsIndex), options] as unknown[]);
      await fc.assert(
        fc.asyncProperty(call, (args) => check(name, fn, args)),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it.each(NAMES)(
    '%s: mutated valid calls give a result or a CchcError',
    async (name) => {
      const { fn, seeds, optionsIndex } = TARGETS[name]!;
      const keys = OPTION_KEYS[name] ?? [];
      const call = fc
        .constantFrom(...seeds)
        .chain((args) => {
          const options = (args[optionsIndex] ?? {}) as Record<string, unknown>;
          // A value inside the options, or one of the known options (added when missing).
          const inside = pathsOf(options, (v) => v instanceof CsvStream).filter((p) => p.length > 0);
          const added = keys.filter((key) => !Object.hasOwn(options, key)).map((key) => [key]);
          const paths = [...inside, ...added];
          return fc.tuple(fc.constant(args), fc.constant(options), fc.constantFrom(...paths), hostile);
        })
        .map(([args, options, at, replacement]) => {
          const out = [...args];
          out[optionsIndex] = replaceAt(options, at, replacement);
          return out;
        });
      await fc.assert(
        fc.asyncProperty(call, (args) => check(name, fn, args)),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  const READERS = NAMES.filter((name) => TARGETS[name]!.reader);
  it.each(READERS)(
    '%s: a hostile file argument gives a result or a CchcError',
    async (name) => {
      const { fn, seeds } = TARGETS[name]!;
      const call = fc
        .tuple(fc.constantFrom(...seeds), hostileFile)
        .map(([args, file]) => [file, ...args.slice(1)] as unknown[]);
      await fc.assert(
        fc.asyncProperty(call, (args) => check(name, fn, args)),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
