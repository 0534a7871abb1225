import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balancedStatsArbitrary, statsArbitrary } from '../../test/fixtures/dossiers/arbitraries.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { ratio } from '../numeric/ratio.js';
import { postalReturnRate } from './postalReturnRate.js';

describe('postalReturnRate', () => {
  it('divides results returned by post by dossiers newly received', () => {
    expect(
      postalReturnRate({ received: { online: 150, inPerson: 40, postal: 10 }, returnedByPost: 30 }),
    ).toBe(0.15);
    expect(postalReturnRate({ received: { carriedOver: 800, online: 100 }, returnedByPost: 1 })).toBe(0.01);
    expect(postalReturnRate({ received: { online: 3 }, returnedByPost: 1 })).toBe(1 / 3);
  });

  it('is null, never NaN, when nothing was newly received', () => {
    expect(postalReturnRate({})).toBeNull();
    expect(postalReturnRate({ received: { carriedOver: 5 }, returnedByPost: 2 })).toBeNull();
  });

  it('can exceed 1 when a backlog of carried-over dossiers is returned by post (documented)', () => {
    expect(
      postalReturnRate({
        received: { carriedOver: 10, online: 2 },
        resolved: { onTime: 12 },
        returnedByPost: 4,
      }),
    ).toBe(2);
  });

  it('is the exact quotient and does not mutate the input (property)', () => {
    fc.assert(
      fc.property(statsArbitrary, (s) => {
        const copy = structuredClone(s);
        const r = postalReturnRate(deepFreeze(s));
        expect(s).toStrictEqual(copy);
        expect(r).toBe(ratio(s.returnedByPost, s.received.online + s.received.inPerson + s.received.postal));
      }),
    );
  });

  it('stays within [0, 1] when nothing was carried over (property)', () => {
    fc.assert(
      fc.property(balancedStatsArbitrary, (s) => {
        const r = postalReturnRate({
          ...s,
          received: { ...s.received, carriedOver: 0, online: s.received.online + s.received.carriedOver },
        });
        if (r !== null) expect(r >= 0 && r <= 1).toBe(true);
      }),
    );
  });
});
