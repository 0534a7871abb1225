import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statsArbitrary, statsInputArbitrary } from '../../test/fixtures/dossiers/arbitraries.js';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { DossierStatsSchema } from './DossierStats.js';
import { emptyDossierStats } from './emptyDossierStats.js';
import { mergeDossierStats } from './mergeDossierStats.js';

const MAX = Number.MAX_SAFE_INTEGER;

describe('emptyDossierStats', () => {
  it('is fully populated with zeros and equals the parse of {}', () => {
    expect(emptyDossierStats()).toStrictEqual(DossierStatsSchema.parse({}));
    expect(emptyDossierStats().received).toStrictEqual({ carriedOver: 0, online: 0, inPerson: 0, postal: 0 });
  });

  it('returns a new object each time', () => {
    const a = emptyDossierStats();
    a.received.online = 5;
    expect(emptyDossierStats().received.online).toBe(0);
    expect(emptyDossierStats()).not.toBe(emptyDossierStats());
  });
});

describe('mergeDossierStats', () => {
  it('adds months into a quarter, field by field', () => {
    const merged = mergeDossierStats(
      { received: { carriedOver: 3, online: 100 }, resolved: { early: 50, late: 1 }, returnedByPost: 2 },
      {
        received: { online: 200, inPerson: '30' },
        resolved: { onTime: 70 },
        pending: { overdue: 4 },
        withdrawn: 1,
      },
      { received: { postal: 5 }, pending: { withinDeadline: 9 }, returned: 2 },
    );
    expect(merged).toStrictEqual({
      received: { carriedOver: 3, online: 300, inPerson: 30, postal: 5 },
      resolved: { early: 50, onTime: 70, late: 1 },
      pending: { withinDeadline: 9, overdue: 4 },
      returnedByPost: 2,
      withdrawn: 1,
      returned: 2,
    });
  });

  it('with no arguments gives the empty statistics; with one, its parse', () => {
    expect(mergeDossierStats()).toStrictEqual(emptyDossierStats());
    expect(mergeDossierStats({ received: { online: '8535' } })).toStrictEqual(
      DossierStatsSchema.parse({ received: { online: 8535 } }),
    );
  });

  it('is associative (property)', () => {
    fc.assert(
      fc.property(statsArbitrary, statsArbitrary, statsArbitrary, (a, b, c) => {
        const left = mergeDossierStats(mergeDossierStats(a, b), c);
        const right = mergeDossierStats(a, mergeDossierStats(b, c));
        expect(left).toStrictEqual(right);
        expect(mergeDossierStats(a, b, c)).toStrictEqual(left);
      }),
    );
  });

  it('is commutative (property)', () => {
    fc.assert(
      fc.property(statsArbitrary, statsArbitrary, (a, b) => {
        expect(mergeDossierStats(a, b)).toStrictEqual(mergeDossierStats(b, a));
      }),
    );
  });

  it('has the empty statistics as identity, on both sides (property)', () => {
    fc.assert(
      fc.property(statsInputArbitrary, (a) => {
        const parsed = DossierStatsSchema.parse(a);
        expect(mergeDossierStats(a, emptyDossierStats())).toStrictEqual(parsed);
        expect(mergeDossierStats(emptyDossierStats(), a)).toStrictEqual(parsed);
        expect(mergeDossierStats(a, {})).toStrictEqual(parsed);
      }),
    );
  });

  it('does not depend on the order of many arguments (property)', () => {
    fc.assert(
      fc.property(fc.array(statsArbitrary, { maxLength: 8 }), fc.infiniteStream(fc.nat()), (list, seeds) => {
        const shuffled = list
          .map((s) => [seeds.next().value as number, s] as const)
          .sort((x, y) => x[0] - y[0])
          .map(([, s]) => s);
        expect(mergeDossierStats(...shuffled)).toStrictEqual(mergeDossierStats(...list));
      }),
    );
  });

  it('does not mutate its arguments and returns a new object (deep-frozen inputs)', () => {
    fc.assert(
      fc.property(statsArbitrary, statsArbitrary, (a, b) => {
        const copyA = structuredClone(a);
        const merged = mergeDossierStats(deepFreeze(a), deepFreeze(b));
        expect(a).toStrictEqual(copyA);
        expect(merged).not.toBe(a);
        expect(merged.received).not.toBe(a.received);
      }),
    );
    const empty = deepFreeze(emptyDossierStats());
    expect(mergeDossierStats(empty)).not.toBe(empty);
  });

  describe('stays exact near Number.MAX_SAFE_INTEGER', () => {
    it('accepts a total of exactly MAX_SAFE_INTEGER', () => {
      expect(
        mergeDossierStats({ received: { online: MAX - 1 } }, { received: { online: 1 } }).received.online,
      ).toBe(MAX);
    });

    it('throws INVALID_INPUT at the argument that takes a count over, rather than rounding', () => {
      const error = expectCchcError(
        () =>
          mergeDossierStats(
            { received: { online: MAX } },
            { received: { online: 0 } },
            { received: { online: 1 } },
          ),
        'INVALID_INPUT',
        ['stats', 2, 'received', 'online'],
      );
      expect(error.issues[0]?.message).toMatch(/exceeds 9007199254740991/);
    });

    it('lists every field that overflows, once each', () => {
      const big = { resolved: { late: MAX }, withdrawn: MAX };
      const error = expectCchcError(() => mergeDossierStats(big, big, big), 'INVALID_INPUT', [
        'stats',
        1,
        'resolved',
        'late',
      ]);
      expect(error.issues.map((i) => i.path)).toEqual([
        ['stats', 1, 'resolved', 'late'],
        ['stats', 1, 'withdrawn'],
      ]);
    });

    it('throws or not the same way in any order or grouping (property)', () => {
      const near = fc.record(
        { received: fc.record({ postal: fc.nat({ max: MAX }) }, { noNullPrototype: true }) },
        { noNullPrototype: true },
      );
      fc.assert(
        fc.property(near, near, near, (a, b, c) => {
          const outcome = (f: () => unknown) => {
            try {
              return f();
            } catch (e) {
              return (e as { code?: string }).code;
            }
          };
          const flat = outcome(() => mergeDossierStats(a, b, c));
          expect(outcome(() => mergeDossierStats(c, a, b))).toStrictEqual(flat);
          const total = BigInt(a.received.postal) + BigInt(b.received.postal) + BigInt(c.received.postal);
          if (total > BigInt(MAX)) expect(flat).toBe('INVALID_INPUT');
          else expect((flat as { received: { postal: number } }).received.postal).toBe(Number(total));
        }),
      );
    });
  });
});
