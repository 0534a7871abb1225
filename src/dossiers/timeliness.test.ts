import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balancedStatsArbitrary, statsArbitrary } from '../../test/fixtures/dossiers/arbitraries.js';
import {
  LAM_DONG_Q1_2020,
  LOC_BINH_2024,
  THAI_BINH_2020,
  VINH_PHUC_2021_08,
} from '../../test/fixtures/dossiers/worked.js';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { apportion } from '../numeric/apportion.js';
import { percent } from '../numeric/percent.js';
import { ratio } from '../numeric/ratio.js';
import { type TimelinessBasis, timeliness } from './timeliness.js';

const BASES: readonly TimelinessBasis[] = ['resolved', 'due', 'toProcess', 'portal766'];
const RATES = ['earlyRate', 'onTimeRate', 'onTimeOrEarlyRate', 'lateRate'] as const;

describe('timeliness reproduces published figures (DOMAIN.md)', () => {
  it('Lộc Bình 6 months 2024: 8.673 resolved, all early or on time → 100 %', () => {
    const t = timeliness(LOC_BINH_2024.stats);
    expect(t.resolved).toBe(LOC_BINH_2024.published.received);
    expect(t.onTimeOrEarlyRate).toBe(1);
    expect(percent(t.onTimeOrEarlyRate)).toBe(LOC_BINH_2024.published.onTimeOrEarlyPercent);
    expect(t.lateRate).toBe(0);
  });

  it('Thái Bình 2020: 52.006 early, 9.942 on time, 05 late of 61.953 → 83,94 %, 16,05 %, 0,01 %', () => {
    const t = timeliness(THAI_BINH_2020.stats);
    const p = THAI_BINH_2020.published;
    expect(t.resolved).toBe(p.resolved);
    expect(t.denominator).toBe(p.resolved);
    expect([percent(t.earlyRate), percent(t.onTimeRate), percent(t.lateRate)]).toEqual([
      p.earlyPercent,
      p.onTimePercent,
      p.latePercent,
    ]);
    // Shown side by side they add up to 100 with apportion too.
    expect(apportion([t.early, t.onTime, t.late])).toEqual([p.earlyPercent, p.onTimePercent, p.latePercent]);
    expect(t.earlyRate).toBe(ratio(52006, 61953));
  });

  it('Lâm Đồng Q1/2020: 635.593 ÷ 643.272 = 98,81 %', () => {
    const t = timeliness(LAM_DONG_Q1_2020.stats, { basis: 'resolved' });
    expect(t.denominator).toBe(LAM_DONG_Q1_2020.published.resolved);
    expect(t.onTimeOrEarlyCount).toBe(635593);
    expect(t.onTimeOrEarlyRate).toBe(635593 / 643272);
    expect(percent(t.onTimeOrEarlyRate)).toBe(LAM_DONG_Q1_2020.published.onTimeOrEarlyPercent);
  });

  it("Vĩnh Phúc 8/2021 (basis 'due'): 19.255 ÷ 19.944 = 96,55 %, overdue 689 ÷ 19.944 = 3,45 %", () => {
    const t = timeliness(VINH_PHUC_2021_08.stats, { basis: 'due' });
    const p = VINH_PHUC_2021_08.published;
    expect(t.denominator).toBe(p.due);
    expect(t.onTimeOrEarlyCount).toBe(19255);
    expect(t.lateCount).toBe(689);
    expect(percent(t.onTimeOrEarlyRate)).toBe(p.onTimeOrEarlyPercent);
    expect(percent(t.lateRate)).toBe(p.overduePercent);
    // On the default basis the open overdue dossiers are not counted at all.
    expect(timeliness(VINH_PHUC_2021_08.stats).onTimeOrEarlyRate).toBe(1);
  });
});

