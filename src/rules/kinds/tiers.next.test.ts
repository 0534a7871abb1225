import { describe, expect, it } from 'vitest';
import { scoreLeaf } from '../../../test/fixtures/rules/oneLeaf.js';

// The next-step hint of a tiers leaf must not depend on whether the measured value came as a
// number or as a numeric string: a string with more digits than a double holds is compared and
// measured as its exact decimal, not as its nearest double.

/** Đắk Song's target "giải quyết sớm hạn và đúng hạn ≥ 95 %", scored 1 / 0,75 / 0,5. */
const ON_TIME = {
  kind: 'tiers',
  display: 'percent',
  tiers: [
    { min: 0.95, points: 1, label: 'Đạt' },
    { min: 0.9, max: 0.95, points: 0.75 },
    { min: 0, max: 0.9, points: 0.5 },
  ],
};

const TO_95 = {
  value: 0.95,
  comparison: 'at-least',
  points: 1,
  gain: 0.25,
  explanation: { vi: 'Cần đạt 95 % để được thêm 0,25 điểm', en: 'Reach 95% to gain 0.25 points' },
};

describe('tiers next step: numbers and high-precision strings agree', () => {
  it.each([
    [0.9499], // a number just below 95 %
    ['0.9499'],
    ['0.94999999999999999999'], // its nearest double is 0.95, the decimal is below it
  ])('%s is one 0,25 step short of 95 percent', (v) => {
    const node = scoreLeaf(ON_TIME, 1, v);
    expect(node).toMatchObject({ points: 0.75, reason: 'TIER_MATCHED' });
    expect(node.next).toEqual(TO_95);
  });

  it('a value just below 90 % (given beyond a double) is told to reach 90 %, not 95 %', () => {
    for (const v of [0.8999, '0.89999999999999999999']) {
      const node = scoreLeaf(ON_TIME, 1, v);
      expect(node.points).toBe(0.5);
      expect(node.next).toMatchObject({ value: 0.9, comparison: 'at-least', points: 0.75, gain: 0.25 });
      expect(node.next?.explanation.vi).toBe('Cần đạt 90 % để được thêm 0,25 điểm');
    }
  });

  it('from the top tier there is no next step, as a string or a number', () => {
    expect(scoreLeaf(ON_TIME, 1, '0.95')).not.toHaveProperty('next');
    expect(scoreLeaf(ON_TIME, 1, '0.95000000000000000001')).not.toHaveProperty('next');
    expect(scoreLeaf(ON_TIME, 1, 0.95)).not.toHaveProperty('next');
  });

  it('an upper bound: a late rate just above 5 % (beyond a double) must come down to 5 %', () => {
    const late = {
      kind: 'tiers',
      display: 'percent',
      tiers: [
        { max: 0.05, maxInclusive: true, points: 1 },
        { min: 0.05, minInclusive: false, points: 0 },
      ],
    };
    for (const v of [0.0501, '0.05000000000000000001']) {
      const node = scoreLeaf(late, 1, v);
      expect(node.points).toBe(0);
      expect(node.next).toEqual({
        value: 0.05,
        comparison: 'at-most',
        points: 1,
        gain: 1,
        explanation: {
          vi: 'Cần giảm xuống còn tối đa 5 % để được thêm 1 điểm',
          en: 'Bring it down to 5% or less to gain 1 point',
        },
      });
    }
    expect(scoreLeaf(late, 1, '0.05')).not.toHaveProperty('next');
  });

  it('two tiers equally far in decimals: the one worth more, whatever the float differences say', () => {
    // From 0.5, 0.8 and 0.2 are both 0.3 away as decimals; as doubles 0.8 − 0.5 is
    // 0.30000000000000004 and 0.5 − 0.2 is 0.3, which alone would pick the tier worth less.
    const rule = {
      kind: 'tiers',
      display: 'percent',
      tiers: [
        { max: 0.2, points: 1 },
        { min: 0.2, max: 0.8, points: 0 },
        { min: 0.8, points: 2 },
      ],
    };
    for (const v of [0.5, '0.5']) {
      expect(scoreLeaf(rule, 2, v).next).toMatchObject({
        value: 0.8,
        comparison: 'at-least',
        points: 2,
        gain: 2,
      });
    }
    // Not a tie: the nearer tier wins even when it is worth less.
    for (const v of [0.49, '0.49']) {
      expect(scoreLeaf(rule, 2, v).next).toMatchObject({ value: 0.2, comparison: 'less-than', points: 1 });
    }
  });

  it('explanations: false keeps the hint figures (for lost points) without the sentences', () => {
    const node = scoreLeaf(ON_TIME, 1, '0.94999999999999999999', { explanations: false });
    expect(node.next).toEqual({ ...TO_95, explanation: { vi: '', en: '' } });
  });
});
