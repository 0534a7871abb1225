import { describe, expect, it } from 'vitest';
import { ruleProblems, scoreLeaf } from '../../../test/fixtures/rules/oneLeaf.js';

// Cases for mutants of src/rules/kinds/perItem.ts that survived the mutation run of
// src/rules/kinds (docs/mutation.md): item ids that are not text, the status of the integer path
// without explanations, item counts in the thousands in the Vietnamese sentence, and a cap that is
// not whole at the rule set's scale while the points per item are.

describe('validateRuleSet on per-item: item ids that are not text', () => {
  it('two items with the same numeric id give the schema issues only, no duplicate-id issue', () => {
    const rule = {
      kind: 'per-item',
      items: [
        { id: 3, points: 1 },
        { id: 3, points: 1 },
      ],
    };
    expect(ruleProblems(rule, 2)).toStrictEqual([
      'children.0.rule.items.0.id: expected a string, received the number 3.',
      'children.0.rule.items.1.id: expected a string, received the number 3.',
    ]);
  });
});

describe('per-item without explanations ("mỗi ứng dụng 1 điểm, không quá 5")', () => {
  it('3 applications are scored 3 points, with the next application as the next step', () => {
    const node = scoreLeaf({ kind: 'per-item', pointsPerItem: 1, cap: 5 }, 5, 3, { explanations: false });
    expect(node).toMatchObject({ status: 'scored', reason: 'PER_ITEM', points: 3, measured: 3 });
    expect(node.next).toMatchObject({ value: 4, comparison: 'at-least', points: 4, gain: 1 });
    expect(node).not.toHaveProperty('explanation');
  });
});

describe('per-item: counts in the thousands, 0,01 points per dossier handled online', () => {
  it.each([
    [
      20,
      12.5,
      'PER_ITEM',
      '1.250 mục × 0,01 điểm = 12,5: 12,5/20 điểm',
      '1,250 items × 0.01 points = 12.5: 12.5/20 points',
    ],
    [
      5,
      5,
      'CAPPED',
      '1.250 mục × 0,01 điểm = 12,5, tối đa 5: 5/5 điểm',
      '1,250 items × 0.01 points = 12.5, capped at 5: 5/5 points',
    ],
  ])(
    '1 250 dossiers with a cap of %s give %s points (%s); the Vietnamese count groups thousands with a dot',
    (cap, points, reason, vi, en) => {
      expect(scoreLeaf({ kind: 'per-item', pointsPerItem: 0.01, cap }, cap, 1250)).toMatchObject({
        points,
        reason,
        measured: 1250,
        explanation: { vi, en },
      });
    },
  );
});

describe('per-item: a cap of a third of a point, finer than the scale (0,1 per item, max 1)', () => {
  // 0,1 per item is whole at the rule set's scale, the cap written to 20 decimals is not: the
  // count must then be compared with the cap exactly (the Decimal path), not with a missing
  // scaled cap.
  const rule = { kind: 'per-item', pointsPerItem: 0.1, cap: '0.33333333333333333333' };

  it.each([
    [2, 0.2, 0.3],
    [3, 0.3, 0.3333333333333333],
  ])('%s items are below the cap: %s points, and the next item reaches %s', (n, points, nextPoints) => {
    const node = scoreLeaf(rule, 1, n);
    expect(node).toMatchObject({ status: 'scored', reason: 'PER_ITEM', points });
    expect(node.next).toMatchObject({ value: n + 1, comparison: 'at-least', points: nextPoints });
  });

  it('4 items pass the cap: capped at the third, with no next step', () => {
    const node = scoreLeaf(rule, 1, 4);
    expect(node).toMatchObject({
      reason: 'CAPPED',
      points: 0.3333333333333333,
      explanation: { en: '4 items × 0.1 points = 0.4, capped at 0.33: 0.33/1 points' },
    });
    expect(node).not.toHaveProperty('next');
  });
});
