import { describe, expect, it } from 'vitest';
import type { NodeScore } from '../../scoring/ScoreReport.js';
import { scoreUnit } from '../../scoring/scoreUnit.js';
import { defineRuleSet } from '../defineRuleSet.js';

function leaf(
  rule: unknown,
  max: number | string,
  value: unknown,
  extra: Record<string, unknown> = {},
): NodeScore {
  const rs = defineRuleSet({
    id: 't',
    version: '1',
    legalBasis: 'test',
    level: 'xa',
    total: max,
    children: [{ id: 'L', max, assessor: 'self', rule, ...extra }],
  });
  const entries = value === undefined ? {} : { L: { self: { value } } };
  return scoreUnit(rs, { unit: { id: 'u' }, period: '2025', entries } as never).nodes[0]!;
}

describe('manual', () => {
  it.each([
    [0, 0],
    [0.25, 0.25],
    [1, 1],
    ['0.75', 0.75],
  ])('accepts %s on the 0.25 step', (v, p) => {
    expect(leaf({ kind: 'manual', step: 0.25 }, 1, v).points).toBe(p);
  });
  it.each([[1.01], [-0.25], [0.3]])('rejects %s (above max, negative, off step)', (v) => {
    expect(() => leaf({ kind: 'manual', step: 0.25 }, 1, v)).toThrow(
      expect.objectContaining({ code: 'INVALID_ASSESSMENT' }),
    );
  });
  it('explains in vi and en', () => {
    expect(leaf({ kind: 'manual' }, 10, 8.5).explanation).toEqual({
      vi: 'Điểm chấm: 8,5/10 điểm',
      en: 'Points given: 8.5/10 points',
    });
  });
});

describe('yes-no', () => {
  it('gives max for yes and 0 for no by default', () => {
    expect(leaf({ kind: 'yes-no' }, 1, true).points).toBe(1);
    expect(leaf({ kind: 'yes-no' }, 1, false)).toMatchObject({ points: 0, status: 'scored', reason: 'NO' });
  });
  it('uses the labels of Cà Mau 1880/2013', () => {
    expect(leaf({ kind: 'yes-no', yesLabel: 'Đạt yêu cầu' }, 1, true).explanation?.vi).toBe(
      'Đạt yêu cầu: 1/1 điểm',
    );
  });
  it('rejects a non-boolean', () => {
    expect(() => leaf({ kind: 'yes-no' }, 1, 1)).toThrow(/true \(yes\) or false/);
  });
});

describe('options', () => {
  const rule = {
    kind: 'options',
    options: [
      { id: 'kip-thoi', label: 'Ban hành kịp thời', points: 1 },
      { id: 'khong-kip-thoi', label: 'Ban hành không kịp thời', points: 0.5 },
      { id: 'khong-ban-hanh', label: 'Không ban hành', points: 0 },
      { id: 'tot', percentOfMax: 75 },
    ],
  };
  it.each([
    ['kip-thoi', 1],
    ['khong-kip-thoi', 0.5],
    ['khong-ban-hanh', 0],
    ['tot', 0.75],
  ])('%s gives %s', (v, p) => {
    expect(leaf(rule, 1, v).points).toBe(p);
  });
  it('rejects an unknown option', () => {
    expect(() => leaf(rule, 1, 'muon')).toThrow(/option ids/);
  });
});

describe('tiers (Cà Mau 1880/2013 1.1.4: trên 90 %: 2; từ 70 % – 90 %: 1; dưới 70 %: 0)', () => {
  const rule = {
    kind: 'tiers',
    display: 'percent',
    tiers: [
      { min: 0.9, minInclusive: false, points: 2 },
      { min: 0.7, max: 0.9, maxInclusive: true, points: 1 },
      { min: 0, max: 0.7, points: 0 },
    ],
  };
  it.each([
    [0.9000001, 2],
    [0.9, 1], // exactly on an exclusive lower bound / inclusive upper bound
    [0.8999999, 1],
    [0.7, 1], // exactly on an inclusive lower bound
    [0.6999999, 0],
    [0, 0],
    [1, 2],
  ])('value %s gives %s points', (v, p) => {
    expect(leaf(rule, 2, v).points).toBe(p);
  });
  it('a value outside every tier scores 0 with NO_TIER_MATCHED', () => {
    expect(leaf(rule, 2, -0.1)).toMatchObject({ points: 0, reason: 'NO_TIER_MATCHED', status: 'scored' });
  });
  it('explains and says what the next tier needs', () => {
    const n = leaf(rule, 2, '0.7193');
    expect(n.explanation?.vi).toBe('Tỷ lệ 71,93 % thuộc khoảng từ 70 % đến 90 %: 1/2 điểm');
    expect(n.next).toMatchObject({ value: 0.9, comparison: 'more-than', points: 2, gain: 1 });
    expect(n.next?.explanation.vi).toBe('Cần đạt trên 90 % để được thêm 1 điểm');
  });
  it('the brief’s example: 97,50 % in [95 %, 100 %) gives 0,75/1', () => {
    const n = leaf(
      {
        kind: 'tiers',
        display: 'percent',
        tiers: [
          { min: 1, points: 1 },
          { min: 0.95, max: 1, points: 0.75 },
          { min: 0, max: 0.95, points: 0 },
        ],
      },
      1,
      0.975,
    );
    expect(n.explanation?.vi).toBe('Tỷ lệ 97,50 % thuộc khoảng từ 95 % đến dưới 100 %: 0,75/1 điểm');
    expect(n.explanation?.en).toBe('Rate 97.50% is in the range from 95% to under 100%: 0.75/1 points');
    expect(n.next?.explanation.vi).toBe('Cần đạt 100 % để được thêm 0,25 điểm');
  });
  it('lower-is-better tiers point down', () => {
    const n = leaf(
      {
        kind: 'tiers',
        display: 'percent',
        tiers: [
          { max: 0.02, maxInclusive: true, points: 1 },
          { min: 0.02, minInclusive: false, points: 0 },
        ],
      },
      1,
      0.05,
    );
    expect(n.next).toMatchObject({ value: 0.02, comparison: 'at-most', gain: 1 });
  });
  it('null (nothing arose) is not applicable', () => {
    expect(leaf(rule, 2, null)).toMatchObject({ status: 'not-applicable', reason: 'NO_VALUE', points: 0 });
  });
  it('null scores 0 when the node says so', () => {
    expect(leaf(rule, 2, null, { whenNoValue: 'zero' })).toMatchObject({
      status: 'scored',
      reason: 'ZERO_WHEN_NO_VALUE',
    });
  });
});

