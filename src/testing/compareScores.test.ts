import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { defineRuleSet, scoreUnit } from '../index.js';
import { compareScores } from './compareScores.js';

const ruleSet = defineRuleSet({
  id: 'xa-2025',
  version: '1',
  legalBasis: 'illustrative',
  level: 'xa',
  total: 3,
  bands: [
    { label: 'Tốt', minPercent: 80 },
    { label: 'Khá', minPercent: 0 },
  ],
  children: [
    { id: '1', name: 'Báo cáo', max: 1, assessor: 'self', rule: { kind: 'yes-no' } },
    { id: '2', name: 'Kiểm tra', max: 2, assessor: 'self', rule: { kind: 'manual', step: 0.25 } },
  ],
});
const report = deepFreeze(
  scoreUnit(ruleSet, {
    unit: { id: 'xa-a' },
    period: '2025',
    entries: { '1': { self: { value: true } }, '2': { self: { value: 1.25 } } },
  }),
);

describe('compareScores', () => {
  it('returns every check in order total, percent, band, then nodes in report order, without throwing', () => {
    const expected = deepFreeze({ points: { '2': 1.5, '1': 1 }, band: 'Tốt', percent: 75, total: '2.25' });
    const comparison = compareScores(report, expected);
    expect(comparison.ok).toBe(false);
    expect(
      comparison.checks.map((c) => [c.check, c.id, c.expected, c.actual, c.difference, c.match]),
    ).toEqual([
      ['total', null, 2.25, 2.25, 0, true],
      ['percent', null, 75, 75, 0, true],
      ['band', null, 'Tốt', 'Khá', null, false],
      ['points', '1', 1, 1, 0, true],
      ['points', '2', 1.5, 1.25, -0.25, false],
    ]);
    expect(comparison.mismatches.map((c) => c.check)).toEqual(['band', 'points']);
    expect(comparison.checks[4]).toEqual({
      check: 'points',
      id: '2',
      name: 'Kiểm tra',
      expected: 1.5,
      actual: 1.25,
      difference: -0.25,
      reason: 'MANUAL',
      status: 'scored',
      match: false,
    });
  });

  it('says so in one line when everything matches', () => {
    const comparison = compareScores(report, { total: 2.25, points: { '2': 1.25 } });
    expect(comparison).toMatchObject({ ok: true, mismatches: [] });
    expect(comparison.message).toBe(
      'all 2 expected scores match (unit "xa-a", period "2025", rule set "xa-2025" version "1"; exact comparison).',
    );
  });

  it('signs the difference: + when the unit got more than expected', () => {
    const comparison = compareScores(report, { points: { '2': 1 } });
    expect(comparison.mismatches[0]?.difference).toBe(0.25);
    expect(comparison.message).toMatch(/^ {2}2 +Kiểm tra +1 +1\.25 +\+0\.25 +MANUAL$/m);
  });

  it('tolerance applies to points and percentages alike, never to bands', () => {
    const comparison = compareScores(
      report,
      { percent: 75.5, points: { '2': 1 }, band: 'Tốt' },
      { tolerance: 0.5 },
    );
    expect(comparison.checks.map((c) => c.match)).toEqual([true, false, true]);
  });
});

describe('compareScores: a report of another shape', () => {
  const issuesOf = (bad: unknown) => {
    try {
      compareScores(bad as never, { total: 1 });
    } catch (error) {
      const e = error as { code: string; issues: { path: unknown[]; message: string }[] };
      return [e.code, e.issues];
    }
    return null;
  };

  it.each([
    [
      'not an object',
      0,
      [{ path: ['report'], message: 'expected a score report (the result of scoreUnit), received 0.' }],
    ],
    [
      'null',
      null,
      [{ path: ['report'], message: 'expected a score report (the result of scoreUnit), received null.' }],
    ],
    [
      'a total of points that is not a number',
      { ...report, total: { ...report.total, points: true } },
      [
        {
          path: ['report', 'total', 'points'],
          message: 'expected a finite number, received a value of type boolean.',
        },
      ],
    ],
    [
      'a NaN total',
      { ...report, total: { ...report.total, points: Number.NaN } },
      [{ path: ['report', 'total', 'points'], message: 'expected a finite number, received NaN.' }],
    ],
    [
      'nodes that are not a list',
      { ...report, nodes: null },
      [{ path: ['report', 'nodes'], message: 'expected the list of nodes, received null.' }],
    ],
    [
      'a node with NaN points',
      { ...report, nodes: report.nodes.map((n, i) => (i === 0 ? { ...n, points: Number.NaN } : n)) },
      [{ path: ['report', 'nodes', 0, 'points'], message: 'expected a finite number, received NaN.' }],
    ],
    [
      'a rule set without a version',
      { ...report, ruleSet: { id: 'x' } },
      [
        {
          path: ['report', 'ruleSet', 'version'],
          message: 'expected the rule set version (text), received undefined.',
        },
      ],
    ],
  ])('%s is INVALID_INPUT naming the place', (_what, bad, issues) => {
    expect(issuesOf(bad)).toEqual(['INVALID_INPUT', issues]);
  });

  it('a report as scoreUnit gives it, and its JSON copy, pass', () => {
    expect(issuesOf(report)).toBeNull();
    expect(issuesOf(JSON.parse(JSON.stringify(report)))).toBeNull();
  });
});
