import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statsArbitrary } from '../../test/fixtures/dossiers/arbitraries.js';
import { LOC_BINH_2024 } from '../../test/fixtures/dossiers/worked.js';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { percent } from '../numeric/percent.js';
import { ratio } from '../numeric/ratio.js';
import { channelPercentages, channelShares } from './channelShares.js';

describe('channelShares', () => {
  it('Lộc Bình 6 months 2024: 8.535 online of 8.673 → 98,41 %', () => {
    const c = channelShares(LOC_BINH_2024.stats);
    expect(c).toStrictEqual({
      received: 8673,
      online: 8535,
      inPerson: 138,
      postal: 0,
      onlineShare: 8535 / 8673,
      inPersonShare: 138 / 8673,
      postalShare: 0,
    });
    expect(percent(c.onlineShare)).toBe(LOC_BINH_2024.published.onlineSharePercent);
    expect(percent(c.inPersonShare)).toBe(1.59);
  });

  it('excludes carried-over dossiers from the denominator', () => {
    const c = channelShares({ received: { carriedOver: 1000, online: 3, inPerson: 1 } });
    expect(c.received).toBe(4);
    expect(c.onlineShare).toBe(0.75);
  });

  it('gives null shares, never NaN, when nothing was newly received', () => {
    expect(channelShares({ received: { carriedOver: 5 } })).toStrictEqual({
      received: 0,
      online: 0,
      inPerson: 0,
      postal: 0,
      onlineShare: null,
      inPersonShare: null,
      postalShare: null,
    });
  });

  it('shares are within [0, 1], exact quotients, and do not mutate the input (property)', () => {
    fc.assert(
      fc.property(statsArbitrary, (s) => {
        const copy = structuredClone(s);
        const c = channelShares(deepFreeze(s));
        expect(s).toStrictEqual(copy);
        for (const share of [c.onlineShare, c.inPersonShare, c.postalShare]) {
          if (c.received === 0) expect(share).toBeNull();
          else expect(share !== null && share >= 0 && share <= 1).toBe(true);
        }
        expect(c.onlineShare).toBe(ratio(s.received.online, c.received));
      }),
    );
  });
});

describe('channelPercentages', () => {
  it('Lộc Bình 2024: 98,41 % and 1,59 %, adding up to 100', () => {
    expect(channelPercentages(LOC_BINH_2024.stats)).toStrictEqual({
      online: 98.41,
      inPerson: 1.59,
      postal: 0,
    });
  });

  it('makes three equal thirds add up to exactly 100', () => {
    expect(channelPercentages({ received: { online: 1, inPerson: 1, postal: 1 } })).toStrictEqual({
      online: 33.34,
      inPerson: 33.33,
      postal: 33.33,
    });
    expect(
      channelPercentages({ received: { online: 1, inPerson: 1, postal: 1 } }, { decimals: 0 }),
    ).toStrictEqual({ online: 34, inPerson: 33, postal: 33 });
  });

  it('adds up to exactly 100 whenever something was received (property)', () => {
    fc.assert(
      fc.property(statsArbitrary, fc.integer({ min: 0, max: 4 }), (s, decimals) => {
        const p = channelPercentages(s, { decimals });
        if (s.received.online + s.received.inPerson + s.received.postal === 0) {
          expect(p).toBeNull();
          return;
        }
        expect(p).not.toBeNull();
        const scale = 10 ** decimals;
        const sum =
          Math.round(p!.online * scale) + Math.round(p!.inPerson * scale) + Math.round(p!.postal * scale);
        expect(sum).toBe(100 * scale);
      }),
    );
  });

  it('rejects bad options', () => {
    expectCchcError(() => channelPercentages({}, { decimals: -1 }), 'INVALID_INPUT', ['options', 'decimals']);
    expectCchcError(() => channelPercentages({}, { decimals: 1.5 }), 'INVALID_INPUT', [
      'options',
      'decimals',
    ]);
    expectCchcError(() => channelPercentages({}, { decimals: 21 }), 'INVALID_INPUT', ['options', 'decimals']);
    expectCchcError(() => channelPercentages({}, { decimal: 2 } as never), 'INVALID_INPUT', ['options']);
  });
});
