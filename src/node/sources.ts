/**
 * Files and streams → batches of cells (CSV, XLSX) or of objects (JSON, NDJSON).
 * @internal
 * @module
 */
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { CchcError } from '../errors/CchcError.js';
import type { Cell } from './cells.js';
import { type CsvParserChoice, type CsvRowHook, csvRowBatches, toBuffer } from './csvRows.js';
import { xlsxRowBatches } from './xlsxRows.js';

/** The formats the readers know. @category Node */
export type FileFormat = 'csv' | 'xlsx' | 'json' | 'ndjson';

/**
 * How a file is read, shared by every reader of `cchc-index/node`.
 * @category Node
 */
export interface FileReadOptions {
  /** The format; default from the extension (`.csv`/`.tsv`/`.txt`, `.xlsx`, `.json`, `.ndjson`/`.jsonl`). */
  format?: FileFormat;
  /** CSV: `','`, `';'`, `'\t'` or `'auto'` (default: detected from the header line). */
  delimiter?: string;
  /** CSV: `'utf8'` (default; a BOM is skipped) or any encoding `TextDecoder` knows (`'windows-1258'`, `'utf-16le'`). */
  encoding?: string;
  /** CSV: `'auto'` (default: a fast reader, csv-parse from the first unusual row), `'fast'` or `'csv-parse'`. */
  parser?: CsvParserChoice;
  /** XLSX: the worksheet name, or its 1-based position among the workbook's tabs (default 1). */
  sheet?: string | number;
  /** Called as the file is read with the bytes read so far and the file size (`null` for a stream). */
  onProgress?: (bytesRead: number, totalBytes: number | null) => void;
}

/** A batch of cells, or of JSON values (`objects`). @internal */
export interface SourceBatch {
  readonly cells?: Cell[][];
  readonly objects?: unknown[];
  readonly rows: number[];
  /** Cells are byte strings (see `RowBatch.binary`). */
  readonly binary?: boolean;
}

/** The format of a file from its extension. @internal */
export function formatOf(file: string, given: FileFormat | undefined): FileFormat {
  if (given !== undefined) return given;
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.json') return 'json';
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt' || ext === '') return 'csv';
  throw new CchcError('INVALID_OPTIONS', [
    {
      path: ['options', 'format'],
      message: `cannot tell the format of ${JSON.stringify(path.basename(file))} from its extension: expected .csv, .tsv, .xlsx, .json or .ndjson, or pass format.`,
    },
  ]);
}

/** The errors of a path the caller gave, by Node's code, in words. */
const PATH_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a folder',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'too many symbolic links',
  ERR_INVALID_ARG_VALUE: 'the path holds a character no file name can (a NUL byte)',
};

/** A readable error for a file that cannot be opened. @internal */
export function fileError(file: string, error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const why = typeof code === 'string' && Object.hasOwn(PATH_ERRORS, code) ? PATH_ERRORS[code]! : null;
  // Other failures (EIO, EMFILE…) are the machine's, not the caller's: they pass through.
  if (why === null) return error;
  return new CchcError('INVALID_INPUT', [{ path: [file], message: `${file}: cannot read it (${why}).` }], {
    cause: error,
  });
}

async function* ndjsonBatches(
  input: AsyncIterable<Uint8Array | string>,
  name: string,
  onBytes: (n: number) => void,
): AsyncGenerator<SourceBatch> {
  const decoder = new TextDecoder('utf8');
  let rest = '';
  let line = 0;
  let bytes = 0;
  let first = true;
  let objects: unknown[] = [];
  let rows: number[] = [];
  const take = (text: string) => {
    line++;
    const t = text.trim();
    if (t === '') return;
    try {
      objects.push(JSON.parse(t));
      rows.push(line);
    } catch (error) {
      throw new CchcError(
        'INVALID_INPUT',
        [
          {
            path: [name, line],
            message: `${name}, line ${line}: not valid JSON (${(error as Error).message}).`,
          },
        ],
        { cause: error },
      );
    }
  };
  for await (const chunk of input) {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    onBytes(bytes);
    let text = rest + (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      take(text.slice(from, nl));
      from = nl + 1;
    }
    rest = text.slice(from);
    if (objects.length >= 4096) {
      yield { objects, rows };
      objects = [];
      rows = [];
    }
  }
  rest += decoder.decode();
  if (rest.trim() !== '') take(rest);
  if (objects.length > 0) yield { objects, rows };
}

/** Bytes per chunk of a file (as `createReadStream`'s `highWaterMark`: the same chunks). */
/** The chunks of a stream as bytes (text chunks encoded as UTF-8). */
async function* asBytes(input: AsyncIterable<Uint8Array | string>): AsyncGenerator<Buffer> {
  for await (const chunk of input) {
    yield toBuffer(chunk);
  }
}

const CHUNK = 1 << 20;
/** Chunks read ahead of the one being parsed. */
const AHEAD = 2;

