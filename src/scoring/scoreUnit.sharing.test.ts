import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { defineRuleSet } from '../rules/defineRuleSet.js';
import type { AssessmentInput } from './Assessment.js';
import type { ScoreReport } from './ScoreReport.js';
import { scoreUnit } from './scoreUnit.js';

// Bulk reports of one rule set share equal leaf nodes, next steps and lost-points items (frozen
// objects). These tests pin that sharing changes nothing a caller can see but identity: the JSON
// is the same as a report built alone, everything shared is frozen, inputs stay untouched and a
// later change to an input does not reach a report.

/** A district index: manual points on a 0,25 step, named options, a rate in tiers (Cà Mau 1.1.4). */
function ruleSet() {
  return defineRuleSet({
    id: 'sharing',
    version: '1',
    legalBasis: 'test',
    level: 'huyen',
    total: 10,
    children: [
      {
        id: '1',
        max: 6,
        children: [
          { id: '1.1', max: 2, assessor: 'self', rule: { kind: 'manual', step: 0.25 } },
          {
            id: '1.2',
            max: 2,
            assessor: 'self',
            rule: {
              kind: 'options',
              options: [
                { id: 'kip-thoi', points: 2 },
                { id: 'cham', points: 1 },
                { id: 'khong', points: 0 },
              ],
            },
          },
          {
            id: '1.3',
            max: 2,
            assessor: 'self',
            rule: {
              kind: 'tiers',
              display: 'percent',
              tiers: [
                { min: 0.9, minInclusive: false, points: 2 },
                { min: 0.7, max: 0.9, maxInclusive: true, points: 1 },
                { min: 0, max: 0.7, points: 0 },
              ],
            },
          },
        ],
      },
      {
        id: '2',
        max: 4,
        assessor: 'superior',
        rule: {
          kind: 'count-tiers',
          tiers: [
            { atLeast: 4, points: 4 },
            { atLeast: 2, points: 2 },
          ],
        },
      },
    ],
  });
}

function unit(id: string, k: number): AssessmentInput {
  return {
    unit: { id },
    period: '2025',
    entries: {
      '1.1': {
        self: { value: (k % 5) * 0.25, evidence: ['bc-01.pdf'] },
        'appraisal-1': { value: 1, note: 'điều chỉnh' },
      },
      '1.2': { self: { value: k % 2 === 0 ? 'kip-thoi' : 'cham' } },
      '1.3': { self: { value: 0.6 + (k % 37) / 100 } },
      '2': { superior: { value: k % 3 } },
    },
  };
}

const json = (r: ScoreReport) => JSON.stringify(r);

/** Whether everything reachable from `value` is frozen. */
function deepFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Object.isFrozen(value) && Object.values(value).every(deepFrozen);
}

