/**
 * The example rule sets of `examples/rule-sets/` (issue 3, item 9) are valid and score their
 * cohorts (`examples/cohorts/`) to totals worked out by hand, leaf by leaf, independently of the
 * library (the working is in the comments below). Both files are EXAMPLES, not official rule sets.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import departmentCohort from '../examples/cohorts/department-2025.json' with { type: 'json' };
import districtCohort from '../examples/cohorts/district-2025.json' with { type: 'json' };
import department from '../examples/rule-sets/department-2025.example.json' with { type: 'json' };
import district from '../examples/rule-sets/district-2025.example.json' with { type: 'json' };
import { type AssessmentInput, scoreCohort, validateRuleSet } from '../src/index.js';
import { deepFreeze } from './helpers/deepFreeze.js';

const fields = (report: {
  nodes: readonly { depth: number; section: string; id: string; points: number }[];
}) =>
  Object.fromEntries(
    report.nodes.filter((n) => n.depth === 1 && n.section === 'criteria').map((n) => [n.id, n.points]),
  );

/**
 * Scores an example cohort with its rule set, the assessments deep-frozen (scoring must not change
 * them), and indexes the reports by unit id.
 */
function scoreExample(ruleSet: unknown, assessments: unknown) {
  const cohort = scoreCohort(
    ruleSet as never,
    deepFreeze(structuredClone(assessments)) as unknown as AssessmentInput[],
  );
  return { cohort, by: new Map(cohort.reports.map((r) => [r.unit.id, r])) };
}

type Scored = ReturnType<typeof scoreExample>;

/** A unit's hand-checked result: field points, total, applicable maximum, rounded percent, band. */
type HandChecked = [
  id: string,
  fields: Record<string, number>,
  total: number,
  applicableMax: number,
  percent: number,
  band: string,
];

/** The assertion of one {@link HandChecked} row against the cohort's report for the unit. */
const expectHandChecked =
  (by: () => ReturnType<typeof scoreExample>['by']) =>
  (...[id, expectedFields, total, applicableMax, percent, band]: HandChecked) => {
    const r = by().get(id)!;
    expect(fields(r)).toEqual(expectedFields);
    expect(r.total.points).toBe(total);
    expect(r.total.applicableMax).toBe(applicableMax);
    expect(r.total.roundedPercent).toBe(percent);
    expect(r.band?.label).toBe(band);
  };

describe('examples/rule-sets: validity and labelling', () => {
  it.each([
    ['district', district, 'huyen'],
    ['department', department, 'so'],
  ])('%s rule set is valid, without warnings, and labelled as an example', (_, json, level) => {
    const result = validateRuleSet(json);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.ok && result.ruleSet.level).toBe(level);
    expect(json.legalBasis).toMatch(/^EXAMPLE, NOT AN OFFICIAL RULE SET/);
    expect(json.name).toMatch(/VÍ DỤ \/ EXAMPLE/);
  });

  it('district: 90 self-assessed + 10 by the province; department: 85 self-assessed + 15 survey', () => {
    const district0 = scoreCohort(
      district as never,
      districtCohort.slice(0, 1) as unknown as AssessmentInput[],
    );
    expect(district0.reports[0]?.byAssessor.map((p) => [p.assessor, p.max])).toEqual([
      ['self', 90],
      ['superior', 10],
    ]);
    const department0 = scoreCohort(
      department as never,
      departmentCohort.slice(0, 1) as unknown as AssessmentInput[],
    );
    expect(department0.reports[0]?.byAssessor.map((p) => [p.assessor, p.max])).toEqual([
      ['self', 85],
      ['survey', 15],
    ]);
  });
});

