import { describe, expect, it } from 'vitest';
import { ruleProblems, scoreLeaf } from '../../../test/fixtures/rules/oneLeaf.js';
import { toDec } from '../../numeric/decimal.js';
import { compileProportional, evaluateProportional } from './proportional.js';

// Cases for mutants of src/rules/kinds/proportional.ts that survived the mutation run
// (docs/mutation.md): the hand-overs of the integer path to the Decimal path (a quotient that is
// not whole at the scale, products beyond 2^53, a divisor that rounding scales, targets that a
// double or the powers of ten do not hold, a maximum that is not whole at the scale) and the
// floor check left to the schema when the target is not a number. Every number value is also
// scored as its digit string, which always takes the Decimal path: the two must agree.

/** Scores `value` as a number and as its digit string, checks that both agree, returns the node. */
function scoreBoth(rule: Record<string, unknown>, max: number, value: number) {
  const node = scoreLeaf(rule, max, value);
  expect(scoreLeaf(rule, max, String(value))).toStrictEqual(node);
  return node;
}

describe('proportional: a quotient that is not whole at the scale is left to the Decimal path', () => {
  // Three initiatives a year earn full points; the gain to the target is max minus the exact third,
  // not max minus the rounded double.
  it.each([
    [1, 0.3333333333333333, 0.6666666666666666],
    [2, 0.6666666666666666, 1.3333333333333333],
    [5, 1.6666666666666667, 3.3333333333333335],
  ])(
    '1 initiative of a target of 3 on a %s-point leaf scores %s and gains %s at the target',
    (max, points, gain) => {
      const node = scoreBoth({ kind: 'proportional', target: 3 }, max, 1);
      expect(node).toMatchObject({ points, reason: 'PROPORTIONAL' });
      expect(node.next).toMatchObject({ value: 3, comparison: 'at-least', points: max, gain });
    },
  );
});

describe('proportional: rounded points whose exact products pass 2^53', () => {
  it.each([
    [{ target: 0.7, roundPoints: 4 }, 7.5, 0.521468, 5.5872, 1.9128],
    [{ target: 7, roundPoints: 4 }, 5, 6.8890295, 4.9207, 0.0793],
    [{ target: 0.95, roundPoints: 3, floor: 0.2375, floorInclusive: false }, 1000, 0.904725, 952.342, 47.658],
  ])('%o on %s points: %s scores exactly %s (gain %s)', (extra, max, value, points, gain) => {
    const node = scoreBoth({ kind: 'proportional', ...extra }, max, value);
    expect(node).toMatchObject({ points, reason: 'PROPORTIONAL' });
    expect(node.next?.gain).toBe(gain);
  });

  it('points rounded to 9 decimals: 12,5 % of the target scores 0,125 of 1 point', () => {
    const rule = { kind: 'proportional', roundPoints: 9 };
    expect(scoreBoth(rule, 1, 0.125)).toMatchObject({ points: 0.125, reason: 'PROPORTIONAL' });
    expect(scoreBoth(rule, 2, 0.375)).toMatchObject({ points: 0.75, reason: 'PROPORTIONAL' });
  });
});

describe('proportional: targets outside the integer path', () => {
  it('a target of one third written as a JS number (16 decimals), rounded to 2 decimals', () => {
    const rule = { kind: 'proportional', target: 1 / 3, roundPoints: 2 };
    expect(scoreBoth(rule, 1, 0.2)).toMatchObject({ points: 0.6, reason: 'PROPORTIONAL' });
    expect(scoreBoth(rule, 10, 0.1)).toMatchObject({ points: 3, reason: 'PROPORTIONAL' });
    expect(scoreBoth(rule, 10, 0)).toMatchObject({ points: 0, reason: 'PROPORTIONAL' });
  });

  it('a target with 16 significant digits that no double holds: half of it is just under half the points, not full', () => {
    const node = scoreBoth({ kind: 'proportional', target: '8.000000000000001' }, 1, 4);
    expect(node).toMatchObject({ points: 0.49999999999999994, reason: 'PROPORTIONAL' });
    expect(node.next).toMatchObject({ comparison: 'at-least', points: 1 });
    expect(scoreBoth({ kind: 'proportional', target: '8.000000000000001' }, 1, 9)).toMatchObject({
      points: 1,
      reason: 'CAPPED',
    });
  });

  it('a target with 25 decimals (beyond the powers of ten of the integer path) scores like 80 %', () => {
    const rule = { kind: 'proportional', target: '0.7999999999999999999999999' };
    expect(scoreBoth(rule, 1, 0.4)).toMatchObject({ points: 0.5, reason: 'PROPORTIONAL' });
    expect(scoreBoth(rule, 1, 0.8)).toMatchObject({ points: 1, reason: 'CAPPED' });
  });
});

describe('proportional: a maximum that is not whole at the scale (compiled directly; validateRuleSet rejects it)', () => {
  it('half of the target scores half of 0,3333333333333 points, in Decimals', () => {
    const c = compileProportional(
      { kind: 'proportional' },
      { max: toDec('0.3333333333333'), maxScaled: null, display: 'percent' },
      1e12,
    );
    const env = { scale: 1e12, pointDecimals: 13, percentDecimals: 2, explain: false };
    const out = evaluateProportional(c, 0.5, env);
    expect(out).toMatchObject({ reason: 'PROPORTIONAL', points: { scaled: null } });
    expect(out.points?.dec?.toString()).toBe('0.16666666666665');
  });
});

describe('validateRuleSet: the floor is not checked against a target the schema refuses', () => {
  it('target "abc" with a floor of 1,5 (above the default target 1) is one issue, on the target', () => {
    expect(ruleProblems({ kind: 'proportional', target: 'abc', floor: 1.5 })).toStrictEqual([
      'children.0.rule.target: expected a number or a numeric string in JS notation such as "91.5", received "abc"; use parseNumber for Vietnamese notation like "91,5".',
    ]);
  });
});

describe('proportional: "floorInclusive" without a floor', () => {
  it.each([
    [0, 0],
    [-0, 0],
    ['0', 0],
    [4, 2],
  ])('changes nothing: %j of a target of 10 scores %s of 5 points', (value, points) => {
    const rule = { kind: 'proportional', target: 10, floorInclusive: false };
    expect(ruleProblems(rule, 5)).toStrictEqual([]);
    const node = scoreLeaf(rule, 5, value);
    expect(node).toMatchObject({ reason: 'PROPORTIONAL', points });
    expect(node).toStrictEqual(scoreLeaf({ kind: 'proportional', target: 10 }, 5, value));
  });
});
