/**
 * The byte reader of `summarizeDossierFile` for CSV: the common rows of a dossier export go from
 * the file's bytes straight into the summariser's scratch record, with no string, cell array or
 * record object built per row. Cell boundaries are found by one scan of the bytes; timestamps are
 * read from the digits; channel, status and yes/no cells, units and procedure codes are looked up
 * by their bytes in small tables filled by the general rules the first time each text is met; ids
 * are checked in a set of their bytes.
 *
 * A row it is not sure about (a quote, a date in another shape, an unknown channel or status, a
 * blank id, cells to trim, dates out of order, a repeated id…) is declined: the CSV reader then reads
 * it into cells as usual and the general path handles it, in file order, so every result, problem,
 * row number and message is the general path's (`test/node/dossierCsvFast.test.ts` compares the
 * two on random exports).
 *
 * Everything called per row lives in this module, and imported functions are bound to local
 * constants: a CommonJS build of the sources (tsx) reads an imported name through a getter at
 * every call.
 * @internal
 * @module
 */

import type { DossierChannel, DossierStatus } from '../dossiers/DossierRecord.js';
import type { Accumulator } from '../dossiers/summarize/accumulate.js';
import {
  FIRST_YEAR as FIRST_YEAR_,
  MONTH_DAYS as MONTH_DAYS_,
  MONTH_START as MONTH_START_,
  YEARS as YEARS_,
} from '../dossiers/summarize/dayTable.js';
import type { ResolvedOptions } from '../dossiers/summarize/options.js';
import { newScratch, type ScratchRecord } from '../dossiers/summarize/scratch.js';
import {
  cellBoolean as cellBooleanExport,
  cellText as cellTextExport,
  utf8Of as utf8OfExport,
} from './cells.js';
import {
  DEFAULT_CHANNEL_VALUES,
  DEFAULT_STATUS_VALUES,
  normalizeLabel as normalizeLabelExport,
} from './columns.js';
import type { CsvReadState, CsvRowHook } from './csvRows.js';
import type { DossierLayout, DossierTableOptions } from './dossierTable.js';

const cellText = cellTextExport;
const utf8Of = utf8OfExport;
const cellBoolean = cellBooleanExport;
const normalizeLabel = normalizeLabelExport;

const DAY_MS = 86_400_000;

// Module-local bindings of the shared day table (dayTable.ts): read in the hot path, and tsx's
// CommonJS output would read an imported name through a getter at each use.
const FIRST_YEAR = FIRST_YEAR_;
const YEARS = YEARS_;
const MONTH_START = MONTH_START_;
const MONTH_DAYS = MONTH_DAYS_;

/** The digit at `i` (before `b`) as 0–9, or -1. */
function digitAt(buf: Uint8Array, i: number, b: number): number {
  if (i >= b) return -1;
  const d = buf[i]! - 48;
  return d >>> 0 > 9 ? -1 : d;
}

/** `/`, `.` or `-`. */
function isDateSeparator(c: number): boolean {
  return c === 47 || c === 46 || c === 45;
}

/** FNV-1a of bytes `[a, b)`. */
function hashBytes(buf: Uint8Array, a: number, b: number): number {
  let h = 0x811c9dc5;
  for (let i = a; i < b; i++) h = Math.imul(h ^ buf[i]!, 16777619);
  return h | 0;
}

/**
 * A set of byte strings (open addressing; keys copied one after the other into a growing byte
 * array), each with a small integer value. No object per key. A slot holds the key's hash and its
 * entry, so a probe reads one place in memory unless the hashes match; an entry's bytes run from its
 * start to the next entry's.
 * @internal
 */
export class ByteTable {
  private arena = new Uint8Array(1 << 16);
  private used = 0;
  /** Where each entry's bytes start; `starts[size]` is where the next one will. */
  private starts = new Int32Array(1024);
  /** The value of each entry. */
  private values = new Int32Array(1024);
  /** Entries. */
  size = 0;
  /** Two numbers per slot: the hash, then entry + 1 (0 when free). */
  private slots = new Int32Array(2 * 2048);
  private mask = 2047;

  /** Makes room for `entries` entries in all, so that the table need not grow until then. */
  reserve(entries: number): void {
    let slots = this.mask + 1;
    while (slots < 2 * entries) slots *= 2;
    if (slots > this.mask + 1) this.rehash(slots);
    if (entries + 1 > this.starts.length) {
      this.starts = grow(this.starts, entries + 1);
      this.values = grow(this.values, entries + 1);
    }
  }

