/**
 * The practical limit of the dossier benchmark: one hand-written loop over the same records that
 * computes the same counts as summarizeDossiers with its defaults (date granularity, clock stopped
 * for supplements, more than one supplement is late, withdrawn and returned apart), written for the
 * shapes the generator produces (local 'YYYY-MM-DD' and 'YYYY-MM-DD HH:mm' text) and validating
 * nothing.
 * @module
 */
import type { DossierRecordInput } from '../../../src/dossiers/DossierRecord.js';

/** The counts compared across contenders: the 12 statistics and the meta counts. */
export interface Counts {
  carriedOver: number;
  online: number;
  inPerson: number;
  postal: number;
  early: number;
  onTime: number;
  late: number;
  withinDeadline: number;
  overdue: number;
  returnedByPost: number;
  withdrawn: number;
  returned: number;
  records: number;
  receivedAfterAsOf: number;
  closedBeforePeriod: number;
  withoutDueAt: number;
  moreThanOneSupplement: number;
}

/** All-zero counts. */
export function zeroCounts(): Counts {
  return {
    carriedOver: 0,
    online: 0,
    inPerson: 0,
    postal: 0,
    early: 0,
    onTime: 0,
    late: 0,
    withinDeadline: 0,
    overdue: 0,
    returnedByPost: 0,
    withdrawn: 0,
    returned: 0,
    records: 0,
    receivedAfterAsOf: 0,
    closedBeforePeriod: 0,
    withoutDueAt: 0,
    moreThanOneSupplement: 0,
  };
}

function day(s: string): number {
  const y =
    (s.charCodeAt(0) - 48) * 1000 +
    (s.charCodeAt(1) - 48) * 100 +
    (s.charCodeAt(2) - 48) * 10 +
    s.charCodeAt(3) -
    48;
  const m = (s.charCodeAt(5) - 48) * 10 + s.charCodeAt(6) - 48;
  const d = (s.charCodeAt(8) - 48) * 10 + s.charCodeAt(9) - 48;
  // days_from_civil (H. Hinnant)
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Local minutes since the epoch (the offset is the same for every record, so order is kept). */
function minutes(s: string): number {
  const base = day(s) * 1440;
  if (s.length === 10) return base;
  return (
    base +
    ((s.charCodeAt(11) - 48) * 10 + s.charCodeAt(12) - 48) * 60 +
    (s.charCodeAt(14) - 48) * 10 +
    s.charCodeAt(15) -
    48
  );
}

/** A running hand loop: add records one by one (array or stream), then read `c`. */
export class HandLoop {
  readonly c = zeroCounts();
  private readonly fromDay: number;
  private readonly toDay: number;
  private readonly asOf: number;
  private readonly start: number;
  constructor(period: { from: string; to: string }) {
    this.fromDay = day(period.from);
    this.toDay = day(period.to);
    this.start = this.fromDay * 1440;
    this.asOf = (this.toDay + 1) * 1440 - 1; // any minute of the last day is ≤ asOf
  }
  add(r: DossierRecordInput): void {
    const c = this.c;
    c.records++;
    const received = minutes(r.receivedAt as string);
    if (received > this.asOf) {
      c.receivedAfterAsOf++;
      return;
    }
    const finished = r.finishedAt === undefined ? Number.NaN : minutes(r.finishedAt as string);
    if (received < this.start) {
      if (finished < this.start) {
        c.closedBeforePeriod++;
        return;
      }
      c.carriedOver++;
    } else if (r.channel === 'online') c.online++;
    else if (r.channel === 'inPerson') c.inPerson++;
    else c.postal++;
    const closed = finished <= this.asOf;
    if (closed && r.returnedByPost === true) c.returnedByPost++;
    if (closed && r.status !== 'resolved') {
      if (r.status === 'withdrawn') c.withdrawn++;
      else c.returned++;
      return;
    }
    const end = closed ? finished : this.asOf;
    const endDay = Math.floor(end / 1440);
    let count = 0;
    let pause = 0;
    const sups = r.supplements;
    if (sups !== undefined) {
      for (let j = 0; j < sups.length; j++) {
        const s = sups[j]!;
        const req = minutes(s.requestedAt as string);
        if (req > end) continue;
        count++;
        let until = s.completedAt === undefined ? end : minutes(s.completedAt as string);
        if (until > end) until = end;
        const len = Math.floor(until / 1440) - Math.floor(req / 1440);
        if (len > 0) pause += len;
      }
    }
    if (count > 1) {
      c.moreThanOneSupplement++;
      if (closed) c.late++;
      else c.overdue++;
      return;
    }
    if (r.dueAt === undefined) {
      c.withoutDueAt++;
      if (closed) c.onTime++;
      else c.withinDeadline++;
      return;
    }
    const due = day(r.dueAt as string) + pause;
    if (closed) {
      if (endDay < due) c.early++;
      else if (endDay === due) c.onTime++;
      else c.late++;
    } else if (endDay <= due) c.withinDeadline++;
    else c.overdue++;
  }
}

/** The hand loop over an array. */
export function handLoop(
  records: readonly DossierRecordInput[],
  period: { from: string; to: string },
): Counts {
  const h = new HandLoop(period);
  for (let i = 0; i < records.length; i++) h.add(records[i]!);
  return h.c;
}
