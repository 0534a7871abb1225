import { describe, expect, it } from 'vitest';
import { scoreLeaf } from '../../../test/fixtures/rules/oneLeaf.js';

const HIGHER = { kind: 'normalized-to-best' };
const LOWER = { kind: 'normalized-to-best', better: 'lower' };
const run = (rule: unknown, value: unknown, best: number | string | null | undefined, o = {}) =>
  scoreLeaf(rule, 40, value, { assessor: 'superior', ...(best === undefined ? {} : { best }), ...o });

describe('normalized-to-best, higher is better (max 40)', () => {
  it.each([
    [60, 60, 40], // exactly the best
    [59, 60, 39.333333333333336], // just below it
    [61, 60, 40], // above the best given: full, not more
    [30, 60, 20],
    [-1, 0, 0], // the best is 0: nothing to normalise against
    [-10, 20, 0], // a negative value never scores below 0
  ])('%s against best %s gives %s', (v, b, p) => {
    expect(run(HIGHER, v, b)).toMatchObject({ points: p, reason: 'NORMALIZED', status: 'scored' });
  });
  it('reads numeric strings exactly', () => {
    expect(run(HIGHER, '30', '60')).toMatchObject({ points: 20, measured: 30 });
  });
  it('rounds half-up when the rule says so', () => {
    expect(run({ ...HIGHER, roundPoints: 2 }, 1, 3).points).toBe(13.33);
    expect(run({ ...HIGHER, roundPoints: 1 }, 1, 32).points).toBe(1.3); // 1.25 → 1.3
  });
  it('explains against the best, in vi and en', () => {
    expect(run(HIGHER, 30, 60).explanation).toEqual({
      vi: 'Giá trị 30 so với giá trị tốt nhất 60: 20/40 điểm',
      en: 'Value 30 against the best value 60: 20/40 points',
    });
    expect(run({ ...HIGHER, display: 'percent' }, 0.5, 0.8).explanation).toEqual({
      vi: 'Tỷ lệ 50,00 % so với giá trị tốt nhất 80,00 %: 25/40 điểm',
      en: 'Rate 50.00% against the best value 80.00%: 25/40 points',
    });
    expect(run(HIGHER, 30, 60, { explanations: false })).not.toHaveProperty('explanation');
  });
});

describe('normalized-to-best, lower is better', () => {
  it.each([
    [2, 2, 40], // exactly the best
    [1, 2, 40], // better than the best given
    [4, 2, 20],
    [0, -1, 40], // 0 cannot be divided by: full points
    [4, -2, 0], // a negative best gives a negative ratio: 0
  ])('%s against best %s gives %s', (v, b, p) => {
    expect(run(LOWER, v, b)).toMatchObject({ points: p, reason: 'NORMALIZED' });
  });
});

describe('normalized-to-best without the cohort', () => {
  it('is pending, with or without a best of null', () => {
    for (const best of [undefined, null])
      expect(run(HIGHER, 30, best)).toMatchObject({
        status: 'pending',
        reason: 'NEEDS_COHORT',
        measured: 30,
      });
  });
  it('explains what it waits for', () => {
    expect(run(HIGHER, 30, undefined).explanation).toEqual({
      vi: 'Giá trị 30: chờ giá trị tốt nhất của các đơn vị để chuẩn hóa',
      en: 'Value 30: waiting for the best value of the cohort to normalise',
    });
    expect(run(HIGHER, 30, undefined, { explanations: false })).not.toHaveProperty('explanation');
  });
});