  /** The entry of bytes `[a, b)` of `buf` (hash `h`), or -1. */
  find(buf: Uint8Array, a: number, b: number, h: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const e = slots[2 * i + 1]! - 1;
      if (e < 0) return -1;
      if (slots[2 * i] === h && this.same(e, buf, a, b)) return e;
    }
  }

  /** Whether entry `e` holds bytes `[a, b)` of `buf`. */
  private same(e: number, buf: Uint8Array, a: number, b: number): boolean {
    const start = this.starts[e]!;
    const n = b - a;
    if (this.starts[e + 1]! - start !== n) return false;
    const arena = this.arena;
    let k = 0;
    while (k < n && arena[start + k] === buf[a + k]) k++;
    return k === n;
  }

  /**
   * Adds bytes `[a, b)` of `buf` (hash `h`) with value 0 unless they are there: `false` when they
   * were (one probe sequence for both).
   */
  insert(buf: Uint8Array, a: number, b: number, h: number): boolean {
    const slots = this.slots;
    const mask = this.mask;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const e = slots[2 * i + 1]! - 1;
      if (e < 0) {
        slots[2 * i] = h;
        slots[2 * i + 1] = this.append(buf, a, b, 0) + 1;
        if (this.size * 2 > mask + 1) this.rehash(2 * (mask + 1));
        return true;
      }
      if (slots[2 * i] === h && this.same(e, buf, a, b)) return false;
    }
  }

  /** The value of an entry. */
  value(e: number): number {
    return this.values[e]!;
  }

  /** Adds bytes `[a, b)` of `buf` (hash `h`, not in the table) with `value`. */
  add(buf: Uint8Array, a: number, b: number, h: number, value: number): void {
    place(this.slots, this.mask, h, this.append(buf, a, b, value));
    if (this.size * 2 > this.mask + 1) this.rehash(2 * (this.mask + 1));
  }

  /** Stores a new entry's bytes and value; returns the entry. */
  private append(buf: Uint8Array, a: number, b: number, value: number): number {
    const n = b - a;
    const at = this.used;
    if (at + n > this.arena.length) {
      const bigger = new Uint8Array(Math.max(this.arena.length * 2, at + n));
      bigger.set(this.arena.subarray(0, at));
      this.arena = bigger;
    }
    const arena = this.arena;
    for (let k = 0; k < n; k++) arena[at + k] = buf[a + k]!;
    this.used = at + n;
    const e = this.size;
    if (e + 2 > this.starts.length) {
      this.starts = grow(this.starts, 2 * this.starts.length);
      this.values = grow(this.values, 2 * this.values.length);
    }
    this.values[e] = value;
    this.starts[e + 1] = at + n;
    this.size = e + 1;
    return e;
  }

  /** The table as plain data (typed arrays), for another thread: see {@link ByteTable.restore}. */
  snapshot(): ByteTableSnapshot {
    return {
      arena: this.arena.slice(0, this.used),
      starts: this.starts.slice(0, this.size + 1),
      values: this.values.slice(0, this.size + 1),
      slots: this.slots.slice(),
    };
  }

  /** A table holding what a {@link ByteTable.snapshot} holds. */
  static restore(snapshot: ByteTableSnapshot): ByteTable {
    const t = new ByteTable();
    t.arena = snapshot.arena.length > 0 ? snapshot.arena.slice() : t.arena;
    t.used = snapshot.arena.length;
    t.size = snapshot.starts.length - 1;
    t.starts = grow(snapshot.starts, Math.max(1024, 2 * snapshot.starts.length));
    t.values = grow(snapshot.values, Math.max(1024, 2 * snapshot.values.length));
    t.slots = snapshot.slots.slice();
    t.mask = t.slots.length / 2 - 1;
    return t;
  }

  /** Calls `visit` with the bytes of each entry (`[a, b)` of the arena) and its value. */
  forEachEntry(visit: (arena: Uint8Array, a: number, b: number, value: number) => boolean): boolean {
    for (let e = 0; e < this.size; e++) {
      if (visit(this.arena, this.starts[e]!, this.starts[e + 1]!, this.values[e]!)) return true;
    }
    return false;
  }

  /** The hash of bytes `[a, b)`, as the table computes it. */
  static hash(buf: Uint8Array, a: number, b: number): number {
    return hashBytes(buf, a, b);
  }

  private rehash(count: number): void {
    const old = this.slots;
    const slots = new Int32Array(2 * count);
    const mask = count - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] !== 0) place(slots, mask, old[i]!, old[i + 1]! - 1);
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** A {@link ByteTable} as plain data. @internal */
export interface ByteTableSnapshot {
  readonly arena: Uint8Array;
  readonly starts: Int32Array;
  readonly values: Int32Array;
  readonly slots: Int32Array;
}

