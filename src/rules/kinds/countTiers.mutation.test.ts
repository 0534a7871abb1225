import { describe, expect, it } from 'vitest';
import { scoreLeaf } from '../../../test/fixtures/rules/oneLeaf.js';

// Cases for mutants of src/rules/kinds/countTiers.ts that survived the mutation run of
// src/rules/kinds (docs/mutation.md): a higher tier worth no more points is no next step (and the
// next step's comparison), and the thousands of a count in no tier in each language.

/** Meetings of the steering committee a year: 2 or more: 10 points; 4 or more: 10; 6 or more: 20. */
const MEETINGS = {
  kind: 'count-tiers',
  tiers: [
    { atLeast: 2, points: 10 },
    { atLeast: 4, points: 10 },
    { atLeast: 6, points: 20 },
  ],
};

describe('count-tiers: the next step', () => {
  it('a higher tier worth as much is skipped for the first tier worth more', () => {
    expect(scoreLeaf(MEETINGS, 20, 2).next).toStrictEqual({
      value: 6,
      comparison: 'at-least',
      points: 20,
      gain: 10,
      explanation: { vi: 'Cần đạt 6 để được thêm 10 điểm', en: 'Reach 6 to gain 10 points' },
    });
  });
});

describe('count-tiers: the sentences', () => {
  it('a count in no tier groups its thousands the Vietnamese and the English way', () => {
    const rule = { kind: 'count-tiers', tiers: [{ atLeast: 5000, points: 10 }] };
    expect(scoreLeaf(rule, 10, 1200).explanation).toStrictEqual({
      vi: 'Số lượng 1.200 chưa đạt mức nào: 0/10 điểm',
      en: 'Count 1,200 reaches no tier: 0/10 points',
    });
  });
});
