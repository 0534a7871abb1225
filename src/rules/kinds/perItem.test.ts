import { describe, expect, it } from 'vitest';
import { ruleProblems, scoreLeaf, valueProblems } from '../../../test/fixtures/rules/oneLeaf.js';
import { toDec } from '../../numeric/decimal.js';
import { checkPerItemValue, compilePerItem } from './perItem.js';

const PER = { kind: 'per-item', pointsPerItem: 0.4, cap: 1 };
const NAMED = {
  kind: 'per-item',
  items: [
    { id: 'dc', label: 'Trung tâm dữ liệu', points: 35 },
    { id: 'x', points: 30 },
  ],
};

describe('per-item: 0,4 per item, cap 1 (max 2)', () => {
  it.each([
    [0, 0, 'PER_ITEM'],
    [2, 0.8, 'PER_ITEM'], // below the cap
    [3, 1, 'CAPPED'], // 1.2 passes the cap
  ])('%s items give %s (%s)', (v, p, reason) => {
    expect(scoreLeaf(PER, 2, v)).toMatchObject({ points: p, reason });
  });
  it('exactly on the cap is not capped, and has no next step', () => {
    const n = scoreLeaf({ kind: 'per-item', pointsPerItem: 0.5, cap: 1 }, 2, 2);
    expect(n).toMatchObject({ points: 1, reason: 'PER_ITEM' });
    expect(n).not.toHaveProperty('next');
  });
  it('the next item, worth no more than the cap', () => {
    expect(scoreLeaf(PER, 2, 2).next).toEqual({
      value: 3,
      comparison: 'at-least',
      points: 1,
      gain: 0.2,
      explanation: { vi: 'Cần đạt 3 để được thêm 0,2 điểm', en: 'Reach 3 to gain 0.2 points' },
    });
  });
  it('items worth 0 points give no next step', () => {
    expect(scoreLeaf({ kind: 'per-item', pointsPerItem: 0 }, 1, 3)).not.toHaveProperty('next');
  });
  it('explains the count, and the cap when it applies', () => {
    expect(scoreLeaf(PER, 2, 2).explanation).toEqual({
      vi: '2 mục × 0,4 điểm = 0,8: 0,8/2 điểm',
      en: '2 items × 0.4 points = 0.8: 0.8/2 points',
    });
    expect(scoreLeaf(PER, 2, 3).explanation).toEqual({
      vi: '3 mục × 0,4 điểm = 1,2, tối đa 1: 1/2 điểm',
      en: '3 items × 0.4 points = 1.2, capped at 1: 1/2 points',
    });
    expect(scoreLeaf(PER, 2, 3, { explanations: false })).not.toHaveProperty('explanation');
  });
  it('rejects what is not a count', () => {
    expect(valueProblems(PER, 2, ['a'])).toEqual([
      'entries.L.self.value: expected a whole number ≥ 0 (a count), or null when nothing arose. (rule "per-item")',
    ]);
  });
});

describe('per-item: named items (max 60, the cap)', () => {
  it('lists the items by label, else id, and the cap', () => {
    expect(scoreLeaf(NAMED, 60, ['dc', 'x'])).toMatchObject({
      points: 60,
      reason: 'CAPPED',
      measured: ['dc', 'x'],
      explanation: {
        vi: 'Các mục: Trung tâm dữ liệu; x, tối đa 60: 60/60 điểm',
        en: 'Items: Trung tâm dữ liệu; x, capped at 60: 60/60 points',
      },
    });
  });
  it('no items', () => {
    expect(scoreLeaf(NAMED, 60, [])).toMatchObject({
      points: 0,
      reason: 'PER_ITEM',
      explanation: { vi: 'Không có mục nào: 0/60 điểm', en: 'No items: 0/60 points' },
    });
  });
  it('rejects a count, an unknown or non-text id, and a repeated id', () => {
    const p = (v: unknown) => valueProblems(NAMED, 60, v);
    expect(p(2)).toEqual(['entries.L.self.value: expected a list of item ids. (rule "per-item")']);
    expect(p(['dc', 'y'])).toEqual([
      'entries.L.self.value: expected item ids among "dc", "x", received "y". (rule "per-item")',
    ]);
    expect(p(['x', 'x'])).toEqual(['entries.L.self.value: item "x" is listed twice. (rule "per-item")']);
  });
});

describe('validateRuleSet on per-item', () => {
  it('exactly one of pointsPerItem or items; a cap within the maximum; unique item ids', () => {
    const both =
      'children.0.rule: expected exactly one of "pointsPerItem" (the value is a count) or "items" (the value lists item ids).';
    expect(ruleProblems({ kind: 'per-item' })).toEqual([both]);
    expect(ruleProblems({ kind: 'per-item', pointsPerItem: 1, items: [{ id: 'a', points: 1 }] })).toEqual([
      both,
    ]);
    expect(ruleProblems({ kind: 'per-item', pointsPerItem: 1, cap: 1.5 })).toEqual([
      `children.0.rule.cap: the cap gives 1.5 points, more than the node's maximum 1.`,
    ]);
    expect(ruleProblems({ kind: 'per-item', pointsPerItem: 1, cap: 1 })).toEqual([]);
    expect(
      ruleProblems({
        kind: 'per-item',
        items: [
          { id: 'a', points: 1 },
          { id: 'a', points: 1 },
        ],
      }),
    ).toEqual(['children.0.rule.items.1.id: duplicate item id "a".']);
  });
  it('malformed items give the schema issue only', () => {
    expect(ruleProblems({ kind: 'per-item', items: [null, { id: 3, points: 1 }] })).toEqual([
      expect.stringMatching(/^children\.0\.rule\.items\.0: /),
      expect.stringMatching(/^children\.0\.rule\.items\.1\.id: /),
    ]);
  });
});

describe('per-item internals', () => {
  it('a non-text id (which the assessment schema already rejects) is named in the message', () => {
    const c = compilePerItem(
      { kind: 'per-item', items: [{ id: 'dc', points: 35 }] },
      { max: toDec(60), maxScaled: 60, display: 'number' },
      1,
    );
    expect(checkPerItemValue([5], c)).toBe('expected item ids among "dc", received 5.');
    expect(checkPerItemValue(['dc'], c)).toBeNull();
  });
});
