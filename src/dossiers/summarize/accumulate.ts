/**
 * The running summary: counters per group, memory O(groups) (plus the id set when duplicates are
 * checked). Shared by the sync and async entry points.
 * @internal
 * @module
 */
import { CchcError } from '../../errors/CchcError.js';
import { type Classified, classifyRead as classifyReadExport, newClassified } from './classify.js';
import type { GroupDimension, ResolvedOptions } from './options.js';
import { newScratch, type ScratchRecord } from './scratch.js';
import { formatDay, formatInstant, formatMonth, localDay } from './timestamp.js';

// The function called per record, bound once: a CommonJS build of these modules (tsx, ts-node,
// jest) reads an imported name through a getter at every call.
const classifyRead = classifyReadExport;

/** Counter slots: received 0–3, resolved 4–6, pending 7–8, returnedByPost 9, withdrawn 10, returned 11. */
const SLOTS = 12;
/** Whole-number ids below this are kept in a bitmap (2^25 bits: 4 MiB at most). */
const BITMAP_IDS = 2 ** 25;
/** Outcome code → counter slot. */
const OUTCOME_SLOT = [4, 5, 6, 7, 8, 10, 11];

/** The statistics shape (the foundation's `DossierStats`). @internal */
export interface StatsShape {
  readonly received: {
    readonly carriedOver: number;
    readonly online: number;
    readonly inPerson: number;
    readonly postal: number;
  };
  readonly resolved: { readonly early: number; readonly onTime: number; readonly late: number };
  readonly pending: { readonly withinDeadline: number; readonly overdue: number };
  readonly returnedByPost: number;
  readonly withdrawn: number;
  readonly returned: number;
}

/** A group key as returned. @internal */
export interface GroupKeyShape {
  readonly unit?: string | null;
  readonly procedure?: string | null;
  readonly month?: string;
}

/** The meta block as returned. @internal */
export interface MetaShape {
  readonly period: { readonly from: string; readonly to: string };
  readonly asOf: string;
  readonly records: number;
  readonly counted: number;
  readonly ignored: {
    readonly receivedAfterAsOf: number;
    readonly closedBeforePeriod: number;
    readonly duplicates: number;
  };
  readonly withoutDueAt: number;
  readonly moreThanOneSupplement: number;
}

/** The summary as returned. @internal */
export interface SummaryShape {
  readonly total: StatsShape;
  readonly groups: readonly { readonly key: GroupKeyShape; readonly stats: StatsShape }[];
  readonly meta: MetaShape;
}

function toStats(c: Float64Array): StatsShape {
  return {
    received: { carriedOver: c[0]!, online: c[1]!, inPerson: c[2]!, postal: c[3]! },
    resolved: { early: c[4]!, onTime: c[5]!, late: c[6]! },
    pending: { withinDeadline: c[7]!, overdue: c[8]! },
    returnedByPost: c[9]!,
    withdrawn: c[10]!,
    returned: c[11]!,
  };
}

interface Group {
  readonly key: GroupKeyShape;
  readonly parts: readonly (string | null)[];
  readonly counts: Float64Array;
}

/**
 * The counts of an {@link Accumulator}, as plain data that `structuredClone` (a worker's message)
 * carries: another accumulator of the same options adds them with {@link Accumulator.absorb}.
 * Counting is order-free, so the counts of two parts of an input, added, are those of the whole.
 * @internal
 */
export interface AccumulatorState {
  readonly total: Float64Array;
  readonly groups: readonly { readonly parts: readonly (string | null)[]; readonly counts: Float64Array }[];
  /** records, receivedAfterAsOf, closedBeforePeriod, duplicates, withoutDueAt, moreThanOneSupplement. */
  readonly counters: readonly number[];
}

/**
 * The order of summary groups: part by part, text ascending, `null` (no unit, no procedure) last.
 * The SQL reader (rowsToDossierStats) sorts its groups with it too, so both give the same order.
 * @internal
 */
export function compareParts(a: readonly (string | null)[], b: readonly (string | null)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * The number a text id stands for when it is the way `String` writes a safe whole number
 * (`'12'`, `'0'`; not `'012'`, `'1e3'`, `'+1'`, `' 12'`), so that `'12'` and `12` are one id; else -1.
 */
function numericId(text: string): number {
  const n = text.length;
  if (n === 0 || n > 16) return -1;
  let v = text.charCodeAt(0) - 48;
  if (v >>> 0 > 9 || (v === 0 && n > 1)) return -1;
  for (let i = 1; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d >>> 0 > 9) return -1;
    v = v * 10 + d;
  }
  // Exact while safe; a larger value rounds to 2^53 or more, and no number id is that large.
  return v <= Number.MAX_SAFE_INTEGER ? v : -1;
}