/** An {@link IdSet} as plain data (what a worker sends back). @internal */
export interface IdSetSnapshot {
  readonly table: ByteTableSnapshot;
  readonly prefixes: ByteTableSnapshot;
  readonly bitmaps: readonly Uint32Array[];
}

function place(slots: Int32Array, mask: number, h: number, e: number): void {
  let i = h & mask;
  while (slots[2 * i + 1] !== 0) i = (i + 1) & mask;
  slots[2 * i] = h;
  slots[2 * i + 1] = e + 1;
}

function grow(a: Int32Array, length: number): Int32Array<ArrayBuffer> {
  if (length < a.length) length = a.length;
  const b = new Int32Array(length);
  b.set(a);
  return b;
}

/** Trailing digits of an id read as a number (at most: 10^7 bits, 1.25 MB, per bitmap). */
const SUFFIX_DIGITS = 7;
/** Bitmaps at most (prefixes with their digit counts); other ids go to the hash set. */
const MAX_BITMAPS = 16;

/**
 * The ids seen, as their UTF-8 bytes: one set for the rows the byte reader consumes and for those
 * the general path reads (whose ids are text). Equal texts have equal bytes and the other way round
 * (decoded text is well formed), so this is the general path's set of strings.
 *
 * Exports number their dossiers: an id ending in digits (`HS0001234`: the prefix `HS` and 7 digits)
 * is a bit of a bitmap per prefix and digit count, read in the order ids come (sequential ids touch
 * neighbouring words), up to {@link MAX_BITMAPS} bitmaps; other ids are in a hash set of bytes. An
 * id's place depends only on its bytes and on which bitmaps exist, and a bitmap, once made, stays:
 * the same id always goes to the same place.
 * @internal
 */
export class IdSet {
  private table = new ByteTable();
  /** Prefix bytes and digit count → bitmap. */
  private prefixes = new ByteTable();
  private bitmaps: Uint32Array[] = [];
  private key = new Uint8Array(64);
  private scratch: Buffer = Buffer.allocUnsafe(256);

  /** Adds the id of bytes `[a, b)`; `false` when it was already there (and then nothing changes). */
  addBytes(buf: Uint8Array, a: number, b: number): boolean {
    let j = b;
    while (j > a && b - j < SUFFIX_DIGITS && (buf[j - 1]! - 48) >>> 0 <= 9) j--;
    if (j < b) {
      const m = this.bitmap(buf, a, j, b - j, true);
      if (m >= 0) {
        let v = 0;
        for (let k = j; k < b; k++) v = v * 10 + buf[k]! - 48;
        let bits = this.bitmaps[m]!;
        const word = v >>> 5;
        if (word >= bits.length) bits = this.growBitmap(m, word);
        const mask = 1 << (v & 31);
        if ((bits[word]! & mask) !== 0) return false;
        bits[word]! |= mask;
        return true;
      }
    }
    return this.table.insert(buf, a, b, hashBytes(buf, a, b));
  }

  /** The bitmap of a prefix and digit count, made if `make` and there is room; or -1. */
  private bitmap(buf: Uint8Array, a: number, j: number, digits: number, make: boolean): number {
    const n = j - a + 1;
    if (n > this.key.length) this.key = new Uint8Array(2 * n);
    const key = this.key;
    for (let k = a; k < j; k++) key[k - a] = buf[k]!;
    key[n - 1] = digits;
    const h = hashBytes(key, 0, n);
    const e = this.prefixes.find(key, 0, n, h);
    if (e >= 0) return this.prefixes.value(e);
    if (!make || this.bitmaps.length >= MAX_BITMAPS) return -1;
    this.prefixes.add(key, 0, n, h, this.bitmaps.length);
    this.bitmaps.push(new Uint32Array(1024));
    return this.bitmaps.length - 1;
  }

  private growBitmap(m: number, word: number): Uint32Array {
    const old = this.bitmaps[m]!;
    let length = old.length;
    while (length <= word) length *= 2;
    const bits = new Uint32Array(length);
    bits.set(old);
    this.bitmaps[m] = bits;
    return bits;
  }

  /**
   * Makes room for `count` ids in all, of which `seen` were added so far: in the hash set, when at
   * least half of those went there (not to bitmaps).
   */
  reserve(count: number, seen: number): void {
    if (this.table.size * 2 >= seen) this.table.reserve(count);
  }

