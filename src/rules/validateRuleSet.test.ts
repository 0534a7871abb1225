import { describe, expect, it } from 'vitest';
import example from '../../test/fixtures/rules/example-district.json' with { type: 'json' };
import { defineRuleSet } from './defineRuleSet.js';
import { ruleSetJsonSchema } from './ruleSetJsonSchema.js';
import { validateRuleSet } from './validateRuleSet.js';

const base = { id: 'x', version: '1', legalBasis: 'test', level: 'huyen' };

describe('validateRuleSet', () => {
  it('accepts the example district rule set', () => {
    const r = validateRuleSet(example);
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it('lists every problem at once, with paths', () => {
    const r = validateRuleSet({
      ...base,
      total: 100,
      bands: [
        { label: 'Khá', minPercent: 70 },
        { label: 'Tốt', minPercent: 80 },
        { label: 'Tốt', minPercent: 0 },
      ],
      children: [
        {
          id: '1',
          max: 10,
          assessor: 'self',
          children: [
            {
              id: '1.1',
              max: 2,
              rule: {
                kind: 'tiers',
                measure: 'plan.completion',
                tiers: [
                  { min: 0.9, points: 3 },
                  { min: 0.7, max: 0.9, maxInclusive: true, points: 1 },
                  { min: 0, max: 0.6, points: 0 },
                ],
              },
            },
            { id: '1.1', max: 1, rule: { kind: 'manual', step: 0.3 } },
            { id: '1.3', max: 1, rule: { kind: 'options', options: [{ id: 'a', points: 1.5 }] } },
            { id: '1.4', max: 'abc', rule: { kind: 'yes-no' } },
          ],
        },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'children.0.children.3.max', // schema: not a number
        'children.0.children.0.rule.tiers.0.points', // 3 > max 2
        'children.0.children.0.rule.tiers.0', // overlap at 0.9 (both inclusive)
        'children.0.children.0.rule.tiers.1', // gap between 0.6 and 0.7 (sorted: tier 3 then tier 2)
        'children.0.children.0.rule.measure', // unknown measure
        'children.0.children.1.id', // duplicate id
        'children.0.children.1.rule.step', // 0.3 does not divide 1
        'children.0.children.2.rule.options.0.points', // 1.5 > 1
        'bands.1.minPercent', // out of order
        'bands.2.label', // duplicate label
        'total', // 10 ≠ 100
      ]),
    );
    expect(r.issues.length).toBeGreaterThanOrEqual(11);
  });

  it('says which tiers overlap and which leave a gap', () => {
    const r = validateRuleSet({
      ...base,
      total: 2,
      children: [
        {
          id: '1',
          max: 2,
          assessor: 'self',
          rule: {
            kind: 'tiers',
            tiers: [
              { min: 0.9, points: 2 },
              { min: 0.7, max: 0.9, maxInclusive: true, points: 1 },
              { min: 0, max: 0.6, points: 0 },
            ],
          },
        },
      ],
    });
    expect(r.ok ? [] : r.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^tiers 3 and 2 leave a gap between 0.6 and 0.7/),
      expect.stringMatching(/^tiers 2 and 1 overlap at 0.9/),
    ]);
  });

  it('checks children maxima against the parent exactly in decimal (0.1 + 0.2 = 0.3)', () => {
    const ok = validateRuleSet({
      ...base,
      total: '0.3',
      children: [
        {
          id: '1',
          max: 0.3,
          assessor: 'self',
          children: [
            { id: '1.1', max: 0.1, rule: { kind: 'yes-no' } },
            { id: '1.2', max: 0.2, rule: { kind: 'yes-no' } },
          ],
        },
      ],
    });
    expect(ok.ok).toBe(true);
    const bad = validateRuleSet({
      ...base,
      total: 14.5,
      children: [
        {
          id: '1',
          max: 14.5,
          assessor: 'self',
          children: [{ id: '1.1', max: 14.25, rule: { kind: 'manual', step: 0.25 } }],
        },
      ],
    });
    expect(bad.ok ? [] : bad.issues).toEqual([
      { path: ['children', 0, 'max'], message: expect.stringMatching(/add up to 14.25/) },
    ]);
  });

  it('rejects negative caps, a leaf without assessor, a group with a rule and a rule on the wrong kind of measure', () => {
    const r = validateRuleSet({
      ...base,
      total: 1,
      children: [
        {
          id: '1',
          max: 1,
          rule: { kind: 'tiers', measure: 'plan.completionRate', basis: 'due', tiers: [{ points: 1 }] },
        },
      ],
      bonus: { cap: -1, children: [{ id: 'B', max: 1, assessor: 'superior', rule: { kind: 'manual' } }] },
    });
    const paths = r.ok ? [] : r.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['bonus.cap', 'children.0', 'children.0.rule.basis']));
  });

  it('warns about bands without a 0 % floor', () => {
    const r = validateRuleSet({
      ...base,
      total: 1,
      bands: [{ label: 'A', minPercent: 90 }],
      children: [{ id: '1', max: 1, assessor: 'self', rule: { kind: 'yes-no' } }],
    });
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.path)).toEqual([['bands']]);
  });

  it('rejects formula strings and non-objects', () => {
    expect(
      validateRuleSet({
        ...base,
        total: 1,
        children: [{ id: '1', max: 1, assessor: 'self', rule: { kind: 'formula', text: 'a/b' } }],
      }).ok,
    ).toBe(false);
    expect(validateRuleSet(null).ok).toBe(false);
  });
});

describe('defineRuleSet', () => {
  it('throws INVALID_RULE_SET with every issue', () => {
    try {
      defineRuleSet({
        ...base,
        total: 5,
        children: [{ id: '1', max: 1, assessor: 'self', rule: { kind: 'yes-no', yes: 2 } }],
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_RULE_SET' });
      expect((error as { issues: unknown[] }).issues).toHaveLength(2);
    }
  });
  it('deep-freezes a copy and leaves the input alone', () => {
    const input = structuredClone(example);
    const rs = defineRuleSet(input);
    expect(Object.isFrozen(rs.children[0]!.children![0]!.rule)).toBe(true);
    expect(Object.isFrozen(input)).toBe(false);
    expect(input).toEqual(example);
    expect(defineRuleSet(rs)).toBe(rs);
  });
});

describe('ruleSetJsonSchema', () => {
  it('describes the recursive input shape', () => {
    const s = ruleSetJsonSchema() as unknown as {
      $defs: Record<string, { properties: Record<string, unknown> }>;
      properties: Record<string, unknown>;
    };
    expect(s.properties.total).toEqual({ type: ['number', 'string'] });
    const node = Object.values(s.$defs)[0]!;
    expect(Object.keys(node.properties)).toEqual(expect.arrayContaining(['id', 'max', 'rule', 'children']));
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});
