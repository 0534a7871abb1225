import { describe, expect, it } from 'vitest';
import { ruleProblems, scoreLeaf } from '../../../test/fixtures/rules/oneLeaf.js';
import { toDec } from '../../numeric/decimal.js';
import { compileDeduction, evaluateDeduction } from './deduction.js';

// Cases for mutants of src/rules/kinds/deduction.ts that survived the mutation run of
// src/rules/kinds (docs/mutation.md): grade ids that are not text, occurrence counts in the
// thousands in the Vietnamese sentence, and the integer path's guard on a maximum that is not
// whole at the scale while the points off are.

describe('validateRuleSet on deduction: grade ids that are not text', () => {
  it('two grades with the same numeric id give the schema issues only, no duplicate-id issue', () => {
    const rule = {
      kind: 'deduction',
      grades: [
        { id: 5, deduct: 0.5 },
        { id: 5, deductPercent: 50 },
      ],
    };
    expect(ruleProblems(rule, 1)).toStrictEqual([
      'children.0.rule.grades.0.id: expected a string, received the number 5.',
      'children.0.rule.grades.1.id: expected a string, received the number 5.',
    ]);
  });
});

describe('deduction: counts in the thousands, 0,01 off per late dossier (max 15)', () => {
  it.each([
    [
      1250,
      2.5,
      'DEDUCTED',
      '1.250 lần × trừ 0,01 điểm: 2,5/15 điểm',
      '1,250 occurrences × 0.01 points off: 2.5/15 points',
    ],
    [
      2000,
      0,
      'FLOORED_AT_ZERO',
      '2.000 lần × trừ 0,01 điểm, không dưới 0: 0/15 điểm',
      '2,000 occurrences × 0.01 points off, not below 0: 0/15 points',
    ],
  ])(
    '%s late dossiers leave %s points (%s); the Vietnamese count groups thousands with a dot',
    (late, points, reason, vi, en) => {
      expect(scoreLeaf({ kind: 'deduction', perOccurrence: 0.01 }, 15, late)).toMatchObject({
        points,
        reason,
        measured: late,
        explanation: { vi, en },
      });
    },
  );
});

describe('deduction: a maximum that is not whole at the scale (compiled directly; validateRuleSet rejects it)', () => {
  // A third of a point to 13 decimals has no whole value at the scale 10^12, but 0,1 off per
  // occurrence and a grade taking 0,25 off have: the points left must still come from the
  // Decimal path, not from subtracting whole scaled points off from a missing scaled maximum.
  const THIRD = toDec('0.3333333333333');
  const c = compileDeduction(
    { kind: 'deduction', perOccurrence: 0.1, grades: [{ id: 'nhe', label: 'Vi phạm nhẹ', deduct: 0.25 }] },
    { max: THIRD, maxScaled: null, display: 'number' },
    1e12,
  );
  const env = { scale: 1e12, pointDecimals: 13, percentDecimals: 2, explain: true };

  it('the points off are whole at the scale, the maximum is not', () => {
    expect(c.perScaled).toBe(1e11);
    expect(c.full.scaled).toBeNull();
  });

  it.each([
    [1, '0.2333333333333', 'DEDUCTED'],
    [3, '0.0333333333333', 'DEDUCTED'],
    ['nhe', '0.0833333333333', 'DEDUCTED'],
  ])('%s leaves exactly %s of the third (%s)', (value, left, reason) => {
    const out = evaluateDeduction(c, value, env);
    expect(out).toMatchObject({ status: 'scored', reason, measured: value, points: { scaled: null } });
    expect(out.points?.dec?.toString()).toBe(left);
  });

  it('4 occurrences (0,4 off) are floored at 0, and the sentence says so', () => {
    expect(evaluateDeduction(c, 4, env)).toMatchObject({
      reason: 'FLOORED_AT_ZERO',
      points: { scaled: 0 },
      explanation: {
        vi: '4 lần × trừ 0,1 điểm, không dưới 0: 0/0,3333333333333 điểm',
        en: '4 occurrences × 0.1 points off, not below 0: 0/0.3333333333333 points',
      },
    });
  });
});
