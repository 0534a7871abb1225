import { describe, expect, it } from 'vitest';
import { scoreLeaf } from '../../../test/fixtures/rules/oneLeaf.js';
import { toDec } from '../../numeric/decimal.js';
import { compileDeduction, evaluateDeduction } from './deduction.js';
import { compileTiers, evaluateTiers } from './tiers.js';

// The integer paths of the rule kinds give way to the Decimal path when a quantity is not a safe
// integer at the rule set's scale. These cases sit exactly on those hand-overs.

describe('deduction: points off that are not whole at the scale leave the integer path', () => {
  // A third of a point written out to 13 decimals: finer than the scale 10^12, so 0,1111111111111
  // off per occurrence has no whole scaled value; the maximum (1) has. The Decimal path decides.
  const rule = { kind: 'deduction', perOccurrence: '0.0833333333333' };
  it.each([
    [0, 1, 'NO_DEDUCTION'],
    [1, 0.9166666666667, 'DEDUCTED'],
    [6, 0.5000000000002, 'DEDUCTED'],
    [12, 0.0000000000004, 'DEDUCTED'], // twelve twelfths, each rounded down, leave a sliver
    [13, 0, 'FLOORED_AT_ZERO'],
  ])('%s occurrences of 0,0833333333333 off 1 point leave %s', (n, points, reason) => {
    const node = scoreLeaf(rule, 1, n);
    expect(node).toMatchObject({ points, reason, max: 1 });
    expect(scoreLeaf(rule, 1, String(n))).toEqual(node); // the digit string agrees
  });

  it('a maximum that is not whole at the scale (compiled directly; validateRuleSet rejects it)', () => {
    // A rule set with such a maximum is refused (validateRuleSet.scale.test.ts), so only a direct
    // compile reaches this: the guard keeps the evaluator exact rather than wrong.
    const THIRD = toDec('0.3333333333333');
    const c = compileDeduction(
      { kind: 'deduction', perOccurrence: '0.1111111111111', grades: [{ id: 'vua', deductPercent: 50 }] },
      { max: THIRD, maxScaled: null, display: 'number' },
      1e12,
    );
    const env = { scale: 1e12, pointDecimals: 13, percentDecimals: 2, explain: true };
    expect(c.full.scaled).toBeNull();
    const one = evaluateDeduction(c, 1, env);
    expect(one).toMatchObject({ reason: 'DEDUCTED', points: { scaled: null } });
    expect(one.points?.dec?.toString()).toBe('0.2222222222222');
    const two = evaluateDeduction(c, 2, env);
    expect(two.reason).toBe('DEDUCTED');
    expect(two.points?.dec?.toString()).toBe('0.1111111111111');
    expect(two.explanation?.vi).toBe(
      '2 lần × trừ 0,1111111111111 điểm: 0,1111111111111/0,3333333333333 điểm',
    );
    expect(evaluateDeduction(c, 3, env)).toMatchObject({ reason: 'FLOORED_AT_ZERO', points: { scaled: 0 } });
    expect(evaluateDeduction(c, 'vua', env).points?.dec?.toString()).toBe('0.16666666666665');
  });
});

describe('proportional with rounded points: a divisor beyond 2^53 leaves the integer path', () => {
  // Target 95 % (Đắk Song's on-time target), 1 point rounded half-up to whole points, on a rule
  // set whose scale is 10^12: the divisor 10^2 × 95 × 10^12 = 9.5e15 is above 2^53, so the
  // rounding is done in Decimals.
  const rule = { kind: 'proportional', display: 'percent', target: 0.95, roundPoints: 0 };
  it.each([
    [0.57, 1], // 0,6 rounds up
    [0.47, 0], // 0,4947… rounds down
    [0.475, 1], // exactly 0,5: half-up
    [0.9, 1], // 0,947… rounds up to full points, though below the target
  ])('%s of a 95 percent target gives %s', (v, points) => {
    const node = scoreLeaf(rule, 1, v);
    expect(node).toMatchObject({ points, reason: 'PROPORTIONAL' });
    expect(scoreLeaf(rule, 1, String(v))).toEqual(node);
  });
});

describe('tiers: a tier worth more that already holds a string value is no next step', () => {
  it('overlapping tiers (rejected by validateRuleSet), evaluated directly', () => {
    const c = compileTiers(
      {
        kind: 'tiers',
        tiers: [
          { min: 0, max: 1, points: 1 },
          { min: 0.5, points: 2 },
        ],
      },
      { max: toDec(2), maxScaled: 2, display: 'number' },
      1,
    );
    const env = { scale: 1, pointDecimals: 2, percentDecimals: 2, explain: false };
    for (const v of [0.6, '0.6', '0.60000000000000000001']) {
      const out = evaluateTiers(c, v, env);
      expect(out).toMatchObject({ points: { scaled: 1 }, reason: 'TIER_MATCHED' });
      expect(out.next).toBeUndefined();
    }
  });
});
