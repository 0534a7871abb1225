/**
 * CSV rows from a byte stream: a fast path for the plain common case (UTF-8, `\n` or `\r\n` line
 * ends, fields optionally quoted per RFC 4180) and csv-parse for the rest, from the first record
 * the fast path is unsure about (or for the whole file when asked, or for other encodings).
 * @internal
 * @module
 */
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { parse } from 'csv-parse';
import { CchcError } from '../errors/CchcError.js';

/** A batch of rows: the cells of each row and its 1-based record number in the file. @internal */
export interface RowBatch {
  readonly cells: string[][];
  readonly rows: number[];
  /**
   * `true` when the cells are byte strings (each char one byte of the UTF-8 text, as `latin1`
   * decoding gives): the fast path splits bytes and leaves decoding to the fields that need text
   * (see `utf8Of`). `false`: ordinary text.
   */
  readonly binary: boolean;
}

/** Which parser reads a CSV file. @category Node */
export type CsvParserChoice = 'auto' | 'fast' | 'csv-parse';

/** Options of the row reader. @internal */
export interface CsvRowOptions {
  /** A name for error messages (the file name). */
  readonly file: string;
  /** `','`, `';'`, `'\t'`, or `'auto'` (default: the most frequent of the three in the first line). */
  readonly delimiter?: string;
  /** Text encoding; `'utf8'` (default, with or without BOM) or any label `TextDecoder` knows. */
  readonly encoding?: string;
  /** `'auto'` (default): fast path, csv-parse from the first unusual record. */
  readonly parser?: CsvParserChoice;
  /** Called after each chunk with the number of bytes read so far. */
  readonly onBytes?: (bytes: number) => void;
  /** Records per batch (default 4096). */
  readonly batchSize?: number;
  /** Consumes plain rows straight from the bytes when active (see {@link CsvRowHook}). */
  readonly hook?: CsvRowHook | undefined;
}

/**
 * A consumer of plain rows on the fast path (the summary's byte reader): offered the bytes of the
 * rows that follow, it consumes those it can handle itself and stops at the first it declines, which
 * is then read into cells and yielded at once (so that every row is handled in file order). Used
 * only with a one-byte delimiter.
 * @internal
 */
export interface CsvRowHook {
  /** Whether rows are offered (set by the consumer of the batches, e.g. once the header is read). */
  readonly active: boolean;
  /** Whether each row read into cells is yielded at once (until the hook is active). */
  readonly eager: boolean;
  /**
   * Consumes whole lines from `pos`; `end` follows a line end, and the bytes before it are valid
   * UTF-8 with no record cut by a quoted line break. `row` is the number of the row before `pos`.
   * Returns the position of the first line declined (or `end`), and sets {@link consumed}.
   */
  consume(buf: Buffer, pos: number, end: number, delimiter: number, row: number): number;
  /** The rows (lines) consumed by the last call. */
  readonly consumed: number;
  /** Where the reader stands, kept up to date by it when given (see {@link CsvReadState}). */
  readonly readState?: CsvReadState;
}

/**
 * Where the CSV reader stands each time it asks its source for more bytes: a source that has just
 * given its last bytes up to some line end learns from it whether that line end ended a record
 * (nothing pending, no fall-back to csv-parse, whose inner state is not known).
 * @internal
 */
export interface CsvReadState {
  /** Bytes kept back (a record not ended yet) when the reader last asked for more. */
  pending: number;
  /** Whether the reader handed the rest to csv-parse. */
  general: boolean;
}

const NL = 10;
const QUOTE = 34;
/** A record longer than this without a line end outside quotes makes the fast path give up. */
const MAX_CARRY = 16 * 1024 * 1024;

/** A chunk of a stream as a Buffer (text as UTF-8). @internal */
export function toBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * The delimiter used most in the first lines (up to 20), outside quotes (`,` when none), so that
 * title rows above the header ("BÁO CÁO …") do not decide alone. @internal
 */