  /** Whether the id of bytes `[a, b)` was seen. */
  hasBytes(buf: Uint8Array, a: number, b: number): boolean {
    let j = b;
    while (j > a && b - j < SUFFIX_DIGITS && (buf[j - 1]! - 48) >>> 0 <= 9) j--;
    if (j < b) {
      const m = this.bitmap(buf, a, j, b - j, false);
      if (m >= 0) {
        let v = 0;
        for (let k = j; k < b; k++) v = v * 10 + buf[k]! - 48;
        const bits = this.bitmaps[m]!;
        const word = v >>> 5;
        return word < bits.length && (bits[word]! & (1 << (v & 31))) !== 0;
      }
    }
    return this.table.find(buf, a, b, hashBytes(buf, a, b)) >= 0;
  }

  /** The set as plain data, for another thread: see {@link IdSet.restore}. */
  snapshot(): IdSetSnapshot {
    return {
      table: this.table.snapshot(),
      prefixes: this.prefixes.snapshot(),
      bitmaps: this.bitmaps.map((bits) => bits.slice()),
    };
  }

  /** A set holding the ids of a {@link IdSet.snapshot}. */
  static restore(snapshot: IdSetSnapshot): IdSet {
    const set = new IdSet();
    set.table = ByteTable.restore(snapshot.table);
    set.prefixes = ByteTable.restore(snapshot.prefixes);
    set.bitmaps = snapshot.bitmaps.map((bits) => (bits.length > 0 ? bits.slice() : new Uint32Array(1024)));
    return set;
  }

  /**
   * Whether `other` holds an id this set holds. Bitmaps of the same prefix and digit count are
   * compared word by word; every other id of `other` is looked up in this set by its bytes.
   */
  sharesAny(other: IdSet): boolean {
    if (other.table.forEachEntry((arena, a, b) => this.hasBytes(arena, a, b))) return true;
    let id = new Uint8Array(64);
    return other.prefixes.forEachEntry((key, a, b, m) => {
      const bits = other.bitmaps[m]!;
      const mine = this.prefixes.find(key, a, b, ByteTable.hash(key, a, b));
      if (mine >= 0) {
        const own = this.bitmaps[this.prefixes.value(mine)]!;
        const n = Math.min(own.length, bits.length);
        for (let w = 0; w < n; w++) if ((own[w]! & bits[w]!) !== 0) return true;
        return false;
      }
      // This set keeps the ids of that prefix in its hash set: each id is written out and looked up.
      const prefix = b - a - 1;
      const digits = key[b - 1]!;
      if (prefix + digits > id.length) id = new Uint8Array(2 * (prefix + digits));
      for (let k = 0; k < prefix; k++) id[k] = key[a + k]!;
      for (let w = 0; w < bits.length; w++) {
        let word = bits[w]!;
        while (word !== 0) {
          const bit = 31 - Math.clz32(word & -word);
          word &= word - 1;
          let v = w * 32 + bit;
          for (let k = prefix + digits - 1; k >= prefix; k--) {
            id[k] = 48 + (v % 10);
            v = Math.floor(v / 10);
          }
          if (this.hasBytes(id, 0, prefix + digits)) return true;
        }
      }
      return false;
    });
  }

  /** Adds an id given as text; `false` when it was already there. */
  addText(id: string): boolean {
    let bytes: Buffer;
    if (id.length * 3 <= this.scratch.length) bytes = this.scratch;
    else bytes = this.scratch = Buffer.allocUnsafe(id.length * 3);
    const n = bytes.write(id, 0, 'utf8');
    return this.addBytes(bytes, 0, n);
  }
}

/** Entries compared one by one before the hash table is asked (coded columns have few texts). */
const SMALL = 8;

/** A reader of one kind of coded cell: raw bytes → a code, through a table filled on first sight. */
class CodeCells {
  private readonly table = new ByteTable();
  /** The first {@link SMALL} texts met, as bytes, with their codes. */
  private readonly small: Buffer[] = [];
  private readonly smallCodes = new Int32Array(SMALL);
  constructor(
    /** The general rule: the cell as a byte string → its code. */
    private readonly decide: (raw: string) => number,
    /** Entries kept at most (the rest are decided each time). */
    private readonly limit: number,
  ) {}

  code(buf: Buffer, a: number, b: number): number {
    const n = b - a;
    const small = this.small;
    for (let e = 0; e < small.length; e++) {
      const key = small[e]!;
      if (key.length !== n) continue;
      let k = 0;
      while (k < n && key[k] === buf[a + k]) k++;
      if (k === n) return this.smallCodes[e]!;
    }
    const table = this.table;
    const h = hashBytes(buf, a, b);
    const slot = small.length < SMALL ? -1 : table.find(buf, a, b, h);
    if (slot >= 0) return table.value(slot);
    const code = this.decide(buf.toString('latin1', a, b));
    if (small.length < SMALL) {
      this.smallCodes[small.length] = code;
      small.push(Buffer.from(buf.subarray(a, b)));
    } else if (table.size < this.limit) table.add(buf, a, b, h, code);
    return code;
  }
}

