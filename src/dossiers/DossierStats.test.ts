import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statsArbitrary, statsInputArbitrary } from '../../test/fixtures/dossiers/arbitraries.js';
import { BAD_STATS } from '../../test/fixtures/dossiers/badInputs.js';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { channelPercentages, channelShares } from './channelShares.js';
import { checkDossierStats } from './checkDossierStats.js';
import { type DossierStats, DossierStatsSchema } from './DossierStats.js';
import { dossierTotals } from './dossierTotals.js';
import { emptyDossierStats } from './emptyDossierStats.js';
import { mergeDossierStats } from './mergeDossierStats.js';
import { postalReturnRate } from './postalReturnRate.js';
import { timeliness } from './timeliness.js';

describe('DossierStatsSchema', () => {
  it('fills every missing group and count with 0', () => {
    expect(DossierStatsSchema.parse({})).toStrictEqual(emptyDossierStats());
    expect(DossierStatsSchema.parse({ received: {}, resolved: {}, pending: {} })).toStrictEqual(
      emptyDossierStats(),
    );
    expect(DossierStatsSchema.parse({ received: undefined })).toStrictEqual(emptyDossierStats());
  });

  it('keeps the counts given, reading digit strings as numbers', () => {
    const parsed: DossierStats = DossierStatsSchema.parse({
      received: { carriedOver: '12', online: 8535, inPerson: '138', postal: 0 },
      resolved: { early: 1, onTime: 2, late: 3 },
      pending: { withinDeadline: 4, overdue: 5 },
      returnedByPost: 6,
      withdrawn: 7,
      returned: '8',
    });
    expect(parsed).toStrictEqual({
      received: { carriedOver: 12, online: 8535, inPerson: 138, postal: 0 },
      resolved: { early: 1, onTime: 2, late: 3 },
      pending: { withinDeadline: 4, overdue: 5 },
      returnedByPost: 6,
      withdrawn: 7,
      returned: 8,
    });
  });

  it('accepts the bounds of a count: 0, -0 (read as 0) and MAX_SAFE_INTEGER', () => {
    expect(Object.is(DossierStatsSchema.parse({ withdrawn: -0 }).withdrawn, 0)).toBe(true);
    expect(DossierStatsSchema.parse({ withdrawn: Number.MAX_SAFE_INTEGER }).withdrawn).toBe(
      Number.MAX_SAFE_INTEGER,
    );
    expect(DossierStatsSchema.safeParse({ withdrawn: Number.MAX_SAFE_INTEGER + 1 }).success).toBe(false);
  });

  it('gives each parse its own default groups', () => {
    const a = DossierStatsSchema.parse({});
    const b = DossierStatsSchema.parse({});
    expect(a.received).not.toBe(b.received);
  });

  it('round-trips its output and is JSON-safe (property)', () => {
    fc.assert(
      fc.property(statsArbitrary, (stats) => {
        expect(DossierStatsSchema.parse(stats)).toStrictEqual(stats);
        expect(JSON.parse(JSON.stringify(stats))).toStrictEqual(stats);
      }),
    );
  });

  it('parses any valid input to a fully populated object of whole numbers (property)', () => {
    fc.assert(
      fc.property(statsInputArbitrary, (input) => {
        const parsed = DossierStatsSchema.parse(input);
        expect(Object.keys(parsed)).toEqual([
          'received',
          'resolved',
          'pending',
          'returnedByPost',
          'withdrawn',
          'returned',
        ]);
        const counts = [
          ...Object.values(parsed.received),
          ...Object.values(parsed.resolved),
          ...Object.values(parsed.pending),
          parsed.returnedByPost,
          parsed.withdrawn,
          parsed.returned,
        ];
        expect(counts).toHaveLength(12);
        for (const c of counts) expect(Number.isSafeInteger(c) && c >= 0).toBe(true);
      }),
    );
  });
});

// Every public function that takes statistics rejects malformed ones the same way, pointing at the field.
const CALLERS: readonly (readonly [string, (stats: never) => unknown, readonly (string | number)[]])[] = [
  ['dossierTotals', dossierTotals, ['stats']],
  ['timeliness', timeliness, ['stats']],
  ['channelShares', channelShares, ['stats']],
  ['channelPercentages', channelPercentages, ['stats']],
  ['postalReturnRate', postalReturnRate, ['stats']],
  ['checkDossierStats', checkDossierStats, ['stats']],
  ['mergeDossierStats (first argument)', (s: never) => mergeDossierStats(s), ['stats', 0]],
  ['mergeDossierStats (third argument)', (s: never) => mergeDossierStats({}, {}, s), ['stats', 2]],
];

describe.each(CALLERS)('%s rejects malformed statistics with INVALID_INPUT', (_name, call, root) => {
  it.each(BAD_STATS)('%s', (_label, stats, path) => {
    const error = expectCchcError(() => call(stats as never), 'INVALID_INPUT', [...root, ...path]);
    expect(error.issues[0]?.message).toMatch(/^[a-z"]/);
  });
});

describe('error messages', () => {
  it('say what was expected', () => {
    const negative = expectCchcError(() => dossierTotals({ received: { online: -1 } }), 'INVALID_INPUT', [
      'stats',
      'received',
      'online',
    ]);
    expect(negative.issues[0]?.message).toBe('expected a whole number ≥ 0 (a count), received -1.');
    const typo = expectCchcError(() => dossierTotals({ recieved: {} } as never), 'INVALID_INPUT', ['stats']);
    expect(typo.issues[0]?.message).toMatch(/unknown key "recieved"/);
  });

  it('list every problem at once', () => {
    const error = expectCchcError(
      () => dossierTotals({ received: { online: -1, inPerson: 'x' }, withdrawn: 0.5 } as never),
      'INVALID_INPUT',
      ['stats', 'withdrawn'],
    );
    expect(error.issues.map((i) => i.path)).toEqual([
      ['stats', 'received', 'online'],
      ['stats', 'received', 'inPerson'],
      ['stats', 'withdrawn'],
    ]);
  });
});
