import { describe, expect, it } from 'vitest';
import example from '../../test/fixtures/rules/example-district.json' with { type: 'json' };
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { defineRuleSet, formatIssuePath, isCchcError } from '../index.js';
import { assertValidRuleSet } from './assertValidRuleSet.js';
import { CchcAssertionError } from './CchcAssertionError.js';

function thrown(fn: () => unknown): CchcAssertionError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CchcAssertionError);
    return error as CchcAssertionError;
  }
  throw new Error('expected a CchcAssertionError, but nothing was thrown');
}

const small = {
  id: 'xa-2025',
  version: '2',
  legalBasis: 'illustrative',
  level: 'xa',
  total: 3,
  children: [
    { id: '1', max: 1, assessor: 'self', rule: { kind: 'yes-no' } },
    { id: '2', max: 2, assessor: 'self', rule: { kind: 'manual', step: 0.25 } },
  ],
};

describe('assertValidRuleSet', () => {
  it('returns the rule set defined: frozen, and the same object when it was already defined', () => {
    const ruleSet = assertValidRuleSet(deepFreeze(structuredClone(example)));
    expect(Object.isFrozen(ruleSet.children[0])).toBe(true);
    expect(ruleSet.id).toBe('example-district-2025');
    const defined = defineRuleSet(small);
    expect(assertValidRuleSet(defined)).toBe(defined);
  });

  it('lists every problem, one line each with its path, under a heading naming the rule set', () => {
    const bad = {
      ...small,
      total: 4,
      bands: [
        { label: 'Tốt', minPercent: 50 },
        { label: 'Khá', minPercent: 80 },
      ],
      children: [
        { id: '1', max: 1, assessor: 'self', rule: { kind: 'yes-no', yes: 5 } },
        { id: '1', max: 2, assessor: 'self', rule: { kind: 'tiers', measure: 'plan.completion', tiers: [] } },
      ],
    };
    const error = thrown(() => assertValidRuleSet(deepFreeze(bad)));
    const lines = error.message.split('\n');
    expect(lines[0]).toBe(`rule set "xa-2025" version "2" is not valid: ${error.issues.length} problems`);
    // Every issue is on its own line, path first, in the order validateRuleSet found them.
    const paths = error.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'children.0.rule.yes',
        'children.1.id',
        'children.1.rule.measure',
        'bands.1.minPercent',
      ]),
    );
    expect(lines.slice(1, 1 + error.issues.length)).toEqual(
      error.issues.map((issue) => `  ${formatIssuePath(issue.path)}: ${issue.message}`),
    );
    expect(error.message).toContain('  children[1].id: duplicate node id "1"');
    expect(error.message).toContain('  children[1].rule.measure: unknown measure "plan.completion"');
    expect(error.message).toContain('  bands[1].minPercent: bands out of order');
    expect(error.operator).toBe('assertValidRuleSet');
    expect(error.expected).toEqual([]);
    expect(error.actual).toEqual(lines.slice(1, 1 + error.issues.length).map((line) => line.trim()));
    expect(isCchcError(error)).toBe(false);
  });

  it('names an unnamed rule set "the rule set", and a non-object too', () => {
    expect(thrown(() => assertValidRuleSet(42)).message.split('\n')[0]).toMatch(
      /^the rule set is not valid: 1 problem$/,
    );
    expect(thrown(() => assertValidRuleSet({ children: [] })).message).toMatch(
      /^the rule set is not valid: \d+ problems\n {2}id: /,
    );
  });

  it('lists warnings after the problems, and fails on warnings alone only with failOnWarnings', () => {
    const warned = { ...small, bands: [{ label: 'Đạt', minPercent: 50 }] };
    expect(assertValidRuleSet(warned).id).toBe('xa-2025');
    const error = thrown(() => assertValidRuleSet(warned, { failOnWarnings: true }));
    expect(error.message).toBe(
      'rule set "xa-2025" version "2" has 1 warning (failOnWarnings):\n  bands: no band starts at 0 %: a unit below 50 % gets no band.',
    );
    const both = thrown(() => assertValidRuleSet({ ...warned, total: 5 }));
    expect(both.message.split('\n')).toEqual([
      'rule set "xa-2025" version "2" is not valid: 1 problem',
      '  total: the top-level maxima add up to 3, not to the total 5.',
      '1 warning (not failing on their own):',
      '  bands: no band starts at 0 %: a unit below 50 % gets no band.',
    ]);
    expect(both.issues).toEqual([
      { path: ['total'], message: 'the top-level maxima add up to 3, not to the total 5.' },
    ]);
  });

  it('refuses unknown options (a misspelt option must not be skipped silently)', () => {
    expectCchcError(() => assertValidRuleSet(small, { failOnWarning: true } as never), 'INVALID_OPTIONS', [
      'options',
      'failOnWarning',
    ]);
  });
});