describe('timeliness bases', () => {
  const stats = {
    received: { carriedOver: 20, online: 60, inPerson: 15, postal: 5 },
    resolved: { early: 30, onTime: 40, late: 6 },
    pending: { withinDeadline: 10, overdue: 4 },
    withdrawn: 3,
    returned: 7,
  };

  it.each([
    // basis, denominator, onTimeOrEarlyCount, lateCount
    ['resolved', 76, 70, 6],
    ['due', 80, 70, 10],
    ['toProcess', 100, 90, 10],
    ['portal766', 100, 80, 10],
  ] as const)('%s: denominator %i, numerators %i and %i', (basis, denominator, good, bad) => {
    const t = timeliness(stats, { basis });
    expect(t).toMatchObject({ basis, denominator, onTimeOrEarlyCount: good, lateCount: bad });
    expect(t).toMatchObject({
      resolved: 76,
      early: 30,
      onTime: 40,
      late: 6,
      pendingWithinDeadline: 10,
      pendingOverdue: 4,
    });
    expect(t.earlyRate).toBe(ratio(30, denominator));
    expect(t.onTimeRate).toBe(ratio(40, denominator));
    expect(t.onTimeOrEarlyRate).toBe(ratio(good, denominator));
    expect(t.lateRate).toBe(ratio(bad, denominator));
  });

  it("defaults to 'resolved'", () => {
    expect(timeliness(stats)).toStrictEqual(timeliness(stats, { basis: 'resolved' }));
    expect(timeliness(stats, {})).toStrictEqual(timeliness(stats, { basis: 'resolved' }));
  });

  it("'portal766' counts carried-over dossiers by default; includeCarriedOver: false divides by new ones only", () => {
    expect(timeliness(stats, { basis: 'portal766', includeCarriedOver: true })).toStrictEqual(
      timeliness(stats, { basis: 'portal766' }),
    );
    const newOnly = timeliness(stats, { basis: 'portal766', includeCarriedOver: false });
    expect(newOnly.denominator).toBe(80);
    expect(newOnly.onTimeOrEarlyRate).toBe(1);
    // A period that clears a backlog: the new-only rate passes 1, which the default avoids.
    const backlog = { received: { carriedOver: 50, online: 10 }, resolved: { onTime: 60 } };
    expect(timeliness(backlog, { basis: 'portal766', includeCarriedOver: false }).onTimeOrEarlyRate).toBe(6);
    expect(timeliness(backlog, { basis: 'portal766' }).onTimeOrEarlyRate).toBe(1);
  });

  it("'toProcess' gives onTimeOrEarlyRate = 1 − lateRate exactly (Gia Lai)", () => {
    fc.assert(
      fc.property(balancedStatsArbitrary, (s) => {
        const t = timeliness(s, { basis: 'toProcess' });
        if (t.denominator === 0) return;
        expect(t.onTimeOrEarlyCount + t.lateCount).toBe(t.denominator);
        expect(t.onTimeOrEarlyRate).toBe(ratio(t.denominator - t.lateCount, t.denominator));
      }),
    );
  });

  it("'resolved' and 'due' split the denominator exactly between on time or early and late", () => {
    fc.assert(
      fc.property(statsArbitrary, (s) => {
        for (const basis of ['resolved', 'due'] as const) {
          const t = timeliness(s, { basis });
          expect(t.onTimeOrEarlyCount + t.lateCount).toBe(t.denominator);
          expect(t.early + t.onTime).toBe(t.onTimeOrEarlyCount);
        }
      }),
    );
  });
});

