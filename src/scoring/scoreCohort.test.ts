import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { cohortAssessments, expectedTotals } from '../../test/fixtures/cohort/cohort.js';
import fixture from '../../test/fixtures/cohort/ruleSet.json' with { type: 'json' };
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { defineRuleSet } from '../rules/defineRuleSet.js';
import type { AssessmentInput } from './Assessment.js';
import type { ScoreReport } from './ScoreReport.js';
import { scoreCohort } from './scoreCohort.js';
import { scoreUnit } from './scoreUnit.js';

const ruleSet = defineRuleSet(fixture);
const node = (r: ScoreReport | undefined, id: string) => r?.nodes.find((n) => n.id === id);
const fresh = () => deepFreeze(structuredClone(cohortAssessments));

describe('scoreCohort: golden cohort (test/fixtures/cohort), checked by hand', () => {
  // Scored before each test, not at collection time: see docs/mutation.md, step 13.
  let cohort: ReturnType<typeof scoreCohort>;
  let byUnit: Map<string, ScoreReport>;
  beforeEach(() => {
    cohort = scoreCohort(ruleSet, fresh());
    byUnit = new Map(cohort.reports.map((r) => [r.unit.id, r]));
  });

  it('cohort context: highest services 80; lowest days 5 (A appraised, not its self 4)', () => {
    expect(cohort.best).toEqual({ '1.1': 80, '1.2': 5 });
  });

  it.each([
    ['A', 5, 4, 16, 80, 'Tốt'],
    ['B', 8, 2.5, 17, 85, 'Tốt'],
    ['C', 2, 0, 10, 62.5, 'Khá'],
    ['D', 0, 2, 7, 58.33, 'Yếu'],
  ])('%s: 1.1 = %d, 1.2 = %d, total %d (%d %%, %s)', (id, p11, p12, total, pct, band) => {
    const r = byUnit.get(id);
    expect(node(r, '1.1')?.points).toBe(p11);
    expect(node(r, '1.2')?.points).toBe(p12);
    expect(r?.total.points).toBe(total);
    expect(r?.total.points).toBe(expectedTotals[id]);
    expect(r?.total.roundedPercent).toBe(pct);
    expect(r?.band?.label).toBe(band);
  });

  it('not applicable and "không phát sinh" stay apart from scored zero', () => {
    expect(node(byUnit.get('C'), '1.2')).toMatchObject({
      status: 'not-applicable',
      reason: 'NOT_APPLICABLE',
    });
    expect(node(byUnit.get('D'), '1.1')).toMatchObject({ status: 'not-applicable', reason: 'NO_VALUE' });
    expect(node(byUnit.get('A'), '1.1')).toMatchObject({ reason: 'NORMALIZED', status: 'scored' });
  });

  it('reports keep the order given; ranking uses the rule set tie rule (dense)', () => {
    expect(cohort.reports.map((r) => r.unit.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(cohort.ranking.map((r) => [r.rank, r.unit.id, r.points, r.band, r.tied])).toEqual([
      [1, 'B', 17, 'Tốt', false],
      [2, 'A', 16, 'Tốt', false],
      [3, 'C', 10, 'Khá', false],
      [4, 'D', 7, 'Yếu', false],
    ]);
  });

  it('statistics: total points 7, 10, 16, 17 → median 13, P75 16,25, mean 12,5', () => {
    expect(cohort.statistics.total.points).toEqual({
      count: 4,
      min: 7,
      median: 13,
      p75: 16.25,
      max: 17,
      mean: 12.5,
    });
    // Field 1: A 9, B 10,5, C 2, D 2.
    expect(cohort.statistics.fields[0]?.points).toEqual({
      count: 4,
      min: 2,
      median: 5.5,
      p75: 9.375,
      max: 10.5,
      mean: 5.875,
    });
    expect(cohort.statistics.units.map((u) => [u.unit.id, u.total, u.fields['1']])).toEqual([
      ['A', 2 / 3, 2 / 3],
      ['B', 1, 1],
      ['C', 1 / 3, 0],
      ['D', 0, 0],
    ]);
  });

  it('each report equals scoreUnit with the cohort context passed by hand', () => {
    cohortAssessments.forEach((a, i) => {
      expect(scoreUnit(ruleSet, a, { cohort: { best: { '1.1': 80, '1.2': 5 } } })).toEqual(cohort.reports[i]);
    });
  });

  it('is JSON-safe and accepts a raw rule set', () => {
    expect(JSON.parse(JSON.stringify(cohort))).toEqual(cohort);
    expect(scoreCohort(structuredClone(fixture) as never, fresh())).toEqual(cohort);
  });

  it('without the cohort, scoreUnit leaves normalised leaves pending (so the cohort is what scores them)', () => {
    expect(node(scoreUnit(ruleSet, cohortAssessments[0]!), '1.1')?.reason).toBe('NEEDS_COHORT');
  });

  it('no unit with a value: best is null and the leaf is not scored', () => {
    const none = cohortAssessments.map((a) => ({ ...a, data: { values: { services: null } } }));
    const c = scoreCohort(ruleSet, none);
    expect(c.best['1.1']).toBeNull();
    expect(c.reports.every((r) => node(r, '1.1')?.status === 'not-applicable')).toBe(true);
  });

  it('an empty cohort gives empty results', () => {
    const c = scoreCohort(ruleSet, []);
    expect(c.reports).toEqual([]);
    expect(c.ranking).toEqual([]);
    expect(c.statistics.total.points.median).toBeNull();
  });

  it('options: explanations off, competition ranking, tie-breakers', () => {
    const tied: AssessmentInput[] = [
      {
        unit: { id: 'x' },
        period: '2025',
        data: { values: { services: 1 } },
        entries: { '2': { superior: { value: 1 } } },
      },
      {
        unit: { id: 'y' },
        period: '2025',
        data: { values: { services: 1 } },
        entries: { '2': { superior: { value: 1 } } },
      },
    ];
    const c = scoreCohort(ruleSet, tied, { explanations: false, ranking: { method: 'competition' } });
    expect(c.reports[0]?.nodes.some((n) => n.explanation !== undefined)).toBe(false);
    expect(c.ranking.map((r) => [r.rank, r.tied])).toEqual([
      [1, true],
      [1, true],
    ]);
    const d = scoreCohort(ruleSet, fresh(), { ranking: { by: 'percent', tieBreakers: ['2'] } });
    expect(d.ranking.map((r) => r.unit.id)).toEqual(['B', 'A', 'C', 'D']);
  });
});

describe('scoreCohort: bad input, every problem at once', () => {
  it('collects issues of all assessments, with their index in the path', () => {
    const bad = structuredClone(cohortAssessments) as unknown as Record<string, unknown>[];
    (bad[1] as { entries: Record<string, unknown> }).entries['9.9'] = { self: { value: 1 } };
    (bad[2] as { unit: { id: string } }).unit.id = 'A';
    (bad[3] as { period: string }).period = '2024';
    const error = expectCchcError(() => scoreCohort(ruleSet, bad as never), 'INVALID_ASSESSMENT', [
      'assessments',
      1,
      'entries',
      '9.9',
    ]);
    expect(error.issues.map((i) => i.path)).toEqual([
      ['assessments', 1, 'entries', '9.9'],
      ['assessments', 2, 'unit', 'id'],
      ['assessments', 3, 'period'],
    ]);
    expect(error.issues[1]?.message).toMatch(/duplicate unit id "A"/);
  });

  it('schema errors of one assessment keep the deep path', () => {
    const bad = structuredClone(cohortAssessments) as unknown as { entries: Record<string, unknown> }[];
    bad[0]!.entries['2'] = { superior: { value: 'abc' } };
    expectCchcError(() => scoreCohort(ruleSet, bad as never), 'INVALID_ASSESSMENT', [
      'assessments',
      0,
      'entries',
      '2',
      'superior',
      'value',
    ]);
  });

  it('refuses a non-array, a bad rule set, bad options and unknown tie-breakers', () => {
    expectCchcError(() => scoreCohort(ruleSet, {} as never), 'INVALID_ASSESSMENT', ['assessments']);
    expectCchcError(() => scoreCohort({ id: 'x' } as never, []), 'INVALID_RULE_SET', ['version']);
    expectCchcError(
      () => scoreCohort(ruleSet, [], { ranking: { method: 'olympic' } } as never),
      'INVALID_OPTIONS',
      ['ranking', 'method'],
    );
    expectCchcError(
      () => scoreCohort(ruleSet, fresh(), { ranking: { tieBreakers: ['nope'] } }),
      'INVALID_OPTIONS',
      ['options', 'ranking', 'tieBreakers', 0],
    );
  });
});

describe('scoreCohort: laws', () => {
  const unitArb = fc.record({
    services: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
    days: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
    superior: fc.integer({ min: 0, max: 32 }).map((q) => q / 4),
  });
  const build = (units: { services: number | null; days: number | null; superior: number }[]) =>
    units.map(
      (u, i): AssessmentInput => ({
        unit: { id: `u${i}` },
        period: '2025',
        data: { values: { services: u.services } },
        entries: {
          '1.2': { self: u.days === null ? { notApplicable: true } : { value: u.days } },
          '2': { superior: { value: u.superior } },
        },
      }),
    );

  it('the order of the assessments changes no unit result, rank or percentile', () => {
    fc.assert(
      fc.property(
        fc.array(unitArb, { minLength: 1, maxLength: 7 }).chain((units) =>
          fc.tuple(
            fc.constant(units),
            fc.shuffledSubarray(
              units.map((_, i) => i),
              { minLength: units.length },
            ),
          ),
        ),
        ([units, perm]) => {
          const list = build(units);
          const a = scoreCohort(ruleSet, list, { explanations: false });
          const b = scoreCohort(
            ruleSet,
            perm.map((i) => list[i]!),
            { explanations: false },
          );
          const key = <T extends { unit: { id: string } }>(xs: readonly T[]) =>
            Object.fromEntries(xs.map((x) => [x.unit.id, x]));
          expect(key(b.reports)).toEqual(key(a.reports));
          expect(b.ranking).toEqual(a.ranking);
          expect(key(b.statistics.units)).toEqual(key(a.statistics.units));
          expect(b.statistics.total).toEqual(a.statistics.total);
          expect(b.best).toEqual(a.best);
        },
      ),
    );
  });

  it('0 ≤ points ≤ max at every node, the best unit of a normalised leaf gets its maximum', () => {
    fc.assert(
      fc.property(fc.array(unitArb, { minLength: 1, maxLength: 6 }), (units) => {
        const c = scoreCohort(ruleSet, build(units), { explanations: false });
        for (const r of c.reports)
          for (const n of r.nodes) {
            expect(n.points).toBeGreaterThanOrEqual(0);
            expect(n.points).toBeLessThanOrEqual(n.max);
          }
        const best = c.best['1.1'];
        if (best !== null && best !== undefined && best > 0) {
          const i = units.findIndex((u) => u.services === best);
          expect(node(c.reports[i], '1.1')?.points).toBe(8);
        }
      }),
    );
  });
});
