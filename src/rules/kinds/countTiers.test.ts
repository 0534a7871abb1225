import { describe, expect, it } from 'vitest';
import { ruleProblems, scoreLeaf, valueProblems } from '../../../test/fixtures/rules/oneLeaf.js';

const MEETINGS = {
  kind: 'count-tiers',
  tiers: [
    { atLeast: 2, points: 10 },
    { atLeast: 4, points: 20, label: 'Đủ' },
    { atLeast: 3, points: 15 },
  ],
};

describe('count-tiers', () => {
  it.each([
    [1, 0, 'NO_TIER_MATCHED'], // just below the lowest tier
    [2, 10, 'COUNT_TIER_MATCHED'], // exactly on it
    [3, 15, 'COUNT_TIER_MATCHED'],
    [4, 20, 'COUNT_TIER_MATCHED'], // exactly on the top tier (tiers listed out of order)
    [5, 20, 'COUNT_TIER_MATCHED'], // above it
    ['3', 15, 'COUNT_TIER_MATCHED'], // a digit string
  ])('%s gives %s (%s)', (v, p, reason) => {
    expect(scoreLeaf(MEETINGS, 20, v)).toMatchObject({ points: p, reason, status: 'scored' });
  });

  it('explains a reached tier (with its label) and no tier, in vi and en', () => {
    expect(scoreLeaf(MEETINGS, 20, 4).explanation).toEqual({
      vi: 'Số lượng 4 đạt mức từ 4 trở lên (Đủ): 20/20 điểm',
      en: 'Count 4 reaches the tier of 4 or more (Đủ): 20/20 points',
    });
    expect(scoreLeaf(MEETINGS, 20, 0).explanation).toEqual({
      vi: 'Số lượng 0 chưa đạt mức nào: 0/20 điểm',
      en: 'Count 0 reaches no tier: 0/20 points',
    });
  });

  it('groups thousands the Vietnamese and the English way', () => {
    const rule = { kind: 'count-tiers', tiers: [{ atLeast: 1000, points: 1 }] };
    expect(scoreLeaf(rule, 1, 123456).explanation).toEqual({
      vi: 'Số lượng 123.456 đạt mức từ 1.000 trở lên: 1/1 điểm',
      en: 'Count 123,456 reaches the tier of 1,000 or more: 1/1 points',
    });
  });

  it('next step: the nearest higher count worth more', () => {
    expect(scoreLeaf(MEETINGS, 20, 0).next).toEqual({
      value: 2,
      comparison: 'at-least',
      points: 10,
      gain: 10,
      explanation: { vi: 'Cần đạt 2 để được thêm 10 điểm', en: 'Reach 2 to gain 10 points' },
    });
    expect(scoreLeaf(MEETINGS, 20, 3).next).toMatchObject({ value: 4, points: 20, gain: 5 });
  });

  it('a higher count worth fewer points is no next step', () => {
    const rule = {
      kind: 'count-tiers',
      tiers: [
        { atLeast: 2, points: 10 },
        { atLeast: 4, points: 5 },
      ],
    };
    expect(scoreLeaf(rule, 10, 2)).toMatchObject({ points: 10 });
    expect(scoreLeaf(rule, 10, 2).next).toBeUndefined();
    const top = scoreLeaf(rule, 10, 4);
    expect(top.points).toBe(5);
    expect(top).not.toHaveProperty('next');
  });

  it('explanations: false leaves the sentence out', () => {
    const n = scoreLeaf(MEETINGS, 20, 3, { explanations: false });
    expect(n.explanation).toBeUndefined();
    expect(n.points).toBe(15);
  });

  // -0 is the count 0 (negativeZero.test.ts).
  it.each([[-1], ['-3'], [-1e-300], [2.5], ['2.5'], ['-0.5'], ['x']])('rejects %s as a count', (v) => {
    expect(valueProblems(MEETINGS, 20, v)).toEqual([
      'entries.L.self.value: expected a whole number ≥ 0 (a count), or null when nothing arose. (rule "count-tiers")',
    ]);
  });

  it('validateRuleSet: duplicate counts and tiers worth more than the node', () => {
    expect(
      ruleProblems(
        {
          kind: 'count-tiers',
          tiers: [
            { atLeast: 3, points: 15 },
            { atLeast: 3, points: 25 },
          ],
        },
        20,
      ),
    ).toEqual([
      "children.0.rule.tiers.1.points: tier 2 gives 25 points, more than the node's maximum 20.",
      'children.0.rule.tiers.1.atLeast: tiers 1 and 2 both start at 3: expected each count once.',
    ]);
    expect(ruleProblems({ kind: 'count-tiers', tiers: [{ atLeast: 1, points: 20 }] }, 20)).toEqual([]);
  });

  it('validateRuleSet: malformed tiers give the schema issue only', () => {
    expect(ruleProblems({ kind: 'count-tiers', tiers: 5 })).toEqual([
      expect.stringMatching(/^children\.0\.rule\.tiers: /),
    ]);
    expect(ruleProblems({ kind: 'count-tiers', tiers: [null, { atLeast: 1, points: 1 }] })).toEqual([
      expect.stringMatching(/^children\.0\.rule\.tiers\.0: /),
    ]);
  });
});
