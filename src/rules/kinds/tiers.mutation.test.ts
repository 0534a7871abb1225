import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleProblems, scoreLeaf } from '../../../test/fixtures/rules/oneLeaf.js';

// Cases for mutants of src/rules/kinds/tiers.ts that survived the mutation run of src/rules/kinds
// (docs/mutation.md): which tiers can be the next step (worth more, below or above the value), the
// tie of two equally distant tiers whose float distances differ, the missing `next` of the top
// tier, and a tier with an unreadable bound left out of the overlap and gap checks.

/** Share of dossiers settled late: at most 20 %: 2 points; over 20 % to 50 %: 1; over 50 %: 0. */
const LATE_SHARE = {
  kind: 'tiers',
  tiers: [
    { max: 0.2, maxInclusive: true, points: 2 },
    { min: 0.2, minInclusive: false, max: 0.5, maxInclusive: true, points: 1 },
    { min: 0.5, minInclusive: false, points: 0 },
  ],
};

/** Completion rate with two middle tiers worth the same: under 40 %: 0; 40–70 %: 1; 70–90 %: 1; from 90 %: 2. */
const FLAT_MIDDLE = {
  kind: 'tiers',
  tiers: [
    { max: 0.4, points: 0 },
    { min: 0.4, max: 0.7, points: 1 },
    { min: 0.7, max: 0.9, points: 1 },
    { min: 0.9, points: 2 },
  ],
};

describe('tiers: the next step is the nearest tier worth more points', () => {
  it('a tier worth as much as the current one is skipped for the next tier worth more', () => {
    expect(scoreLeaf(FLAT_MIDDLE, 2, 0.5).next).toStrictEqual({
      value: 0.9,
      comparison: 'at-least',
      points: 2,
      gain: 1,
      explanation: { vi: 'Cần đạt 0,9 để được thêm 1 điểm', en: 'Reach 0.9 to gain 1 point' },
    });
  });

  it('a better tier below the value (exclusive lower bound, inclusive upper) is reached by coming down to its upper bound', () => {
    // 60 % late: the tier "over 20 % to 50 %" is 0,1 away downwards, "at most 20 %" 0,4.
    expect(scoreLeaf(LATE_SHARE, 2, 0.6).next).toStrictEqual({
      value: 0.5,
      comparison: 'at-most',
      points: 1,
      gain: 1,
      explanation: {
        vi: 'Cần giảm xuống còn tối đa 0,5 để được thêm 1 điểm',
        en: 'Bring it down to 0.5 or less to gain 1 point',
      },
    });
  });

  it.each([
    // value, tier below (its max), tier above (its min): both 0,3 away as decimals, but
    // 2.2 − 1.9 is 0.30000000000000027 and 1.9 − 1.6 is 0.2999999999999998 as doubles.
    [1.9, 1.6, 2.2, 1, 2, { value: 2.2, comparison: 'at-least', points: 2, gain: 2 }],
    // 0.7 − 0.4 is 0.29999999999999993 and 0.4 − 0.1 is 0.30000000000000004 as doubles.
    [0.4, 0.1, 0.7, 2, 1, { value: 0.1, comparison: 'less-than', points: 2, gain: 2 }],
  ])(
    'value %s between tiers ending at %s and starting at %s, equally far as decimals: the tier worth more wins',
    (value, below, above, belowPoints, abovePoints, next) => {
      const rule = {
        kind: 'tiers',
        tiers: [
          { max: below, points: belowPoints },
          { min: below, max: above, points: 0 },
          { min: above, points: abovePoints },
        ],
      };
      expect(scoreLeaf(rule, 2, value).next).toMatchObject(next);
    },
  );

  it('a value in the top tier has no next step: the node has no "next" field at all', () => {
    const node = scoreLeaf(FLAT_MIDDLE, 2, 0.95);
    expect(node).toMatchObject({ points: 2, reason: 'TIER_MATCHED' });
    expect(Object.keys(node)).not.toContain('next');
  });
});

describe('tiers: a tier with an unreadable bound', () => {
  it.each([
    [
      'max',
      [
        { min: 0, max: 'abc', points: 0 },
        { min: 0.5, points: 1 },
      ],
    ],
    [
      'min',
      [
        { max: 0.5, points: 0 },
        { min: 'abc', points: 1 },
      ],
    ],
  ])('an unreadable "%s" is reported once, and the tier is not also checked for overlaps', (key, tiers) => {
    const i = key === 'max' ? 0 : 1;
    expect(ruleProblems({ kind: 'tiers', tiers })).toStrictEqual([
      `children.0.rule.tiers.${i}.${key}: expected a number or a numeric string in JS notation such as "91.5", received "abc"; use parseNumber for Vietnamese notation like "91,5".`,
    ]);
  });
});

