import { describe, expect, it } from 'vitest';
import { ruleProblems, scoreLeaf, valueProblems } from '../../../test/fixtures/rules/oneLeaf.js';

describe('yes-no', () => {
  const rule = { kind: 'yes-no', yes: 0.75, no: 0.25 };
  it('explicit points for yes and no', () => {
    expect(scoreLeaf(rule, 1, true)).toMatchObject({ points: 0.75, reason: 'YES', measured: true });
    expect(scoreLeaf(rule, 1, false)).toMatchObject({ points: 0.25, reason: 'NO', measured: false });
  });
  it('explains with the default words', () => {
    expect(scoreLeaf(rule, 1, true).explanation).toEqual({ vi: 'Có: 0,75/1 điểm', en: 'Yes: 0.75/1 points' });
    expect(scoreLeaf(rule, 1, false).explanation).toEqual({
      vi: 'Không: 0,25/1 điểm',
      en: 'No: 0.25/1 points',
    });
  });
  it('explains with the labels of the rule', () => {
    const labelled = { kind: 'yes-no', yesLabel: 'Đạt yêu cầu', noLabel: 'Không đạt yêu cầu' };
    expect(scoreLeaf(labelled, 1, false).explanation).toEqual({
      vi: 'Không đạt yêu cầu: 0/1 điểm',
      en: 'No (“Không đạt yêu cầu”): 0/1 points',
    });
    expect(scoreLeaf(labelled, 1, true).explanation?.en).toBe('Yes (“Đạt yêu cầu”): 1/1 points');
  });
  it('explanations: false leaves the sentence out', () => {
    expect(scoreLeaf(rule, 1, true, { explanations: false })).not.toHaveProperty('explanation');
  });
  it('rejects a non-boolean', () => {
    expect(valueProblems(rule, 1, 'yes')).toEqual([
      'entries.L.self.value: expected true (yes) or false (no). (rule "yes-no")',
    ]);
  });
  it('validateRuleSet: yes and no within the maximum (on it is fine)', () => {
    expect(ruleProblems({ kind: 'yes-no', yes: 1, no: 1 })).toEqual([]);
    expect(ruleProblems({ kind: 'yes-no', yes: 1.5, no: 2 })).toEqual([
      `children.0.rule.yes: "yes" gives 1.5 points, more than the node's maximum 1.`,
      `children.0.rule.no: "no" gives 2 points, more than the node's maximum 1.`,
    ]);
  });
});
