import { describe, expect, it } from 'vitest';
import { civilFromDay, dayFromCivil } from './civil.js';

const DAY_MS = 86_400_000;

/** Year, month and day of a day number by the JavaScript `Date` in UTC, the independent reading. */
function byDate(dayNumber: number): [number, number, number] {
  const d = new Date(dayNumber * DAY_MS);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

describe('civil day numbers against Date, every day of 1999–2101', () => {
  const first = Date.UTC(1999, 0, 1) / DAY_MS;
  const last = Date.UTC(2101, 11, 31) / DAY_MS;

  it('civilFromDay reads each day as Date does (2000-02-29 ends a 400-year era, 2100 has no 29/2)', () => {
    const wrong: string[] = [];
    for (let n = first; n <= last; n += 1) {
      const ours = civilFromDay(n);
      const theirs = byDate(n);
      if (ours.join('-') !== theirs.join('-')) wrong.push(`${n}: ${ours.join('-')} ≠ ${theirs.join('-')}`);
    }
    expect(wrong).toEqual([]);
    expect(last - first + 1).toBe(37_620);
  });

  it('dayFromCivil is its inverse', () => {
    const wrong: number[] = [];
    for (let n = first; n <= last; n += 1) {
      const [y, m, d] = byDate(n);
      if (dayFromCivil(y, m, d) !== n) wrong.push(n);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    [[1970, 1, 1], 0],
    [[2000, 2, 29], 11_016],
    [[2000, 3, 1], 11_017],
    [[2100, 2, 28], 47_540],
    [[2100, 3, 1], 47_541],
  ] as const)('%j is day %i', ([y, m, d], n) => {
    expect(dayFromCivil(y, m, d)).toBe(n);
    expect(civilFromDay(n)).toEqual([y, m, d]);
  });
});
