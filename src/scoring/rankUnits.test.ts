import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { manualReport, manualRuleSet, type Scores } from '../../test/fixtures/cohort/manual.js';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { defineRuleSet } from '../rules/defineRuleSet.js';
import { rankUnits } from './rankUnits.js';
import { scoreUnit } from './scoreUnit.js';

const reportsOf = (rows: [string, Scores][]) => rows.map(([id, s]) => manualReport(id, s));

describe('rankUnits: methods', () => {
  // Totals: a 9, b 8, c 8, d 7, e 7, f 5.
  // Scored before each test, not at collection time: see docs/mutation.md, step 13.
  let reports: ReturnType<typeof reportsOf>;
  beforeEach(() => {
    reports = deepFreeze(
      reportsOf([
        ['c', [4, 1, 3]],
        ['a', [4, 2, 3]],
        ['b', [3, 2, 3]],
        ['d', [3, 1, 3]],
        ['e', [2, 2, 3]],
        ['f', [1, 1, 3]],
      ]),
    );
  });

  it.each([
    ['dense', [1, 2, 2, 3, 3, 4]],
    ['competition', [1, 2, 2, 4, 4, 6]],
  ] as const)('%s ranks: %j', (method, ranks) => {
    const rows = rankUnits(reports, { method });
    expect(rows.map((r) => r.rank)).toEqual(ranks);
    expect(rows.map((r) => r.unit.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(rows.map((r) => r.tied)).toEqual([false, true, true, true, true, false]);
  });

  it('rows carry points, percent, rounded percent and band', () => {
    expect(rankUnits(reports)[0]).toEqual({
      rank: 1,
      unit: { id: 'a', name: 'Đơn vị a' },
      points: 9,
      percent: 90,
      roundedPercent: 90,
      band: 'Tốt',
      tied: false,
    });
  });

  it('the rule set tie rule is the default method when options.ruleSet is given', () => {
    const rs = manualRuleSet('1', 'competition');
    const own = reportsOf([
      ['a', [4, 2, 3]],
      ['b', [3, 2, 3]],
      ['c', [4, 1, 3]],
      ['d', [3, 1, 3]],
    ]);
    expect(rankUnits(own, { ruleSet: rs }).map((r) => r.rank)).toEqual([1, 2, 2, 4]);
    expect(rankUnits(own).map((r) => r.rank)).toEqual([1, 2, 2, 3]);
  });

  it('empty input gives an empty ranking', () => {
    expect(rankUnits([])).toEqual([]);
  });
});

describe('rankUnits: by and tie-breakers', () => {
  it('by percent uses the applicable maximum (rebase): 5/6 beats 7/10', () => {
    // p: 1.1 and 1.2 scored 3 + 2 = 5, field 2 not applicable → 5/6 = 83,33 %; q: 7/10 = 70 %.
    const reports = reportsOf([
      ['q', [3, 1, 3]],
      ['p', [3, 2, null]],
    ]);
    expect(rankUnits(reports).map((r) => r.unit.id)).toEqual(['q', 'p']);
    expect(rankUnits(reports, { by: 'percent' }).map((r) => r.unit.id)).toEqual(['p', 'q']);
  });

  it('by rounded percent: 66,67 % and 67 % tie when the rule set publishes whole percentages', () => {
    const rs = defineRuleSet({
      id: 'rounded',
      version: '1',
      legalBasis: 'illustrative test fixture',
      level: 'xa',
      total: 3,
      precision: { percent: 0 },
      children: [{ id: '1', max: 3, assessor: 'superior', rule: { kind: 'manual' } }],
    });
    const r = (id: string, value: number) =>
      scoreUnit(rs, { unit: { id }, period: '2025', entries: { '1': { superior: { value } } } });
    // 2/3 = 66,666…% → 67; 2,01/3 = 67 %; 1,98/3 = 66 %.
    const reports = [r('m', 2), r('n', 2.01), r('o', 1.98)];
    expect(rankUnits(reports, { by: 'percent' }).map((row) => [row.unit.id, row.rank])).toEqual([
      ['n', 1],
      ['m', 2],
      ['o', 3],
    ]);
    const rounded = rankUnits(reports, { by: 'rounded-percent' });
    expect(rounded.map((row) => [row.unit.id, row.rank, row.roundedPercent, row.tied])).toEqual([
      ['m', 1, 67, true],
      ['n', 1, 67, true],
      ['o', 2, 66, false],
    ]);
  });

  it('a tie-breaker node splits a tie; units still equal keep one rank, listed by id', () => {
    // All total 8: x has 2 = 4, y and z have 2 = 3.
    const reports = reportsOf([
      ['z', [4, 1, 3]],
      ['y', [3, 2, 3]],
      ['x', [3, 1, 4]],
    ]);
    expect(rankUnits(reports).map((r) => [r.unit.id, r.rank])).toEqual([
      ['x', 1],
      ['y', 1],
      ['z', 1],
    ]);
    const broken = rankUnits(reports, { tieBreakers: ['2'], method: 'competition' });
    expect(broken.map((r) => [r.unit.id, r.rank, r.tied])).toEqual([
      ['x', 1, false],
      ['y', 2, true],
      ['z', 2, true],
    ]);
    const twice = rankUnits(reports, { tieBreakers: ['2', '1.1'] });
    expect(twice.map((r) => [r.unit.id, r.rank, r.tied])).toEqual([
      ['x', 1, false],
      ['z', 2, false],
      ['y', 3, false],
    ]);
  });

  it('a unit with no percentage ranks last by percent', () => {
    const reports = reportsOf([
      ['none', [null, null, null]],
      ['some', [0, 0, 0]],
    ]);
    expect(rankUnits(reports, { by: 'percent' }).map((r) => [r.unit.id, r.percent])).toEqual([
      ['some', 0],
      ['none', null],
    ]);
  });
});

describe('rankUnits: refusals', () => {
  it('reports of another version → INCOMPATIBLE_RESULTS', () => {
    const a = manualReport('a', [1, 1, 1]);
    const b = manualReport('b', [1, 1, 1], '2025', manualRuleSet('2'));
    const error = expectCchcError(() => rankUnits([a, b]), 'INCOMPATIBLE_RESULTS', ['reports', 1, 'ruleSet']);
    expect(error.issues[0]?.message).toMatch(/version "2"/);
    expectCchcError(() => rankUnits([a], { ruleSet: manualRuleSet('2') }), 'INCOMPATIBLE_RESULTS', [
      'reports',
      0,
      'ruleSet',
    ]);
  });

  it('reports of another period → INCOMPATIBLE_RESULTS', () => {
    expectCchcError(
      () => rankUnits([manualReport('a', [1, 1, 1]), manualReport('b', [1, 1, 1], '2024')]),
      'INCOMPATIBLE_RESULTS',
      ['reports', 1, 'period'],
    );
  });

  it('duplicate units, non-reports, bad options, unknown tie-breakers', () => {
    const a = manualReport('a', [1, 1, 1]);
    expectCchcError(() => rankUnits([a, a]), 'INVALID_INPUT', ['reports', 1, 'unit', 'id']);
    expectCchcError(() => rankUnits([{ total: 3 }] as never), 'INVALID_INPUT', ['reports', 0, 'total']);
    expectCchcError(() => rankUnits('x' as never), 'INVALID_INPUT', ['reports']);
    expectCchcError(() => rankUnits([a], { method: 'olympic' } as never), 'INVALID_INPUT', [
      'options',
      'method',
    ]);
    expectCchcError(() => rankUnits([a], { tieBreakers: ['9'] }), 'INVALID_OPTIONS', [
      'options',
      'tieBreakers',
      0,
    ]);
  });
});

describe('rankUnits: laws', () => {
  const scoresArb = fc.tuple(
    fc.integer({ min: 0, max: 16 }).map((q) => q / 4),
    fc.integer({ min: 0, max: 8 }).map((q) => q / 4),
    fc.integer({ min: 0, max: 16 }).map((q) => q / 4),
  );
  const cohortArb = fc.array(scoresArb, { minLength: 1, maxLength: 8 });

  it('competition rank = 1 + units strictly better; dense ranks are contiguous; order does not matter', () => {
    fc.assert(
      fc.property(cohortArb, fc.boolean(), (scores, reverse) => {
        const reports = scores.map((s, i) => manualReport(`u${i}`, s));
        const list = reverse ? [...reports].reverse() : reports;
        const comp = rankUnits(list, { method: 'competition' });
        for (const row of comp) {
          const better = comp.filter((r) => r.points > row.points).length;
          expect(row.rank).toBe(better + 1);
        }
        const dense = rankUnits(list, { method: 'dense' });
        const distinct = [...new Set(dense.map((r) => r.rank))];
        expect(distinct).toEqual(distinct.map((_, i) => i + 1));
        expect(rankUnits(reports, { method: 'dense' })).toEqual(dense);
        expect(dense.map((r) => r.points)).toEqual([...dense.map((r) => r.points)].sort((a, b) => b - a));
      }),
    );
  });
});