export function detectDelimiter(head: string): string {
  let line = head;
  let nl = -1;
  for (let i = 0; i < 20; i++) {
    nl = head.indexOf('\n', nl + 1);
    if (nl === -1) break;
  }
  if (nl !== -1) line = head.slice(0, nl);
  let comma = 0;
  let semi = 0;
  let tab = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 44) comma++;
    else if (c === 59) semi++;
    else if (c === 9) tab++;
  }
  if (tab > comma && tab >= semi) return '\t';
  if (semi > comma) return ';';
  return ',';
}

function countByte(buf: Buffer, byte: number, from: number, to: number): number {
  let n = 0;
  let i = buf.indexOf(byte, from);
  while (i !== -1 && i < to) {
    n++;
    i = buf.indexOf(byte, i + 1);
  }
  return n;
}

/** Thrown inside the fast path when a record needs the general parser. */
class Unusual {
  constructor(readonly pos: number) {}
}

/**
 * Parses one record that contains a quote, starting at `pos` (before `end`, which follows a line
 * end). Returns the position after its line end. Throws {@link Unusual} for anything RFC 4180 does
 * not allow (a quote inside an unquoted field, text after a closing quote, an unclosed quote).
 */
function parseQuoted(buf: Buffer, pos: number, end: number, delim: number, cells: string[]): number {
  let i = pos;
  for (;;) {
    if (buf[i] === QUOTE) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = buf.indexOf(QUOTE, from);
        if (q === -1 || q >= end) throw new Unusual(pos);
        if (q + 1 < end && buf[q + 1] === QUOTE) {
          value += buf.toString('latin1', from, q + 1);
          from = q + 2;
          continue;
        }
        value += buf.toString('latin1', from, q);
        i = q + 1;
        break;
      }
      cells.push(value);
      const c = i < end ? buf[i] : -1;
      if (c === delim) {
        i++;
        continue;
      }
      if (c === NL) return i + 1;
      if (c === 13 && i + 1 < end && buf[i + 1] === NL) return i + 2;
      throw new Unusual(pos);
    }
    // Unquoted field: up to the delimiter or the line end; a quote inside is unusual.
    let j = i;
    for (;;) {
      if (j >= end) break;
      const c = buf[j];
      if (c === delim || c === NL) break;
      if (c === QUOTE) throw new Unusual(pos);
      j++;
    }
    const c = j < end ? buf[j] : -1;
    let stop = j;
    if (c === NL && stop > i && buf[stop - 1] === 13) stop--;
    cells.push(buf.toString('latin1', i, stop));
    if (c === delim) {
      i = j + 1;
      continue;
    }
    return j + 1;
  }
}

function isEmptyRow(cells: string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i] !== '') return false;
  return true;
}

/**
 * Reads CSV rows in batches. Empty rows (every cell empty) are skipped but still numbered, so row
 * numbers are those a spreadsheet shows (a quoted cell with line breaks is one row).
 * @internal
 */
