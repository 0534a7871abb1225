import path from 'node:path';
import type { Readable } from 'node:stream';
import type { DossierRecordInput } from '../dossiers/DossierRecord.js';
import { newScratch, readRecord } from '../dossiers/summarize/readRecord.js';
import { CchcError } from '../errors/CchcError.js';
import { utf8Of } from './cells.js';
import type { CsvRowHook } from './csvRows.js';
import {
  type DossierLayout,
  type DossierTableOptions,
  dossierColumnMap,
  dossierMapper,
  MAX_TITLE_ROWS,
  noHeader,
  tryLayout,
} from './dossierTable.js';
import { checkFileArgument, checkReadOptions } from './options.js';
import { type BadRowPolicy, type RowProblem, rowError } from './RowProblem.js';
import { type FileReadOptions, sourceBatches } from './sources.js';

/**
 * Options of {@link readDossierFile} and {@link parseDossierCsv}.
 * @category Node
 */
export interface ReadDossierOptions extends DossierTableOptions, FileReadOptions {
  /** `'throw'` (default) or `'collect'` (see {@link BadRowPolicy}). */
  onBadRow?: BadRowPolicy;
  /** The name used in messages for a stream (default `'input'`); a file's base name otherwise. */
  name?: string;
}

/** A {@link CsvRowHook} started once the header row is known. @internal */
export interface DossierRowHook extends CsvRowHook {
  start(layout: DossierLayout): void;
}

/** A batch of records with the row each came from. @internal */
export interface RecordBatch {
  readonly records: DossierRecordInput[];
  readonly rows: number[];
}

/**
 * The records of a dossier export, read lazily: iterate it (`for await`, or pass it to
 * `summarizeDossiersAsync`) and rows are read, mapped and checked as they come, with flat memory.
 * With `onBadRow: 'collect'`, bad rows are left out and listed in {@link DossierRecords.problems}.
 * @category Node
 */
export class DossierRecords implements AsyncIterable<DossierRecordInput> {
  /** Bad rows found so far (with `onBadRow: 'collect'`); complete once iteration ended. */
  readonly problems: RowProblem[] = [];
  /** The header row number, once read. */
  headerRow: number | null = null;
  /** Records yielded so far. */
  count = 0;
  /** @internal */
  layout: DossierLayout | null = null;
  readonly #input: string | Readable | AsyncIterable<Uint8Array | string>;
  readonly #name: string;
  readonly #options: ReadDossierOptions;
  #used = false;
  #hook: DossierRowHook | undefined;

  /** @internal */
  constructor(
    input: string | Readable | AsyncIterable<Uint8Array | string>,
    name: string,
    options: ReadDossierOptions,
  ) {
    this.#input = input;
    this.#name = name;
    this.#options = options;
  }

  /**
   * Hands the plain CSV rows after the header to `hook` instead of yielding them (the summary's
   * byte reader); the rows it declines are yielded as usual, in file order.
   * @internal
   */
  useRowHook(hook: DossierRowHook): void {
    this.#hook = hook;
  }

