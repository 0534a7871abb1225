import { describe, expect, it } from 'vitest';
import { ruleProblems, scoreLeaf, valueProblems } from '../../../test/fixtures/rules/oneLeaf.js';
import { toDec } from '../../numeric/decimal.js';
import { checkManualValue, compileManual, scaledOf } from './manual.js';

const STEP = { kind: 'manual', step: 0.25 };

describe('manual points on a 0,25 step (max 14,5)', () => {
  it.each([
    [0, 0],
    [14.5, 14.5], // exactly the maximum
    [14.25, 14.25], // one step below
    ['14.50', 14.5],
  ])('%s is accepted', (v, p) => {
    expect(scoreLeaf(STEP, '14.50', v)).toMatchObject({ points: p, reason: 'MANUAL', status: 'scored' });
  });
  it.each([
    [14.75, 'expected points from 0 to 14.5, received 14.75.'], // one step above the maximum
    [-0.25, 'expected points from 0 to 14.5, received -0.25.'],
    [0.3, 'expected points in steps of 0.25, received 0.3.'],
    ['0.3', 'expected points in steps of 0.25, received 0.3.'],
    ['abc', 'expected the points given, as a number (or a JS-notation numeric string).'],
  ])('%s is rejected', (v, message) => {
    expect(valueProblems(STEP, '14.50', v)).toEqual([`entries.L.self.value: ${message} (rule "manual")`]);
  });
  it('without a step any points within the maximum are accepted', () => {
    expect(scoreLeaf({ kind: 'manual' }, 1, 0.3333)).toMatchObject({ points: 0.3333 });
    expect(valueProblems({ kind: 'manual' }, 1, 1.0001)).toEqual([
      'entries.L.self.value: expected points from 0 to 1, received 1.0001. (rule "manual")',
    ]);
  });
  it('explains in vi and en, or not at all', () => {
    expect(scoreLeaf(STEP, 90, 61.25).explanation).toEqual({
      vi: 'Điểm chấm: 61,25/90 điểm',
      en: 'Points given: 61.25/90 points',
    });
    expect(scoreLeaf(STEP, 90, 61.25, { explanations: false })).not.toHaveProperty('explanation');
  });
});

describe('validateRuleSet on manual', () => {
  it('a zero step, and a step that does not divide the maximum', () => {
    expect(ruleProblems({ kind: 'manual', step: 0 })).toEqual([
      'children.0.rule.step: expected a step > 0, such as 0.25.',
    ]);
    expect(ruleProblems({ kind: 'manual', step: 0.3 })).toEqual([
      'children.0.rule.step: the step 0.3 does not divide the maximum 1: expected a step such that max is a whole number of steps.',
    ]);
    expect(ruleProblems({ kind: 'manual', step: 0.25 }, '14.50')).toEqual([]);
  });
});

describe('manual internals', () => {
  it('scaledOf: the exact scaled integer, or null', () => {
    expect(scaledOf(0.25, 100)).toBe(25);
    expect(scaledOf(0.1 + 0.2, 10)).toBeNull(); // 0.30000000000000004 is not 3 tenths
    expect(scaledOf(2 ** 50, 1)).toBeNull(); // beyond 2^49
    expect(scaledOf(-(2 ** 50), 1)).toBeNull();
    expect(Object.is(scaledOf(-0, 100), 0)).toBe(true); // -0 is the number 0, scaled as +0
    expect(scaledOf(0, 100)).toBe(0);
  });
  it('a zero step (rejected by validateRuleSet) is ignored rather than divided by', () => {
    const c = compileManual(
      { kind: 'manual', step: 0 },
      { max: toDec(1), maxScaled: 100, display: 'number' },
      100,
    );
    expect(c.stepScaled).toBeNull();
    expect(checkManualValue(0.3, c)).toBeNull();
    expect(checkManualValue(1.5, c)).toBe('expected points from 0 to 1, received 1.5.');
  });
});