export async function* csvRowBatches(
  source: AsyncIterable<Uint8Array | string>,
  options: CsvRowOptions,
): AsyncGenerator<RowBatch> {
  const batchSize = options.batchSize ?? 4096;
  const encoding = (options.encoding ?? 'utf8').toLowerCase().replace('-', '');
  const it = source[Symbol.asyncIterator]();
  let bytes = 0;
  const onBytes = options.onBytes;
  let delimiter = options.delimiter === undefined || options.delimiter === 'auto' ? null : options.delimiter;
  let row = 0;

  const readState = options.hook?.readState;
  const general = (carry: Buffer | null, decoder: TextDecoder) => {
    if (readState !== undefined) readState.general = true;
    return generalRows(
      carry,
      it,
      decoder,
      (bytesNow) => {
        bytes += bytesNow;
        onBytes?.(bytes);
      },
      delimiter,
      row,
      options,
      batchSize,
    );
  };

  // The byte splitter below handles a one-character ASCII delimiter (or the detected one); any
  // other delimiter ('||', '§') is csv-parse's, which matches it as a whole, in characters.
  const byteDelimiter = delimiter === null || (delimiter.length === 1 && delimiter.charCodeAt(0) < 128);
  if (options.parser === 'csv-parse' || !byteDelimiter || (encoding !== 'utf8' && encoding !== 'utf8bom')) {
    let label = encoding === 'utf8bom' ? 'utf8' : encoding;
    let head: Buffer | null = null;
    if (label === 'utf8') {
      // Sniff a UTF-16 byte order mark, as the fast path does.
      const parts: Buffer[] = [];
      let size = 0;
      while (size < 2) {
        const n = await it.next();
        if (n.done) break;
        const b = toBuffer(n.value);
        bytes += b.length;
        onBytes?.(bytes);
        parts.push(b);
        size += b.length;
      }
      head = Buffer.concat(parts);
      if (head[0] === 0xff && head[1] === 0xfe) label = 'utf-16le';
      else if (head[0] === 0xfe && head[1] === 0xff) label = 'utf-16be';
    }
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(label, { fatal: label === 'utf8' });
    } catch {
      throw new CchcError('INVALID_OPTIONS', [
        {
          path: ['options', 'encoding'],
          message: `unknown text encoding ${JSON.stringify(options.encoding)}.`,
        },
      ]);
    }
    yield* general(head, decoder);
    return;
  }

  let carry: Buffer | null = null;
  let first = true;
  let cells: string[][] = [];
  let rows: number[] = [];
  for (;;) {
    if (readState !== undefined) readState.pending = carry === null ? 0 : carry.length;
    const next = await it.next();
    let buf: Buffer;
    if (next.done) {
      if (carry === null || carry.length === 0) break;
      // The last line without a line end.
      buf = Buffer.concat([carry, Buffer.from('\n')]);
      carry = null;
    } else {
      const chunk = toBuffer(next.value);
      bytes += chunk.length;
      onBytes?.(bytes);
      buf = carry !== null && carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    }
    let start = 0;
    if (first) {
      if (buf.length < 3 && !next.done) {
        carry = buf;
        continue;
      }
      first = false;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
      else if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
        // UTF-16 with a BOM (Excel's "Unicode text"): the general parser decodes it.
        yield* general(buf, new TextDecoder(buf[0] === 0xff ? 'utf-16le' : 'utf-16be'));
        return;
      }
      const firstNl = buf.indexOf(NL, start);
      const cr = buf.indexOf(13, start);
      if (cr !== -1 && (firstNl === -1 || cr < firstNl) && buf[cr + 1] !== NL) {
        // Old Mac line ends (CR only).
        yield* general(buf.subarray(start), strictUtf8());
        return;
      }
      if (delimiter === null) {
        if (firstNl === -1 && !next.done) {
          first = true;
          carry = buf;
          continue;
        }
        delimiter = detectDelimiter(buf.toString('latin1', start, Math.min(buf.length, start + 65536)));
      }
    }
    // The last line end outside quotes.
    let cut = buf.lastIndexOf(NL);
    if (cut >= start && buf.indexOf(QUOTE, start) !== -1 && buf.indexOf(QUOTE, start) < cut) {
      let quotes = countByte(buf, QUOTE, start, cut);
      while (cut >= start && quotes % 2 === 1) {
        const prev = buf.lastIndexOf(NL, cut - 1);
        quotes -= countByte(buf, QUOTE, prev + 1, cut);
        cut = prev;
      }
    }
    if (cut < start) {
      carry = buf.subarray(start);
      if (carry.length > MAX_CARRY || next.done) {
        yield* general(carry, strictUtf8());
        return;
      }
      continue;
    }
    // Bytes as chars: delimiters, quotes and line ends are ASCII, and UTF-8 never uses ASCII bytes
    // inside a multi-byte character, so splitting the bytes splits the text. Cells are the bytes
    // read as latin1 (one char per byte), decoded later by the fields that need text.
    let end = cut + 1;
    // Bytes that are not UTF-8: the rows before their record are read as usual (a bad row among
    // them comes first, in file order), then the reading stops at that record, named exactly.
    let notUtf8 = false;
    if (!isUtf8(buf.subarray(start, end))) {
      notUtf8 = true;
      end = firstRecordNotUtf8(buf, start, end);
    }
    carry = !notUtf8 && end < buf.length ? buf.subarray(end) : null;
    const delim = delimiter!.charCodeAt(0);
    const hook = options.hook;
    let pos = start;
    let nextQuote = buf.indexOf(QUOTE, start);
    try {
      while (pos < end) {
        if (hook?.active) {
          // Rows read into cells go out first, so that every row is handled in file order; then
          // the hook consumes the plain lines it can, and the first it declines is read below.
          if (cells.length > 0) {
            yield { cells, rows, binary: true };
            cells = [];
            rows = [];
            if (!hook.active) continue;
          }
          pos = hook.consume(buf, pos, end, delim, row);
          row += hook.consumed;
          if (pos >= end) break;
        }
        const nl = buf.indexOf(NL, pos);
        if (nextQuote !== -1 && nextQuote < pos) nextQuote = buf.indexOf(QUOTE, pos);
        const record: string[] = [];
        if (nextQuote === -1 || nextQuote > nl) {
          let lineEnd = nl;
          if (lineEnd > pos && buf[lineEnd - 1] === 13) lineEnd--;
          let a = pos;
          for (;;) {
            const d = buf.indexOf(delim, a);
            if (d === -1 || d >= lineEnd) {
              record.push(buf.toString('latin1', a, lineEnd));
              break;
            }
            record.push(buf.toString('latin1', a, d));
            a = d + 1;
          }
          pos = nl + 1;
        } else {
          pos = parseQuoted(buf, pos, end, delim, record);
        }
        row++;
        if (isEmptyRow(record)) continue;
        cells.push(record);
        rows.push(row);
        // While a hook is eager (before the header), each row goes out at once, so that it starts
        // on the row after the header.
        if (cells.length >= batchSize || hook?.eager) {
          yield { cells, rows, binary: true };
          cells = [];
          rows = [];
        }
      }
    } catch (error) {
      if (!(error instanceof Unusual)) throw error;
      if (cells.length > 0) {
        yield { cells, rows, binary: true };
        cells = [];
        rows = [];
      }
      // Hand the rest over to csv-parse, from the start of the unusual record (only up to the
      // record that is not UTF-8, if there is one).
      if (!notUtf8) {
        yield* general(buf.subarray(error.pos), strictUtf8());
        return;
      }
      const rowsRead = yield* generalRows(
        buf.subarray(error.pos, end),
        { next: async () => ({ done: true, value: undefined }) },
        strictUtf8(),
        () => {},
        delimiter,
        row,
        options,
        batchSize,
      );
      throw notUtf8Error(options.file, rowsRead + 1);
    }
    if (cells.length > 0) {
      yield { cells, rows, binary: true };
      cells = [];
      rows = [];
    }
    if (notUtf8) throw notUtf8Error(options.file, row + 1);
    if (next.done) break;
  }
}

