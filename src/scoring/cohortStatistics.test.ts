import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { manualReport, manualRuleSet } from '../../test/fixtures/cohort/manual.js';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { defineRuleSet } from '../rules/defineRuleSet.js';
import { cohortStatistics } from './cohortStatistics.js';
import { scoreUnit } from './scoreUnit.js';

/** One manual leaf (max 100, no step), so any decimal total can be made. */
const single = defineRuleSet({
  id: 'single',
  version: '1',
  legalBasis: 'illustrative test fixture',
  level: 'so',
  total: 100,
  children: [{ id: '1', name: 'Tổng', max: 100, assessor: 'superior', rule: { kind: 'manual' } }],
});
const unit = (id: string, value: number | string, level?: 'so') =>
  scoreUnit(single, {
    unit: { id, ...(level ? { level } : {}) },
    period: '2025',
    entries: { '1': { superior: { value } } },
  });
const totals = (values: (number | string)[]) =>
  cohortStatistics(values.map((v, i) => unit(`u${i}`, v))).total.points;

describe('cohortStatistics: PERCENTILE.INC, hand-checked', () => {
  it.each([
    // n = 1: every statistic is the value.
    [[84.66], { count: 1, min: 84.66, median: 84.66, p75: 84.66, max: 84.66, mean: 84.66 }],
    // n = 2: median halfway, P75 at h = 0,75.
    [[80, 90], { count: 2, min: 80, median: 85, p75: 87.5, max: 90, mean: 85 }],
    // n = 5 (odd): median the middle value; h = 3 for P75, an order statistic.
    [
      [70, 92.18, 84.66, 86.98, 89.95],
      { count: 5, min: 70, median: 86.98, p75: 89.95, max: 92.18, mean: 84.754 },
    ],
    // n = 6: h = 2,5 and 3,75.
    [[1, 2, 3, 4, 5, 6], { count: 6, min: 1, median: 3.5, p75: 4.75, max: 6, mean: 3.5 }],
  ])('%j', (values, expected) => {
    expect(totals(values)).toEqual(expected);
  });

  it('is exact decimal: the mean of 0,1 · 0,2 is 0,15 and of 0,1 · 0,2 · 0,3 is 0,2, not float sums', () => {
    expect(totals([0.1, 0.2]).mean).toBe(0.15);
    expect(totals([0.1, 0.2, 0.3]).mean).toBe(0.2);
    expect(totals([0.1, 0.2, 0.3]).p75).toBe(0.25);
    expect(0.1 + 0.2 + 0.3).not.toBe(0.6); // the float loop would be off
  });

  it('an empty cohort gives null statistics', () => {
    const s = cohortStatistics([]);
    expect(s.total.points).toEqual({ count: 0, min: null, median: null, p75: null, max: null, mean: null });
    expect(s.units).toEqual([]);
  });
});