describe('proportional', () => {
  it('"Điểm = Tỷ lệ × Điểm tối đa" (max 20)', () => {
    expect(leaf({ kind: 'proportional' }, 20, 0.5).points).toBe(10);
    expect(leaf({ kind: 'proportional' }, 20, 1)).toMatchObject({ points: 20, reason: 'CAPPED' });
  });
  it.each([
    [0.8, 20, 'CAPPED'], // exactly on the target
    [0.85, 20, 'CAPPED'],
    [0.4, 10, 'PROPORTIONAL'],
    [0.79, 19.75, 'PROPORTIONAL'],
  ])('766 style: %s against 80 % gives %s', (v, p, reason) => {
    expect(leaf({ kind: 'proportional', target: 0.8 }, 20, v)).toMatchObject({ points: p, reason });
  });
  it('floor: below it 0, on it proportional', () => {
    const rule = { kind: 'proportional', floor: 0.5 };
    expect(leaf(rule, 2, 0.4999)).toMatchObject({ points: 0, reason: 'BELOW_FLOOR' });
    expect(leaf(rule, 2, 0.5)).toMatchObject({ points: 1, reason: 'PROPORTIONAL' });
    expect(leaf({ ...rule, floorInclusive: false }, 2, 0.5)).toMatchObject({
      points: 0,
      reason: 'BELOW_FLOOR',
    });
  });
  it('rounds only when the rule says so, half-up', () => {
    expect(leaf({ kind: 'proportional' }, 2, '0.71925').points).toBe(1.4385);
    expect(leaf({ kind: 'proportional', roundPoints: 2 }, 2, '0.71925').points).toBe(1.44);
    expect(leaf({ kind: 'proportional' }, 1, '0.333333333333333333333').points).toBe(0.3333333333333333);
  });
  it('says the value for full points', () => {
    expect(leaf({ kind: 'proportional', target: 0.8 }, 20, 0.4).next).toMatchObject({
      value: 0.8,
      points: 20,
      gain: 10,
    });
  });
});

describe('count-tiers ("BCĐ họp 4 lần/năm: 20; 3 lần: 15; 2 lần: 10; 1 lần: 5; còn lại: 0")', () => {
  const rule = {
    kind: 'count-tiers',
    tiers: [
      { atLeast: 4, points: 20 },
      { atLeast: 3, points: 15 },
      { atLeast: 2, points: 10 },
      { atLeast: 1, points: 5 },
    ],
  };
  it.each([
    [0, 0],
    [1, 5],
    [2, 10],
    [3, 15],
    [4, 20],
    [5, 20],
  ])('%s meetings give %s', (v, p) => {
    expect(leaf(rule, 20, v).points).toBe(p);
  });
  it('hints at the next count', () => {
    expect(leaf(rule, 20, 2).next).toMatchObject({ value: 3, points: 15, gain: 5 });
    expect(leaf(rule, 20, 4).next).toBeUndefined();
  });
  it('rejects a fractional count', () => {
    expect(() => leaf(rule, 20, 2.5)).toThrow(/whole number/);
  });
});