/**
 * The start of the record holding the first byte of `[start, end)` that is not UTF-8 (`end`
 * follows a line end). A line end is ASCII, never part of a character, so the lines are checked
 * one by one; then back over line ends inside quotes to the record's first line.
 */
function firstRecordNotUtf8(buf: Buffer, start: number, end: number): number {
  let line = start;
  for (;;) {
    const nl = buf.indexOf(NL, line);
    if (nl === -1 || nl >= end || !isUtf8(buf.subarray(line, nl + 1))) break;
    line = nl + 1;
  }
  let quotes = countByte(buf, QUOTE, start, line);
  while (quotes % 2 === 1 && line > start) {
    const prev = line - 2 >= start ? buf.lastIndexOf(NL, line - 2) : -1;
    const from = prev < start ? start : prev + 1;
    quotes -= countByte(buf, QUOTE, from, line);
    line = from;
  }
  return line;
}

/** A UTF-8 decoder that throws on bytes that are not UTF-8 (never a replacement character). */
function strictUtf8(): TextDecoder {
  return new TextDecoder('utf8', { fatal: true });
}

function notUtf8Error(file: string, row: number): CchcError {
  return new CchcError('INVALID_INPUT', [
    {
      path: [file, row],
      message: `${file}, row ${row}: the text is not valid UTF-8: save the export as "CSV UTF-8" or pass the file's encoding (e.g. encoding: 'windows-1258').`,
    },
  ]);
}