describe('tiers: a number value compares exactly with a bound that is not a double', () => {
  // '0.95000000000000000001' has no double of its own: as a double it is 0.95. The number 0.95 is
  // the decimal 0.95, below that bound, exactly as the string '0.95' is.
  const FINE_BOUND = {
    kind: 'tiers',
    tiers: [
      { max: '0.95000000000000000001', points: 0 },
      { min: '0.95000000000000000001', points: 1 },
    ],
  };

  it.each([[0.95], ['0.95']])('%j is below a tier from 0.95000000000000000001', (value) => {
    const node = scoreLeaf(FINE_BOUND, 1, value);
    expect(node.points).toBe(0);
    expect(node.next).toMatchObject({ comparison: 'at-least', points: 1, gain: 1 });
  });

  // Each bound counts: one finer than a double as the only lower bound, as the only upper bound,
  // or beside tiers whose bounds are all doubles, sends every number through the Decimals.
  it.each([
    [
      'only a lower bound, finer than a double',
      [{ min: '0.95000000000000000001', points: 1 }],
      0,
      'NO_TIER_MATCHED',
    ],
    [
      'only an upper bound, finer than a double',
      [{ max: '0.94999999999999999999', maxInclusive: true, points: 1 }],
      0,
      'NO_TIER_MATCHED',
    ],
    [
      'a tier of doubles beside tiers with a finer bound',
      [
        { max: 0.5, points: 0 },
        { min: 0.5, max: '0.94999999999999999999', maxInclusive: true, points: 1 },
        { min: '0.94999999999999999999', minInclusive: false, points: 2 },
      ],
      2,
      'TIER_MATCHED',
    ],
  ] as const)('%s: the number 0.95 scores %s points, as "0.95" does', (_, tiers, points, reason) => {
    const rule = { kind: 'tiers', tiers };
    const asNumber = scoreLeaf(rule, 2, 0.95);
    expect(asNumber).toMatchObject({ points, reason });
    const asString = scoreLeaf(rule, 2, '0.95');
    expect(asString.points).toBe(points);
    expect(asNumber.next).toStrictEqual(asString.next);
  });

  it('a number and its decimal string score alike against bounds with more digits than a double', () => {
    const bound = fc
      .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 9 }))
      .map(([milli, tail]) => `0.${String(milli).padStart(3, '0')}0000000000000000${tail}`);
    fc.assert(
      fc.property(bound, fc.integer({ min: 0, max: 1000 }), (b, milli) => {
        const rule = {
          kind: 'tiers',
          tiers: [
            { max: b, points: 0 },
            { min: b, points: 1 },
          ],
        };
        const value = milli / 1000;
        const asNumber = scoreLeaf(rule, 1, value);
        const asString = scoreLeaf(rule, 1, String(value));
        expect(asNumber.points).toBe(asString.points);
        expect(asNumber.next).toStrictEqual(asString.next);
      }),
      { numRuns: 200 },
    );
  });
});

describe('tiers: values below zero and gaps between inclusive bounds', () => {
  /** Growth of late dossiers, year on year: a fall of more than 10 points: 2; a fall up to 10: 1; growth: 0. */
  const LATE_GROWTH = {
    kind: 'tiers',
    tiers: [
      { max: -10, points: 2 },
      { min: -10, max: 0, points: 1 },
      { min: 0, points: 0 },
    ],
  };

  it.each([
    [-20, 2],
    [-10.5, 2],
    [-10, 1],
    [-5, 1],
    [0, 0],
    [3, 0],
  ])('a growth of %s lies in its tier (the first one is open below): %s points', (value, points) => {
    expect(scoreLeaf(LATE_GROWTH, 2, value)).toMatchObject({ points, reason: 'TIER_MATCHED' });
    expect(scoreLeaf(LATE_GROWTH, 2, String(value)).points).toBe(points);
  });

  it('from -5 the next step is to come down below -10, not to climb to a tier open below', () => {
    expect(scoreLeaf(LATE_GROWTH, 2, -5).next).toMatchObject({
      value: -10,
      comparison: 'less-than',
      points: 2,
      gain: 1,
    });
  });

  it('two inclusive bounds with a gap between them are a gap, not an overlap', () => {
    const tiers = [
      { max: 1, maxInclusive: true, points: 0 },
      { min: 2, minInclusive: true, points: 1 },
    ];
    expect(ruleProblems({ kind: 'tiers', tiers })).toStrictEqual([
      'children.0.rule.tiers.1: tiers 1 and 2 leave a gap between 1 and 2: expected tier 2 to start where tier 1 ends, with exactly one of the two bounds inclusive.',
    ]);
  });
});
