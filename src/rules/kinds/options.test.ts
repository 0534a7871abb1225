import { describe, expect, it } from 'vitest';
import { ruleProblems, scoreLeaf, valueProblems } from '../../../test/fixtures/rules/oneLeaf.js';

const RULE = {
  kind: 'options',
  options: [
    { id: 'kip-thoi', label: 'Ban hành kịp thời', points: 1 },
    { id: 'tot', percentOfMax: 100 },
    { id: 'kha', percentOfMax: 33.33 },
    { id: 'kem', percentOfMax: 0 },
  ],
};

describe('options', () => {
  it.each([
    ['kip-thoi', 1],
    ['tot', 3], // 100 % of max 3, the upper bound
    ['kha', 0.9999], // 33,33 % of 3, exactly
    ['kem', 0], // 0 %, the lower bound
  ])('%s gives %s of 3', (v, p) => {
    expect(scoreLeaf(RULE, 3, v)).toMatchObject({ points: p, reason: 'OPTION_CHOSEN', measured: v });
  });
  it('explains with the label, else the id', () => {
    expect(scoreLeaf(RULE, 3, 'kip-thoi').explanation).toEqual({
      vi: 'Ban hành kịp thời: 1/3 điểm',
      en: 'Option “Ban hành kịp thời”: 1/3 points',
    });
    expect(scoreLeaf(RULE, 3, 'tot').explanation).toEqual({
      vi: 'tot: 3/3 điểm',
      en: 'Option “tot”: 3/3 points',
    });
    expect(scoreLeaf(RULE, 3, 'tot', { explanations: false })).not.toHaveProperty('explanation');
  });
  it('rejects an unknown id and a non-string', () => {
    const ids = '"kip-thoi", "tot", "kha", "kem"';
    expect(valueProblems(RULE, 3, 'muon')).toEqual([
      `entries.L.self.value: expected one of the option ids ${ids}, received "muon". (rule "options")`,
    ]);
    expect(valueProblems(RULE, 3, 1)).toEqual([
      `entries.L.self.value: expected one of the option ids ${ids}, received number. (rule "options")`,
    ]);
  });
});

describe('validateRuleSet on options', () => {
  it('unique ids, exactly one of points / percentOfMax, within the maximum and 100 %', () => {
    expect(
      ruleProblems({
        kind: 'options',
        options: [
          { id: 'a', points: 1 },
          { id: 'a', points: 1.5 },
          { id: 'b', points: 1, percentOfMax: 50 },
          { id: 'c' },
          { id: 'd', percentOfMax: 100.5 },
        ],
      }),
    ).toEqual([
      'children.0.rule.options.1.id: duplicate option id "a".',
      `children.0.rule.options.1.points: option "a" gives 1.5 points, more than the node's maximum 1.`,
      'children.0.rule.options.2: expected exactly one of "points" or "percentOfMax".',
      'children.0.rule.options.3: expected exactly one of "points" or "percentOfMax".',
      'children.0.rule.options.4.percentOfMax: expected a percentage from 0 to 100, received 100.5.',
    ]);
  });
  it('an option without a usable id is named by its position', () => {
    expect(
      ruleProblems({
        kind: 'options',
        options: [
          { id: 'a', points: 0 },
          { id: 7, points: 2 },
        ],
      }),
    ).toEqual([
      expect.stringMatching(/^children\.0\.rule\.options\.1\.id: /),
      `children.0.rule.options.1.points: option 2 gives 2 points, more than the node's maximum 1.`,
    ]);
  });
  it('malformed options give the schema issue only', () => {
    expect(ruleProblems({ kind: 'options', options: {} })).toEqual([
      expect.stringMatching(/^children\.0\.rule\.options: /),
    ]);
    expect(ruleProblems({ kind: 'options', options: [null] })).toEqual([
      expect.stringMatching(/^children\.0\.rule\.options\.0: /),
    ]);
  });
});
