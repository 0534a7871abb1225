import { describe, expect, it } from 'vitest';
import { ruleProblems, scoreLeaf, valueProblems } from '../../../test/fixtures/rules/oneLeaf.js';

const PER = { kind: 'deduction', perOccurrence: 0.3 };
const GRADES = {
  kind: 'deduction',
  grades: [
    { id: 'nhe', deduct: 0.25 },
    { id: 'vua', label: 'Vi phạm vừa', deductPercent: 50 },
    { id: 'khong', deduct: 0 },
  ],
};

describe('deduction per occurrence (0,3 points off each, max 1)', () => {
  it.each([
    [0, 1, 'NO_DEDUCTION'],
    [3, 0.1, 'DEDUCTED'], // just above the floor
    [4, 0, 'FLOORED_AT_ZERO'], // past it: not below 0
    ['2', 0.4, 'DEDUCTED'], // a digit string
  ])('%s occurrences give %s (%s)', (v, p, reason) => {
    expect(scoreLeaf(PER, 1, v)).toMatchObject({ points: p, reason });
  });
  it('exactly reaching 0 is floored (max 1, 0,25 each, 4 times)', () => {
    expect(scoreLeaf({ kind: 'deduction', perOccurrence: 0.25 }, 1, 4)).toMatchObject({
      points: 0,
      reason: 'FLOORED_AT_ZERO',
    });
  });
  it('explains, saying when the floor applies', () => {
    expect(scoreLeaf(PER, 1, 0).explanation).toEqual({
      vi: '0 lần × trừ 0,3 điểm: 1/1 điểm',
      en: '0 occurrences × 0.3 points off: 1/1 points',
    });
    expect(scoreLeaf(PER, 1, 4).explanation).toEqual({
      vi: '4 lần × trừ 0,3 điểm, không dưới 0: 0/1 điểm',
      en: '4 occurrences × 0.3 points off, not below 0: 0/1 points',
    });
  });
  it('rejects what is not a count', () => {
    expect(valueProblems(PER, 1, 'x')).toEqual([
      'entries.L.self.value: expected a number of occurrences, received "x". (rule "deduction")',
    ]);
    expect(valueProblems(PER, 1, 1.5)).toEqual([
      'entries.L.self.value: expected a number of occurrences, received 1.5. (rule "deduction")',
    ]);
  });
});

describe('deduction by grade', () => {
  it.each([
    ['nhe', 2.75, 'DEDUCTED'],
    ['vua', 1.5, 'DEDUCTED'], // 50 % of max 3
    ['khong', 3, 'NO_DEDUCTION'],
  ])('%s gives %s of 3 (%s)', (v, p, reason) => {
    expect(scoreLeaf(GRADES, 3, v)).toMatchObject({ points: p, reason, measured: v });
  });
  it('names the grade by its label, else its id', () => {
    expect(scoreLeaf(GRADES, 3, 'vua').explanation).toEqual({
      vi: 'Vi phạm vừa: trừ 1,5 điểm: 1,5/3 điểm',
      en: 'Vi phạm vừa: 1.5 points off: 1.5/3 points',
    });
    expect(scoreLeaf(GRADES, 3, 'nhe').explanation).toEqual({
      vi: 'nhe: trừ 0,25 điểm: 2,75/3 điểm',
      en: 'nhe: 0.25 points off: 2.75/3 points',
    });
  });
  it('a grade-only rule takes no count; a mixed rule lists both forms', () => {
    expect(valueProblems(GRADES, 3, 2)).toEqual([
      'entries.L.self.value: expected a grade id ("nhe", "vua", "khong"), received 2. (rule "deduction")',
    ]);
    const mixed = { kind: 'deduction', perOccurrence: 0.25, grades: [{ id: 'nang', deductPercent: 100 }] };
    expect(valueProblems(mixed, 1, 'nhe')).toEqual([
      'entries.L.self.value: expected a number of occurrences or a grade id ("nang"), received "nhe". (rule "deduction")',
    ]);
    expect(scoreLeaf(mixed, 1, 'nang')).toMatchObject({ points: 0, reason: 'FLOORED_AT_ZERO' });
    expect(scoreLeaf(mixed, 1, 1)).toMatchObject({ points: 0.75, reason: 'DEDUCTED' });
  });
  it('explanations: false leaves the sentence out', () => {
    const n = scoreLeaf(GRADES, 3, 'nhe', { explanations: false });
    expect(n.points).toBe(2.75);
    expect(n).not.toHaveProperty('explanation');
  });
});

describe('validateRuleSet on deduction', () => {
  it('needs perOccurrence and/or grades, and perOccurrence > 0', () => {
    expect(ruleProblems({ kind: 'deduction' })).toEqual([
      'children.0.rule: expected "perOccurrence" (points off per occurrence) and/or "grades".',
    ]);
    expect(ruleProblems({ kind: 'deduction', perOccurrence: 0 })).toEqual([
      'children.0.rule.perOccurrence: expected points off per occurrence > 0.',
    ]);
  });
  it('each grade: a unique id, exactly one of deduct / deductPercent, a percentage up to 100', () => {
    expect(
      ruleProblems({
        kind: 'deduction',
        grades: [
          { id: 'a', deduct: 0.5 },
          { id: 'a', deductPercent: 100 },
          { id: 'b', deduct: 0.5, deductPercent: 10 },
          { id: 'c' },
          { id: 'd', deductPercent: 100.01 },
        ],
      }),
    ).toEqual([
      'children.0.rule.grades.1.id: duplicate grade id "a".',
      'children.0.rule.grades.2: expected exactly one of "deduct" or "deductPercent".',
      'children.0.rule.grades.3: expected exactly one of "deduct" or "deductPercent".',
      'children.0.rule.grades.4.deductPercent: expected a percentage from 0 to 100, received 100.01.',
    ]);
  });
  it('malformed grades give the schema issue only', () => {
    expect(ruleProblems({ kind: 'deduction', grades: 'x' })).toEqual([
      expect.stringMatching(/^children\.0\.rule\.grades: /),
    ]);
    expect(ruleProblems({ kind: 'deduction', grades: [null, { id: 5, deduct: 1 }] })).toEqual([
      expect.stringMatching(/^children\.0\.rule\.grades\.0: /),
      expect.stringMatching(/^children\.0\.rule\.grades\.1\.id: /),
    ]);
  });
});
