import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import example from '../../test/fixtures/rules/example-district.json' with { type: 'json' };
import { defineRuleSet } from '../rules/defineRuleSet.js';
import type { RuleNodeInput, RuleSetInput } from '../rules/RuleSet.js';
import type { AssessmentInput } from './Assessment.js';
import type { NodeScore, ScoreReport } from './ScoreReport.js';
import { scoreUnit } from './scoreUnit.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const byId = (report: ScoreReport, id: string): NodeScore => report.nodes.find((n) => n.id === id)!;

const exampleAssessment: AssessmentInput = {
  unit: { id: 'u1', name: 'Huyện A', level: 'huyen' },
  period: '2025',
  ruleSet: { id: 'example-district-2025', version: '1' },
  data: {
    plan: { done: 41, total: 57 },
    dossiers: { received: { online: 8535, inPerson: 138 }, resolved: { early: 8000, onTime: 600, late: 73 } },
    procedures: [{ before: 91.5, after: 63 }],
  },
  entries: {
    '1.1': { self: { value: 'kip-thoi' }, 'appraisal-1': { value: 'khong-kip-thoi', note: 'ban hành chậm' } },
    '1.3': { self: { value: true, evidence: ['bc-01.pdf', 'https://example.org/bc-02.pdf'] } },
    '1.4': {
      self: { value: 5.5 },
      'appraisal-1': { value: 5, explanationRequested: true },
      'appraisal-2': { value: 5.25 },
    },
    '2.4': { self: { value: 60 } },
    '9': { superior: { value: 8.5 } },
    B1: { superior: { value: 3 } },
    T1: { superior: { value: 2 } },
  },
};

describe('scoreUnit: golden case (example district, 90 self + 10 superior), checked by hand', () => {
  const ruleSet = defineRuleSet(example);
  // Scored before each test, not at collection time: see docs/mutation.md, step 13.
  let report: ScoreReport;
  beforeEach(() => {
    report = scoreUnit(ruleSet, deepFreeze(structuredClone(exampleAssessment)));
  });

  it('totals: base 83 + bonus 2 (3 capped at 2) − deductions 0,5 = 84,5 → Tốt', () => {
    expect(report.total).toEqual({
      points: 84.5,
      max: 100,
      applicableMax: 100,
      pendingMax: 0,
      notApplicableMax: 0,
      percent: 84.5,
      roundedPercent: 84.5,
      status: 'scored',
      base: 83,
      bonus: 2,
      deductions: 0.5,
    });
    expect(report.bonus).toEqual({ raw: 3, cap: 2, applied: 2, capped: true, status: 'scored' });
    expect(report.deductions).toEqual({ raw: 0.5, cap: 3, applied: 0.5, capped: false, status: 'scored' });
    expect(report.band).toEqual({ label: 'Tốt', minPercent: 80, provisional: false });
  });

  it('split by assessor: self 74,5/90 = 82,78 %, superior 8,5/10', () => {
    expect(report.byAssessor.map((p) => [p.assessor, p.points, p.max, p.roundedPercent])).toEqual([
      ['self', 74.5, 90, 82.78],
      ['superior', 8.5, 10, 85],
    ]);
  });

  it('per node: latest appraisal wins, self vs appraised difference kept', () => {
    expect(byId(report, '1.1')).toMatchObject({
      points: 0.5,
      source: 'appraisal-1',
      selfPoints: 1,
      appraisalDelta: -0.5,
      note: 'ban hành chậm',
    });
    expect(byId(report, '1.4')).toMatchObject({
      points: 5.25,
      source: 'appraisal-2',
      selfPoints: 5.5,
      appraisalDelta: -0.25,
      explanationRequested: true,
    });
    expect(byId(report, '1.3')).toMatchObject({
      source: 'self',
      evidence: ['bc-01.pdf', 'https://example.org/bc-02.pdf'],
    });
    expect(byId(report, '1')).toMatchObject({
      points: 7.75,
      max: 10,
      percent: 77.5,
      selfPoints: 7.5,
      appraisalDelta: -0.75,
      status: 'scored',
    });
    expect(byId(report, '2')).toMatchObject({ points: 66.75, max: 80 });
  });

  it('measured leaves: plan 41/57, on time or early 8.600/8.673, online 98,41 %, reduction 31,15 %', () => {
    expect(byId(report, '1.2')).toMatchObject({ points: 1, source: 'data', measured: 41 / 57 });
    expect(byId(report, '2.1')).toMatchObject({ points: 0.75, measured: 8600 / 8673 });
    expect(byId(report, '2.1').explanation?.vi).toBe(
      'Tỷ lệ 99,16 % thuộc khoảng từ 95 % đến dưới 100 %: 0,75/1 điểm',
    );
    expect(byId(report, '2.2')).toMatchObject({ points: 4, reason: 'CAPPED' });
    expect(byId(report, '2.3')).toMatchObject({ points: 2, reason: 'CAPPED' });
  });

  it('lost points, largest first, with next hints', () => {
    expect(report.lostPoints.map((l) => [l.id, l.lost])).toEqual([
      ['2.4', 13],
      ['9', 1.5],
      ['1.2', 1],
      ['1.4', 0.75],
      ['1.1', 0.5],
      ['T1', 0.5],
      ['2.1', 0.25],
    ]);
    expect(report.lostPoints[2]!.next).toMatchObject({ value: 0.9, comparison: 'more-than', gain: 1 });
  });

  it('is JSON-safe and readonly', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(Object.isFrozen(report)).toBe(true);
    expect(Object.isFrozen(report.nodes[0])).toBe(true);
  });

  it('accepts the raw JSON too, with the same result', () => {
    expect(scoreUnit(example as RuleSetInput, exampleAssessment)).toEqual(report);
  });
});