describe('per-item ("mỗi ứng dụng 1 điểm, không quá 5")', () => {
  const rule = { kind: 'per-item', pointsPerItem: 1, cap: 5 };
  it.each([
    [0, 0, 'PER_ITEM'],
    [4, 4, 'PER_ITEM'],
    [5, 5, 'PER_ITEM'],
    [6, 5, 'CAPPED'],
  ])('%s items give %s', (v, p, reason) => {
    expect(leaf(rule, 5, v)).toMatchObject({ points: p, reason });
  });
  it('next item, not beyond the cap', () => {
    expect(leaf(rule, 5, 4).next).toMatchObject({ value: 5, points: 5, gain: 1 });
    expect(leaf(rule, 5, 5).next).toBeUndefined();
  });
  it('named items ("Có Trung tâm dữ liệu: 35 điểm … tối đa 60")', () => {
    const named = {
      kind: 'per-item',
      items: [
        { id: 'dc', label: 'Trung tâm dữ liệu', points: 35 },
        { id: 'x', points: 30 },
      ],
    };
    expect(leaf(named, 60, ['dc'])).toMatchObject({ points: 35 });
    expect(leaf(named, 60, ['dc', 'x'])).toMatchObject({ points: 60, reason: 'CAPPED' });
    expect(() => leaf(named, 60, ['dc', 'dc'])).toThrow(/twice/);
  });
});

describe('deduction', () => {
  const rule = {
    kind: 'deduction',
    perOccurrence: 0.25,
    grades: [
      { id: 'nhe', label: 'Có vi phạm nhẹ', deductPercent: 50 },
      { id: 'nghiem-trong', label: 'Có vi phạm nghiêm trọng', deductPercent: 100 },
    ],
  };
  it.each([
    [0, 1, 'NO_DEDUCTION'],
    [1, 0.75, 'DEDUCTED'],
    [3, 0.25, 'DEDUCTED'],
    [4, 0, 'FLOORED_AT_ZERO'],
    [5, 0, 'FLOORED_AT_ZERO'],
    ['nhe', 0.5, 'DEDUCTED'],
    ['nghiem-trong', 0, 'FLOORED_AT_ZERO'],
  ])('%s gives %s', (v, p, reason) => {
    expect(leaf(rule, 1, v)).toMatchObject({ points: p, reason });
  });
  it('explains', () => {
    expect(leaf(rule, 1, 2).explanation?.vi).toBe('2 lần × trừ 0,25 điểm: 0,5/1 điểm');
  });
});

describe('normalized-to-best', () => {
  function run(value: number, best: number | undefined, better?: 'lower') {
    const rs = defineRuleSet({
      id: 't',
      version: '1',
      legalBasis: 'test',
      level: 'bo',
      total: 40,
      children: [
        {
          id: 'N',
          max: 40,
          assessor: 'superior',
          rule: { kind: 'normalized-to-best', ...(better ? { better } : {}) },
        },
      ],
    });
    return scoreUnit(
      rs,
      { unit: { id: 'u' }, period: '2025', entries: { N: { superior: { value } } } },
      best === undefined ? undefined : { cohort: { best: { N: best } } },
    ).nodes[0]!;
  }
  it('is pending without the cohort', () => {
    expect(run(30, undefined)).toMatchObject({
      status: 'pending',
      reason: 'NEEDS_COHORT',
      measured: 30,
      points: 0,
    });
  });
  it('value ÷ best × max', () => {
    expect(run(30, 60).points).toBe(20);
    expect(run(60, 60).points).toBe(40);
  });
  it('lower is better: best ÷ value × max', () => {
    expect(run(4, 2, 'lower').points).toBe(20);
  });
});

describe('survey (weights 100/60/20/0 %, Yên Bái forms)', () => {
  const rule = {
    kind: 'survey',
    options: [
      { id: 'A', weight: 100 },
      { id: 'B', weight: 60 },
      { id: 'C', weight: 20 },
      { id: 'D', weight: 0 },
    ],
  };
  function run(value: unknown) {
    const rs = defineRuleSet({
      id: 't',
      version: '1',
      legalBasis: 'test',
      level: 'so',
      total: 15,
      children: [{ id: 'S', max: 15, assessor: 'survey', rule }],
    });
    return scoreUnit(rs, {
      unit: { id: 'u' },
      period: '2025',
      entries: { S: { survey: { value } } },
    } as never).nodes[0]!;
  }
  it('weights the answer counts', () => {
    // (50×100 + 30×60 + 20×20) ÷ (100 × 100) = 0.72 → 10.8 of 15
    expect(run({ counts: { A: 50, B: 30, C: 20, D: 0 } })).toMatchObject({
      points: 10.8,
      measured: 0.72,
      reason: 'SURVEY_WEIGHTED',
    });
  });
  it('takes a given index', () => {
    expect(run({ index: 0.8394 })).toMatchObject({ points: 12.591, reason: 'SURVEY_INDEX' });
  });
  it('no answers: not applicable', () => {
    expect(run({ counts: {} })).toMatchObject({ status: 'not-applicable', reason: 'NO_VALUE' });
  });
  it('rejects an unknown answer option', () => {
    expect(() => run({ counts: { E: 1 } })).toThrow(/unknown answer option "E"/);
  });
});
