import { describe, expect, it } from 'vitest';
import { defineRuleSet, type NodeScore, scoreUnit, validateRuleSet } from '../../index.js';
import { toDec } from '../../numeric/decimal.js';
import { compileTiers, evaluateTiers } from './tiers.js';

/** Scores one leaf `L` holding `rule` and returns its node. */
function leaf(
  rule: Record<string, unknown>,
  max: number,
  value: unknown,
  options: { explanations?: boolean } = {},
): NodeScore {
  const rs = defineRuleSet({
    id: 't',
    version: '1',
    legalBasis: 'test',
    level: 'xa',
    total: max,
    children: [{ id: 'L', max, assessor: 'self', rule }],
  });
  return scoreUnit(
    rs,
    { unit: { id: 'u' }, period: '2025', entries: { L: { self: { value } } } } as never,
    options,
  ).nodes[0]!;
}

/** The issues of a one-leaf rule set with `rule`, as `path: message`. */
function problems(rule: unknown, max = 2): string[] {
  const r = validateRuleSet({
    id: 't',
    version: '1',
    legalBasis: 'test',
    level: 'xa',
    total: max,
    children: [{ id: 'L', max, assessor: 'self', rule }],
  });
  return r.ok ? [] : r.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const CA_MAU = {
  kind: 'tiers',
  display: 'percent',
  tiers: [
    { min: 0.9, minInclusive: false, points: 2, label: 'Tốt' },
    { min: 0.7, max: 0.9, maxInclusive: true, points: 1 },
    { min: 0, max: 0.7, points: 0 },
  ],
};

describe('tiers: bounds read exactly from numeric strings (beyond doubles)', () => {
  it.each([
    ['0.90000000000000000001', 2], // just above the exclusive lower bound of tier 1
    ['0.9', 1], // exactly on it: tier 2's inclusive upper bound
    ['0.7', 1], // exactly on tier 2's inclusive lower bound
    ['0.69999999999999999999', 0], // just below it
    ['0', 0],
  ])('%s gives %s points', (v, p) => {
    expect(leaf(CA_MAU, 2, v)).toMatchObject({ points: p, reason: 'TIER_MATCHED' });
  });
  it('an exclusive upper bound excludes its own value (string path)', () => {
    const rule = { kind: 'tiers', tiers: [{ min: 0, max: 1, points: 1 }] };
    expect(leaf(rule, 1, '0.99999999999999999999')).toMatchObject({ points: 1, reason: 'TIER_MATCHED' });
    expect(leaf(rule, 1, '1')).toMatchObject({ points: 0, reason: 'NO_TIER_MATCHED' });
  });
});

describe('tiers: explanations name the range in vi and en', () => {
  const one = (tier: Record<string, unknown>, value: unknown, display = 'percent') =>
    leaf({ kind: 'tiers', display, tiers: [tier] }, 1, value).explanation;
  it('label of the tier in brackets', () => {
    expect(leaf(CA_MAU, 2, 0.95).explanation).toEqual({
      vi: 'Tỷ lệ 95,00 % thuộc khoảng trên 90 % (Tốt): 2/2 điểm',
      en: 'Rate 95.00% is in the range over 90% (Tốt): 2/2 points',
    });
  });
  it('both bounds inclusive', () => {
    expect(one({ min: 0.7, max: 0.9, maxInclusive: true, points: 1 }, 0.8)).toEqual({
      vi: 'Tỷ lệ 80,00 % thuộc khoảng từ 70 % đến 90 %: 1/1 điểm',
      en: 'Rate 80.00% is in the range from 70% to 90%: 1/1 points',
    });
  });
  it('both bounds exclusive', () => {
    expect(one({ min: 0.7, minInclusive: false, max: 0.9, points: 1 }, 0.8)).toEqual({
      vi: 'Tỷ lệ 80,00 % thuộc khoảng trên 70 % đến dưới 90 %: 1/1 điểm',
      en: 'Rate 80.00% is in the range over 70% to under 90%: 1/1 points',
    });
  });
  it('only an inclusive lower bound', () => {
    expect(one({ min: 0.9, points: 1 }, 0.9)).toEqual({
      vi: 'Tỷ lệ 90,00 % thuộc khoảng từ 90 % trở lên: 1/1 điểm',
      en: 'Rate 90.00% is in the range 90% or more: 1/1 points',
    });
  });
  it('only an inclusive upper bound', () => {
    expect(one({ max: 0.02, maxInclusive: true, points: 1 }, 0.02)).toEqual({
      vi: 'Tỷ lệ 2,00 % thuộc khoảng không quá 2 %: 1/1 điểm',
      en: 'Rate 2.00% is in the range at most 2%: 1/1 points',
    });
  });
  it('only an exclusive upper bound', () => {
    expect(one({ max: 0.02, points: 1 }, 0.015)).toEqual({
      vi: 'Tỷ lệ 1,50 % thuộc khoảng dưới 2 %: 1/1 điểm',
      en: 'Rate 1.50% is in the range under 2%: 1/1 points',
    });
  });
  it('no bounds, plain numbers', () => {
    expect(one({ points: 1 }, 1234.5, 'number')).toEqual({
      vi: 'Giá trị 1.234,5 thuộc khoảng mọi giá trị: 1/1 điểm',
      en: 'Value 1,234.5 is in the range any value: 1/1 points',
    });
  });
  it('a value in no range', () => {
    expect(leaf(CA_MAU, 2, -0.1).explanation).toEqual({
      vi: 'Tỷ lệ -10,00 % không thuộc khoảng nào: 0/2 điểm',
      en: 'Rate -10.00% is in no range: 0/2 points',
    });
  });
  it('explanations: false leaves the sentences out but keeps the next step', () => {
    const n = leaf(CA_MAU, 2, 0.8, { explanations: false });
    expect(n.explanation).toBeUndefined();
    expect(n.next).toEqual({
      value: 0.9,
      comparison: 'more-than',
      points: 2,
      gain: 1,
      explanation: { vi: '', en: '' },
    });
  });
});

describe('tiers: the next step', () => {
  it('reach an inclusive lower bound', () => {
    expect(leaf(CA_MAU, 2, 0.5).next).toEqual({
      value: 0.7,
      comparison: 'at-least',
      points: 1,
      gain: 1,
      explanation: { vi: 'Cần đạt 70 % để được thêm 1 điểm', en: 'Reach 70% to gain 1 point' },
    });
  });
  it('exceed an exclusive lower bound', () => {
    expect(leaf(CA_MAU, 2, 0.9).next?.explanation).toEqual({
      vi: 'Cần đạt trên 90 % để được thêm 1 điểm',
      en: 'Exceed 90% to gain 1 point',
    });
  });
  const lower = (maxInclusive: boolean) => ({
    kind: 'tiers',
    display: 'percent',
    tiers: [
      { max: 0.02, maxInclusive, points: 1 },
      { min: 0.02, minInclusive: !maxInclusive, points: 0 },
    ],
  });
  it('come down to an inclusive upper bound', () => {
    expect(leaf(lower(true), 1, 0.05).next).toEqual({
      value: 0.02,
      comparison: 'at-most',
      points: 1,
      gain: 1,
      explanation: {
        vi: 'Cần giảm xuống còn tối đa 2 % để được thêm 1 điểm',
        en: 'Bring it down to 2% or less to gain 1 point',
      },
    });
  });
  it('come below an exclusive upper bound, from exactly on it', () => {
    const n = leaf(lower(false), 1, 0.02);
    expect(n.points).toBe(0);
    expect(n.next).toEqual({
      value: 0.02,
      comparison: 'less-than',
      points: 1,
      gain: 1,
      explanation: {
        vi: 'Cần giảm xuống dưới 2 % để được thêm 1 điểm',
        en: 'Bring it below 2% to gain 1 point',
      },
    });
  });
  it('the nearest tier worth more, not the best one', () => {
    const rule = {
      kind: 'tiers',
      tiers: [
        { min: 0.5, max: 0.8, points: 1 },
        { min: 0.8, points: 2 },
        { max: 0.5, points: 0 },
      ],
    };
    expect(leaf(rule, 2, 0.3).next).toMatchObject({ value: 0.5, points: 1, gain: 1 });
  });
  it('at equal distance, the tier worth more, in either order', () => {
    const below = { max: 0.25, points: 1 };
    const middle = { min: 0.25, max: 0.75, points: 0 };
    const above = { min: 0.75, points: 2 };
    for (const tiers of [
      [below, middle, above],
      [above, middle, below],
    ])
      expect(leaf({ kind: 'tiers', tiers }, 2, 0.5).next).toMatchObject({
        value: 0.75,
        comparison: 'at-least',
        points: 2,
        gain: 2,
      });
  });
  it('a tier more than the largest double away is still offered', () => {
    const rule = {
      kind: 'tiers',
      tiers: [
        { max: 1e308, points: 0 },
        { min: 1e308, points: 1 },
      ],
    };
    expect(leaf(rule, 1, -1e308).next).toMatchObject({ value: 1e308, comparison: 'at-least', gain: 1 });
  });
  it('no next step from the top tier', () => {
    expect(leaf(CA_MAU, 2, 1).next).toBeUndefined();
  });
  it('a tier worth more that already holds the value is no next step (overlap: the first tier listed scores)', () => {
    // Overlapping tiers are rejected by validateRuleSet; the compiled evaluator still behaves.
    const c = compileTiers(
      {
        kind: 'tiers',
        tiers: [
          { min: 0, max: 1, points: 1 },
          { min: 0.5, points: 2 },
        ],
      },
      { max: toDec(2), maxScaled: 2, display: 'number' },
      1,
    );
    const out = evaluateTiers(c, 0.6, { scale: 1, pointDecimals: 2, percentDecimals: 2, explain: false });
    expect(out).toMatchObject({ points: { scaled: 1 }, reason: 'TIER_MATCHED' });
    expect(out.next).toBeUndefined();
  });
});

describe('validateRuleSet on tiers', () => {
  it('a tier worth more than the node', () => {
    expect(problems({ kind: 'tiers', tiers: [{ points: 3 }] })).toEqual([
      "children.0.rule.tiers.0.points: tier 1 gives 3 points, more than the node's maximum 2.",
    ]);
  });
  it('an empty tier: min above max, or equal bounds not both inclusive', () => {
    expect(problems({ kind: 'tiers', tiers: [{ min: 0.9, max: 0.7, points: 1 }] })).toEqual([
      'children.0.rule.tiers.0: tier 1 is empty: expected "min" (0.9) below "max" (0.7).',
    ]);
    expect(problems({ kind: 'tiers', tiers: [{ min: 0.5, max: 0.5, points: 1 }] })).toEqual([
      'children.0.rule.tiers.0: tier 1 is empty: expected "min" (0.5) below "max" (0.5).',
    ]);
    expect(
      problems({
        kind: 'tiers',
        tiers: [{ min: 0.5, minInclusive: false, max: 0.5, maxInclusive: true, points: 1 }],
      }),
    ).toEqual(['children.0.rule.tiers.0: tier 1 is empty: expected "min" (0.5) below "max" (0.5).']);
  });
  it('a one-value tier [0.5, 0.5] between "under 0.5" and "over 0.5" is valid and scores on the value only', () => {
    const rule = {
      kind: 'tiers',
      tiers: [
        { min: 0.5, minInclusive: false, points: 2 },
        { min: 0.5, max: 0.5, maxInclusive: true, points: 1 },
        { max: 0.5, points: 0 },
      ],
    };
    expect(problems(rule)).toEqual([]);
    expect(leaf(rule, 2, 0.4999).points).toBe(0);
    expect(leaf(rule, 2, 0.5).points).toBe(1);
    expect(leaf(rule, 2, 0.5001).points).toBe(2);
  });
  it('two tiers without a lower bound, or a tier without an upper bound followed by another, overlap', () => {
    expect(
      problems({
        kind: 'tiers',
        tiers: [
          { max: 0.5, points: 0 },
          { max: 0.9, points: 1 },
        ],
      }),
    ).toEqual([
      'children.0.rule.tiers.1: tiers 1 and 2 overlap: expected tier 1 to end ("max") where tier 2 starts ("min").',
    ]);
    expect(
      problems({
        kind: 'tiers',
        tiers: [
          { min: 0.5, points: 1 },
          { min: 0, points: 0 },
        ],
      }),
    ).toEqual([
      'children.0.rule.tiers.0: tiers 2 and 1 overlap: expected tier 2 to end ("max") where tier 1 starts ("min").',
    ]);
  });
  it('sorts unbounded lower bounds first, whatever the order given', () => {
    for (const tiers of [
      [
        { min: 0.5, points: 1 },
        { max: 0.5, points: 0 },
      ],
      [
        { max: 0.5, points: 0 },
        { min: 0.5, points: 1 },
      ],
    ])
      expect(problems({ kind: 'tiers', tiers })).toEqual([]);
  });
  it('an overlap over a range, and a gap at one value', () => {
    expect(
      problems({
        kind: 'tiers',
        tiers: [
          { min: 0, max: 0.9, points: 0 },
          { min: 0.6, points: 1 },
        ],
      }),
    ).toEqual([
      'children.0.rule.tiers.1: tiers 1 and 2 overlap at 0.6–0.9: make one bound exclusive or move it.',
    ]);
    expect(
      problems({
        kind: 'tiers',
        tiers: [
          { min: 0, max: 0.5, points: 0 },
          { min: 0.5, minInclusive: false, points: 1 },
        ],
      }),
    ).toEqual([
      'children.0.rule.tiers.1: tiers 1 and 2 leave a gap at 0.5: expected tier 2 to start where tier 1 ends, with exactly one of the two bounds inclusive.',
    ]);
  });
  it('malformed tiers give the schema issue only', () => {
    expect(problems({ kind: 'tiers', tiers: 'x' })).toEqual([
      expect.stringMatching(/^children\.0\.rule\.tiers: /),
    ]);
    expect(problems({ kind: 'tiers', tiers: [null, { min: 0, points: 1 }] })).toEqual([
      expect.stringMatching(/^children\.0\.rule\.tiers\.0: /),
    ]);
    expect(
      problems({
        kind: 'tiers',
        tiers: [
          { min: 'abc', points: 1 },
          { min: 0, points: 0 },
        ],
      }),
    ).toEqual([expect.stringMatching(/^children\.0\.rule\.tiers\.0\.min: /)]);
  });
});
