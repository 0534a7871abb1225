import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balancedStatsArbitrary, statsArbitrary } from '../../test/fixtures/dossiers/arbitraries.js';
import { LOC_BINH_2024, THAI_BINH_2020 } from '../../test/fixtures/dossiers/worked.js';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { dossierTotals } from './dossierTotals.js';
import { mergeDossierStats } from './mergeDossierStats.js';

const MAX = Number.MAX_SAFE_INTEGER;

describe('dossierTotals', () => {
  it('reproduces the published totals', () => {
    expect(dossierTotals(LOC_BINH_2024.stats)).toMatchObject({
      received: 8673,
      receivedInPeriod: 8673,
      resolved: 8673,
      unaccounted: 0,
    });
    expect(dossierTotals(THAI_BINH_2020.stats).resolved).toBe(61953);
  });

  it('computes every total of the II.06a form', () => {
    expect(
      dossierTotals({
        received: { carriedOver: 20, online: 60, inPerson: 15, postal: 5 },
        resolved: { early: 30, onTime: 40, late: 6 },
        pending: { withinDeadline: 10, overdue: 4 },
        returnedByPost: 9,
        withdrawn: 3,
        returned: 7,
      }),
    ).toStrictEqual({
      receivedInPeriod: 80,
      received: 100,
      resolved: 76,
      pending: 14,
      closed: 86,
      accounted: 100,
      unaccounted: 0,
    });
  });

  it('shows missing and double-counted dossiers as unaccounted', () => {
    expect(dossierTotals({ received: { online: 10 }, resolved: { early: 7 } }).unaccounted).toBe(3);
    expect(dossierTotals({ received: { online: 10 }, resolved: { early: 12 } }).unaccounted).toBe(-2);
  });

  it('is all zeros for empty statistics', () => {
    expect(dossierTotals({})).toStrictEqual({
      receivedInPeriod: 0,
      received: 0,
      resolved: 0,
      pending: 0,
      closed: 0,
      accounted: 0,
      unaccounted: 0,
    });
  });

  it('has unaccounted 0 for balanced statistics (property)', () => {
    fc.assert(
      fc.property(balancedStatsArbitrary, (s) => {
        expect(dossierTotals(s).unaccounted).toBe(0);
      }),
    );
  });

  it('is additive over merge and does not mutate its input (property)', () => {
    fc.assert(
      fc.property(statsArbitrary, statsArbitrary, (a, b) => {
        const copy = structuredClone(a);
        const ta = dossierTotals(deepFreeze(a));
        expect(a).toStrictEqual(copy);
        const tb = dossierTotals(b);
        const tm = dossierTotals(mergeDossierStats(a, b));
        for (const key of Object.keys(tm) as (keyof typeof tm)[]) expect(tm[key]).toBe(ta[key] + tb[key]);
      }),
    );
  });

  it('throws INVALID_INPUT rather than round a total beyond MAX_SAFE_INTEGER', () => {
    expect(dossierTotals({ received: { online: MAX } }).received).toBe(MAX);
    const error = expectCchcError(
      () => dossierTotals({ received: { online: MAX, postal: 1 } }),
      'INVALID_INPUT',
      ['stats', 'received'],
    );
    expect(error.issues[0]?.message).toMatch(/exceeds 9007199254740991/);
    expectCchcError(() => dossierTotals({ received: { carriedOver: MAX, postal: 1 } }), 'INVALID_INPUT', [
      'stats',
      'received',
    ]);
    expectCchcError(
      () => dossierTotals({ pending: { withinDeadline: MAX, overdue: MAX } }),
      'INVALID_INPUT',
      ['stats', 'pending'],
    );
    expectCchcError(() => dossierTotals({ resolved: { late: MAX }, withdrawn: 1 }), 'INVALID_INPUT', [
      'stats',
    ]);
  });
});
