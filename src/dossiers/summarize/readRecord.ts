/**
 * Reading one dossier record on the hot path: a hand-written check that accepts only what
 * `DossierRecordSchema` accepts and, at the same time, turns the timestamps into instants. Anything
 * it does not accept goes to the zod schema, so error issues are always the schema's own.
 *
 * Timestamps in the shapes exports use go through a fast reader (integer arithmetic on char codes
 * and a table of day numbers); anything else goes to the general reader `parseTimestamp`. The fast
 * reader never decides that a value is bad: it returns exactly what `parseTimestamp` returns, or
 * declines (property tests in `fastPath.test.ts`).
 *
 * Everything the hot path calls lives in this module: a CommonJS build of the sources (tsx,
 * ts-node, jest) reads each imported name through a getter on every call, which cost a third of
 * the time of the timestamp reader when it sat in a module of its own.
 * @internal
 * @module
 */

import { CchcError, type CchcIssue } from '../../errors/CchcError.js';
import { issueFromZod, safeParse } from '../../errors/fromZod.js';
import { DossierRecordSchema } from '../DossierRecord.js';
import {
  FIRST_YEAR as FIRST_YEAR_,
  MONTH_DAYS as MONTH_DAYS_,
  MONTH_START as MONTH_START_,
  YEARS as YEARS_,
} from './dayTable.js';
import { newScratch, pathOf, type ScratchRecord } from './scratch.js';
import { parseTimestamp } from './timestamp.js';

export { newScratch, pathOf, type ScratchRecord };

/** Milliseconds in a day (a local constant: no cross-module binding on the hot path). */
const DAY_MS = 86_400_000;

/** The local day number of an instant (`localDay` of timestamp.ts, kept here for the hot path). */
function dayAt(ms: number, offset: number): number {
  return Math.floor((ms + offset * 60_000) / DAY_MS);
}

// Module-local bindings of the shared day table (dayTable.ts): read in the hot path, and tsx's
// CommonJS output would read an imported name through a getter at each use.
const FIRST_YEAR = FIRST_YEAR_;
const YEARS = YEARS_;
const MONTH_START = MONTH_START_;
const MONTH_DAYS = MONTH_DAYS_;

/** A digit at `i` as 0–9, or a value outside 0–9. */
function digit(text: string, i: number): number {
  return text.charCodeAt(i) - 48;
}

/** What {@link fastDay} returns when it declines (a small integer, below every day of its table). @internal */
export const NO_DAY = -(2 ** 30);

/**
 * The day number of `YYYY-MM-DD` at the start of `text` (at least 10 characters; years
 * 1900–2199), or {@link NO_DAY} when the text does not start with such a date (then the general
 * reader decides).
 * @internal
 */
export function fastDay(text: string): number {
  const y0 = digit(text, 0);
  const y1 = digit(text, 1);
  const y2 = digit(text, 2);
  const y3 = digit(text, 3);
  const m0 = digit(text, 5);
  const m1 = digit(text, 6);
  const d0 = digit(text, 8);
  const d1 = digit(text, 9);
  if (
    // `>>> 0` turns a negative difference into a large number: one comparison per digit.
    y0 >>> 0 > 9 ||
    y1 >>> 0 > 9 ||
    y2 >>> 0 > 9 ||
    y3 >>> 0 > 9 ||
    m0 >>> 0 > 9 ||
    m1 >>> 0 > 9 ||
    d0 >>> 0 > 9 ||
    d1 >>> 0 > 9 ||
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45
  ) {
    return NO_DAY;
  }
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3 - FIRST_YEAR;
  const m = m0 * 10 + m1 - 1;
  const d = d0 * 10 + d1;
  // Unsigned comparisons also reject years before the table and month 00.
  if (y >>> 0 >= YEARS || m >>> 0 >= 12) return NO_DAY;
  const at = y * 12 + m;
  if (d === 0 || d > MONTH_DAYS[at]!) return NO_DAY;
  return MONTH_START[at]! + d - 1;
}