describe('cohortStatistics: fields and percentile ranks', () => {
  // Totals a 9, b 8, c 6 (field 2 not applicable: 6/6 = 100 %), d 5. Field 1: a 6, b 5, c 6, d 2.
  // Before each test, not at collection time: see docs/mutation.md, step 13.
  let reports: ReturnType<typeof manualReport>[];
  let stats: ReturnType<typeof cohortStatistics>;
  beforeEach(() => {
    reports = deepFreeze([
      manualReport('a', [4, 2, 3]),
      manualReport('b', [3, 2, 3]),
      manualReport('c', [4, 2, null]),
      manualReport('d', [1, 1, 3]),
    ]);
    stats = cohortStatistics(reports);
  });

  it('per top-level field, in rule-set order, on points and percent; a null percent is left out', () => {
    expect(stats.fields.map((f) => [f.id, f.name])).toEqual([
      ['1', 'Tự chấm'],
      ['2', 'UBND tỉnh chấm'],
    ]);
    expect(stats.fields[0]?.points).toEqual({ count: 4, min: 2, median: 5.5, p75: 6, max: 6, mean: 4.75 });
    // Field 2: c is not applicable → points 0 but percent null.
    expect(stats.fields[1]?.points).toEqual({ count: 4, min: 0, median: 3, p75: 3, max: 3, mean: 2.25 });
    expect(stats.fields[1]?.percent).toEqual({ count: 3, min: 75, median: 75, p75: 75, max: 75, mean: 75 });
    // Total percent: a 90, b 80, c 6/6 (rebased) = 100, d 50.
    expect(stats.total.percent.max).toBe(100);
  });

  it('percentile rank = peers below ÷ (peers − 1); ties share the lower rank', () => {
    expect(stats.units.map((u) => [u.unit.id, u.total])).toEqual([
      ['a', 1],
      ['b', 2 / 3],
      ['c', 1 / 3],
      ['d', 0],
    ]);
    // Field 1: a and c tie at 6 (two peers below each).
    expect(stats.units[0]?.fields).toEqual({ '1': 2 / 3, '2': 1 / 3 });
    expect(stats.units[2]?.fields).toEqual({ '1': 2 / 3, '2': 0 });
  });

  it('by percent: c (100 %) ranks above a (90 %)', () => {
    const byPct = cohortStatistics(reports, { by: 'percent' });
    expect(byPct.by).toBe('percent');
    expect(byPct.units.map((u) => u.total)).toEqual([2 / 3, 1 / 3, 1, 0]);
    // Field 2 of c has no percentage: no rank.
    expect(byPct.units[2]?.fields['2']).toBeNull();
  });

  it('a unit alone has no peers: null', () => {
    expect(cohortStatistics([unit('x', 50)]).units[0]?.total).toBeNull();
  });

  it('peers are the units of the same level', () => {
    const s = cohortStatistics([unit('x', 50, 'so'), unit('y', 60, 'so'), unit('z', 70)]);
    expect(s.units.map((u) => [u.unit.level, u.total])).toEqual([
      ['so', 0],
      ['so', 0.5],
      ['so', 1],
    ]);
  });

  it('is JSON-safe', () => {
    expect(JSON.parse(JSON.stringify(stats))).toEqual(stats);
  });
});

describe('cohortStatistics: refusals', () => {
  it('different versions → INCOMPATIBLE_RESULTS; not reports → INVALID_INPUT', () => {
    const a = manualReport('a', [1, 1, 1]);
    const b = manualReport('b', [1, 1, 1], '2025', manualRuleSet('2'));
    expectCchcError(() => cohortStatistics([a, b]), 'INCOMPATIBLE_RESULTS', ['reports', 1, 'ruleSet']);
    expectCchcError(() => cohortStatistics([a, a]), 'INVALID_INPUT', ['reports', 1, 'unit', 'id']);
    expectCchcError(() => cohortStatistics([{ unit: {} }] as never), 'INVALID_INPUT', [
      'reports',
      0,
      'unit',
      'id',
    ]);
    expectCchcError(() => cohortStatistics([a], { by: 'rank' } as never), 'INVALID_INPUT', ['options', 'by']);
  });
});

describe('cohortStatistics: laws', () => {
  it('min ≤ median ≤ P75 ≤ max, mean within [min, max], ranks within [0, 1], order does not matter', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 9 }),
        fc.boolean(),
        (hundredths, reverse) => {
          const reports = hundredths.map((h, i) => unit(`u${i}`, (h / 100).toString()));
          const s = cohortStatistics(reports).total.points;
          expect(s.min!).toBeLessThanOrEqual(s.median!);
          expect(s.median!).toBeLessThanOrEqual(s.p75!);
          expect(s.p75!).toBeLessThanOrEqual(s.max!);
          expect(s.mean!).toBeGreaterThanOrEqual(s.min!);
          expect(s.mean!).toBeLessThanOrEqual(s.max!);
          const r = cohortStatistics(reverse ? [...reports].reverse() : reports);
          expect(r.total).toEqual(cohortStatistics(reports).total);
          for (const u of r.units) {
            if (u.total === null) continue;
            expect(u.total).toBeGreaterThanOrEqual(0);
            expect(u.total).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});