describe('Đắk Song (Đắk Nông), 6 months 2023', () => {
  const ruleSet = defineRuleSet({
    id: 'dak-song-2023',
    version: '1',
    legalBasis: 'illustrative: 10 điểm UBND tỉnh + 90 điểm tự đánh giá (DOMAIN.md)',
    level: 'huyen',
    total: 100,
    children: [
      {
        id: '1',
        name: 'Tự đánh giá',
        assessor: 'self',
        children: [
          {
            id: '1.1',
            name: 'Mức độ hoàn thành kế hoạch CCHC',
            max: 2,
            rule: {
              kind: 'tiers',
              measure: 'plan.completionRate',
              tiers: [
                { min: 0.9, minInclusive: false, points: 2 },
                { min: 0.7, max: 0.9, maxInclusive: true, points: 1 },
                { min: 0, max: 0.7, points: 0 },
              ],
            },
          },
          { id: '1.2', max: 88, rule: { kind: 'manual', step: 0.25 } },
        ],
      },
      {
        id: '2',
        name: 'UBND tỉnh đánh giá',
        max: 10,
        assessor: 'superior',
        rule: { kind: 'manual', step: 0.25 },
      },
    ],
  });
  let report: ScoreReport;
  beforeEach(() => {
    report = scoreUnit(ruleSet, {
      unit: { id: 'dak-song', name: 'Đắk Song' },
      period: '2023-H1',
      data: { plan: { done: 41, total: 57 } },
      entries: { '1.2': { self: { value: 60 } } },
    });
  });

  it('plan 41/57 = 71,93 % falls in the 70–90 % tier: 1 point', () => {
    expect(byId(report, '1.1').explanation?.vi).toBe('Tỷ lệ 71,93 % thuộc khoảng từ 70 % đến 90 %: 1/2 điểm');
  });
  it('61 of the 90 self-assessed points = 67,78 %; the 10 superior points pending', () => {
    expect(report.byAssessor).toEqual([
      expect.objectContaining({
        assessor: 'self',
        points: 61,
        max: 90,
        roundedPercent: 67.78,
        status: 'scored',
      }),
      expect.objectContaining({
        assessor: 'superior',
        points: 0,
        max: 10,
        pendingMax: 10,
        status: 'pending',
      }),
    ]);
    expect(report.total).toMatchObject({ points: 61, max: 100, pendingMax: 10, status: 'partial' });
    expect(byId(report, '2')).toMatchObject({ status: 'pending', reason: 'NOT_ASSESSED', points: 0 });
  });
});

