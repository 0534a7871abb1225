/**
 * The day table the fast timestamp readers share (the summariser's `fastInstant` and the node
 * layer's CSV byte reader): day numbers of the first of each month and month lengths for
 * 1900–2199, so a date's day number is two array loads.
 * @internal
 * @module
 */
import { dayFromCivil } from '../../calendar/civil.js';

/** First year of the day table. @internal */
export const FIRST_YEAR = 1900;
/** Years in the day table (1900–2199). @internal */
export const YEARS = 300;

/** Day number of the first of each month, `(year - FIRST_YEAR) * 12 + month - 1`. @internal */
export const MONTH_START = new Int32Array(YEARS * 12);
/** Days in each month, same index. @internal */
export const MONTH_DAYS = new Uint8Array(YEARS * 12);
for (let y = 0; y < YEARS; y++) {
  for (let m = 0; m < 12; m++) {
    const start = dayFromCivil(FIRST_YEAR + y, m + 1, 1);
    const next = m === 11 ? dayFromCivil(FIRST_YEAR + y + 1, 1, 1) : dayFromCivil(FIRST_YEAR + y, m + 2, 1);
    MONTH_START[y * 12 + m] = start;
    MONTH_DAYS[y * 12 + m] = next - start;
  }
}