/**
 * Reads, checks, classifies and counts records one at a time.
 * @internal
 */
export class Accumulator {
  protected readonly o: ResolvedOptions;
  protected readonly s: ScratchRecord = newScratch();
  private readonly c: Classified = newClassified();
  private readonly total = new Float64Array(SLOTS);
  private readonly tree = new Map<unknown, unknown>();
  private readonly groups: Group[] = [];
  /**
   * Ids seen, when duplicates are checked. Whole-number ids (`12`, and the text `'12'`: the same
   * dossier) below {@link BITMAP_IDS} are bits of a bitmap that grows as needed (at most 4 MiB);
   * larger ones are numbers in a set; other texts are themselves in a set. No string is built and
   * no object is kept per numeric id, so the collector has nothing to trace for them.
   */
  private bits: Uint32Array | null = null;
  private readonly numericIds = new Set<number>();
  private readonly textIds = new Set<string>();
  private readonly months = new Map<number, string>();
  private records = 0;
  private receivedAfterAsOf = 0;
  private closedBeforePeriod = 0;
  private duplicates = 0;
  private withoutDueAt = 0;
  private moreThanOneSupplement = 0;

  constructor(options: ResolvedOptions) {
    this.o = options;
  }

  /** Whether an id was seen before; records it otherwise. */
  private seenBefore(id: string | number): boolean {
    const n = typeof id === 'number' ? id : numericId(id);
    if (n >= 0 && n < BITMAP_IDS) {
      const word = n >>> 5;
      let bits = this.bits;
      if (bits === null || word >= bits.length) bits = this.growBits(word);
      const mask = 1 << (n & 31);
      if ((bits[word]! & mask) !== 0) return true;
      bits[word]! |= mask;
      return false;
    }
    const ids: Set<unknown> = n >= 0 ? this.numericIds : this.textIds;
    const size = ids.size;
    ids.add(n >= 0 ? n : id);
    return ids.size === size;
  }

  /** The bitmap, grown (doubling, from 1 024 words) to hold `word`. */
  private growBits(word: number): Uint32Array {
    const old = this.bits;
    let length = old === null ? 1024 : old.length;
    while (length <= word) length *= 2;
    const bits = new Uint32Array(length);
    if (old !== null) bits.set(old);
    this.bits = bits;
    return bits;
  }

  /**
   * Adds a record already read into `s` (as `readRecord` reads it, checks included), at position
   * `index`: the CSV byte reader of `cchc-index/node` reads the common rows straight into a scratch
   * record. Everything after the reading is `RecordAccumulator.add`'s.
   */
  addRead(s: ScratchRecord, index: number): void {
    const o = this.o;
    const c = this.c;
    this.records += 1;
    if (o.duplicates !== 2 && this.seenBefore(s.rec.id as string | number)) {
      if (o.duplicates === 0) {
        const id = s.rec.id;
        const key = typeof id === 'string' ? id : String(id);
        throw new CchcError('INVALID_INPUT', [
          {
            path: ['records', index, 'id'],
            message: `expected each dossier once, but the id ${JSON.stringify(key)} was already seen earlier in the input (a bad export?); pass duplicateIds: "first" to count the first occurrence only.`,
          },
        ]);
      }
      this.duplicates += 1;
      return;
    }
    classifyRead(s, o, c, 'records', index);
    if (c.received < 0) {
      if (c.reason === 'received-after-as-of') this.receivedAfterAsOf += 1;
      else this.closedBeforePeriod += 1;
      return;
    }
    if (c.noDue) this.withoutDueAt += 1;
    if (c.reason === 'more-than-one-supplement') this.moreThanOneSupplement += 1;
    const slot = OUTCOME_SLOT[c.outcome]!;
    const total = this.total;
    total[c.received]! += 1;
    total[slot]! += 1;
    if (c.byPost) total[9]! += 1;
    if (o.groupBy.length > 0) this.addToGroups(s, c, slot);
  }

  private monthOf(day: number): string {
    let m = this.months.get(day);
    if (m === undefined) {
      m = formatMonth(day);
      this.months.set(day, m);
    }
    return m;
  }