describe('timeliness laws', () => {
  it('rates stay within [0, 1] for any valid statistics on the resolved and due bases (property)', () => {
    fc.assert(
      fc.property(statsArbitrary, (s) => {
        for (const basis of ['resolved', 'due'] as const) {
          const t = timeliness(s, { basis });
          for (const key of RATES) {
            const r = t[key];
            if (r !== null) expect(r >= 0 && r <= 1, `${basis} ${key} = ${r}`).toBe(true);
          }
        }
      }),
    );
  });

  it('rates stay within [0, 1] on every basis for balanced statistics (property)', () => {
    fc.assert(
      fc.property(balancedStatsArbitrary, (s) => {
        for (const basis of BASES) {
          const t = timeliness(s, { basis });
          for (const key of RATES) {
            const r = t[key];
            if (r !== null) expect(r >= 0 && r <= 1, `${basis} ${key} = ${r}`).toBe(true);
          }
        }
      }),
    );
  });

  it('a zero denominator gives null rates, never NaN (every basis)', () => {
    for (const basis of BASES) {
      const t = timeliness({}, { basis });
      expect(t.denominator).toBe(0);
      for (const key of RATES) expect(t[key]).toBeNull();
    }
    // Only open within deadline: nothing resolved, nothing due.
    const open = timeliness({ received: { online: 3 }, pending: { withinDeadline: 3 } }, { basis: 'due' });
    expect(open.denominator).toBe(0);
    expect(open.onTimeOrEarlyRate).toBeNull();
    expect(timeliness({ received: { online: 3 }, pending: { withinDeadline: 3 } }).lateRate).toBeNull();
  });

  it('never returns NaN or Infinity and is JSON-safe (property)', () => {
    fc.assert(
      fc.property(statsArbitrary, fc.constantFrom(...BASES), (s, basis) => {
        const t = timeliness(s, { basis });
        for (const value of Object.values(t)) {
          if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
        }
        expect(JSON.parse(JSON.stringify(t))).toStrictEqual(t);
      }),
    );
  });

  it('rates are the nearest double to the exact quotient (property)', () => {
    fc.assert(
      fc.property(statsArbitrary, fc.constantFrom(...BASES), (s, basis) => {
        const t = timeliness(s, { basis });
        expect(t.earlyRate).toBe(ratio(t.early, t.denominator));
        expect(t.lateRate).toBe(ratio(t.lateCount, t.denominator));
      }),
    );
  });

  it('does not mutate its arguments (deep-frozen inputs)', () => {
    fc.assert(
      fc.property(statsArbitrary, fc.constantFrom(...BASES), (s, basis) => {
        const copy = structuredClone(s);
        const options = deepFreeze({ basis });
        timeliness(deepFreeze(s), options);
        expect(s).toStrictEqual(copy);
      }),
    );
  });
});

describe('timeliness rejects bad options', () => {
  it('an unknown basis', () => {
    const error = expectCchcError(() => timeliness({}, { basis: 'received' as never }), 'INVALID_INPUT', [
      'options',
      'basis',
    ]);
    expect(error.issues[0]?.message).toMatch(/expected one of "resolved", "due", "toProcess", "portal766"/);
  });

  it('an unknown option (typo)', () => {
    expectCchcError(() => timeliness({}, { basys: 'due' } as never), 'INVALID_INPUT', ['options']);
  });

  it('includeCarriedOver with a basis other than portal766', () => {
    expectCchcError(() => timeliness({}, { includeCarriedOver: false }), 'INVALID_INPUT', [
      'options',
      'includeCarriedOver',
    ]);
    expectCchcError(() => timeliness({}, { basis: 'due', includeCarriedOver: true }), 'INVALID_INPUT', [
      'options',
      'includeCarriedOver',
    ]);
  });

  it('options of the wrong type', () => {
    expectCchcError(() => timeliness({}, 'due' as never), 'INVALID_INPUT', ['options']);
    expectCchcError(
      () => timeliness({}, { basis: 'portal766', includeCarriedOver: 'yes' } as never),
      'INVALID_INPUT',
      ['options', 'includeCarriedOver'],
    );
  });

  it('a denominator beyond MAX_SAFE_INTEGER', () => {
    const max = Number.MAX_SAFE_INTEGER;
    expectCchcError(() => timeliness({ resolved: { early: max, late: 1 } }), 'INVALID_INPUT', [
      'stats',
      'resolved',
    ]);
  });
});
