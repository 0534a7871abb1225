import { describe, expect, it } from 'vitest';
import { ruleProblems, scoreLeaf } from '../../../test/fixtures/rules/oneLeaf.js';

// Cases for mutants of src/rules/kinds that survived the first mutation run (docs/mutation.md):
// the order in which tier bounds are checked, the tie-break and the sentences of tiers, the
// decimal path of per-item (the integer path is tested in perItem.test.ts), the pending sentence
// of normalized-to-best.

/** Four contiguous tiers in ascending order: below 40 %, 40–70 %, 70–90 %, from 90 % up. */
const ASCENDING = [
  { max: 0.4, points: 0 },
  { min: 0.4, max: 0.7, points: 1 },
  { min: 0.7, max: 0.9, points: 2 },
  { min: 0.9, points: 3 },
];

/** Every order of a list. */
function permutations<T>(list: readonly T[]): T[][] {
  if (list.length <= 1) return [[...list]];
  return list.flatMap((item, i) =>
    permutations([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('tiers: bounds are checked in the order of their lower bounds, whatever order they are listed in', () => {
  it.each(permutations([0, 1, 2, 3]).map((order) => [order.join(' '), order]))(
    'contiguous tiers listed as %s have no problem',
    (_, order) => {
      const tiers = (order as number[]).map((i) => ASCENDING[i]!);
      expect(ruleProblems({ kind: 'tiers', tiers }, 3)).toStrictEqual([]);
    },
  );

  it.each(permutations([0, 1, 2]).map((order) => [order.join(' '), order]))(
    'one gap (0,7 to 0,8) listed as %s is the one problem',
    (_, order) => {
      const gapped = [
        { max: 0.4, points: 0 },
        { min: 0.4, max: 0.7, points: 1 },
        { min: 0.8, points: 2 },
      ];
      const tiers = (order as number[]).map((i) => gapped[i]!);
      const first = (order as number[]).indexOf(1) + 1;
      const second = (order as number[]).indexOf(2) + 1;
      expect(ruleProblems({ kind: 'tiers', tiers }, 2)).toStrictEqual([
        `children.0.rule.tiers.${second - 1}: tiers ${first} and ${second} leave a gap between 0.7 and 0.8: expected tier ${second} to start where tier ${first} ends, with exactly one of the two bounds inclusive.`,
      ]);
    },
  );

  it('tiers that share one inclusive bound overlap at that point, not over a range', () => {
    const tiers = [
      { min: 0, max: 0.5, maxInclusive: true, points: 0 },
      { min: 0.5, points: 1 },
    ];
    expect(ruleProblems({ kind: 'tiers', tiers })).toStrictEqual([
      'children.0.rule.tiers.1: tiers 1 and 2 overlap at 0.5: make one bound exclusive or move it.',
    ]);
  });
});

describe('tiers: the next step and the sentences', () => {
  it('of two tiers as far away and worth as much, the one listed first is the next step', () => {
    const tiers = [
      { max: 0.4, maxInclusive: true, points: 1 },
      { min: 0.4, minInclusive: false, max: 0.6, points: 0 },
      { min: 0.6, points: 1 },
    ];
    expect(scoreLeaf({ kind: 'tiers', tiers }, 1, 0.5).next).toMatchObject({
      value: 0.4,
      comparison: 'at-most',
    });
    const swapped = [tiers[2], tiers[1], tiers[0]];
    expect(scoreLeaf({ kind: 'tiers', tiers: swapped }, 1, 0.5).next).toMatchObject({
      value: 0.6,
      comparison: 'at-least',
    });
  });

  it('a value in no tier says so in both languages', () => {
    expect(scoreLeaf({ kind: 'tiers', tiers: [{ min: 0.5, points: 1 }] }, 1, 0.2).explanation).toStrictEqual({
      vi: 'Giá trị 0,2 không thuộc khoảng nào: 0/1 điểm',
      en: 'Value 0.2 is in no range: 0/1 points',
    });
  });
});

describe('per-item: the decimal path (points per item with more digits than a double holds)', () => {
  it('0,12345678901234567891 points an item, 2 items: the next item is worth as much again', () => {
    const node = scoreLeaf({ kind: 'per-item', pointsPerItem: '0.12345678901234567891', cap: 1 }, 2, 2);
    expect(node).toMatchObject({ points: 0.24691357802469135, reason: 'PER_ITEM' });
    expect(node.next).toStrictEqual({
      value: 3,
      comparison: 'at-least',
      points: 0.370370367037037,
      gain: 0.12345678901234568,
      explanation: { vi: 'Cần đạt 3 để được thêm 0,12 điểm', en: 'Reach 3 to gain 0.12 points' },
    });
  });
});

describe('normalized-to-best: waiting for the cohort', () => {
  it('without the best value of the cohort the leaf is pending, and says why in both languages', () => {
    const node = scoreLeaf({ kind: 'normalized-to-best' }, 40, 5, { assessor: 'superior', best: null });
    expect(node).toMatchObject({ status: 'pending', reason: 'NEEDS_COHORT' });
    expect(node.explanation).toStrictEqual({
      vi: 'Giá trị 5: chờ giá trị tốt nhất của các đơn vị để chuẩn hóa',
      en: 'Value 5: waiting for the best value of the cohort to normalise',
    });
  });
});