/** Channel codes of the scratch record (1 online, 2 in person, 3 postal). */
const CHANNEL_CODE: Readonly<Record<DossierChannel, number>> = { online: 1, inPerson: 2, postal: 3 };
/** Status codes of the scratch record. */
const STATUS_CODE: Readonly<Record<DossierStatus, number>> = {
  processing: 0,
  resolved: 1,
  withdrawn: 2,
  returned: 3,
  rejected: 4,
};
/** The status of a blank status cell: from the finishing date. */
const DERIVED = 5;

function valueMap<T>(defaults: Readonly<Record<string, T>>, extra: Readonly<Record<string, T>> | undefined) {
  const m = new Map<string, T>();
  for (const [k, v] of Object.entries(defaults)) m.set(normalizeLabel(k), v);
  if (extra) for (const [k, v] of Object.entries(extra)) m.set(normalizeLabel(k), v);
  return m;
}

/** The text of a byte string as the general path reads it (decoded, then trimmed). */
function textOf(raw: string): string {
  return cellText(utf8Of(raw));
}

/** The most ids the set makes room for ahead (it grows past that as needed). */
const MAX_RESERVED_IDS = 1 << 23;

/** Rows declined before the reader gives up on a file where it declines more than one in 8. */
const DECLINES_BEFORE_GIVING_UP = 512;

/**
 * The byte reader: a {@link CsvRowHook} that reads the rows it can into the summariser, once
 * {@link FastDossierRows.start} has the header's layout.
 * @internal
 */
export class FastDossierRows implements CsvRowHook {
  active = false;
  /** Until the header is read: rows in cells go out one by one. */
  eager = true;
  consumed = 0;
  /** Kept up to date by the CSV reader (the parallel reader checks its joints with it). */
  readonly readState: CsvReadState = { pending: 0, general: false };
  /** The header's layout, once {@link FastDossierRows.start} was called. */
  layout: DossierLayout | null = null;
  /** Called once, when the first rows after the header are offered, with the layout and delimiter. */
  onFirstRows: ((layout: DossierLayout, delimiter: number) => void) | null = null;
  private declined = 0;
  private accepted = 0;
  private readonly s: ScratchRecord = newScratch();
  /** The grouping fields of the row (reused: the summariser copies what it keeps). */
  private readonly rec: { unit?: string | undefined; procedureCode?: string | undefined } = {};
  /** Cell bounds of the row, by column (up to the last column used). */
  private starts = new Int32Array(0);
  private ends = new Int32Array(0);
  private maxCol = -1;
  private iId = -1;
  private iChannel = -1;
  private iReceived = -1;
  private iDue = -1;
  private iFinished = -1;
  private iStatus = -1;
  private iPost = -1;
  private iUnit = -1;
  private iProcedure = -1;
  private readonly shift: number;
  private readonly offset: number;
  /** The bytes of the chunk being read, as latin1 text (see {@link FastDossierRows.consume}). */
  private text = '';
  private textBuf: Buffer | null = null;
  private textStart = 0;
  private textEnd = 0;
  /** The instant read by {@link FastDossierRows.timestamp} (a typed array: no boxed double). */
  private readonly out = new Float64Array(1);
  private readonly channels: CodeCells;
  private readonly statuses: CodeCells;
  private readonly post: CodeCells;
  private readonly units: CodeCells;
  private readonly procedures: CodeCells;
  /** Unit and procedure texts by code (code 0: none). */
  private readonly texts: (string | undefined)[] = [undefined];
  private readonly textCodes = new Map<string, number>();

  constructor(
    private readonly acc: Accumulator,
    resolved: ResolvedOptions,
    options: DossierTableOptions,
    /** The set of ids seen, or `null` when ids are not checked. */
    private readonly ids: IdSet | null,
    /** The file's size in bytes (0 when unknown): the id set is sized from it once rows are seen. */
    private readonly fileBytes = 0,
  ) {
    this.offset = resolved.offset;
    this.shift = resolved.offset * 60_000;
    this.s.rec = this.rec;
    const channels = valueMap<DossierChannel>(DEFAULT_CHANNEL_VALUES, options.channelValues);
    const statuses = valueMap<DossierStatus>(DEFAULT_STATUS_VALUES, options.statusValues);
    this.channels = new CodeCells((raw) => {
      const channel = channels.get(normalizeLabel(textOf(raw)));
      return channel === undefined ? -1 : CHANNEL_CODE[channel];
    }, 256);
    this.statuses = new CodeCells((raw) => {
      const t = textOf(raw);
      if (t === '') return DERIVED;
      const status = statuses.get(normalizeLabel(t));
      return status === undefined ? -1 : STATUS_CODE[status];
    }, 256);
    this.post = new CodeCells((raw) => {
      const b = cellBoolean(textOf(raw));
      return b === null ? -1 : b ? 1 : 0;
    }, 256);
    const text = (raw: string) => {
      const t = textOf(raw);
      if (t === '') return 0;
      let code = this.textCodes.get(t);
      if (code === undefined) {
        code = this.texts.length;
        this.texts.push(t);
        this.textCodes.set(t, code);
      }
      return code;
    };
    this.units = new CodeCells(text, 1 << 16);
    this.procedures = new CodeCells(text, 1 << 16);
    this.groupUnit = resolved.groupBy.includes('unit');
    this.groupProcedure = resolved.groupBy.includes('procedure');
  }

