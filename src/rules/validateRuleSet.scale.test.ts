import { describe, expect, it } from 'vitest';
import { defineRuleSet, scoreUnit, validateRuleSet } from '../index.js';

// The scorer adds maxima, the total and the caps up as whole numbers of points × the rule set's
// scale (10^k, k ≤ 12). A maximum finer than that, or too large for a safe integer, used to make
// scoring throw "the result NaN is beyond the range of a JS number"; validateRuleSet now says so.

function ruleSet(over: Record<string, unknown>): Record<string, unknown> {
  return {
    id: 't',
    version: '1',
    legalBasis: 'test',
    level: 'xa',
    total: 1,
    children: [{ id: 'A', max: 1, assessor: 'self', rule: { kind: 'manual' } }],
    ...over,
  };
}

function issues(json: Record<string, unknown>) {
  const r = validateRuleSet(json);
  return r.ok ? [] : r.issues;
}

describe('validateRuleSet: maxima the scorer cannot carry exactly', () => {
  it('a deduction worth a third of a point written to 13 decimals', () => {
    expect(
      issues(
        ruleSet({
          deductions: {
            children: [
              {
                id: 'D',
                max: '0.3333333333333',
                assessor: 'self',
                rule: { kind: 'deduction', perOccurrence: 0.1 },
              },
            ],
          },
        }),
      ),
    ).toEqual([
      {
        path: ['deductions', 'children', 0, 'max'],
        message:
          'the maximum 0.3333333333333 has more decimals than points can be scored with exactly in this rule set: expected at most 12 decimal places.',
      },
    ]);
  });

  it('a total, a cap and a maximum too fine or too large', () => {
    const found = issues(
      ruleSet({
        total: '1.0000000000001',
        children: [
          { id: 'A', max: 1, assessor: 'self', rule: { kind: 'manual' } },
          { id: 'B', max: '0.0000000000001', assessor: 'self', rule: { kind: 'manual' } },
        ],
        bonus: {
          cap: '0.00000000000001',
          children: [{ id: 'T', max: 1, assessor: 'self', rule: { kind: 'yes-no' } }],
        },
      }),
    );
    expect(found.map((i) => i.path.join('.'))).toEqual(['children.1.max', 'total', 'bonus.cap']);
    expect(
      issues(
        ruleSet({
          total: 1e16,
          children: [{ id: 'A', max: 1e16, assessor: 'self', rule: { kind: 'manual' } }],
        }),
      ),
    ).toEqual([
      {
        path: ['children', 0, 'max'],
        message:
          'the maximum 10000000000000000 is too large to score exactly: expected at most 9007199254740991 points.',
      },
      {
        path: ['total'],
        message:
          'the total 10000000000000000 is too large to score exactly: expected at most 9007199254740991 points.',
      },
    ]);
  });

  it('a section without children is left to the schema; its cap is checked when the rest parses', () => {
    const found = issues(ruleSet({ bonus: { cap: '0.00000000000001' } }));
    expect(found.map((i) => i.path.join('.'))).toEqual(['bonus.children']);
  });

  it('maxima with up to 12 decimals on a small rule set still score, exactly', () => {
    const rs = defineRuleSet(
      ruleSet({
        total: 1,
        children: [
          { id: 'A', max: '0.333333333333', assessor: 'self', rule: { kind: 'manual' } },
          { id: 'B', max: '0.666666666667', assessor: 'self', rule: { kind: 'manual' } },
        ],
      }),
    );
    const r = scoreUnit(rs, {
      unit: { id: 'u' },
      period: '2025',
      entries: { A: { self: { value: '0.333333333333' } }, B: { self: { value: 0.5 } } },
    });
    expect(r.total).toMatchObject({ points: 0.833333333333, max: 1, percent: 83.3333333333 });
  });
});