  private group(rec: Record<string, unknown>, month: string | null): Float64Array {
    // Nested maps keyed by the record's own strings (their hashes are cached by the engine), so
    // no key string is built per record.
    const dims = this.o.groupBy;
    let level: Map<unknown, unknown> = this.tree;
    const last = dims.length - 1;
    for (let i = 0; i < last; i++) {
      const k = this.keyOf(dims[i]!, rec, month);
      let next = level.get(k) as Map<unknown, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(k, next);
      }
      level = next;
    }
    const k = this.keyOf(dims[last]!, rec, month);
    let g = level.get(k) as Group | undefined;
    if (g === undefined) {
      const key: { unit?: string | null; procedure?: string | null; month?: string } = {};
      const parts: (string | null)[] = [];
      for (const dim of dims) {
        const value = this.keyOf(dim, rec, month);
        if (dim === 'month') key.month = value as string;
        else key[dim] = (value as string | undefined) ?? null;
        parts.push((value as string | undefined) ?? null);
      }
      g = { key, parts, counts: new Float64Array(SLOTS) };
      level.set(k, g);
      this.groups.push(g);
    }
    return g.counts;
  }

  private keyOf(dim: GroupDimension, rec: Record<string, unknown>, month: string | null): unknown {
    return dim === 'unit' ? rec.unit : dim === 'procedure' ? rec.procedureCode : month;
  }

  private addToGroups(s: ScratchRecord, c: Classified, slot: number): void {
    const byMonth = this.o.groupBy.includes('month');
    if (!byMonth) {
      const counts = this.group(s.rec, null);
      counts[c.received]! += 1;
      counts[slot]! += 1;
      if (c.byPost) counts[9]! += 1;
      return;
    }
    // Each count is dated by its own event: reception (carried over: the period's first month),
    // closing, or asOf for open dossiers.
    const receivedMonth =
      c.received === 0 ? this.o.firstMonth : this.monthOf(localDay(s.receivedMs, this.o.offset));
    const outcomeMonth = this.monthOf(c.outcomeDay);
    this.group(s.rec, receivedMonth)[c.received]! += 1;
    const counts = this.group(s.rec, outcomeMonth);
    counts[slot]! += 1;
    if (c.byPost) counts[9]! += 1;
  }

  /** The counts so far, as plain data (see {@link AccumulatorState}). */
  state(): AccumulatorState {
    return {
      total: this.total.slice(),
      groups: this.groups.map((g) => ({ parts: [...g.parts], counts: g.counts.slice() })),
      counters: [
        this.records,
        this.receivedAfterAsOf,
        this.closedBeforePeriod,
        this.duplicates,
        this.withoutDueAt,
        this.moreThanOneSupplement,
      ],
    };
  }

  /**
   * Adds the counts of another accumulator of the same options (its {@link Accumulator.state}):
   * afterwards this one holds the counts of both inputs. Ids are not compared: the caller makes
   * sure that the two inputs share no dossier.
   */
  absorb(state: AccumulatorState): void {
    const total = this.total;
    for (let i = 0; i < SLOTS; i++) total[i]! += state.total[i]!;
    const dims = this.o.groupBy;
    for (const g of state.groups) {
      // The group of the same parts, found (or made) the way a record finds it.
      const rec: Record<string, unknown> = {};
      let month: string | null = null;
      for (let i = 0; i < dims.length; i++) {
        const part = g.parts[i]!;
        if (dims[i] === 'month') month = part;
        else rec[dims[i] === 'unit' ? 'unit' : 'procedureCode'] = part ?? undefined;
      }
      const counts = this.group(rec, month);
      for (let i = 0; i < SLOTS; i++) counts[i]! += g.counts[i]!;
    }
    const [records, afterAsOf, beforePeriod, duplicates, withoutDueAt, moreThanOne] = state.counters;
    this.records += records!;
    this.receivedAfterAsOf += afterAsOf!;
    this.closedBeforePeriod += beforePeriod!;
    this.duplicates += duplicates!;
    this.withoutDueAt += withoutDueAt!;
    this.moreThanOneSupplement += moreThanOne!;
  }

  /** The summary so far. */
  result(): SummaryShape {
    const o = this.o;
    const groups = [...this.groups].sort((a, b) => compareParts(a.parts, b.parts));
    const ignored = this.receivedAfterAsOf + this.closedBeforePeriod + this.duplicates;
    return {
      total: toStats(this.total),
      groups: groups.map((g) => ({ key: g.key, stats: toStats(g.counts) })),
      meta: {
        period: { from: formatDay(o.fromDay), to: formatDay(o.toDay) },
        asOf: formatInstant(o.asOfMs, o.offset),
        records: this.records,
        counted: this.records - ignored,
        ignored: {
          receivedAfterAsOf: this.receivedAfterAsOf,
          closedBeforePeriod: this.closedBeforePeriod,
          duplicates: this.duplicates,
        },
        withoutDueAt: this.withoutDueAt,
        moreThanOneSupplement: this.moreThanOneSupplement,
      },
    };
  }
}