  private readonly groupUnit: boolean;
  private readonly groupProcedure: boolean;

  /** Starts offering rows, after the header row (the column layout is fixed from here on). */
  start(layout: DossierLayout): void {
    this.layout = layout;
    const ix = layout.index;
    this.iId = ix.id!;
    this.iChannel = ix.channel!;
    this.iReceived = ix.receivedAt!;
    this.iDue = ix.dueAt ?? -1;
    this.iFinished = ix.finishedAt ?? -1;
    this.iStatus = ix.status ?? -1;
    this.iPost = ix.returnedByPost ?? -1;
    this.iUnit = this.groupUnit ? (ix.unit ?? -1) : -1;
    this.iProcedure = this.groupProcedure ? (ix.procedureCode ?? -1) : -1;
    this.maxCol = Math.max(
      this.iId,
      this.iChannel,
      this.iReceived,
      this.iDue,
      this.iFinished,
      this.iStatus,
      this.iPost,
      this.iUnit,
      this.iProcedure,
    );
    this.starts = new Int32Array(this.maxCol + 1);
    this.ends = new Int32Array(this.maxCol + 1);
    this.active = true;
    this.eager = false;
  }

  consume(buf: Buffer, pos: number, end: number, delimiter: number, row: number): number {
    if (this.onFirstRows !== null) {
      const tell = this.onFirstRows;
      this.onFirstRows = null;
      tell(this.layout!, delimiter);
    }
    const starts = this.starts;
    const ends = this.ends;
    const maxCol = this.maxCol;
    let consumed = 0;
    let p = pos;
    // Cell bounds come from `indexOf` on the bytes read as latin1 text (one char per byte: the
    // same positions), a builtin much faster than a loop over the bytes; the cells are then read
    // from the bytes. The text of a chunk is made once, whatever the number of calls on it.
    if (buf !== this.textBuf || end !== this.textEnd || pos < this.textStart) {
      this.text = buf.toString('latin1', pos, end);
      this.textBuf = buf;
      this.textStart = pos;
      this.textEnd = end;
    }
    const text = this.text;
    const base = this.textStart;
    const delim = String.fromCharCode(delimiter);
    // The next quote: the line holding it is the general path's.
    let quote = text.indexOf('"', p - base);
    quote = quote === -1 ? end : quote + base;
    while (p < end) {
      // `end` follows a line end, so there is one.
      const nl = text.indexOf('\n', p - base) + base;
      if (nl > quote) break;
      let col = 0;
      let cell = p;
      for (;;) {
        const d = text.indexOf(delim, cell - base) + base;
        if (d < cell || d > nl) break;
        if (col <= maxCol) {
          starts[col] = cell;
          ends[col] = d;
        }
        col++;
        cell = d + 1;
      }
      const i = nl;
      let last = i;
      if (last > cell && buf[last - 1] === 13) last--;
      if (col <= maxCol) {
        starts[col] = cell;
        ends[col] = last;
        for (let k = col + 1; k <= maxCol; k++) {
          starts[k] = 0;
          ends[k] = 0;
        }
      }
      if (!this.row(buf, row + consumed + 1)) break;
      consumed++;
      p = i + 1;
    }
    this.consumed = consumed;
    if (this.accepted === 0 && consumed > 0 && this.ids !== null && this.fileBytes > 0) {
      // Room for the ids of the whole file, from the length of the rows so far.
      const rows = (this.fileBytes / (p - pos)) * consumed;
      this.ids.reserve(Math.min(MAX_RESERVED_IDS, Math.ceil(rows * 1.05)), consumed);
    }
    this.accepted += consumed;
    if (p < end && ++this.declined > DECLINES_BEFORE_GIVING_UP && this.declined * 8 > this.accepted) {
      this.active = false;
    }
    return p;
  }