describe('examples/cohorts/district-2025.json, hand-checked', () => {
  // Scored before each test, not at collection time: see docs/mutation.md, step 13.
  let cohort: Scored['cohort'];
  let by: Scored['by'];
  beforeEach(() => {
    ({ cohort, by } = scoreExample(district, districtCohort));
  });

  /*
   * Measured leaves (value → points):
   * huyen-a: 1.2 plan 41/57 = 71,93 % → 1 (from 70 % to 90 %); 3.2 8.673/8.673 on time or early →
   *   4; 3.3 online 8.535/8.673 = 98,41 % ≥ 80 % → 4; 3.4 reduction (91,5 − 63)/91,5 = 31,15 % ≥ 30 %
   *   → 2; 3.5 digitisation 82 % → 3 × 0,82 = 2,46; 4.3 staff cut 5,2 % → 3; 5.3 training 90 % → 2,7;
   *   6.1 disbursement 91 % → 2; 7.1 120 of best 150 → 6 × 0,8 = 4,8; 7.2 51,79 % → 4 × 0,5179/0,7 =
   *   2,9594… → 2,96; 7.3 78,61 % ≥ 60 % → 3.
   *   Fields: 1 = 1 + 1 + 1 + 1 (3 inspections) + 1,75 (appraised) + 1,5 (3 initiatives × 0,5) + 2 = 9,25;
   *   2 = 3 + 1,5 (tốt 75 %) + 2,5 (appraised) = 7; 3 = 2 + 4 + 4 + 2 + 2,46 + 1,5 (1 late, no
   *   apology) + 2,75 = 18,71; 4 = 4 + 3 + 3 = 10; 5 = 3 + 3 + 2,7 + 3 = 11,7; 6 = 2 + 3 = 5;
   *   7 = 4,8 + 2,96 + 3 + 3 (3 items) + 3 = 16,76; 8 = 5,25 + 3,5 = 8,75.
   *   Base 87,17 + bonus 1 = 88,17 / 100 → Tốt.
   * huyen-b: 1.2 52/55 = 94,55 % → 2; 3.2 9.800/10.000 = 98 % → 3; 3.3 9.100/10.000 = 91 % → 4;
   *   3.4 (15 + 1)/23 = 69,57 % → 2; 3.5 → 2,7; 4.3 3,5 % → 2; 5.3 → 3; 6.1 → 4; 7.1 best 150 → 6;
   *   7.2 72 % → 4; 7.3 → 3. Fields: 1 = 12 (1.6: 4 initiatives appraised × 0,5 = 2); 2 = 3 + 1,5
   *   (xuất sắc appraised down to tốt) + 3 = 7,5; 3 = 2 + 3 + 4 + 2 + 2,7 + 2 + 3 = 18,7;
   *   4 = 4 + 1,5 + 2 = 7,5; 5 = 3 + 3 + 3 + 1,5 (vi phạm nhẹ after appraisal) = 10,5; 6 = 8; 7 = 20;
   *   8 = 9,25. Base 93,45 + bonus 3 capped at 2 − deduction 1 = 94,45 → Xuất sắc.
   * thi-xa-c: 1.2 36/40 = 90 % exactly → 1 (not "trên 90 %"); 3.2 4.875/5.000 = 97,5 % → 3; 3.3 60 %
   *   → 3; 3.4 6/30 = 20 % → 1,333… → 1,33; 3.5 45 % below the 50 % floor → 0; 4.3 2 % → 0; 5.3 75 % →
   *   2,25; 6.1 80 % → 2; 7.1 90/150 → 3,6; 7.2 35 % → 2; 7.3 30 % → 1,5. 6.2 not applicable.
   *   Fields: 1 = 0,5 + 1 + 0 (report appraised "no") + 1 + 1,5 + 0,5 + 1 = 5,5; 2 = 3 + 1 + 2 = 6;
   *   3 = 2 + 3 + 3 + 1,33 + 0 + 0 (6 late × 0,5 ≥ 2) + 2,25 = 11,58; 4 = 4 + 3 + 0 = 7;
   *   5 = 3 + 0 + 2,25 + 1,5 = 6,75; 6 = 2; 7 = 3,6 + 2 + 1,5 + 2 + 3 = 12,1; 8 = 7.
   *   57,93 / (100 − 4 not applicable) = 60,34375 % → Trung bình.
   * huyen-d: 1.2 28/40 = 70 % exactly → 1; 3.2 2.850/3.000 = 95 % exactly → 3; 3.3 40 % → 2;
   *   3.4 3/15 → 1,33; 3.5 60 % → 1,8; 4.3 3 % exactly → 2; 5.3 → 1,5; 6.1 60 % → 0; 7.1 and 7.2 did
   *   not arise (null) → not applicable; 7.3 20 % → 1. Fields: 1 = 1 + 1 + 0 + 0,5 + 1,25 + 0 + 0 =
   *   3,75; 2 = 0 + 1 + 1,5 = 2,5; 3 = 2 + 3 + 2 + 1,33 + 1,8 + 1 + 2 = 13,13; 4 = 4 + 0 (appraised
   *   vi-pham) + 2 = 6; 5 = 10,5; 6 = 0 + 2 = 2; 7 = 1 + 1 + 0 = 2; 8 = 6.
   *   Base 45,88 − deductions 2 = 43,88 / 90 = 48,7555… % → Yếu.
   * huyen-e: 1.2 90 % → 1; 3.2 4.975/5.000 = 99,5 % → 3; 3.3 80 % exactly → 4; 3.4 25 % → 1,666… →
   *   1,67; 3.5 50 % exactly (floor inclusive) → 1,5; 4.3 6 % → 3; 5.3 → 2,85; 6.1 95 % exactly → 4;
   *   7.1 135/150 → 5,4; 7.2 70 % exactly → 4; 7.3 60 % → 3. Fields: 1 = 10; 2 = 7; 3 = 16,67;
   *   4 = 10; 5 = 11,85; 6 = 7; 7 = 18,4; 8 = 8,25. Total 89,17 → Tốt.
   */
  it.each<HandChecked>([
    [
      'huyen-a',
      { 1: 9.25, 2: 7, 3: 18.71, 4: 10, 5: 11.7, 6: 5, 7: 16.76, 8: 8.75 },
      88.17,
      100,
      88.17,
      'Tốt',
    ],
    [
      'huyen-b',
      { 1: 12, 2: 7.5, 3: 18.7, 4: 7.5, 5: 10.5, 6: 8, 7: 20, 8: 9.25 },
      94.45,
      100,
      94.45,
      'Xuất sắc',
    ],
    [
      'thi-xa-c',
      { 1: 5.5, 2: 6, 3: 11.58, 4: 7, 5: 6.75, 6: 2, 7: 12.1, 8: 7 },
      57.93,
      96,
      60.34,
      'Trung bình',
    ],
    ['huyen-d', { 1: 3.75, 2: 2.5, 3: 13.13, 4: 6, 5: 10.5, 6: 2, 7: 2, 8: 6 }, 43.88, 90, 48.76, 'Yếu'],
    ['huyen-e', { 1: 10, 2: 7, 3: 16.67, 4: 10, 5: 11.85, 6: 7, 7: 18.4, 8: 8.25 }, 89.17, 100, 89.17, 'Tốt'],
  ])(
    '%s',
    expectHandChecked(() => by),
  );

  it('bonus capped at 2 and a deduction for huyen-b', () => {
    expect(by.get('huyen-b')?.bonus).toEqual({ raw: 3, cap: 2, applied: 2, capped: true, status: 'scored' });
    expect(by.get('huyen-b')?.total).toMatchObject({ base: 93.45, bonus: 2, deductions: 1 });
  });

  it('cohort context and ranking (dense, by points)', () => {
    expect(cohort.best).toEqual({ '7.1': 150 });
    expect(cohort.ranking.map((r) => [r.rank, r.unit.id])).toEqual([
      [1, 'huyen-b'],
      [2, 'huyen-e'],
      [3, 'huyen-a'],
      [4, 'thi-xa-c'],
      [5, 'huyen-d'],
    ]);
    // Totals 43,88 · 57,93 · 88,17 · 89,17 · 94,45: median 88,17; P75 = 89,17.
    expect(cohort.statistics.total.points).toMatchObject({
      min: 43.88,
      median: 88.17,
      p75: 89.17,
      max: 94.45,
    });
  });
});