/**
 * Where {@link fastInstant} leaves the instant it read. A typed array rather than a returned
 * number: epoch milliseconds do not fit a small integer, so a function that is not inlined would
 * box every one it returns (an allocation per timestamp).
 * @internal
 */
export const FAST_OUT = new Float64Array(1);

/**
 * Reads a timestamp in one of the common shapes into `FAST_OUT[0]` and returns `true`, or returns
 * `false` when it is not one of them: `YYYY-MM-DD`, `YYYY-MM-DD[T| ]HH:mm` and
 * `YYYY-MM-DD[T| ]HH:mm:ss`, each of the last two bare (local time in `offsetMinutes`), with `Z` or
 * with `±HH:mm`; and valid `Date`s. What it reads is always `parseTimestamp(value, offsetMinutes)`.
 * @internal
 */
export function fastInstant(value: unknown, offsetMinutes: number): boolean {
  if (typeof value !== 'string') {
    if (typeof value !== 'object' || !(value instanceof Date)) return false;
    const ms = value.getTime();
    FAST_OUT[0] = ms;
    return !Number.isNaN(ms);
  }
  const n = value.length;
  if (n < 10) return false;
  const days = fastDay(value);
  if (days === NO_DAY) return false;
  if (n === 10) {
    FAST_OUT[0] = days * 86_400_000 - offsetMinutes * 60_000;
    return true;
  }
  if (n < 16) return false;
  const sep = value.charCodeAt(10);
  if ((sep !== 32 && sep !== 84 && sep !== 116) || value.charCodeAt(13) !== 58) return false;
  const h0 = digit(value, 11);
  const h1 = digit(value, 12);
  const i0 = digit(value, 14);
  const i1 = digit(value, 15);
  if (h0 >>> 0 > 2 || h1 >>> 0 > 9 || i0 >>> 0 > 5 || i1 >>> 0 > 9) return false;
  const hour = h0 * 10 + h1;
  if (hour > 23) return false;
  const minute = i0 * 10 + i1;
  let second = 0;
  let i = 16;
  if (n > 16 && value.charCodeAt(16) === 58) {
    if (n < 19) return false;
    const s0 = digit(value, 17);
    const s1 = digit(value, 18);
    if (s0 >>> 0 > 5 || s1 >>> 0 > 9) return false;
    second = s0 * 10 + s1;
    i = 19;
  }
  let offset = offsetMinutes;
  if (i < n) {
    const c = value.charCodeAt(i);
    if (c === 90 && n === i + 1) {
      offset = 0;
    } else if ((c === 43 || c === 45) && n === i + 6 && value.charCodeAt(i + 3) === 58) {
      const a0 = digit(value, i + 1);
      const a1 = digit(value, i + 2);
      const b0 = digit(value, i + 4);
      const b1 = digit(value, i + 5);
      if (a0 >>> 0 > 1 || a1 >>> 0 > 9 || b0 >>> 0 > 5 || b1 >>> 0 > 9) return false;
      const oh = a0 * 10 + a1;
      if (oh > 14) return false;
      const om = oh * 60 + b0 * 10 + b1;
      offset = c === 45 ? -om : om;
    } else {
      // Fractions, `±HHmm`, `±HH`, `z` and anything malformed: the general reader decides.
      return false;
    }
  }
  FAST_OUT[0] = days * 86_400_000 + ((hour * 60 + minute - offset) * 60 + second) * 1000;
  return true;
}

/**
 * The instant of a timestamp in one of the common shapes (see {@link fastInstant}), or `NaN`
 * when it is not one of them. Equal to `parseTimestamp(value, offsetMinutes)` whenever not `NaN`.
 * @internal
 */
export function fastTimestamp(value: unknown, offsetMinutes: number): number {
  return fastInstant(value, offsetMinutes) ? FAST_OUT[0]! : Number.NaN;
}

/** Channel code (index of its received column), or -1. A switch, not a lookup object, so that keys like "toString" are not found. */
function channelCode(value: unknown): number {
  switch (value) {
    case 'online':
      return 1;
    case 'inPerson':
      return 2;
    case 'postal':
      return 3;
    default:
      return -1;
  }
}