  /**
   * Reads a timestamp cell into `out[0]`: 0 when empty, 1 for a bare date, 2 for a date and time,
   * -1 to decline. The shapes: `YYYY-MM-DD`, `YYYY-MM-DD[T| ]HH:mm[:ss]`, and `d/m/yyyy [h:mm[:ss]]`
   * (also with `-` or `.`, as `cellTimestamp` turns them into the former); years 1900–2199, no
   * offset. The instant is the one `fastInstant` gives for the text `cellTimestamp` writes.
   */
  private timestamp(buf: Buffer, a: number, b: number): number {
    const n = b - a;
    if (n <= 0) return 0;
    let year: number;
    let month: number;
    let day: number;
    let hour = -1;
    let minute = 0;
    let second = 0;
    if (n >= 10 && buf[a + 4] === 45 && buf[a + 7] === 45) {
      // ISO: passed through as it is.
      if (n !== 10 && n !== 16 && n !== 19) return -1;
      const y0 = buf[a]! - 48;
      const y1 = buf[a + 1]! - 48;
      const y2 = buf[a + 2]! - 48;
      const y3 = buf[a + 3]! - 48;
      const m0 = buf[a + 5]! - 48;
      const m1 = buf[a + 6]! - 48;
      const d0 = buf[a + 8]! - 48;
      const d1 = buf[a + 9]! - 48;
      if (
        y0 >>> 0 > 9 ||
        y1 >>> 0 > 9 ||
        y2 >>> 0 > 9 ||
        y3 >>> 0 > 9 ||
        m0 >>> 0 > 9 ||
        m1 >>> 0 > 9 ||
        d0 >>> 0 > 9 ||
        d1 >>> 0 > 9
      ) {
        return -1;
      }
      year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
      month = m0 * 10 + m1;
      day = d0 * 10 + d1;
      if (n > 10) {
        const sep = buf[a + 10];
        if ((sep !== 32 && sep !== 84 && sep !== 116) || buf[a + 13] !== 58) return -1;
        const h0 = buf[a + 11]! - 48;
        const h1 = buf[a + 12]! - 48;
        const i0 = buf[a + 14]! - 48;
        const i1 = buf[a + 15]! - 48;
        if (h0 >>> 0 > 9 || h1 >>> 0 > 9 || i0 >>> 0 > 5 || i1 >>> 0 > 9) return -1;
        hour = h0 * 10 + h1;
        minute = i0 * 10 + i1;
        if (n === 19) {
          const s0 = buf[a + 17]! - 48;
          const s1 = buf[a + 18]! - 48;
          if (buf[a + 16] !== 58 || s0 >>> 0 > 5 || s1 >>> 0 > 9) return -1;
          second = s0 * 10 + s1;
        }
      }
    } else {
      // d/m/yyyy [h:mm[:ss]] (DMY in cells.ts): day and month of one or two digits, each followed
      // by `/`, `.` or `-`, a four-digit year, then optionally `[ T,]+` and `h:mm[:ss]`.
      let i = a;
      day = digitAt(buf, i, b);
      if (day < 0) return -1;
      i++;
      let d = digitAt(buf, i, b);
      if (d >= 0) {
        day = day * 10 + d;
        i++;
      }
      if (i >= b || !isDateSeparator(buf[i]!)) return -1;
      i++;
      month = digitAt(buf, i, b);
      if (month < 0) return -1;
      i++;
      d = digitAt(buf, i, b);
      if (d >= 0) {
        month = month * 10 + d;
        i++;
      }
      if (i >= b || !isDateSeparator(buf[i]!)) return -1;
      i++;
      if (i + 4 > b) return -1;
      const y0 = buf[i]! - 48;
      const y1 = buf[i + 1]! - 48;
      const y2 = buf[i + 2]! - 48;
      const y3 = buf[i + 3]! - 48;
      if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9) return -1;
      year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
      i += 4;
      if (i < b) {
        const from = i;
        while (i < b && (buf[i] === 32 || buf[i] === 84 || buf[i] === 44)) i++;
        hour = i === from ? -1 : digitAt(buf, i, b);
        if (hour < 0) return -1;
        i++;
        d = digitAt(buf, i, b);
        if (d >= 0) {
          hour = hour * 10 + d;
          i++;
        }
        if (i + 3 > b || buf[i] !== 58) return -1;
        const i0 = buf[i + 1]! - 48;
        const i1 = buf[i + 2]! - 48;
        if (i0 >>> 0 > 5 || i1 >>> 0 > 9) return -1;
        minute = i0 * 10 + i1;
        i += 3;
        if (i < b) {
          if (i + 3 !== b || buf[i] !== 58) return -1;
          const s0 = buf[i + 1]! - 48;
          const s1 = buf[i + 2]! - 48;
          if (s0 >>> 0 > 5 || s1 >>> 0 > 9) return -1;
          second = s0 * 10 + s1;
        }
      }
    }
    const y = year - FIRST_YEAR;
    const m = month - 1;
    if (y >>> 0 >= YEARS || m >>> 0 >= 12) return -1;
    const at = y * 12 + m;
    if (day === 0 || day > MONTH_DAYS[at]!) return -1;
    const days = MONTH_START[at]! + day - 1;
    if (hour < 0) {
      this.out[0] = days * DAY_MS - this.offset * 60_000;
      return 1;
    }
    if (hour > 23) return -1;
    this.out[0] = days * DAY_MS + ((hour * 60 + minute - this.offset) * 60 + second) * 1000;
    return 2;
  }

  /** Reads the row whose cell bounds are in `starts`/`ends` into the summariser, or declines it. */
  private row(buf: Buffer, row: number): boolean {
    const starts = this.starts;
    const ends = this.ends;
    // The id: not blank, and nothing to trim (tab, space, no-break space at either end).
    const ia = starts[this.iId]!;
    const ib = ends[this.iId]!;
    if (ia >= ib) return false;
    const first = buf[ia]!;
    const last = buf[ib - 1]!;
    if (first === 32 || first === 9 || first === 0xc2 || last === 32 || last === 9 || last === 0xa0)
      return false;
    const channel = this.channels.code(buf, starts[this.iChannel]!, ends[this.iChannel]!);
    if (channel < 0) return false;
    const out = this.out;
    const rKind = this.timestamp(buf, starts[this.iReceived]!, ends[this.iReceived]!);
    if (rKind <= 0) return false;
    const received = out[0]!;
    let due = Number.NaN;
    let dKind = 0;
    if (this.iDue >= 0) {
      dKind = this.timestamp(buf, starts[this.iDue]!, ends[this.iDue]!);
      if (dKind < 0) return false;
      if (dKind > 0) due = out[0]!;
    }
    let finished = Number.NaN;
    let fKind = 0;
    if (this.iFinished >= 0) {
      fKind = this.timestamp(buf, starts[this.iFinished]!, ends[this.iFinished]!);
      if (fKind < 0) return false;
      if (fKind > 0) finished = out[0]!;
    }
    let status = DERIVED;
    if (this.iStatus >= 0) {
      const sa = starts[this.iStatus]!;
      const sb = ends[this.iStatus]!;
      if (sa < sb) status = this.statuses.code(buf, sa, sb);
      if (status < 0) return false;
    }
    if (status === DERIVED) status = fKind > 0 ? 1 : 0;
    // A finishing date exactly when the dossier is closed.
    if (fKind > 0 !== (status !== 0)) return false;
    let byPost = false;
    if (this.iPost >= 0) {
      const pa = starts[this.iPost]!;
      const pb = ends[this.iPost]!;
      if (pa < pb) {
        const code = this.post.code(buf, pa, pb);
        if (code < 0) return false;
        byPost = code === 1;
      }
    }
    // Dates in order (readRecord's check): finished not before received, the due day not before
    // the reception day.
    const shift = this.shift;
    const receivedDay = Math.floor((received + shift) / DAY_MS);
    if (
      fKind > 0 &&
      (fKind === 1 || rKind === 1
        ? Math.floor((finished + shift) / DAY_MS) < receivedDay
        : finished < received)
    ) {
      return false;
    }
    if (dKind > 0 && Math.floor((due + shift) / DAY_MS) < receivedDay) return false;
    const rec = this.rec;
    if (this.iUnit >= 0) {
      const ua = starts[this.iUnit]!;
      const ub = ends[this.iUnit]!;
      rec.unit = ua < ub ? this.texts[this.units.code(buf, ua, ub)] : undefined;
    }
    if (this.iProcedure >= 0) {
      const pa = starts[this.iProcedure]!;
      const pb = ends[this.iProcedure]!;
      rec.procedureCode = pa < pb ? this.texts[this.procedures.code(buf, pa, pb)] : undefined;
    }
    // Last: a repeated id is the general path's to report.
    if (this.ids !== null && !this.ids.addBytes(buf, ia, ib)) return false;
    const s = this.s;
    s.channel = channel;
    s.status = status;
    s.receivedMs = received;
    s.receivedDateOnly = rKind === 1;
    s.dueMs = due;
    s.dueDateOnly = dKind === 1;
    s.finishedMs = finished;
    s.finishedDateOnly = fKind === 1;
    s.returnedByPost = byPost;
    s.supplementCount = 0;
    this.acc.addRead(s, row);
    return true;
  }
}