describe('not applicable: rebase vs keep (Huế "% điểm phát sinh", Hà Nội rescale to 100)', () => {
  const make = (policy: 'rebase' | 'keep') =>
    defineRuleSet({
      id: 'ha-noi-phong',
      version: '1',
      legalBasis: 'illustrative',
      level: 'phong',
      total: 100,
      notApplicable: policy,
      children: [
        { id: '1', max: 70, assessor: 'self', rule: { kind: 'manual' } },
        { id: '2', max: 30, assessor: 'survey', rule: { kind: 'survey' } },
      ],
    });
  const assessment: AssessmentInput = {
    unit: { id: 'p' },
    period: '2025',
    entries: { '1': { self: { value: 63 } }, '2': { survey: { notApplicable: true } } },
  };
  it('rebase: 63 of 70 = 90 %', () => {
    expect(scoreUnit(make('rebase'), assessment).total).toMatchObject({
      points: 63,
      applicableMax: 70,
      notApplicableMax: 30,
      percent: 90,
    });
  });
  it('keep: 63 of 100 = 63 %', () => {
    expect(scoreUnit(make('keep'), assessment).total).toMatchObject({
      points: 63,
      applicableMax: 100,
      notApplicableMax: 30,
      percent: 63,
    });
  });
  it('pending, not applicable and scored zero stay apart', () => {
    const r = scoreUnit(make('rebase'), {
      unit: { id: 'p' },
      period: '2025',
      entries: { '1': { self: { value: 0 } } },
    });
    expect([byId(r, '1').status, byId(r, '2').status]).toEqual(['scored', 'pending']);
  });
});

describe('assessment errors', () => {
  const ruleSet = defineRuleSet(example);
  it('lists every problem with its path', () => {
    try {
      scoreUnit(ruleSet, {
        unit: { id: 'u', level: 'xa' },
        period: '2025',
        entries: {
          nope: { self: { value: 1 } },
          '1': { self: { value: 1 } },
          '9': { self: { value: 1 } },
          '1.1': { self: { value: 'muon' } },
          '1.3': { 'appraisal-3': { value: true } },
          '1.4': { self: { value: 1, notApplicable: true } },
          '2.1': { self: { value: 'abc' } },
        },
        data: { dossiers: { received: { online: -1 } } },
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_ASSESSMENT' });
      const paths = (error as { issues: { path: unknown[] }[] }).issues.map((i) => i.path.join('.'));
      expect(paths).toHaveLength(9);
      expect(paths).toEqual(
        expect.arrayContaining([
          'unit.level',
          'entries.nope',
          'entries.1',
          'entries.9.self',
          'entries.1.1.self.value',
          'entries.1.3.appraisal-3',
          'entries.1.4.self.value',
          'entries.2.1.self.value',
          'data.dossiers.received.online',
        ]),
      );
    }
  });
  it('refuses an assessment made for another rule-set version', () => {
    expect(() =>
      scoreUnit(ruleSet, { ...exampleAssessment, ruleSet: { id: 'example-district-2025', version: '2' } }),
    ).toThrow(/version "2"/);
  });
  it('missing data leaves measured leaves pending (NO_DATA)', () => {
    const r = scoreUnit(ruleSet, { unit: { id: 'u' }, period: '2025' });
    expect(byId(r, '1.2')).toMatchObject({ status: 'pending', reason: 'NO_DATA' });
    expect(r.total.status).toBe('pending');
    expect(r.band).toEqual({ label: 'Yếu', minPercent: 0, provisional: true });
  });
});

// ---------------------------------------------------------------- properties

const quarter = (max: number) => fc.integer({ min: 0, max: max * 4 }).map((q) => q / 4);

interface GenLeaf {
  max: number;
}
type GenNode = GenLeaf | GenNode[];

const treeArb: fc.Arbitrary<GenNode[]> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ max: fc.integer({ min: 0, max: 40 }).map((q) => q / 4) }),
    tie('group'),
  ),
  group: fc.array(tie('node'), { minLength: 1, maxLength: 4 }),
})).group as fc.Arbitrary<GenNode[]>;

function toRuleSet(
  tree: GenNode[],
  policy: 'rebase' | 'keep',
): { rs: RuleSetInput; leaves: { id: string; max: number }[] } {
  const leaves: { id: string; max: number }[] = [];
  const build = (n: GenNode, id: string): { node: RuleNodeInput; max: number } => {
    if (Array.isArray(n)) {
      const kids = n.map((c, i) => build(c, `${id}.${i + 1}`));
      const max = kids.reduce((s, k) => s + k.max * 4, 0) / 4;
      return { node: { id, children: kids.map((k) => k.node) }, max };
    }
    leaves.push({ id, max: n.max });
    return { node: { id, max: n.max, rule: { kind: 'manual', step: 0.25 } }, max: n.max };
  };
  const top = tree.map((n, i) => build(n, String(i + 1)));
  const total = top.reduce((s, k) => s + k.max * 4, 0) / 4;
  return {
    rs: {
      id: 'p',
      version: '1',
      legalBasis: 'property',
      level: 'xa',
      total,
      assessor: 'self',
      notApplicable: policy,
      children: top.map((t) => t.node),
    },
    leaves,
  };
}

