/**
 * The running summary of records given as values: each is read and checked (`readRecord`, with
 * the record schema), then counted by the {@link Accumulator}. Apart from accumulate.ts so that
 * the counting alone (the CSV reader's helper threads) needs no schema.
 * @internal
 * @module
 */
import { Accumulator } from './accumulate.js';
import { readRecord as readRecordExport } from './readRecord.js';

// Bound once: a CommonJS build (tsx, ts-node, jest) reads an imported name through a getter at
// every call.
const readRecord = readRecordExport;

/** An {@link Accumulator} that reads and checks each record it is given. @internal */
export class RecordAccumulator extends Accumulator {
  /** Adds the record at position `index` of the input. */
  add(value: unknown, index: number): void {
    readRecord(value, this.o.offset, this.s, 'records', index);
    this.addRead(this.s, index);
  }
}