/** Status code, or -1. */
function statusCode(value: unknown): number {
  switch (value) {
    case 'processing':
      return 0;
    case 'resolved':
      return 1;
    case 'withdrawn':
      return 2;
    case 'returned':
      return 3;
    case 'rejected':
      return 4;
    default:
      return -1;
  }
}

function isText(v: unknown): boolean {
  return v === undefined || (typeof v === 'string' && v.length > 0);
}

/**
 * The fast check. Returns `false` whenever it is not sure; never returns `true` for a record the
 * schema rejects.
 */
function readFast(value: unknown, offset: number, s: ScratchRecord): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const o = value as Record<string, unknown>;
  // Timestamps: the fast reader, else the general one (`NaN` when malformed); the instant is read
  // from FAST_OUT here, so that no boxed number is returned per timestamp.
  // One pass over the keys that rejects unknown ones and reads the values it meets: `o[key]` in a
  // `for…in` is a load by the enumeration's own field index, cheaper than a named load on records
  // of many shapes. Fields it did not meet (absent, or not enumerable) are read by name below, so
  // every value is exactly `o.<field>`.
  let id: unknown;
  let procedureCode: unknown;
  let unit: unknown;
  let level: unknown;
  let channelValue: unknown;
  let receivedAt: unknown;
  let dueAt: unknown;
  let finishedAt: unknown;
  let statusValue: unknown;
  let byPost: unknown;
  let sups: unknown;
  let seen = 0;
  for (const key in o) {
    switch (key.length) {
      case 2:
        if (key !== 'id') return false;
        id = o[key];
        seen |= 1;
        break;
      case 4:
        if (key !== 'unit') return false;
        unit = o[key];
        seen |= 2;
        break;
      case 5:
        if (key === 'dueAt') {
          dueAt = o[key];
          seen |= 4;
        } else if (key === 'level') {
          level = o[key];
          seen |= 8;
        } else return false;
        break;
      case 6:
        if (key !== 'status') return false;
        statusValue = o[key];
        seen |= 16;
        break;
      case 7:
        if (key !== 'channel') return false;
        channelValue = o[key];
        seen |= 32;
        break;
      case 10:
        if (key === 'receivedAt') {
          receivedAt = o[key];
          seen |= 64;
        } else if (key === 'finishedAt') {
          finishedAt = o[key];
          seen |= 128;
        } else return false;
        break;
      case 11:
        if (key !== 'supplements') return false;
        sups = o[key];
        seen |= 256;
        break;
      case 13:
        if (key !== 'procedureCode') return false;
        procedureCode = o[key];
        seen |= 512;
        break;
      case 14:
        if (key !== 'returnedByPost') return false;
        byPost = o[key];
        seen |= 1024;
        break;
      default:
        return false;
    }
  }
  if (seen !== 2047) {
    if ((seen & 1) === 0) id = o.id;
    if ((seen & 2) === 0) unit = o.unit;
    if ((seen & 4) === 0) dueAt = o.dueAt;
    if ((seen & 8) === 0) level = o.level;
    if ((seen & 16) === 0) statusValue = o.status;
    if ((seen & 32) === 0) channelValue = o.channel;
    if ((seen & 64) === 0) receivedAt = o.receivedAt;
    if ((seen & 128) === 0) finishedAt = o.finishedAt;
    if ((seen & 256) === 0) sups = o.supplements;
    if ((seen & 512) === 0) procedureCode = o.procedureCode;
    if ((seen & 1024) === 0) byPost = o.returnedByPost;
  }
  if (typeof id === 'string') {
    if (id.length === 0) return false;
  } else if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) {
    return false;
  }
  if (!isText(procedureCode) || !isText(unit) || !isText(level)) return false;
  const channel = channelCode(channelValue);
  const status = statusCode(statusValue);
  if (channel < 0 || status < 0) return false;
  const received = fastInstant(receivedAt, offset) ? FAST_OUT[0]! : parseTimestamp(receivedAt, offset);
  if (Number.isNaN(received)) return false;
  let due = Number.NaN;
  if (dueAt !== undefined) {
    due = fastInstant(dueAt, offset) ? FAST_OUT[0]! : parseTimestamp(dueAt, offset);
    if (Number.isNaN(due)) return false;
  }
  let finished = Number.NaN;
  if (finishedAt !== undefined) {
    finished = fastInstant(finishedAt, offset) ? FAST_OUT[0]! : parseTimestamp(finishedAt, offset);
    if (Number.isNaN(finished) || status === 0) return false;
  } else if (status !== 0) {
    return false;
  }
  if (byPost !== undefined && typeof byPost !== 'boolean') return false;
  let count = 0;
  if (sups !== undefined) {
    if (!Array.isArray(sups)) return false;
    count = sups.length;
    for (let j = 0; j < count; j++) {
      const sup = sups[j] as Record<string, unknown> | undefined;
      if (typeof sup !== 'object' || sup === null || Array.isArray(sup)) return false;
      for (const key in sup) if (key !== 'requestedAt' && key !== 'completedAt') return false;
      const requestedAt = sup.requestedAt;
      const req = fastInstant(requestedAt, offset) ? FAST_OUT[0]! : parseTimestamp(requestedAt, offset);
      if (Number.isNaN(req)) return false;
      let done = Number.NaN;
      const completedAt = sup.completedAt;
      if (completedAt !== undefined) {
        done = fastInstant(completedAt, offset) ? FAST_OUT[0]! : parseTimestamp(completedAt, offset);
        if (Number.isNaN(done)) return false;
      }
      s.requestedMs[j] = req;
      s.completedMs[j] = done;
    }
  }
  s.rec = o;
  s.channel = channel;
  s.status = status;
  s.receivedMs = received;
  s.receivedDateOnly = typeof receivedAt === 'string' && receivedAt.length === 10;
  s.dueMs = due;
  s.dueDateOnly = typeof dueAt === 'string' && dueAt.length === 10;
  s.finishedMs = finished;
  s.finishedDateOnly = typeof finishedAt === 'string' && finishedAt.length === 10;
  s.returnedByPost = byPost === true;
  s.supplementCount = count;
  return true;
}

