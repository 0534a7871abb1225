import { describe, expect, it } from 'vitest';
import { scoreLeaf } from '../../../test/fixtures/rules/oneLeaf.js';
import { CchcError, defineRuleSet, validateRuleSet } from '../../index.js';

// A proportional rule scores max × value ÷ target, full points from the target up, 0 below the
// floor. A floor above the target (explicit, or the default 1) makes values that reach the target
// score 0; an exclusive floor on the target makes the target itself score 0. Both are errors.

/** The 766 processing-progress indicator: 20 points, full from 80 %. */
function ruleSet(rule: Record<string, unknown>): Record<string, unknown> {
  return {
    id: 'portal-766-like',
    version: '1',
    legalBasis: 'QĐ 766/QĐ-TTg (illustrative)',
    level: 'tinh',
    total: 20,
    children: [{ id: '2', name: 'Tiến độ giải quyết', max: 20, assessor: 'superior', rule }],
  };
}

function issues(rule: Record<string, unknown>) {
  const r = validateRuleSet(ruleSet(rule));
  return r.ok ? [] : r.issues;
}

describe('validateRuleSet: a proportional floor that blocks the target', () => {
  it('a floor written as a percentage (50) against the default target 1', () => {
    expect(issues({ kind: 'proportional', display: 'percent', floor: 50 })).toEqual([
      {
        path: ['children', 0, 'rule', 'floor'],
        message:
          'the floor 50 is above the default target 1 (100 %): values from the target up to the floor would score 0 instead of full points; expected a floor at or below the target (rates as ratios, e.g. 0.5 for 50 %).',
      },
    ]);
    // Just above the default target, as a string beyond a double: still above.
    expect(issues({ kind: 'proportional', floor: '1.00000000000000000001' })).toHaveLength(1);
    expect(issues({ kind: 'proportional', floor: 1 })).toEqual([]);
    expect(issues({ kind: 'proportional', floor: 0.5 })).toEqual([]);
  });

  it('an explicit target of 80 % below a floor of 90 %', () => {
    expect(issues({ kind: 'proportional', target: 0.8, floor: 0.9 }).map((i) => i.path)).toEqual([
      ['children', 0, 'rule', 'floor'],
    ]);
    expect(issues({ kind: 'proportional', target: '0.8', floor: '0.80000000000000000001' })).toHaveLength(1);
  });

  it('an exclusive floor on the target: the target itself would score 0', () => {
    expect(issues({ kind: 'proportional', target: 0.8, floor: 0.8, floorInclusive: false })).toEqual([
      {
        path: ['children', 0, 'rule', 'floorInclusive'],
        message:
          'the floor 0.8 is the target 0.8 and exclusive: a value exactly on the target would score 0 instead of full points; expected an inclusive floor or a floor below the target.',
      },
    ]);
    expect(issues({ kind: 'proportional', floor: 1, floorInclusive: false }).map((i) => i.path)).toEqual([
      ['children', 0, 'rule', 'floorInclusive'],
    ]);
    // Inclusive on the target (all or nothing), or exclusive below it: fine.
    expect(issues({ kind: 'proportional', target: 0.8, floor: 0.8, floorInclusive: true })).toEqual([]);
    expect(issues({ kind: 'proportional', target: 0.8, floor: 0.5, floorInclusive: false })).toEqual([]);
  });

  it('an inclusive floor on the target is all or nothing: 80 % scores full points, 79 % none', () => {
    const rule = { kind: 'proportional', target: 0.8, floor: 0.8 };
    expect(scoreLeaf(rule, 20, 0.8)).toMatchObject({ points: 20, reason: 'CAPPED' });
    expect(scoreLeaf(rule, 20, 0.79)).toMatchObject({ points: 0, reason: 'BELOW_FLOOR' });
  });

  it('defineRuleSet refuses it with INVALID_RULE_SET and the same issue', () => {
    let error: unknown;
    try {
      defineRuleSet(ruleSet({ kind: 'proportional', target: 0.8, floor: 0.9 }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CchcError);
    expect(error).toMatchObject({
      code: 'INVALID_RULE_SET',
      issues: [{ path: ['children', 0, 'rule', 'floor'] }],
    });
  });

  it('a bad target is left to the schema (one issue, not two)', () => {
    const found = issues({ kind: 'proportional', target: 'abc', floor: 0.5 });
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toEqual(['children', 0, 'rule', 'target']);
  });
});
