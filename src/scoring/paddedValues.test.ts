/**
 * Numeric entry values given as strings with spaces around them (" 0.5 ", as a spreadsheet export
 * writes them) score like the bare number: the value check accepted them, and the evaluators used
 * to throw decimal.js's "Invalid argument" instead.
 */
import { describe, expect, it } from 'vitest';
import { defineRuleSet, scoreUnit } from '../index.js';

const cases: readonly (readonly [string, object, number])[] = [
  ['manual', { kind: 'manual', step: 0.25 }, 0.5],
  [
    'tiers',
    {
      kind: 'tiers',
      tiers: [
        { min: 0.5, points: 1 },
        { min: 0, max: 0.5, points: 0 },
      ],
    },
    1,
  ],
  ['proportional', { kind: 'proportional', target: 1 }, 0.5],
];

describe('numeric entry values with surrounding spaces', () => {
  it.each(cases)('%s: " 0.5 " scores like 0.5', (_kind, rule, expected) => {
    const ruleSet = defineRuleSet({
      id: 'x',
      version: '1',
      legalBasis: 'illustrative',
      level: 'xa',
      total: 1,
      children: [{ id: '1', max: 1, assessor: 'self', rule }],
    });
    const score = (value: string | number) =>
      scoreUnit(ruleSet, { unit: { id: 'u' }, period: '2024', entries: { '1': { self: { value } } } });
    const padded = score(' 0.5 ');
    expect(padded.total.points).toBe(expected);
    expect(padded.total.points).toBe(score(0.5).total.points);
  });
});