/** The general path: decode, then csv-parse (quotes relaxed, ragged rows kept as they are). */
async function* generalRows(
  carry: Buffer | null,
  it: AsyncIterator<Uint8Array | string>,
  decoder: TextDecoder,
  onBytes: (bytes: number) => void,
  knownDelimiter: string | null,
  rowOffset: number,
  options: CsvRowOptions,
  batchSize: number,
): AsyncGenerator<RowBatch, number> {
  let delimiter = knownDelimiter;
  let head = '';
  let firstText = true;
  let row = rowOffset;
  const decode = (bytes?: Buffer) => {
    try {
      return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
    } catch {
      // The text is decoded ahead of the parser: the bad bytes are somewhere after this row.
      throw new CchcError('INVALID_INPUT', [
        {
          path: [options.file, row + 1],
          message: `${options.file}: the text after row ${row} is not valid UTF-8: save the export as "CSV UTF-8" or pass the file's encoding (e.g. encoding: 'windows-1258').`,
        },
      ]);
    }
  };
  async function* texts(): AsyncGenerator<string> {
    if (carry !== null && carry.length > 0) {
      const t = decode(carry);
      if (t !== '') yield t;
    }
    for (;;) {
      const next = await it.next();
      if (next.done) break;
      const chunk = toBuffer(next.value);
      onBytes(chunk.length);
      const t = decode(chunk);
      if (t !== '') yield t;
    }
    const last = decode();
    if (last !== '') yield last;
  }
  const source = texts();
  // The delimiter needs the first line.
  const pending: string[] = [];
  if (delimiter === null) {
    for (;;) {
      const n = await source.next();
      if (n.done) break;
      let t = n.value;
      if (firstText && t.charCodeAt(0) === 0xfeff) t = t.slice(1);
      firstText = false;
      pending.push(t);
      head += t;
      if (head.length > 65536 || (head.match(/\r\n?|\n/g)?.length ?? 0) > 20) break;
    }
    delimiter = detectDelimiter(head.replace(/\r\n?/g, '\n'));
  }
  async function* all(): AsyncGenerator<string> {
    // Pending texts exist only after the delimiter search above, which already dropped the BOM.
    yield* pending;
    for await (let t of source) {
      if (firstText && t.charCodeAt(0) === 0xfeff) t = t.slice(1);
      firstText = false;
      yield t;
    }
  }
  let parser: ReturnType<typeof parse>;
  try {
    parser = parse({
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    });
  } catch (error) {
    throw new CchcError(
      'INVALID_OPTIONS',
      [
        {
          path: ['options', 'delimiter'],
          message: `csv-parse cannot split on the delimiter ${JSON.stringify(delimiter)}: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
      { cause: error },
    );
  }
  const text = Readable.from(all());
  text.pipe(parser);
  // `pipe` does not pass an error of its source on (text that cannot be decoded): the parser ends
  // with it.
  text.once('error', (error) => parser.destroy(error));
  let cells: string[][] = [];
  let rows: number[] = [];
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      if (isEmptyRow(record)) continue;
      cells.push(record);
      rows.push(row);
      if (cells.length >= batchSize) {
        yield { cells, rows, binary: false };
        cells = [];
        rows = [];
      }
    }
  } catch (error) {
    if (error instanceof CchcError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new CchcError(
      'INVALID_INPUT',
      [{ path: [options.file, row + 1], message: `${options.file}, row ${row + 1}: ${message}` }],
      { cause: error },
    );
  }
  if (cells.length > 0) yield { cells, rows, binary: false };
  return row;
}
