/**
 * Reading one dossier record on the hot path: a hand-written check that accepts only what
 * `DossierRecordSchema` accepts and, at the same time, turns the timestamps into instants. Anything
 * it does not accept goes to the zod schema, so error issues are always the schema's own.
 * @internal
 * @module
 */
import { CchcError, type CchcIssue } from '../../errors/CchcError.js';
import { issueFromZod, safeParse } from '../../errors/fromZod.js';
import { DossierRecordSchema } from '../DossierRecord.js';
import { localDay, parseTimestamp } from './timestamp.js';

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

/** A record read into numbers; reused from one record to the next (no allocation per record). @internal */
export interface ScratchRecord {
  /** The record as given (for ids and grouping fields). */
  rec: Record<string, unknown>;
  channel: number;
  status: number;
  receivedMs: number;
  receivedDateOnly: boolean;
  /** `NaN` when absent. */
  dueMs: number;
  dueDateOnly: boolean;
  /** `NaN` when absent. */
  finishedMs: number;
  finishedDateOnly: boolean;
  returnedByPost: boolean;
  supplementCount: number;
  requestedMs: number[];
  completedMs: number[];
}

/** A fresh scratch record. @internal */
export function newScratch(): ScratchRecord {
  return {
    rec: {},
    channel: 0,
    status: 0,
    receivedMs: 0,
    receivedDateOnly: false,
    dueMs: Number.NaN,
    dueDateOnly: false,
    finishedMs: Number.NaN,
    finishedDateOnly: false,
    returnedByPost: false,
    supplementCount: 0,
    requestedMs: [],
    completedMs: [],
  };
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
  for (const key in o) {
    switch (key) {
      case 'id':
      case 'procedureCode':
      case 'unit':
      case 'level':
      case 'channel':
      case 'receivedAt':
      case 'dueAt':
      case 'finishedAt':
      case 'status':
      case 'returnedByPost':
      case 'supplements':
        break;
      default:
        return false;
    }
  }
  const id = o.id;
  if (typeof id === 'string') {
    if (id.length === 0) return false;
  } else if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) {
    return false;
  }
  if (!isText(o.procedureCode) || !isText(o.unit) || !isText(o.level)) return false;
  const channel = channelCode(o.channel);
  const status = statusCode(o.status);
  if (channel < 0 || status < 0) return false;
  const received = parseTimestamp(o.receivedAt, offset);
  if (Number.isNaN(received)) return false;
  let due = Number.NaN;
  if (o.dueAt !== undefined) {
    due = parseTimestamp(o.dueAt, offset);
    if (Number.isNaN(due)) return false;
  }
  let finished = Number.NaN;
  if (o.finishedAt !== undefined) {
    finished = parseTimestamp(o.finishedAt, offset);
    if (Number.isNaN(finished) || status === 0) return false;
  } else if (status !== 0) {
    return false;
  }
  const byPost = o.returnedByPost;
  if (byPost !== undefined && typeof byPost !== 'boolean') return false;
  const sups = o.supplements;
  let count = 0;
  if (sups !== undefined) {
    if (!Array.isArray(sups)) return false;
    count = sups.length;
    for (let j = 0; j < count; j++) {
      const sup = sups[j] as Record<string, unknown> | undefined;
      if (typeof sup !== 'object' || sup === null || Array.isArray(sup)) return false;
      for (const key in sup) if (key !== 'requestedAt' && key !== 'completedAt') return false;
      const req = parseTimestamp(sup.requestedAt, offset);
      if (Number.isNaN(req)) return false;
      let done = Number.NaN;
      if (sup.completedAt !== undefined) {
        done = parseTimestamp(sup.completedAt, offset);
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
  s.receivedDateOnly = typeof o.receivedAt === 'string' && o.receivedAt.length === 10;
  s.dueMs = due;
  s.dueDateOnly = typeof o.dueAt === 'string' && o.dueAt.length === 10;
  s.finishedMs = finished;
  s.finishedDateOnly = typeof o.finishedAt === 'string' && o.finishedAt.length === 10;
  s.returnedByPost = byPost === true;
  s.supplementCount = count;
  return true;
}

function show(value: unknown): string {
  return value instanceof Date ? value.toISOString() : JSON.stringify(value);
}

/** `a` is not before `b`: exactly when both carry a time of day, by calendar day otherwise. */
function notBefore(a: number, aDateOnly: boolean, b: number, bDateOnly: boolean, offset: number): boolean {
  if (aDateOnly || bDateOnly) return localDay(a, offset) >= localDay(b, offset);
  return a >= b;
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
  if (!Number.isNaN(s.dueMs) && localDay(s.dueMs, offset) < localDay(s.receivedMs, offset)) {
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

/** The path of a record: `['records', 12]`, or `['record']` for a single one. @internal */
export function pathOf(root: string, index?: number): (string | number)[] {
  return index === undefined ? [root] : [root, index];
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
  // Cheap pre-test: only a record that may be out of order gets the full order checks.
  if (s.finishedMs < s.receivedMs || s.dueMs < s.receivedMs || s.supplementCount > 0) {
    const issues = orderIssues(s, offset, pathOf(root, index));
    if (issues.length > 0) throw new CchcError('INVALID_INPUT', issues);
  }
}

/**
 * Whether the fast check accepts a value (for tests: it must never accept what the schema rejects).
 * @internal
 */
export function fastAccepts(value: unknown, offset: number): boolean {
  return readFast(value, offset, newScratch());
}