const caseArb = treeArb.chain((tree) => {
  const { leaves } = toRuleSet(tree, 'rebase');
  return fc.record({
    tree: fc.constant(tree),
    states: fc.tuple(
      ...leaves.map((l) =>
        fc.oneof(quarter(l.max), fc.constant('na' as const), fc.constant('pending' as const)),
      ),
    ),
  });
});

function assessmentOf(
  leaves: { id: string }[],
  states: readonly (number | 'na' | 'pending')[],
): AssessmentInput {
  const entries: Record<string, Record<string, { value?: number; notApplicable?: boolean }>> = {};
  leaves.forEach((l, i) => {
    const s = states[i];
    if (s === 'pending' || s === undefined) return;
    entries[l.id] = { self: s === 'na' ? { notApplicable: true } : { value: s } };
  });
  return { unit: { id: 'u' }, period: '2025', entries };
}

describe('properties', () => {
  it('0 ≤ points ≤ max at every node, and every group is the exact sum of its children', () => {
    fc.assert(
      fc.property(caseArb, ({ tree, states }) => {
        const { rs, leaves } = toRuleSet(tree, 'rebase');
        const report = scoreUnit(defineRuleSet(rs), assessmentOf(leaves, states));
        const map = new Map(report.nodes.map((n) => [n.id, n]));
        for (const n of report.nodes) {
          expect(n.points).toBeGreaterThanOrEqual(0);
          expect(n.points).toBeLessThanOrEqual(n.max);
          expect(n.applicableMax).toBeLessThanOrEqual(n.max);
          if (n.childIds.length > 0) {
            const sum = n.childIds.reduce((s, id) => s + map.get(id)!.points * 4, 0);
            expect(n.points * 4).toBe(sum);
          }
        }
        const top = report.nodes.filter((n) => n.parentId === null);
        expect(report.total.points * 4).toBe(top.reduce((s, n) => s + n.points * 4, 0));
      }),
      { numRuns: 150 },
    );
  });

  it('the order of criteria does not change any node’s result', () => {
    fc.assert(
      fc.property(caseArb, ({ tree, states }) => {
        const a = toRuleSet(tree, 'rebase');
        const ra = scoreUnit(a.rs, assessmentOf(a.leaves, states));
        const rb = scoreUnit(reversed(a.rs), assessmentOf(a.leaves, states));
        for (const n of ra.nodes) {
          const m = byId(rb, n.id);
          expect({ ...m, childIds: [...m.childIds].reverse() }).toEqual(n);
        }
        expect(rb.total).toEqual(ra.total);
        expect(rb.lostPoints.map((l) => l.lost)).toEqual(ra.lostPoints.map((l) => l.lost));
      }),
      { numRuns: 100 },
    );
  });

  it('rebase leaves a fully applicable unit unchanged compared with keep', () => {
    fc.assert(
      fc.property(caseArb, ({ tree, states }) => {
        const full = states.map((s) => (typeof s === 'number' ? s : 0));
        const a = toRuleSet(tree, 'rebase');
        const k = toRuleSet(tree, 'keep');
        const ra = scoreUnit(a.rs, assessmentOf(a.leaves, full));
        const rk = scoreUnit(k.rs, assessmentOf(k.leaves, full));
        expect({ ...ra, ruleSet: null }).toEqual({ ...rk, ruleSet: null });
      }),
      { numRuns: 100 },
    );
  });

  it('never mutates its inputs and the report survives a JSON round trip', () => {
    fc.assert(
      fc.property(caseArb, ({ tree, states }) => {
        const { rs, leaves } = toRuleSet(tree, 'keep');
        const input = deepFreeze(structuredClone(rs));
        const assessment = deepFreeze(assessmentOf(leaves, states));
        const report = scoreUnit(input, assessment);
        expect(JSON.parse(JSON.stringify(report))).toEqual(report);
        expect(input).toEqual(rs);
      }),
      { numRuns: 100 },
    );
  });
});

/** The same rule set with the children of every node in reverse order (ids unchanged). */
function reversed(original: RuleSetInput): RuleSetInput {
  const rev = (nodes: RuleNodeInput[]): RuleNodeInput[] =>
    [...nodes].reverse().map((n) => (n.children ? { ...n, children: rev(n.children) } : n));
  return { ...original, children: rev(original.children) };
}