  /**
   * The records in batches (a few thousand at a time), each with the row numbers they came from.
   * `check: false` skips the record check (for callers that check records themselves).
   * @internal
   */
  async *batches(check = true): AsyncGenerator<RecordBatch> {
    if (this.#used) {
      throw new CchcError('INVALID_INPUT', [
        {
          path: [this.#name],
          message: `${this.#name}: these records were already read; read the file again.`,
        },
      ]);
    }
    this.#used = true;
    const name = this.#name;
    const options = this.#options;
    const collect = options.onBadRow === 'collect';
    const map = dossierColumnMap(options);
    let mapper: ReturnType<typeof dossierMapper> | null = null;
    let firstCells: readonly unknown[] | null = null;
    let titleRows = 0;
    const problems: RowProblem[] = [];
    const scratch = newScratch();
    const offset = options.utcOffsetMinutes ?? 420;
    for await (const batch of sourceBatches(this.#input, name, options, this.#hook)) {
      const records: DossierRecordInput[] = [];
      const rows: number[] = [];
      if (batch.objects) {
        const objects = batch.objects;
        for (let i = 0; i < objects.length; i++) {
          const row = batch.rows[i]!;
          try {
            readRecord(objects[i], offset, scratch, 'row', row);
            records.push(objects[i] as DossierRecordInput);
            rows.push(row);
          } catch (error) {
            if (!(error instanceof CchcError)) throw error;
            for (const issue of error.issues) {
              const field = issue.path.length > 2 ? issue.path.slice(2).join('.') : null;
              problems.push({ file: name, row, column: field, field, message: issue.message });
            }
            if (!collect) {
              // The records before it go out first: the first bad row in file order is the one
              // reported, whichever check finds it.
              if (records.length > 0) {
                this.count += records.length;
                yield { records, rows };
              }
              throw rowError(problems, error);
            }
            this.problems.push(...problems);
            problems.length = 0;
          }
        }
      } else {
        const cells = batch.cells!;
        for (let i = 0; i < cells.length; i++) {
          const row = batch.rows[i]!;
          if (mapper === null) {
            // Binary batches come from the CSV fast path only: every cell is a byte string.
            const header = batch.binary ? cells[i]!.map((c) => utf8Of(c as string)) : cells[i]!;
            const layout = tryLayout(header, row, map);
            if (layout === null) {
              firstCells ??= header;
              if (++titleRows >= MAX_TITLE_ROWS) throw noHeader(name, firstCells as never, map);
              continue;
            }
            this.layout = layout;
            this.headerRow = row;
            mapper = dossierMapper(name, layout, options, check);
            this.#hook?.start(layout);
            continue;
          }
          const record = mapper(cells[i]!, row, problems, batch.binary === true);
          if (record === null) {
            if (!collect) {
              if (records.length > 0) {
                this.count += records.length;
                yield { records, rows };
              }
              throw rowError(problems);
            }
            this.problems.push(...problems);
            problems.length = 0;
            continue;
          }
          records.push(record);
          rows.push(row);
        }
      }
      if (records.length > 0) {
        this.count += records.length;
        yield { records, rows };
      }
    }
    if (mapper === null && firstCells !== null) throw noHeader(name, firstCells as never, map);
  }

  /** The records one by one, in file order (`for await (const record of records)`). */
  async *[Symbol.asyncIterator](): AsyncIterator<DossierRecordInput> {
    for await (const batch of this.batches()) yield* batch.records;
  }
}

/**
 * Reads a dossier export (CSV, XLSX, JSON or NDJSON) as dossier records, lazily.
 *
 * @remarks
 * - CSV: any of `,` `;` tab (detected from the header line), UTF-8 with or without BOM (other
 *   encodings with `encoding`), quoted fields per RFC 4180. A fast reader handles the plain case;
 *   anything unusual (stray quotes, CR-only line ends, UTF-16) goes to csv-parse from that row on,
 *   with the same records as a result.
 * - CSV and XLSX: the header row (the first row naming the id, channel and reception columns,
 *   after up to 49 title rows) is mapped to fields by {@link DEFAULT_DOSSIER_COLUMNS} (overridable
 *   with `columns`); channel and status texts by {@link DEFAULT_CHANNEL_VALUES} and
 *   {@link DEFAULT_STATUS_VALUES}; dates may be ISO (`2024-03-05 14:30`), Vietnamese
 *   (`05/03/2024 14:30`) or Excel dates; an empty status means resolved when there is a finishing
 *   date, processing otherwise; empty cells leave optional fields out.
 * - JSON (an array, or `{ records: [...] }`) and NDJSON (one record per line, streamed): records in
 *   the shape of {@link cchc-index!DossierRecordInput}.
 * - Every record is checked like `DossierRecordSchema` (plus dates in order); a bad row throws, or
 *   with `onBadRow: 'collect'` is left out and listed in `problems`.
 *
 * @param file - the path of the export.
 * @param options - formats, column and value maps, the bad-row policy, a progress callback.
 * @returns the records, as a {@link DossierRecords} (an async iterable).
 * @throws {@link cchc-index!CchcError} `INVALID_INPUT` (on iteration) naming the file, row and column
 *   (issue path `[file, row, column]`); `INVALID_OPTIONS` for an unknown extension.
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { readDossierFile } from 'cchc-index/node';
 * const file = join(tmpdir(), 'cchc-example-dossiers.csv');
 * writeFileSync(file, '\uFEFFMã hồ sơ;Kênh nộp;Ngày tiếp nhận;Ngày hẹn trả;Ngày trả kết quả\nHS1;Trực tuyến;01/03/2024;05/03/2024;04/03/2024 16:30\n');
 * const records = [];
 * for await (const record of readDossierFile(file)) records.push(record);
 * records;
 * // => [{ id: 'HS1', channel: 'online', receivedAt: '2024-03-01', dueAt: '2024-03-05', finishedAt: '2024-03-04T16:30:00', status: 'resolved' }]
 * ```
 * @category Node
 */
export function readDossierFile(file: string, options: ReadDossierOptions = {}): DossierRecords {
  checkFileArgument(file, 'path');
  checkReadOptions('dossiers', options);
  return new DossierRecords(file, options.name ?? path.basename(file), options);
}

/**
 * Reads dossier records from a CSV byte stream (a `fs.ReadStream`, an HTTP body, any async
 * iterable of bytes or text), lazily; the lower-level form of {@link readDossierFile}.
 *
 * @remarks
 * Same rules as {@link readDossierFile} for CSV; `options.name` names the stream in messages.
 *
 * @param stream - the CSV bytes (or text chunks).
 * @param options - as for {@link readDossierFile}; `format` defaults to `'csv'`.
 * @returns the records, as a {@link DossierRecords}.
 * @throws {@link cchc-index!CchcError} `INVALID_INPUT` (on iteration) naming the row and column.
 * @example
 * ```ts
 * import { Readable } from 'node:stream';
 * import { parseDossierCsv } from 'cchc-index/node';
 * const csv = 'id,channel,receivedAt,status\nA1,Bưu chính,2024-03-01,Đang giải quyết\n';
 * const records = parseDossierCsv(Readable.from([csv]), { name: 'export.csv' });
 * const all = [];
 * for await (const record of records) all.push(record);
 * all;
 * // => [{ id: 'A1', channel: 'postal', receivedAt: '2024-03-01', status: 'processing' }]
 * ```
 * @category Node
 */
export function parseDossierCsv(
  stream: Readable | AsyncIterable<Uint8Array | string>,
  options: ReadDossierOptions = {},
): DossierRecords {
  checkFileArgument(stream, 'stream');
  checkReadOptions('dossiers', options);
  const format = (options as { format?: unknown } | undefined)?.format;
  if (format !== undefined && format !== 'csv') {
    throw new CchcError('INVALID_OPTIONS', [
      {
        path: ['options', 'format'],
        message: `parseDossierCsv reads CSV, not ${JSON.stringify(format)}: pass the file to readDossierFile for XLSX, JSON or NDJSON.`,
      },
    ]);
  }
  return new DossierRecords(stream, options.name ?? 'input', { format: 'csv', ...options });
}