describe('bulk reports share equal parts without changing any report', () => {
  it('the same unit scores the same JSON alone, first of many and last of many', () => {
    const alone = json(scoreUnit(ruleSet(), unit('u7', 7), { explanations: false }));
    const rs = ruleSet();
    const many = Array.from({ length: 300 }, (_, k) =>
      scoreUnit(rs, unit(`u${k}`, k), { explanations: false }),
    );
    expect(json(many[7]!)).toBe(alone);
    expect(json(scoreUnit(rs, unit('u7', 7), { explanations: false }))).toBe(alone);
    // Equal leaves are one object; the groups (sums) and the units differ.
    expect(many[7]!.nodes.find((n) => n.id === '1.2')).toBe(many[9]!.nodes.find((n) => n.id === '1.2'));
    expect(many[7]!.nodes[0]).not.toBe(many[9]!.nodes[0]);
    expect(many.every((r) => deepFrozen(r))).toBe(true);
  });

  it('explanations on and off alternate on one rule set: each keeps its own next-step sentences', () => {
    const rs = ruleSet();
    for (let k = 0; k < 200; k++) {
      const bulk = scoreUnit(rs, unit('u', k), { explanations: false });
      const full = scoreUnit(rs, unit('u', k));
      const b = bulk.nodes.find((n) => n.id === '2')!;
      const f = full.nodes.find((n) => n.id === '2')!;
      expect(b.points).toBe(f.points);
      if (f.next) {
        expect(f.next.explanation.vi).toMatch(/^Cần đạt \d để được thêm \d điểm$/);
        expect(b.next?.explanation).toEqual({ vi: '', en: '' });
        expect(bulk.lostPoints.find((l) => l.id === '2')?.next).toBe(b.next);
        expect(full.lostPoints.find((l) => l.id === '2')?.next).toEqual(f.next);
      }
    }
  });

  it('a leaf on a continuous rate (no two units alike) still scores every unit right', () => {
    const rs = ruleSet();
    for (let k = 0; k < 400; k++) {
      const rate = k / 400;
      const r = scoreUnit(
        rs,
        { unit: { id: `u${k}` }, period: '2025', entries: { '1.3': { self: { value: rate } } } },
        { explanations: false },
      );
      const node = r.nodes.find((n) => n.id === '1.3')!;
      expect(node.measured).toBe(rate);
      expect(node.points).toBe(rate > 0.9 ? 2 : rate >= 0.7 ? 1 : 0);
    }
  });

  it('inputs are not touched, and changing one later does not reach a report', () => {
    const rs = ruleSet();
    const frozen = deepFreeze(unit('a', 3));
    scoreUnit(rs, frozen, { explanations: false }); // would throw on a write
    const input = structuredClone(unit('b', 3));
    const report = scoreUnit(rs, input, { explanations: false });
    const before = json(report);
    input.entries?.['1.1']?.self?.evidence?.push('later.pdf');
    expect(input.entries?.['1.1']?.self?.evidence).toHaveLength(2);
    expect(json(report)).toBe(before);
    expect(report.nodes.find((n) => n.id === '1.1')?.evidence).toEqual(['bc-01.pdf']);
  });

  it('evidence: each file once, a stage list with repeats or several stages merged, in order', () => {
    const rs = ruleSet();
    for (let k = 0; k < 3; k++) {
      const r = scoreUnit(
        rs,
        {
          unit: { id: 'e' },
          period: '2025',
          entries: {
            '1.1': {
              self: { value: 1, evidence: ['a.pdf', 'b.pdf', 'a.pdf'] },
              'appraisal-1': { value: 1, evidence: ['b.pdf', 'c.pdf'] },
            },
            '1.2': { self: { value: 'cham', evidence: ['x.pdf', 'x.pdf'] } },
            '2': { superior: { value: 4, evidence: [] } },
          },
        },
        { explanations: false },
      );
      expect(r.nodes.find((n) => n.id === '1.1')?.evidence).toEqual(['a.pdf', 'b.pdf', 'c.pdf']);
      expect(r.nodes.find((n) => n.id === '1.2')?.evidence).toEqual(['x.pdf']);
      expect(r.nodes.find((n) => n.id === '2')?.evidence).toEqual([]);
    }
  });

  it('item lists, yes/no answers and evidence lists of one length are told apart', () => {
    const rs = defineRuleSet({
      id: 'lists',
      version: '1',
      legalBasis: 'test',
      level: 'xa',
      total: 3,
      children: [
        {
          id: 'L',
          max: 2,
          assessor: 'self',
          rule: {
            kind: 'per-item',
            items: [
              { id: 'a', points: 1 },
              { id: 'b', points: 1 },
              { id: 'c', points: 0.5 },
            ],
          },
        },
        { id: 'Y', max: 1, assessor: 'self', rule: { kind: 'yes-no' } },
      ],
    });
    const lists = [['a'], ['b'], ['c'], ['a', 'b'], ['a', 'c'], ['b', 'c'], []];
    for (let k = 0; k < 60; k++) {
      const items = lists[k % lists.length]!;
      const r = scoreUnit(
        rs,
        {
          unit: { id: `u${k}` },
          period: '2025',
          entries: {
            L: { self: { value: items, evidence: [k % 2 === 0 ? 'x.pdf' : 'y.pdf'] } },
            Y: { self: { value: k % 3 === 0 } },
          },
        },
        { explanations: false },
      );
      const l = r.nodes.find((n) => n.id === 'L')!;
      expect(l.measured).toEqual(items);
      expect(l.points).toBe(items.reduce((sum, id) => sum + (id === 'c' ? 0.5 : 1), 0));
      expect(l.evidence).toEqual([k % 2 === 0 ? 'x.pdf' : 'y.pdf']);
      expect(r.nodes.find((n) => n.id === 'Y')?.points).toBe(k % 3 === 0 ? 1 : 0);
    }
  });

  it('a proportional leaf on a rate (every next step its own) keeps exact figures', () => {
    const rs = defineRuleSet({
      id: 'rate',
      version: '1',
      legalBasis: 'test',
      level: 'tinh',
      total: 20,
      children: [{ id: 'P', max: 20, assessor: 'superior', rule: { kind: 'proportional', target: 0.8 } }],
    });
    for (let k = 0; k < 200; k++) {
      const rate = k / 400; // below the 80 % target: 0 … 9,95 points
      const r = scoreUnit(
        rs,
        { unit: { id: `u${k}` }, period: '2025', entries: { P: { superior: { value: rate } } } },
        { explanations: false },
      );
      const node = r.nodes[0]!;
      expect(node.points).toBe((20 * k) / 320);
      expect(node.next).toMatchObject({ value: 0.8, points: 20, gain: 20 - node.points });
      expect(r.lostPoints[0]).toMatchObject({ id: 'P', lost: 20 - node.points, next: node.next });
    }
  });
});