function show(value: unknown): string {
  return value instanceof Date ? value.toISOString() : JSON.stringify(value);
}

/** `a` is not before `b`: exactly when both carry a time of day, by calendar day otherwise. */
function notBefore(a: number, aDateOnly: boolean, b: number, bDateOnly: boolean, offset: number): boolean {
  if (aDateOnly || bDateOnly) return dayAt(a, offset) >= dayAt(b, offset);
  return a >= b;
}

/**
 * Whether {@link orderIssues} finds nothing, without building anything: the same comparisons as
 * `notBefore`, written out so that no instant is passed to a call (an instant is not a small
 * integer: a call that is not inlined would box it).
 */
function inOrder(s: ScratchRecord, offset: number): boolean {
  const shift = offset * 60_000;
  const received = s.receivedMs;
  const receivedDateOnly = s.receivedDateOnly;
  const receivedDay = Math.floor((received + shift) / DAY_MS);
  const finished = s.finishedMs;
  if (
    !Number.isNaN(finished) &&
    (s.finishedDateOnly || receivedDateOnly
      ? Math.floor((finished + shift) / DAY_MS) < receivedDay
      : finished < received)
  ) {
    return false;
  }
  const due = s.dueMs;
  if (!Number.isNaN(due) && Math.floor((due + shift) / DAY_MS) < receivedDay) return false;
  const count = s.supplementCount;
  if (count === 0) return true;
  const sups = s.rec.supplements as Record<string, unknown>[];
  for (let j = 0; j < count; j++) {
    const sup = sups[j]!;
    const req = s.requestedMs[j]!;
    const requestedAt = sup.requestedAt;
    const reqDateOnly = typeof requestedAt === 'string' && requestedAt.length === 10;
    const reqDay = Math.floor((req + shift) / DAY_MS);
    if (reqDateOnly || receivedDateOnly ? reqDay < receivedDay : req < received) return false;
    const done = s.completedMs[j]!;
    if (!Number.isNaN(done)) {
      const completedAt = sup.completedAt;
      const doneDateOnly = typeof completedAt === 'string' && completedAt.length === 10;
      if (doneDateOnly || reqDateOnly ? Math.floor((done + shift) / DAY_MS) < reqDay : done < req) {
        return false;
      }
    }
  }
  return true;
}

