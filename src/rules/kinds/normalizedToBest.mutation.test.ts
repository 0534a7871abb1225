import { describe, expect, it } from 'vitest';
import { ruleProblems, scoreLeaf } from '../../../test/fixtures/rules/oneLeaf.js';

// Cases for mutants of src/rules/kinds/normalizedToBest.ts that survived the mutation run
// (docs/mutation.md): `better: 'higher'` written out is a valid rule and scores like the default.

describe('normalized-to-best: better "higher" written out', () => {
  it('is accepted by validateRuleSet, and "best" is refused with both choices named', () => {
    expect(ruleProblems({ kind: 'normalized-to-best', better: 'higher' }, 40)).toStrictEqual([]);
    expect(ruleProblems({ kind: 'normalized-to-best', better: 'best' }, 40)).toStrictEqual([
      'children.0.rule.better: expected one of "higher", "lower", received the string "best".',
    ]);
  });

  it.each([
    [5, 8, 25],
    [8, 8, 40],
    [9, 8, 40],
  ])('value %s against the best value %s scores %s of 40, as without "better"', (value, best, points) => {
    const o = { assessor: 'superior' as const, best };
    const node = scoreLeaf({ kind: 'normalized-to-best', better: 'higher' }, 40, value, o);
    expect(node).toMatchObject({ points, status: 'scored', reason: 'NORMALIZED' });
    expect(node).toStrictEqual(scoreLeaf({ kind: 'normalized-to-best' }, 40, value, o));
  });
});
