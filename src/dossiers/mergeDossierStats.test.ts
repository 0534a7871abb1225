import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { percent } from '../numeric/percent.js';
import { channelShares } from './channelShares.js';
import { checkDossierStats } from './checkDossierStats.js';
import { DossierStatsSchema } from './DossierStats.js';
import { dossierTotals } from './dossierTotals.js';
import { emptyDossierStats } from './emptyDossierStats.js';
import { mergeDossierStats } from './mergeDossierStats.js';
import { postalReturnRate } from './postalReturnRate.js';

const count = fc.nat({ max: 10_000_000 });
const statsArb = fc.record({
  received: fc.record({ carriedOver: count, online: count, inPerson: count, postal: count }),
  resolved: fc.record({ early: count, onTime: count, late: count }),
  pending: fc.record({ withinDeadline: count, overdue: count }),
  returnedByPost: count,
  withdrawn: count,
  returned: count,
});

describe('mergeDossierStats', () => {
  it('is associative and commutative, with the empty statistics as identity', () => {
    fc.assert(
      fc.property(statsArb, statsArb, statsArb, (a, b, c) => {
        const [fa, fb, fc_] = [deepFreeze(a), deepFreeze(b), deepFreeze(c)];
        expect(mergeDossierStats(mergeDossierStats(fa, fb), fc_)).toEqual(
          mergeDossierStats(fa, mergeDossierStats(fb, fc_)),
        );
        expect(mergeDossierStats(fa, fb)).toEqual(mergeDossierStats(fb, fa));
        expect(mergeDossierStats(fa, emptyDossierStats())).toEqual(DossierStatsSchema.parse(fa));
      }),
    );
  });
  it('of nothing is the empty statistics', () => {
    expect(mergeDossierStats()).toEqual(emptyDossierStats());
  });
  it('refuses a sum beyond the largest exact count', () => {
    const big = { withdrawn: Number.MAX_SAFE_INTEGER };
    expectCchcError(() => mergeDossierStats(big, { withdrawn: 1 }), 'INVALID_INPUT', ['withdrawn']);
  });
  it('names the argument index of bad statistics', () => {
    expectCchcError(() => mergeDossierStats({}, { resolved: { early: -3 } }), 'INVALID_INPUT', [
      'stats',
      1,
      'resolved',
      'early',
    ]);
  });
});

describe('channel shares and postal returns', () => {
  it('Lộc Bình 6 months 2024: 8.535 of 8.673 online = 98,41 %', () => {
    const c = channelShares({ received: { online: 8535, inPerson: 138 } });
    expect(c.received).toBe(8673);
    expect(percent(c.onlineShare)).toBe(98.41);
    expect(percent(c.inPersonShare)).toBe(1.59);
    expect(c.postalShare).toBe(0);
  });
  it('carried-over dossiers are not in the denominator', () => {
    expect(channelShares({ received: { carriedOver: 100, online: 1, inPerson: 1 } }).onlineShare).toBe(0.5);
  });
  it('nothing received: null shares and null postal-return rate', () => {
    expect(channelShares({ received: { carriedOver: 5 } }).onlineShare).toBeNull();
    expect(postalReturnRate({ returnedByPost: 0 })).toBeNull();
  });
  it('postal returns over newly received', () => {
    expect(postalReturnRate({ received: { postal: 3, online: 7 }, returnedByPost: 4 })).toBe(0.4);
  });
});

describe('dossierTotals and checkDossierStats', () => {
  const locBinh = { received: { online: 8535, inPerson: 138 }, resolved: { early: 8000, onTime: 673 } };
  it('derives the II.06a totals', () => {
    expect(dossierTotals(locBinh)).toEqual({
      receivedInPeriod: 8673,
      received: 8673,
      resolved: 8673,
      pending: 0,
      closed: 8673,
    });
  });
  it('accepts consistent figures with their printed totals', () => {
    expect(checkDossierStats(locBinh, { totals: { received: 8673, resolved: 8673, pending: 0 } })).toEqual({
      ok: true,
      problems: [],
    });
  });
  it('lists every broken identity at once', () => {
    const r = checkDossierStats(
      {
        received: { online: 10 },
        resolved: { early: 3, late: 2 },
        pending: { overdue: 1 },
        returnedByPost: 9,
      },
      { totals: { received: 11, receivedInPeriod: 9, resolved: 6, pending: 2 } },
    );
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.code)).toEqual([
      'RECEIVED_TOTAL',
      'RECEIVED_IN_PERIOD_TOTAL',
      'RESOLVED_TOTAL',
      'PENDING_TOTAL',
      'BALANCE',
      'POSTAL_RETURNS',
    ]);
    expect(r.problems[2]).toMatchObject({ expected: 5, actual: 6 });
  });
  it('withdrawn and returned dossiers balance apart unless the system counts them as resolved', () => {
    const s = { received: { online: 10 }, resolved: { onTime: 8 }, withdrawn: 2 };
    expect(checkDossierStats(s).ok).toBe(true);
    expect(checkDossierStats(s, { withdrawnInResolved: true }).ok).toBe(false);
    expect(checkDossierStats(s, { balance: false }).ok).toBe(true);
  });
  it('rejects bad reported totals', () => {
    expectCchcError(() => checkDossierStats({}, { totals: { resolved: -1 } }), 'INVALID_INPUT', [
      'options',
      'totals',
      'resolved',
    ]);
  });
});
