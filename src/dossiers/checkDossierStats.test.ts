import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balancedStatsArbitrary, statsArbitrary } from '../../test/fixtures/dossiers/arbitraries.js';
import { LOC_BINH_2024 } from '../../test/fixtures/dossiers/worked.js';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { checkDossierStats } from './checkDossierStats.js';
import { dossierTotals } from './dossierTotals.js';

const BALANCED = {
  received: { carriedOver: 20, online: 60, inPerson: 15, postal: 5 },
  resolved: { early: 30, onTime: 40, late: 6 },
  pending: { withinDeadline: 10, overdue: 4 },
  returnedByPost: 9,
  withdrawn: 3,
  returned: 7,
};
const TOTALS = { received: 100, receivedInPeriod: 80, resolved: 76, pending: 14 };

describe('checkDossierStats', () => {
  it('passes consistent statistics and the totals printed beside them', () => {
    expect(checkDossierStats(BALANCED, { totals: TOTALS })).toStrictEqual({ ok: true, problems: [] });
    expect(checkDossierStats(LOC_BINH_2024.stats, { totals: { received: '8673', resolved: 8673 } }).ok).toBe(
      true,
    );
    expect(checkDossierStats({})).toStrictEqual({ ok: true, problems: [] });
  });

  it.each([
    ['received (col. 3 = 4 + 5 + 6)', 'RECEIVED_TOTAL', { received: 101 }, 'received', 100],
    ['newly received', 'RECEIVED_IN_PERIOD_TOTAL', { receivedInPeriod: 79 }, 'receivedInPeriod', 80],
    ['resolved (col. 7 = 8 + 9 + 10)', 'RESOLVED_TOTAL', { resolved: 75 }, 'resolved', 76],
    ['pending (col. 11 = 12 + 13)', 'PENDING_TOTAL', { pending: 0 }, 'pending', 14],
  ] as const)('reports a printed %s total that does not add up', (_label, code, totals, key, expected) => {
    const r = checkDossierStats(BALANCED, { totals });
    expect(r.ok).toBe(false);
    expect(r.problems).toStrictEqual([
      {
        code,
        message: expect.stringContaining(`= ${expected}.`) as unknown as string,
        path: ['options', 'totals', key],
        expected,
        actual: totals[key as keyof typeof totals],
        relation: '=',
      },
    ]);
  });

  it('reports every broken identity at once, in a fixed order', () => {
    const r = checkDossierStats(
      { received: { online: 10 }, resolved: { early: 5, onTime: 3 }, returnedByPost: 9 },
      { totals: { received: 11, receivedInPeriod: 12, resolved: 9, pending: 1 } },
    );
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.code)).toEqual([
      'RECEIVED_TOTAL',
      'RECEIVED_IN_PERIOD_TOTAL',
      'RESOLVED_TOTAL',
      'PENDING_TOTAL',
      'BALANCE',
      'POSTAL_RETURNS_EXCEED_RESOLVED',
    ]);
    expect(r.problems[4]).toStrictEqual({
      code: 'BALANCE',
      message:
        'the dossiers received (carried over + newly received = 10) do not balance resolved + pending + withdrawn + returned = 8: 2 unaccounted for.',
      path: ['stats'],
      expected: 10,
      actual: 8,
      relation: '=',
    });
    expect(r.problems[5]).toMatchObject({
      path: ['stats', 'returnedByPost'],
      expected: 8,
      actual: 9,
      relation: '≤',
    });
  });

  it('reports dossiers counted twice in the balance', () => {
    const r = checkDossierStats({ received: { online: 10 }, resolved: { early: 10 }, withdrawn: 2 });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.message).toMatch(/2 more than received/);
  });

  it('compares the balance on the columns, so a mistyped total is reported once', () => {
    const r = checkDossierStats(BALANCED, { totals: { resolved: 77 } });
    expect(r.problems.map((p) => p.code)).toEqual(['RESOLVED_TOTAL']);
  });

  describe('withdrawn and returned dossiers kept inside resolved', () => {
    // A system whose "đã giải quyết" includes 3 withdrawn and 7 returned dossiers.
    const inside = { ...BALANCED, resolved: { early: 30, onTime: 50, late: 6 } };

    it('balances received = resolved + pending with withdrawnInResolved', () => {
      expect(checkDossierStats(inside, { withdrawnInResolved: true }).ok).toBe(true);
      expect(checkDossierStats(inside).problems.map((p) => p.code)).toEqual(['BALANCE']);
      expect(checkDossierStats(BALANCED, { withdrawnInResolved: true }).problems.map((p) => p.code)).toEqual([
        'BALANCE',
      ]);
    });

    it('reports withdrawn + returned beyond resolved', () => {
      const r = checkDossierStats(
        { received: { online: 5 }, resolved: { onTime: 5 }, withdrawn: 4, returned: 2 },
        { withdrawnInResolved: true },
      );
      expect(r.problems).toStrictEqual([
        {
          code: 'WITHDRAWN_EXCEEDS_RESOLVED',
          message:
            'withdrawn + returned (6) cannot exceed the dossiers resolved (5) when they are counted inside resolved.',
          path: ['stats', 'withdrawn'],
          expected: 5,
          actual: 6,
          relation: '≤',
        },
      ]);
    });
  });

  it('skips the balance with balance: false (partial statistics)', () => {
    expect(checkDossierStats({ received: { online: 8535, inPerson: 138 } }).ok).toBe(false);
    expect(checkDossierStats({ received: { online: 8535, inPerson: 138 } }, { balance: false }).ok).toBe(
      true,
    );
  });

  it('accepts returnedByPost equal to resolved (the bound)', () => {
    expect(
      checkDossierStats({ received: { online: 4 }, resolved: { onTime: 4 }, returnedByPost: 4 }).ok,
    ).toBe(true);
  });

  it('finds nothing wrong with balanced statistics and their own totals (property)', () => {
    fc.assert(
      fc.property(balancedStatsArbitrary, (s) => {
        const t = dossierTotals(s);
        const totals = {
          received: t.received,
          receivedInPeriod: t.receivedInPeriod,
          resolved: t.resolved,
          pending: t.pending,
        };
        expect(checkDossierStats(s, { totals })).toStrictEqual({ ok: true, problems: [] });
      }),
    );
  });

  it('ok is exactly "no problems", the balance problem matches dossierTotals, and inputs are not mutated (property)', () => {
    fc.assert(
      fc.property(statsArbitrary, (s) => {
        const copy = structuredClone(s);
        const options = deepFreeze({ totals: { resolved: 3 } });
        const r = checkDossierStats(deepFreeze(s), options);
        expect(s).toStrictEqual(copy);
        expect(r.ok).toBe(r.problems.length === 0);
        expect(r.problems.some((p) => p.code === 'BALANCE')).toBe(dossierTotals(s).unaccounted !== 0);
        expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
      }),
    );
  });

  describe('throws only for malformed input', () => {
    it.each([
      ['a negative printed total', { totals: { resolved: -1 } }, ['options', 'totals', 'resolved']],
      ['a fractional printed total', { totals: { pending: 1.5 } }, ['options', 'totals', 'pending']],
      [
        'a printed total in vi notation',
        { totals: { received: '8.673' } },
        ['options', 'totals', 'received'],
      ],
      ['an unknown printed total', { totals: { closed: 3 } }, ['options', 'totals']],
      ['an unknown option', { withdrawnInResolve: true }, ['options']],
      ['a non-boolean flag', { balance: 'no' }, ['options', 'balance']],
    ])('%s', (_label, options, path) => {
      expectCchcError(() => checkDossierStats(BALANCED, options as never), 'INVALID_INPUT', path);
    });
  });
});
