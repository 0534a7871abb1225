import { describe, expect, it } from 'vitest';
import { ruleProblems, scoreLeaf } from '../../../test/fixtures/rules/oneLeaf.js';

const R766 = { kind: 'proportional', display: 'percent', target: 0.8 };
const FLOOR = { kind: 'proportional', display: 'percent', floor: 0.5 };

describe('proportional: target, floor, cap', () => {
  it.each([
    [0.8, 20, 'CAPPED'], // exactly on the target
    ['0.79999999999999999999', 20, 'PROPORTIONAL'], // just below it: not full, though the nearest double is 20
    [0.8000001, 20, 'CAPPED'], // just above it
  ])('766 style %s gives %s (%s)', (v, p, reason) => {
    expect(scoreLeaf(R766, 20, v)).toMatchObject({ points: p, reason });
  });
  it.each([
    [{}, 0.5, 1, 'PROPORTIONAL'], // exactly on an inclusive floor: still scores
    [{}, '0.49999999999999999999', 0, 'BELOW_FLOOR'], // just below it
    [{ floorInclusive: false }, 0.5, 0, 'BELOW_FLOOR'], // exactly on an exclusive floor
    [{ floorInclusive: false }, 0.5000001, 1.0000002, 'PROPORTIONAL'], // just above it
  ])('floor 0.5 %o: %s gives %s (%s)', (extra, v, p, reason) => {
    expect(scoreLeaf({ ...FLOOR, ...extra }, 2, v)).toMatchObject({ points: p, reason });
  });
  it('a negative value without a floor scores 0', () => {
    expect(scoreLeaf({ kind: 'proportional' }, 2, -0.5)).toMatchObject({ points: 0, reason: 'PROPORTIONAL' });
  });
  it('explains each case in vi and en', () => {
    expect(scoreLeaf(FLOOR, 2, 0.4).explanation).toEqual({
      vi: 'Tỷ lệ 40,00 % dưới mức sàn 50 %: 0/2 điểm',
      en: 'Rate 40.00% is below the floor 50%: 0/2 points',
    });
    expect(scoreLeaf({ ...FLOOR, floorInclusive: false }, 2, 0.5).explanation).toEqual({
      vi: 'Tỷ lệ 50,00 % không vượt mức sàn 50 %: 0/2 điểm',
      en: 'Rate 50.00% is not above the floor 50%: 0/2 points',
    });
    expect(scoreLeaf(R766, 20, 0.85).explanation).toEqual({
      vi: 'Tỷ lệ 85,00 % đạt mức 80 %: 20/20 điểm (tối đa)',
      en: 'Rate 85.00% reaches 80%: 20/20 points (full points)',
    });
    expect(scoreLeaf(R766, 20, 0.4).explanation).toEqual({
      vi: 'Tỷ lệ 40,00 % so với mức 80 % (điểm tối đa × tỷ lệ ÷ mức): 10/20 điểm',
      en: 'Rate 40.00% against 80% (max × value ÷ target): 10/20 points',
    });
    expect(scoreLeaf({ ...R766, roundPoints: 2 }, 20, 0.33333).explanation).toEqual({
      vi: 'Tỷ lệ 33,33 % so với mức 80 % (điểm tối đa × tỷ lệ ÷ mức), làm tròn 2 chữ số: 8,33/20 điểm',
      en: 'Rate 33.33% against 80% (max × value ÷ target), rounded to 2 decimals: 8.33/20 points',
    });
    expect(scoreLeaf(R766, 20, 0.4, { explanations: false })).not.toHaveProperty('explanation');
  });
  it('the next step is the target', () => {
    expect(scoreLeaf(R766, 20, 0.4).next).toEqual({
      value: 0.8,
      comparison: 'at-least',
      points: 20,
      gain: 10,
      explanation: { vi: 'Cần đạt 80 % để được thêm 10 điểm', en: 'Reach 80% to gain 10 points' },
    });
    expect(scoreLeaf(R766, 20, 0.8)).not.toHaveProperty('next');
  });
  it('points rounded up to full points leave no next step', () => {
    const n = scoreLeaf({ kind: 'proportional', roundPoints: 0 }, 2, 0.999);
    expect(n).toMatchObject({ points: 2, reason: 'PROPORTIONAL' });
    expect(n).not.toHaveProperty('next');
  });
  it('validateRuleSet: a floor above the target (on it is fine)', () => {
    expect(ruleProblems({ kind: 'proportional', target: 0.8, floor: 0.9 })).toEqual([
      'children.0.rule.floor: the floor 0.9 is above the target 0.8: values from the target up to the floor would score 0 instead of full points; expected a floor at or below the target (rates as ratios, e.g. 0.5 for 50 %).',
    ]);
    expect(ruleProblems({ kind: 'proportional', target: 0.8, floor: 0.8 })).toEqual([]);
    expect(ruleProblems({ kind: 'proportional', target: 0.8, floor: '0.79999999999999999999' })).toEqual([]);
  });
});
