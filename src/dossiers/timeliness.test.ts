import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { percent } from '../numeric/percent.js';
import type { DossierStatsInput } from './DossierStats.js';
import { timeliness } from './timeliness.js';

describe('timeliness: published figures', () => {
  it.each([
    // source, stats, basis, field, published %
    [
      'Thái Bình 2020 early',
      { resolved: { early: 52006, onTime: 9942, late: 5 } },
      'resolved',
      'earlyRate',
      83.94,
    ],
    [
      'Thái Bình 2020 on time',
      { resolved: { early: 52006, onTime: 9942, late: 5 } },
      'resolved',
      'onTimeRate',
      16.05,
    ],
    [
      'Thái Bình 2020 late',
      { resolved: { early: 52006, onTime: 9942, late: 5 } },
      'resolved',
      'lateRate',
      0.01,
    ],
    [
      'Lâm Đồng Q1/2020',
      { resolved: { onTime: 635593, late: 643272 - 635593 } },
      'resolved',
      'onTimeOrEarlyRate',
      98.81,
    ],
    [
      'Lộc Bình 6 months 2024',
      { resolved: { early: 8000, onTime: 673 } },
      'resolved',
      'onTimeOrEarlyRate',
      100,
    ],
    [
      'Vĩnh Phúc 8/2021',
      { resolved: { onTime: 19255 }, pending: { overdue: 689 } },
      'due',
      'onTimeOrEarlyRate',
      96.55,
    ],
    [
      'Vĩnh Phúc 8/2021 overdue',
      { resolved: { onTime: 19255 }, pending: { overdue: 689 } },
      'due',
      'lateRate',
      3.45,
    ],
  ] as const)('%s', (_source, stats, basis, field, published) => {
    expect(percent(timeliness(stats, { basis })[field])).toBe(published);
  });
});

describe('timeliness: bases', () => {
  const stats: DossierStatsInput = {
    received: { carriedOver: 10, online: 60, inPerson: 30 },
    resolved: { early: 40, onTime: 30, late: 10 },
    pending: { withinDeadline: 15, overdue: 5 },
  };
  it('resolved: (early + on time) ÷ resolved', () => {
    const t = timeliness(stats);
    expect(t.denominator).toBe(80);
    expect(t.onTimeOrEarlyRate).toBe(70 / 80);
    expect(t.lateRate).toBe(10 / 80);
  });
  it('due: resolved + pending overdue', () => {
    const t = timeliness(stats, { basis: 'due' });
    expect(t.denominator).toBe(85);
    expect(t.onTimeOrEarlyRate).toBe(0.8235294117647058);
    expect(t.lateRate).toBe(0.17647058823529413);
  });
  it('toProcess: (late + pending overdue) ÷ (carried over + received); on time = 1 − late', () => {
    const t = timeliness(stats, { basis: 'toProcess' });
    expect(t.denominator).toBe(100);
    expect(t.lateRate).toBe(0.15);
    expect(t.onTimeOrEarlyRate).toBe(0.85);
  });
  it('portal766: (early + on time + pending within) ÷ newly received', () => {
    const t = timeliness(stats, { basis: 'portal766' });
    expect(t.denominator).toBe(90);
    expect(t.onTimeOrEarlyRate).toBe(85 / 90);
    expect(t.lateRate).toBe(15 / 90);
  });
  it('a zero denominator gives null rates, never NaN', () => {
    for (const basis of ['resolved', 'due', 'toProcess', 'portal766'] as const) {
      const t = timeliness({}, { basis });
      expect([t.earlyRate, t.onTimeRate, t.lateRate, t.onTimeOrEarlyRate]).toEqual([null, null, null, null]);
    }
  });
});

describe('timeliness: laws', () => {
  const count = fc.nat({ max: 1_000_000 });
  const statsArb = fc.record({
    received: fc.record({ carriedOver: count, online: count, inPerson: count, postal: count }),
    resolved: fc.record({ early: count, onTime: count, late: count }),
    pending: fc.record({ withinDeadline: count, overdue: count }),
  });
  it('rates of consistent statistics stay within [0, 1]; early + on time + late = 1 on the resolved basis', () => {
    fc.assert(
      fc.property(statsArb, (s) => {
        const t = timeliness(deepFreeze(s));
        for (const r of [t.earlyRate, t.onTimeRate, t.lateRate, t.onTimeOrEarlyRate]) {
          if (r !== null) expect(r >= 0 && r <= 1).toBe(true);
        }
        if (t.onTimeOrEarlyRate !== null && t.lateRate !== null) {
          expect(Math.abs(t.onTimeOrEarlyRate + t.lateRate - 1)).toBeLessThan(1e-15);
        }
      }),
    );
  });
});

describe('timeliness: bad input', () => {
  it.each([
    ['negative', { resolved: { early: -1 } }, ['stats', 'resolved', 'early']],
    ['fractional', { resolved: { late: 2.5 } }, ['stats', 'resolved', 'late']],
    ['NaN', { pending: { overdue: Number.NaN } }, ['stats', 'pending', 'overdue']],
    ['Infinity', { received: { online: Number.POSITIVE_INFINITY } }, ['stats', 'received', 'online']],
    ['text', { received: { online: 'abc' } }, ['stats', 'received', 'online']],
    ['typo', { recieved: { online: 1 } }, ['stats']],
  ])('%s', (_name, stats, path) => {
    expectCchcError(() => timeliness(stats as DossierStatsInput), 'INVALID_INPUT', path);
  });
  it('an unknown basis', () => {
    expectCchcError(() => timeliness({}, { basis: 'x' as 'due' }), 'INVALID_INPUT', ['options', 'basis']);
  });
});