function orderIssues(s: ScratchRecord, offset: number, prefix: readonly (string | number)[]): CchcIssue[] {
  const issues: CchcIssue[] = [];
  const o = s.rec;
  if (
    !Number.isNaN(s.finishedMs) &&
    !notBefore(s.finishedMs, s.finishedDateOnly, s.receivedMs, s.receivedDateOnly, offset)
  ) {
    issues.push({
      path: [...prefix, 'finishedAt'],
      message: `expected a time on or after receivedAt (${show(o.receivedAt)}), received ${show(o.finishedAt)}.`,
    });
  }
  if (!Number.isNaN(s.dueMs) && dayAt(s.dueMs, offset) < dayAt(s.receivedMs, offset)) {
    issues.push({
      path: [...prefix, 'dueAt'],
      message: `expected a due date on or after receivedAt (${show(o.receivedAt)}), received ${show(o.dueAt)}.`,
    });
  }
  const sups = o.supplements as Record<string, unknown>[] | undefined;
  for (let j = 0; j < s.supplementCount; j++) {
    const sup = sups![j]!;
    const req = s.requestedMs[j]!;
    const reqDateOnly = typeof sup.requestedAt === 'string' && sup.requestedAt.length === 10;
    if (!notBefore(req, reqDateOnly, s.receivedMs, s.receivedDateOnly, offset)) {
      issues.push({
        path: [...prefix, 'supplements', j, 'requestedAt'],
        message: `expected a time on or after receivedAt (${show(o.receivedAt)}), received ${show(sup.requestedAt)}.`,
      });
    }
    const done = s.completedMs[j]!;
    const doneDateOnly = typeof sup.completedAt === 'string' && sup.completedAt.length === 10;
    if (!Number.isNaN(done) && !notBefore(done, doneDateOnly, req, reqDateOnly, offset)) {
      issues.push({
        path: [...prefix, 'supplements', j, 'completedAt'],
        message: `expected a time on or after its requestedAt (${show(sup.requestedAt)}), received ${show(sup.completedAt)}.`,
      });
    }
  }
  return issues;
}

/**
 * Reads one record into `s`, or throws `INVALID_INPUT` with the schema's issues (paths prefixed
 * with the record's path, e.g. `['records', 12]`) and the order checks that need the offset.
 * @internal
 */
export function readRecord(
  value: unknown,
  offset: number,
  s: ScratchRecord,
  root: string,
  index?: number,
): void {
  if (!readFast(value, offset, s)) {
    const prefix = pathOf(root, index);
    const result = safeParse(DossierRecordSchema, value);
    if (!result.success) {
      const issues = result.error.issues.map((issue) => {
        const own = issueFromZod(issue, value);
        return { path: [...prefix, ...own.path], message: own.message };
      });
      throw new CchcError('INVALID_INPUT', issues, { cause: result.error });
    }
    // The schema accepted what the fast check doubted (e.g. inherited keys): read its clean output.
    if (!readFast(result.data, offset, s)) {
      throw new CchcError('INVALID_INPUT', [
        { path: prefix, message: 'could not read this dossier record.' },
      ]);
    }
    s.rec = result.data as Record<string, unknown>;
  }
  // Cheap pre-test, then a check without allocation; only a record out of order gets its issues
  // (and its path) built.
  if (
    (s.finishedMs < s.receivedMs || s.dueMs < s.receivedMs || s.supplementCount > 0) &&
    !inOrder(s, offset)
  ) {
    throw new CchcError('INVALID_INPUT', orderIssues(s, offset, pathOf(root, index)));
  }
}

/**
 * Whether the fast check accepts a value (for tests: it must never accept what the schema rejects).
 * @internal
 */
export function fastAccepts(value: unknown, offset: number): boolean {
  return readFast(value, offset, newScratch());
}
