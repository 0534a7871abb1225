import { describe, expect, it } from 'vitest';
import { scoreLeaf } from '../../../test/fixtures/rules/oneLeaf.js';

// The figures of a rule's own points in its sentences, and English nouns after them: a rule's points
// per item or per occurrence are written with every decimal they have (rounding 0,001 to the rule
// set's two decimals would write "× 0 điểm"), a gain that rounds to 0 likewise, and English says
// "1 point", "1 item", "1 occurrence".

describe('per-item and deduction sentences write the rule’s own points exactly', () => {
  it.each([
    [
      'per-item, 0,001 a dossier',
      { kind: 'per-item', pointsPerItem: 0.001, cap: 2 },
      2,
      1500,
      {
        vi: '1.500 mục × 0,001 điểm = 1,5: 1,5/2 điểm',
        en: '1,500 items × 0.001 points = 1.5: 1.5/2 points',
      },
    ],
    [
      'deduction, 0,001 an occurrence',
      { kind: 'deduction', perOccurrence: 0.001 },
      2,
      1500,
      {
        vi: '1.500 lần × trừ 0,001 điểm: 0,5/2 điểm',
        en: '1,500 occurrences × 0.001 points off: 0.5/2 points',
      },
    ],
    [
      'deduction grade of 0,125',
      { kind: 'deduction', grades: [{ id: 'nhac-nho', label: 'Nhắc nhở', deduct: 0.125 }] },
      2,
      'nhac-nho',
      { vi: 'Nhắc nhở: trừ 0,125 điểm: 1,88/2 điểm', en: 'Nhắc nhở: 0.125 points off: 1.88/2 points' },
    ],
  ])('%s', (_, rule, max, value, explanation) => {
    expect(scoreLeaf(rule, max, value).explanation).toStrictEqual(explanation);
  });
});

describe('English nouns after 1 are singular', () => {
  it.each([
    [
      'one item of 1 point',
      { kind: 'per-item', pointsPerItem: 1 },
      3,
      1,
      { vi: '1 mục × 1 điểm = 1: 1/3 điểm', en: '1 item × 1 point = 1: 1/3 points' },
    ],
    [
      'one occurrence of 1 point',
      { kind: 'deduction', perOccurrence: 1 },
      3,
      1,
      { vi: '1 lần × trừ 1 điểm: 2/3 điểm', en: '1 occurrence × 1 point off: 2/3 points' },
    ],
    [
      'a grade of 1 point',
      { kind: 'deduction', grades: [{ id: 'nhac-nho', label: 'Nhắc nhở', deduct: 1 }] },
      2,
      'nhac-nho',
      { vi: 'Nhắc nhở: trừ 1 điểm: 1/2 điểm', en: 'Nhắc nhở: 1 point off: 1/2 points' },
    ],
    [
      'two items of 1 point, written "1.0"',
      { kind: 'per-item', pointsPerItem: '1.0' },
      3,
      2,
      { vi: '2 mục × 1 điểm = 2: 2/3 điểm', en: '2 items × 1 point = 2: 2/3 points' },
    ],
  ])('%s', (_, rule, max, value, explanation) => {
    expect(scoreLeaf(rule, max, value).explanation).toStrictEqual(explanation);
  });
});

describe('next steps', () => {
  it('a gain finer than the precision is written exactly, not as 0', () => {
    expect(
      scoreLeaf({ kind: 'per-item', pointsPerItem: 0.001, cap: 2 }, 2, 1500).next?.explanation,
    ).toStrictEqual({
      vi: 'Cần đạt 1.501 để được thêm 0,001 điểm',
      en: 'Reach 1,501 to gain 0.001 points',
    });
  });

  it.each([
    [1, 'Reach 2 to gain 1 point'],
    [0.5, 'Reach 2 to gain 0.5 points'],
  ])('a gain of %s: "%s"', (each, en) => {
    expect(scoreLeaf({ kind: 'per-item', pointsPerItem: each }, 3, 1).next?.explanation?.en).toBe(en);
  });
});
