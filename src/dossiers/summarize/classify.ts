/**
 * The classification rules, on a record already read into numbers. Allocation-free: writes into a
 * reused {@link Classified}.
 * @internal
 * @module
 */
import { CchcError } from '../../errors/CchcError.js';
import type { ResolvedOptions } from './options.js';
import { pathOf, type ScratchRecord } from './scratch.js';

/** Milliseconds in a day (a local constant: no cross-module binding on the hot path). */
const DAY_MS = 86_400_000;

// Local day numbers are written out below as `Math.floor((ms + shift) / DAY_MS)`, `shift` being
// the offset in milliseconds (timestamp.ts's `localDay`): an instant is not a small integer, so
// passing one to a call that is not inlined would box it, an allocation per record.

/** Received side: index of the column. @internal */
export const RECEIVED = { ignored: -1, carriedOver: 0, online: 1, inPerson: 2, postal: 3 } as const;

/** Outcome codes. @internal */
export const OUTCOME = {
  none: -1,
  early: 0,
  onTime: 1,
  late: 2,
  pendingWithinDeadline: 3,
  pendingOverdue: 4,
  withdrawn: 5,
  returned: 6,
} as const;

/** Why a dossier landed where it did. @internal */
export const REASONS = [
  'received-after-as-of',
  'closed-before-period',
  'finished-before-due-date',
  'finished-on-due-date',
  'finished-after-due-date',
  'open-within-deadline',
  'open-past-deadline',
  'more-than-one-supplement',
  'no-due-date',
  'withdrawn',
  'returned',
  'counted-as-on-time',
] as const;

/** A reason code. @internal */
export type Reason = (typeof REASONS)[number];

/** The result of classifying one record (reused). @internal */
export interface Classified {
  received: number;
  outcome: number;
  reason: Reason;
  /** Local day number the outcome is dated (closing day, or the asOf day when open). */
  outcomeDay: number;
  /** Whether the record's `returnedByPost` is counted. */
  byPost: boolean;
  /** Whether timeliness was decided without a due date. */
  noDue: boolean;
  /** Supplement requests made by the time the dossier closed (or asOf). */
  supplements: number;
  /** Total pause: days at date granularity, milliseconds at exact granularity. */
  pause: number;
  /** Due instant after the pause (`NaN` without a due date); at date granularity, the due day's start. */
  adjustedDueMs: number;
  /** The instant the dossier counts as ended: closing time, or asOf when open. */
  endMs: number;
}

/** A fresh result holder. @internal */
export function newClassified(): Classified {
  return {
    received: -1,
    outcome: -1,
    reason: 'no-due-date',
    outcomeDay: 0,
    byPost: false,
    noDue: false,
    supplements: 0,
    pause: 0,
    adjustedDueMs: Number.NaN,
    endMs: 0,
  };
}

/**
 * Timeliness of a dossier ending at `c.endMs` (closed) or open at `c.endMs` (= asOf). Writes
 * outcome, reason, supplements, pause, adjustedDueMs. The end is read from `c`, not passed: an
 * instant is not a small integer, so passing it to a call that is not inlined would box it.
 */
function timeliness(
  s: ScratchRecord,
  o: ResolvedOptions,
  closed: boolean,
  c: Classified,
  root: string,
  index?: number,
): void {
  const end = c.endMs;
  const shift = o.offset * 60_000;
  let count = 0;
  let pause = 0;
  for (let j = 0; j < s.supplementCount; j++) {
    const req = s.requestedMs[j]!;
    if (req > end) continue; // requested after the dossier ended or after asOf: not known / not relevant
    count += 1;
    if (!o.pause) continue;
    let until = s.completedMs[j]!;
    if (!(until <= end)) until = end; // still pending (NaN) or completed later: paused until the end
    const length = o.exact
      ? until - req
      : Math.floor((until + shift) / DAY_MS) - Math.floor((req + shift) / DAY_MS);
    if (length > 0) pause += length;
  }
  c.supplements = count;
  c.pause = pause;
  const due = s.dueMs;
  if (Number.isNaN(due)) {
    c.adjustedDueMs = Number.NaN;
  } else if (o.exact) {
    // A bare due date is the whole day: due at its last millisecond.
    c.adjustedDueMs = (s.dueDateOnly ? due + DAY_MS - 1 : due) + pause;
  } else {
    c.adjustedDueMs = (Math.floor((due + shift) / DAY_MS) + pause) * DAY_MS - shift;
  }
  if (count > 1 && o.multipleLate) {
    c.outcome = closed ? 2 : 4;
    c.reason = 'more-than-one-supplement';
    return;
  }
  if (Number.isNaN(due)) {
    if (o.missingDueError) {
      throw new CchcError('INVALID_INPUT', [
        {
          path: [...pathOf(root, index), 'dueAt'],
          message: 'is required with missingDueAt: "error": expected the due date (ngày hẹn trả).',
        },
      ]);
    }
    c.noDue = true;
    c.outcome = closed ? 1 : 3;
    c.reason = 'no-due-date';
    return;
  }
  const dueDay = Math.floor((c.adjustedDueMs + shift) / DAY_MS);
  if (closed) {
    const endDay = Math.floor((end + shift) / DAY_MS);
    if (endDay < dueDay) {
      c.outcome = 0;
      c.reason = 'finished-before-due-date';
    } else if (o.exact ? end <= c.adjustedDueMs : endDay === dueDay) {
      c.outcome = 1;
      c.reason = 'finished-on-due-date';
    } else {
      c.outcome = 2;
      c.reason = 'finished-after-due-date';
    }
  } else if (o.exact ? end <= c.adjustedDueMs : Math.floor((end + shift) / DAY_MS) <= dueDay) {
    c.outcome = 3;
    c.reason = 'open-within-deadline';
  } else {
    c.outcome = 4;
    c.reason = 'open-past-deadline';
  }
}

/**
 * Classifies a read record against the period and asOf.
 * @throws {@link CchcError} `INVALID_INPUT` when a due date is required and missing.
 * @internal
 */
export function classifyRead(
  s: ScratchRecord,
  o: ResolvedOptions,
  c: Classified,
  root: string,
  index?: number,
): void {
  c.byPost = false;
  c.noDue = false;
  c.supplements = 0;
  c.pause = 0;
  c.adjustedDueMs = Number.NaN;
  c.outcome = -1;
  const received = s.receivedMs;
  if (received > o.asOfMs) {
    c.received = -1;
    c.reason = 'received-after-as-of';
    c.endMs = o.asOfMs;
    return;
  }
  const finished = s.finishedMs;
  if (received < o.startMs) {
    if (finished < o.startMs) {
      c.received = -1;
      c.reason = 'closed-before-period';
      c.endMs = finished;
      return;
    }
    c.received = 0;
  } else {
    c.received = s.channel;
  }
  if (finished <= o.asOfMs) {
    // Closed within the period (on or before asOf).
    c.endMs = finished;
    c.outcomeDay = Math.floor((finished + o.offset * 60_000) / DAY_MS);
    c.byPost = s.returnedByPost;
    if (s.status === 1 || o.closedOther === 2) {
      timeliness(s, o, true, c, root, index);
    } else if (o.closedOther === 1) {
      c.outcome = 1;
      c.reason = 'counted-as-on-time';
    } else if (s.status === 2) {
      c.outcome = 5;
      c.reason = 'withdrawn';
    } else {
      c.outcome = 6;
      c.reason = 'returned';
    }
    return;
  }
  // Open at asOf (never closed, or closed after asOf).
  c.endMs = o.asOfMs;
  c.outcomeDay = o.asOfDay;
  timeliness(s, o, false, c, root, index);
}