describe('examples/cohorts/department-2025.json, hand-checked', () => {
  // Scored before each test, not at collection time: see docs/mutation.md, step 13.
  let cohort: Scored['cohort'];
  let by: Scored['by'];
  beforeEach(() => {
    ({ cohort, by } = scoreExample(department, departmentCohort));
  });

  /*
   * Survey 8.1 (7 points, weights A 100, B 60, C 20, D 0), 8.2 (8 points × SIPAS index), both
   * rounded to 2 decimals:
   *   so-tai-chinh: (120·100 + 60·60 + 15·20)/(200·100) = 0,795 → 5,565 → 5,57; 8 × 0,8394 = 6,7152 → 6,72.
   *   so-tu-phap: (90·100 + 80·60 + 20·20)/20.000 = 0,71 → 4,97; 8 × 0,8802 = 7,0416 → 7,04.
   *   so-noi-vu: (100·100 + 90·60 + 10·20)/20.000 = 0,78 → 5,46; 8 × 0,8 = 6,4.
   *   so-xay-dung: (40·100 + 80·60 + 60·20)/20.000 = 0,5 → 3,5; 8 × 0,71 = 5,68.
   * 7.1 normalised to the best (40 services): 40 → 5; 25 → 3,125 → 3,13; 30 → 3,75; 12 → 1,5.
   * 7.2 (target 70 %): 80 % → 4; 55 % → 3,142… → 3,14; 70 % → 4; 20 % → 1,142… → 1,14.
   * so-tai-chinh: 1 = 1 + 3 (30/32) + 2 + 2 + 2 + 2 = 12; 2 = 4 + 3 (xuất sắc, tốt in appraisal round 1,
   *   xuất sắc again in round 2: the latest round wins) + 2,5 (round 1) = 9,5; 3 = 2 + 5 + 4 + 3 + 2 + 3,75 =
   *   19,75; 4 = 8; 5 = 12; 6 = 4 + 3,5 = 7,5; 7 = 5 + 4 + 3 + 3 = 15; 8 = 12,29. Total 96,04.
   * so-tu-phap: 1 = 1 + 1,5 (25/30) + 2 + 1 (2 inspections) + 1,75 + 2 = 9,25; 2 = 10;
   *   3 = 2 + 4 (98 %) + 3,5 (70 %/80 %) + 2 (4/20 = 20 %) + 1,5 + 3,5 = 16,5; 4 = 3 + 3 + 1,5 = 7,5;
   *   5 = 3 + 3 + 2,7 + 3 = 11,7; 6 = 2 (85 %) + 3,5 = 5,5; 7 = 3,13 + 3,14 + 2 + 3 = 11,27;
   *   8 = 12,01. Total 83,73.
   * so-noi-vu: 6.1 did not arise (disbursement null) → 4 points leave the denominator.
   *   1 = 1 + 1,5 (90 % exactly is not "trên 90 %") + 2 + 2 + 2 + 2 = 10,5; 2 = 4 + 2,25 + 2,5 =
   *   8,75; 3 = 2 + 5 + 4 + 2,5 + 2 + 4 = 19,5; 4 = 8; 5 = 12; 6 = 3; 7 = 3,75 + 4 + 3 + 3 = 13,75;
   *   8 = 11,86. Total 87,36 / 96 = 91 % → Xuất sắc.
   * so-xay-dung: 1 = 0,5 + 0 (66,67 %) + 0 (appraised) + 0 + 1 + 1 = 2,5; 2 = 0 + 1,5 + 1,5 = 3;
   *   3 = 2 + 1,5 (92 %) + 2,5 + 1 + 0,5 (3 late) + 2 = 9,5; 4 = 3 + 1,5 + 1 = 5,5;
   *   5 = 3 + 3 + 1,8 + 1,5 = 9,3; 6 = 0 + 2,5 = 2,5; 7 = 1,5 + 1,14 + 1 + 0 = 3,64; 8 = 9,18.
   *   Total 45,12 → Yếu.
   */
  it.each<HandChecked>([
    [
      'so-tai-chinh',
      { 1: 12, 2: 9.5, 3: 19.75, 4: 8, 5: 12, 6: 7.5, 7: 15, 8: 12.29 },
      96.04,
      100,
      96.04,
      'Xuất sắc',
    ],
    [
      'so-tu-phap',
      { 1: 9.25, 2: 10, 3: 16.5, 4: 7.5, 5: 11.7, 6: 5.5, 7: 11.27, 8: 12.01 },
      83.73,
      100,
      83.73,
      'Tốt',
    ],
    [
      'so-noi-vu',
      { 1: 10.5, 2: 8.75, 3: 19.5, 4: 8, 5: 12, 6: 3, 7: 13.75, 8: 11.86 },
      87.36,
      96,
      91,
      'Xuất sắc',
    ],
    [
      'so-xay-dung',
      { 1: 2.5, 2: 3, 3: 9.5, 4: 5.5, 5: 9.3, 6: 2.5, 7: 3.64, 8: 9.18 },
      45.12,
      100,
      45.12,
      'Yếu',
    ],
  ])(
    '%s',
    expectHandChecked(() => by),
  );

  it('ranking: competition (the rule set tie rule); by percent the re-based Sở Nội vụ moves up', () => {
    expect(cohort.ranking.map((r) => [r.rank, r.unit.id])).toEqual([
      [1, 'so-tai-chinh'],
      [2, 'so-noi-vu'],
      [3, 'so-tu-phap'],
      [4, 'so-xay-dung'],
    ]);
    const byPercent = scoreCohort(department as never, departmentCohort as unknown as AssessmentInput[], {
      ranking: { by: 'percent' },
    });
    expect(byPercent.ranking.map((r) => [r.unit.id, r.roundedPercent])).toEqual([
      ['so-tai-chinh', 96.04],
      ['so-noi-vu', 91],
      ['so-tu-phap', 83.73],
      ['so-xay-dung', 45.12],
    ]);
  });
});
