import { describe, expect, it } from 'vitest';
import { ruleProblems, scoreLeaf, valueProblems } from '../../../test/fixtures/rules/oneLeaf.js';
import { scaledOf } from './manual.js';

// Cases for mutants of src/rules/kinds/manual.ts that survived the mutation run (docs/mutation.md):
// the integer fast path of the value check and of the points must hand every number that is not
// exactly a whole number of scaled units to the decimal path (a number one ulp off a step or off
// the maximum, more decimals than the rule set's scale, a step finer than that scale), the 2^49
// limit of `scaledOf`, and the step check of a leaf without a maximum.

/** 0,7 × 0,1 computed in JS: 0.06999999999999999, one ulp below 0,07 (× 10^12 it rounds to 7·10^10). */
const SEVEN_HUNDREDTHS_COMPUTED = 0.7 * 0.1;

describe('manual: a number that is not a whole number of scaled units is checked as the decimal it is', () => {
  it.each([
    [
      '0.7 × 0.1 on a 0,01 step (× scale it rounds onto the step)',
      { kind: 'manual', step: 0.01 },
      1,
      SEVEN_HUNDREDTHS_COMPUTED,
      'expected points in steps of 0.01, received 0.06999999999999999.',
    ],
    [
      'one ulp above the maximum 1,38 (× scale it rounds onto the maximum)',
      { kind: 'manual' },
      '1.38',
      1.3800000000000001,
      'expected points from 0 to 1.38, received 1.3800000000000001.',
    ],
    [
      'more decimals than the scale, above the maximum 1',
      { kind: 'manual' },
      1,
      1.0000000000001,
      'expected points from 0 to 1, received 1.0000000000001.',
    ],
    [
      'more decimals than the scale, off the 0,25 step',
      { kind: 'manual', step: 0.25 },
      1,
      0.2500000000001,
      'expected points in steps of 0.25, received 0.2500000000001.',
    ],
    [
      'a step (1,25·10⁻¹²) finer than the scale (10⁻¹²), one scaled unit entered',
      { kind: 'manual', step: '0.00000000000125' },
      1,
      0.000000000001,
      'expected points in steps of 0.00000000000125, received 0.000000000001.',
    ],
  ])('%s is rejected', (_, rule, max, value, message) => {
    expect(valueProblems(rule, max, value)).toStrictEqual([
      `entries.L.self.value: ${message} (rule "manual")`,
    ]);
  });

  it('a step finer than the scale still accepts its own multiples (2 × 1,25·10⁻¹²)', () => {
    expect(ruleProblems({ kind: 'manual', step: '0.00000000000125' })).toStrictEqual([]);
    expect(scoreLeaf({ kind: 'manual', step: '0.00000000000125' }, 1, 0.0000000000025)).toMatchObject({
      points: 0.0000000000025,
      status: 'scored',
    });
  });

  it('0.7 × 0.1 without a step scores its own value 0.06999999999999999, not 0,07', () => {
    const node = scoreLeaf({ kind: 'manual' }, 1, SEVEN_HUNDREDTHS_COMPUTED);
    expect(node).toMatchObject({
      points: 0.06999999999999999,
      selfPoints: 0.06999999999999999,
      measured: 0.06999999999999999,
      percent: 6.999999999999999,
      reason: 'MANUAL',
    });
  });
});

describe('manual: the limits of scaledOf and of the step check', () => {
  it.each([
    [2 ** 49, 2 ** 49],
    [-(2 ** 49), -(2 ** 49)],
    [2 ** 49 + 1, null],
    [-(2 ** 49) - 1, null],
  ])('scaledOf(%s, 1) is %s: 2^49 itself is within the limit, on both signs', (value, scaled) => {
    expect(scaledOf(value, 1)).toBe(scaled);
  });

  it('a leaf without a maximum reports the missing maximum, not a step that divides nothing', () => {
    expect(ruleProblems({ kind: 'manual', step: 0.3 }, 1, { node: { max: undefined } })).toStrictEqual([
      'children.0.max: a leaf needs its maximum points ("max").',
    ]);
  });
});
