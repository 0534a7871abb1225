import { describe, expect, it } from 'vitest';
import { scoreLeaf } from '../../../test/fixtures/rules/oneLeaf.js';

// A value given as a number or as the same decimal in a string must score alike: the engine may
// take an integer path for numbers and the exact Decimal path for strings.
const sameResult = (rule: unknown, max: number | string, n: number, explanations = true) => {
  const a = scoreLeaf(rule, max, n, { explanations });
  const b = scoreLeaf(rule, max, String(n), { explanations });
  expect(b).toEqual(a);
  return a;
};

describe('numbers and numeric strings score alike', () => {
  it.each([0, 0.25, 0.5, 0.79, 0.8, 0.95, 1.2])('proportional target 0.8, floor 0.5: %s', (v) => {
    for (const explanations of [true, false]) {
      sameResult({ kind: 'proportional', target: 0.8, floor: 0.5 }, 20, v, explanations);
      sameResult(
        { kind: 'proportional', target: 0.8, floor: 0.5, floorInclusive: false, roundPoints: 1 },
        20,
        v,
        explanations,
      );
    }
  });
  it.each([0, 1, 2, 3, 10])('per-item 0,4 each, cap 1: %s', (v) => {
    for (const explanations of [true, false])
      sameResult({ kind: 'per-item', pointsPerItem: 0.4, cap: 1 }, 2, v, explanations);
  });
  it.each([0, 1, 3, 4, 100])('deduction 0,3 each: %s', (v) => {
    for (const explanations of [true, false])
      sameResult({ kind: 'deduction', perOccurrence: 0.3 }, 1, v, explanations);
  });
});

describe('points finer than the scale and counts beyond exact scaled integers', () => {
  const TINY = '0.0000000000001'; // 13 decimals
  it('per-item with a tiny per-item value', () => {
    expect(scoreLeaf({ kind: 'per-item', pointsPerItem: TINY }, 1, 3)).toMatchObject({
      points: 3e-13,
      reason: 'PER_ITEM',
      next: { value: 4, gain: 1e-13 },
    });
    expect(
      scoreLeaf({ kind: 'per-item', pointsPerItem: TINY }, 1, 3, { explanations: false }),
    ).not.toHaveProperty('explanation');
  });
  it('per-item with the largest safe count is capped', () => {
    expect(scoreLeaf({ kind: 'per-item', pointsPerItem: 0.25 }, 5, Number.MAX_SAFE_INTEGER)).toMatchObject({
      points: 5,
      reason: 'CAPPED',
    });
  });
  it('deduction with a tiny per-occurrence value', () => {
    expect(scoreLeaf({ kind: 'deduction', perOccurrence: TINY }, 1, 2)).toMatchObject({
      points: 0.9999999999998,
      reason: 'DEDUCTED',
    });
    expect(scoreLeaf({ kind: 'deduction', perOccurrence: TINY }, 1, 0)).toMatchObject({
      points: 1,
      reason: 'NO_DEDUCTION',
    });
  });
  it('deduction with the largest safe count floors at 0', () => {
    const n = scoreLeaf({ kind: 'deduction', perOccurrence: 0.25 }, 1, Number.MAX_SAFE_INTEGER);
    expect(n).toMatchObject({ points: 0, reason: 'FLOORED_AT_ZERO' });
    expect(n.explanation?.en).toBe(
      '9,007,199,254,740,991 occurrences × 0.25 points off, not below 0: 0/1 points',
    );
  });
  it('deduction by a grade finer than the scale', () => {
    const rule = {
      kind: 'deduction',
      grades: [
        { id: 'g', deduct: TINY },
        { id: 'z', deduct: 0 },
        { id: 'all', deductPercent: 100 },
      ],
    };
    expect(scoreLeaf(rule, 1, 'g')).toMatchObject({ points: 0.9999999999999, reason: 'DEDUCTED' });
    expect(scoreLeaf(rule, 1, 'z')).toMatchObject({ points: 1, reason: 'NO_DEDUCTION' });
    expect(scoreLeaf(rule, 1, 'all', { explanations: false })).toMatchObject({
      points: 0,
      reason: 'FLOORED_AT_ZERO',
    });
  });
  it('proportional on a tiny target and a floor finer than doubles', () => {
    expect(scoreLeaf({ kind: 'proportional', target: TINY }, 1, 1e-13)).toMatchObject({
      points: 1,
      reason: 'CAPPED',
    });
    expect(scoreLeaf({ kind: 'proportional', floor: '0.50000000000000000001' }, 2, 0.5)).toMatchObject({
      points: 0,
      reason: 'BELOW_FLOOR',
    });
    expect(scoreLeaf({ kind: 'proportional', target: '0.3' }, 1, 0.1)).toMatchObject({
      points: 0.3333333333333333,
      reason: 'PROPORTIONAL',
    });
    expect(scoreLeaf({ kind: 'proportional', roundPoints: 9 }, '0.000000000001', 0.5)).toMatchObject({
      points: 0,
      reason: 'PROPORTIONAL',
    });
  });
  it('proportional on a target that no double reads exactly', () => {
    const n = scoreLeaf({ kind: 'proportional', target: '0.80000000000000000001' }, 20, 0.8);
    expect(n).toMatchObject({
      points: 20,
      reason: 'PROPORTIONAL',
      next: { value: 0.8, comparison: 'at-least' },
    });
    expect(scoreLeaf({ kind: 'proportional', target: '0.1234567890123456' }, 1, 1)).toMatchObject({
      reason: 'CAPPED',
    });
  });
});
