/**
 * The scratch record the summariser reads each record into, and record paths: no dependency, so
 * that the CSV reader's helper threads load them without the record schema.
 * @internal
 * @module
 */

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

/** The path of a record: `['records', 12]`, or `['record']` for a single one. @internal */
export function pathOf(root: string, index?: number): (string | number)[] {
  return index === undefined ? [root] : [root, index];
}