/**
 * A regular file as chunks of {@link CHUNK} bytes (the last one shorter), like
 * `createReadStream(file, { highWaterMark: CHUNK })`, with {@link AHEAD} reads in flight while a
 * chunk is parsed, so that parsing does not wait for the disk. @internal
 */
export async function* fileChunks(file: string): AsyncGenerator<Buffer> {
  const handle = await open(file, 'r');
  const pending: Promise<Buffer>[] = [];
  let position = 0;
  const readNext = () => {
    const buf = Buffer.allocUnsafe(CHUNK);
    const at = position;
    position += CHUNK;
    pending.push(
      handle
        .read(buf, 0, CHUNK, at)
        .then(({ bytesRead }) => (bytesRead === CHUNK ? buf : buf.subarray(0, bytesRead))),
    );
  };
  try {
    for (let i = 0; i <= AHEAD; i++) readNext();
    for (;;) {
      const chunk = await pending.shift()!;
      if (chunk.length === 0) break;
      readNext();
      yield chunk;
      if (chunk.length < CHUNK) break;
    }
  } finally {
    await Promise.allSettled(pending);
    await handle.close();
  }
}

/**
 * Opens a file or a stream as batches of rows. `name` is the file name used in messages; `hook`
 * (CSV only) consumes plain rows from the bytes (see `CsvRowHook`).
 * @internal
 */
export async function* sourceBatches(
  input: string | Readable | AsyncIterable<Uint8Array | string>,
  name: string,
  options: FileReadOptions,
  hook?: CsvRowHook,
): AsyncGenerator<SourceBatch> {
  const format = typeof input === 'string' ? formatOf(input, options.format) : (options.format ?? 'csv');
  let total: number | null = null;
  let regular = false;
  if (typeof input === 'string') {
    try {
      const s = await stat(input);
      if (s.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      total = s.size;
      regular = s.isFile();
    } catch (error) {
      throw fileError(input, error);
    }
  }
  const progress = options.onProgress;
  const onBytes = (n: number) => progress?.(n, total);
  if (format === 'xlsx') {
    let rowsSeen = 0;
    // A stream's chunks are taken as bytes (text chunks as their UTF-8), like a CSV stream's.
    const source = typeof input === 'string' ? input : asBytes(input);
    const batches = xlsxRowBatches(source, options.sheet ?? 1, undefined, name);
    for (;;) {
      let next: IteratorResult<SourceBatch>;
      try {
        next = await batches.next();
      } catch (error) {
        if (error instanceof CchcError) throw error;
        // The zip's or the XML's errors (not a zip, a part missing or broken): not a workbook.
        const why = error instanceof Error ? error.message : String(error);
        throw new CchcError(
          'INVALID_INPUT',
          [{ path: [name], message: `${name}: cannot read it as an XLSX workbook (${why}).` }],
          { cause: error },
        );
      }
      if (next.done) break;
      rowsSeen += next.value.rows.length;
      progress?.(rowsSeen, null);
      yield next.value;
    }
    if (total !== null) progress?.(total, total);
    return;
  }
  if (format === 'json') {
    let text: string;
    if (typeof input === 'string') text = await readFile(input, 'utf8');
    else {
      const parts: string[] = [];
      const decoder = new TextDecoder('utf8');
      for await (const chunk of input)
        parts.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      parts.push(decoder.decode());
      text = parts.join('');
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new CchcError(
        'INVALID_INPUT',
        [{ path: [name], message: `${name}: not valid JSON (${(error as Error).message}).` }],
        { cause: error },
      );
    }
    const list = Array.isArray(value)
      ? value
      : value !== null && typeof value === 'object' && Array.isArray((value as { records?: unknown }).records)
        ? ((value as { records: unknown[] }).records as unknown[])
        : [value];
    onBytes(Buffer.byteLength(text));
    for (let i = 0; i < list.length; i += 4096) {
      const objects = list.slice(i, i + 4096);
      yield { objects, rows: objects.map((_, j) => i + j + 1) };
    }
    return;
  }
  const stream =
    typeof input === 'string'
      ? regular && format === 'csv'
        ? fileChunks(input)
        : createReadStream(input, { highWaterMark: 1 << 20 })
      : (input as AsyncIterable<Uint8Array>);
  if (format === 'ndjson') {
    yield* ndjsonBatches(stream, name, onBytes);
    return;
  }
  try {
    yield* csvRowBatches(stream, {
      file: name,
      ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}),
      ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
      ...(options.parser !== undefined ? { parser: options.parser } : {}),
      onBytes,
      hook,
    });
  } finally {
    // A file's reader is closed, even when the rows were not all read (an error, a consumer that stopped).
    if (typeof input === 'string') {
      if ('destroy' in stream) (stream as { destroy: () => void }).destroy();
      else await (stream as AsyncGenerator<Buffer>).return(undefined);
    }
  }
}
