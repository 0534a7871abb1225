import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { portal766InputArb } from '../../test/fixtures/portal766/arbitraries.js';
import { FULL_UNIT, FULL_UNIT_POINTS, PROGRESS_CASES } from '../../test/fixtures/portal766/worked.js';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import {
  formatNumber,
  formatPercent,
  PORTAL_766_GROUPS,
  PORTAL_766_INDICATORS,
  type Portal766IndicatorId,
  type Portal766IndicatorResult,
  type Portal766Input,
  type Portal766Options,
  type Portal766Result,
  scorePortal766,
} from '../index.js';

function indicator(r: Portal766Result, id: Portal766IndicatorId): Portal766IndicatorResult {
  for (const g of r.groups) for (const i of g.indicators) if (i.id === id) return i;
  throw new Error(`no indicator ${id}`);
}

function one(input: Portal766Input, id: Portal766IndicatorId, options?: Portal766Options) {
  return indicator(scorePortal766(input, options), id);
}

describe('definitions', () => {
  it('six groups of 18, 20, 12, 22, 10, 18 add up to 100, and the indicators fill each group', () => {
    expect(PORTAL_766_GROUPS.map((g) => [g.id, g.max])).toStrictEqual([
      ['transparency', 18],
      ['progress', 20],
      ['onlineServices', 12],
      ['digitisation', 22],
      ['payment', 10],
      ['satisfaction', 18],
    ]);
    for (const g of PORTAL_766_GROUPS) {
      const sum = PORTAL_766_INDICATORS.filter((d) => d.group === g.id).reduce((s, d) => s + d.max, 0);
      expect(sum, g.id).toBe(g.max);
    }
  });

  it('only the two indicators the sources could not reconstruct are given', () => {
    expect(PORTAL_766_INDICATORS.filter((d) => d.scoring === 'given').map((d) => d.id)).toStrictEqual([
      'fullOnlineDossiers',
      'personalStorage',
    ]);
  });
});

describe('processing progress (2.1) on the worked figures of DOMAIN.md', () => {
  it.each(PROGRESS_CASES)('$source', (c) => {
    const r = one(c.input, 'processingOnTime');
    expect(r.points).toBe(c.points);
    expect(formatNumber(r.points!, { decimals: 2 })).toBe(c.shown);
    expect(formatPercent(r.rate!, { decimals: 2 })).toBe(`${c.publishedRate}%`);
    expect(r.max).toBe(20);
  });

  it('open dossiers within deadline count as on time, overdue ones do not', () => {
    const r = one(
      {
        dossiers: {
          received: { online: 10 },
          resolved: { onTime: 6, late: 1 },
          pending: { withinDeadline: 2, overdue: 1 },
        },
      },
      'processingOnTime',
    );
    expect([r.numerator, r.denominator, r.points]).toStrictEqual([8, 10, 16]);
  });

  it('carried-over dossiers are in the denominator unless includeCarriedOver: false; points stay within 20', () => {
    const input = { dossiers: { received: { carriedOver: 5, online: 5 }, resolved: { onTime: 9 } } };
    expect(one(input, 'processingOnTime').points).toBe(18);
    const newOnly = one(input, 'processingOnTime', { includeCarriedOver: false });
    expect([newOnly.rate, newOnly.points, newOnly.reason]).toStrictEqual([1.8, 20, 'FULL']);
  });
});

describe('a full unit, hand-checked', () => {
  it('reproduces every indicator, group and the total', () => {
    const r = scorePortal766(deepFreeze(FULL_UNIT));
    expect(r.groups.map((g) => g.points)).toStrictEqual(FULL_UNIT_POINTS.groups);
    expect(r.points).toBe(FULL_UNIT_POINTS.total);
    expect([r.status, r.pendingMax, r.max]).toStrictEqual(['complete', 0, 100]);
    for (const [id, p] of Object.entries(FULL_UNIT_POINTS.indicators))
      expect(indicator(r, id as Portal766IndicatorId).points, id).toBe(p);
    expect(indicator(r, 'fullOnlineDossiers')).toMatchObject({ reason: 'GIVEN', rate: 0.7, ratioUsed: null });
    expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
  });

  it('an empty input has no data anywhere: nothing is guessed', () => {
    const r = scorePortal766({});
    expect([r.points, r.pendingMax, r.status]).toStrictEqual([0, 100, 'no-data']);
    expect(
      r.groups.every((g) => g.indicators.every((i) => i.points === null && i.reason === 'NO_DATA')),
    ).toBe(true);
  });
});

describe('thresholds: exactly at the target, just below, just above', () => {
  // [indicator, input maker(part, whole), max, target]
  const cases: [Portal766IndicatorId, (good: number, whole: number) => Portal766Input, number][] = [
    ['dossierSatisfaction', (g, w) => ({ dossierSatisfaction: { unsatisfied: w - g, dossiers: w } }), 6],
    ['reusedData', (g, w) => ({ reusedData: { reused: g, received: w } }), 2],
    [
      'onlinePaymentProcedures',
      (g, w) => ({ onlinePaymentProcedures: { withOnlinePayment: g, withFee: w } }),
      2,
    ],
    [
      'feeIntegratedProcedures',
      (g, w) => ({ feeIntegratedProcedures: { withFeeDossiers: g, withFee: w } }),
      2,
    ],
  ];
  const target = {
    dossierSatisfaction: 0.9,
    reusedData: 0.8,
    onlinePaymentProcedures: 0.8,
    feeIntegratedProcedures: 0.8,
  };
  it.each(cases)('%s', (id, make, max) => {
    const t = target[id as keyof typeof target];
    const at = one(make(t * 1000, 1000), id);
    expect([at.points, at.reason, at.target]).toStrictEqual([max, 'FULL', t]);
    const above = one(make(t * 1000 + 1, 1000), id);
    expect([above.points, above.reason]).toStrictEqual([max, 'FULL']);
    const below = one(make(t * 1000 - 1, 1000), id);
    expect(below.reason).toBe('PROPORTIONAL');
    // max × (t·1000 − 1)/1000 ÷ t, exact: e.g. 6 × 0.899 ÷ 0.9 = 5.99333…
    expect(below.points).toBe(Number(((max * (t * 1000 - 1)) / (t * 1000)).toPrecision(16)));
    expect(below.points!).toBeLessThan(max);
  });

  it('satisfaction 5.4: 6 × 0.899 ÷ 0.9 and 6 × 0.89 ÷ 0.9 are the nearest doubles of 5.99333… and 5.93333…', () => {
    expect(
      one({ dossierSatisfaction: { unsatisfied: 101, dossiers: 1000 } }, 'dossierSatisfaction').points,
    ).toBe(5.993333333333333);
    expect(
      one({ dossierSatisfaction: { unsatisfied: 11, dossiers: 100 } }, 'dossierSatisfaction').points,
    ).toBe(5.933333333333334);
  });

  it('linear indicators reach full points only at 100 %', () => {
    expect(one({ publishOnTime: { onTime: 999, announced: 1000 } }, 'publishOnTime')).toMatchObject({
      points: 5.994,
      reason: 'PROPORTIONAL',
    });
    expect(one({ publishOnTime: { onTime: 1000, announced: 1000 } }, 'publishOnTime')).toMatchObject({
      points: 6,
      reason: 'FULL',
    });
  });

  it('4.2 is linear by default (R) and ≥ 80 % full with digitisedScoring: threshold-80 (D)', () => {
    const input = { digitisedDossiers: { digitised: 800, total: 1000 } };
    expect(one(input, 'digitisedDossiers')).toMatchObject({ points: 3.2, scoring: 'linear', target: 1 });
    const d = one(input, 'digitisedDossiers', { digitisedScoring: 'threshold-80' });
    expect(d).toMatchObject({ points: 4, scoring: 'threshold', target: 0.8, reason: 'FULL' });
    expect(
      one({ digitisedDossiers: { digitised: 799, total: 1000 } }, 'digitisedDossiers', {
        digitisedScoring: 'threshold-80',
      }).points,
    ).toBe(3.995);
  });

  it('payment group = 6·A + min(2, 2.5·B) + min(2, 2.5·C) (R)', () => {
    const r = scorePortal766({
      onlinePaymentDossiers: { paidOnline: 1, withFee: 4 },
      onlinePaymentProcedures: { withOnlinePayment: 2, withFee: 10 },
      feeIntegratedProcedures: { withFeeDossiers: 10, withFee: 10 },
    });
    // A = 1/4 → 1.5; B = 0.2 → 2.5 × 0.2 = 0.5; C = 1 → min(2, 2.5) = 2
    expect(r.groups[4]?.points).toBe(4);
  });

  it('3.5b divides by procedures having fee dossiers with paymentProceduresDenominator', () => {
    const input = { onlinePaymentProcedures: { withOnlinePayment: 4, withFee: 10, withFeeDossiers: 5 } };
    expect(one(input, 'onlinePaymentProcedures').points).toBe(1);
    expect(
      one(input, 'onlinePaymentProcedures', { paymentProceduresDenominator: 'procedures-with-fee-dossiers' }),
    ).toMatchObject({ denominator: 5, rate: 0.8, points: 2 });
  });
});

describe('zero denominators', () => {
  const zeros: [Portal766IndicatorId, Portal766Input][] = [
    ['publishOnTime', { publishOnTime: { onTime: 0, announced: 0 } }],
    ['publicUpdateOnTime', { publicUpdateOnTime: { onTime: 0, due: 0 } }],
    ['publicContentFull', { publicContentFull: { complete: 0, published: 0 } }],
    ['dossierSync', { dossierSync: { synced: 0, receivedNational: 0, receivedPortal: 0 } }],
    ['processingOnTime', { processingOnTime: { onTime: 0, received: 0 } }],
    ['electronicResult', { electronicResult: { withResult: 0, required: 0 } }],
    ['digitisedDossiers', { digitisedDossiers: { digitised: 0, total: 0 } }],
    ['electronicCertifiedCopy', { electronicCertifiedCopy: { offering: 0, communes: 0 } }],
    ['reusedData', { reusedData: { reused: 0, received: 0 } }],
    ['citizenDataProcedures', { citizenDataProcedures: { connected: 0, citizenProcedures: 0 } }],
    ['citizenDataDossiers', { citizenDataDossiers: { using: 0, dossiers: 0 } }],
    ['onlinePaymentDossiers', { onlinePaymentDossiers: { paidOnline: 0, withFee: 0 } }],
    ['onlinePaymentProcedures', { onlinePaymentProcedures: { withOnlinePayment: 0, withFee: 0 } }],
    ['feeIntegratedProcedures', { feeIntegratedProcedures: { withFeeDossiers: 0, withFee: 0 } }],
    ['dossierSatisfaction', { dossierSatisfaction: { unsatisfied: 0, dossiers: 0 } }],
  ];
  it.each(zeros)('%s: rate null, 0 points (NO_DENOMINATOR)', (id, input) => {
    const r = one(input, id);
    expect([r.rate, r.ratioUsed, r.points, r.reason]).toStrictEqual([null, null, 0, 'NO_DENOMINATOR']);
  });

  it('no petition: 5.2 and 5.3 give full points (R)', () => {
    const r = scorePortal766({
      petitionOnTime: { onTime: 0, received: 0 },
      petitionSatisfaction: { unsatisfied: 0, received: 0 },
    });
    expect(indicator(r, 'petitionOnTime')).toMatchObject({
      points: 6,
      rate: null,
      ratioUsed: 1,
      reason: 'NO_PETITIONS',
    });
    expect(indicator(r, 'petitionSatisfaction')).toMatchObject({ points: 6, reason: 'NO_PETITIONS' });
  });

  it("no petition with noPetitions: 'split' moves 5.3's points to 5.2 and 5.4 (METRICS row 23)", () => {
    const r = scorePortal766(
      {
        petitionOnTime: { onTime: 0, received: 0 },
        petitionSatisfaction: { unsatisfied: 0, received: 0 },
        dossierSatisfaction: { unsatisfied: 200, dossiers: 1000 },
      },
      { noPetitions: 'split' },
    );
    expect(indicator(r, 'petitionOnTime')).toMatchObject({ max: 9, points: 9 });
    expect(indicator(r, 'petitionSatisfaction')).toMatchObject({ max: 0, points: 0, reason: 'SPLIT' });
    // 9 × 0.8 ÷ 0.9 = 8
    expect(indicator(r, 'dossierSatisfaction')).toMatchObject({ max: 9, points: 8 });
    expect(r.groups[5]).toMatchObject({ max: 18, points: 17 });
    // with petitions the option changes nothing
    const withPetitions = { petitionSatisfaction: { unsatisfied: 1, received: 10 } };
    expect(scorePortal766(withPetitions, { noPetitions: 'split' }).groups).toStrictEqual(
      scorePortal766(withPetitions).groups,
    );
    // nor without the petition indicators: nothing says that no petition arose
    const withoutPetitionCounts = { dossierSatisfaction: { unsatisfied: 200, dossiers: 1000 } };
    expect(scorePortal766(withoutPetitionCounts, { noPetitions: 'split' }).groups).toStrictEqual(
      scorePortal766(withoutPetitionCounts).groups,
    );
  });

  it('1.4 falls back to the previous year ÷ 12 (month) or ÷ 4 (quarter) when both counts are 0 (D)', () => {
    /** 1.4 with the counts `[synced, receivedNational, receivedPortal]` and the previous year. */
    const sync = (
      [synced, receivedNational, receivedPortal]: [number, number, number],
      total: number,
      periodsPerYear: 4 | 12,
    ) =>
      one(
        {
          dossierSync: {
            synced,
            receivedNational,
            receivedPortal,
            previousYear: { total, periodsPerYear },
          },
        },
        'dossierSync',
      );
    const month = sync([90, 0, 0], 1200, 12);
    expect([month.denominator, month.rate, month.points]).toStrictEqual([100, 0.9, 5.4]);
    const quarter = sync([100, 0, 0], 1000, 4);
    expect([quarter.denominator, quarter.points]).toStrictEqual([250, 2.4]);
    // the fallback is only for both counts 0; the larger count is the denominator otherwise
    const max = sync([50, 100, 80], 1, 4);
    expect([max.denominator, max.points]).toStrictEqual([100, 3]);
    // nothing in the previous year either: 0
    expect(sync([0, 0, 0], 0, 12).points).toBe(0);
  });
});

describe('laws', () => {
  it('points stay within [0, max]; groups and total are the sums; nothing is mutated; JSON-safe', () => {
    fc.assert(
      fc.property(
        portal766InputArb,
        fc.constantFrom<'full-points' | 'split'>('full-points', 'split'),
        (input, noPetitions) => {
          const before = JSON.stringify(input);
          const r = scorePortal766(deepFreeze(input), { noPetitions });
          expect(JSON.stringify(input)).toBe(before);
          let total = 0;
          for (const g of r.groups) {
            let sum = 0;
            let max = 0;
            for (const i of g.indicators) {
              max += i.max;
              if (i.points === null) continue;
              expect(i.points).toBeGreaterThanOrEqual(0);
              expect(i.points).toBeLessThanOrEqual(i.max);
              sum += i.points;
            }
            expect(g.points).toBeCloseTo(sum, 9);
            expect(g.max).toBe(max);
            total += g.points;
          }
          expect(r.points).toBeCloseTo(total, 9);
          expect(r.points).toBeLessThanOrEqual(100);
          expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('each computed indicator is min(max, max × ratio ÷ target) of its counts (independent oracle)', () => {
    fc.assert(
      fc.property(portal766InputArb, (input) => {
        const r = scorePortal766(input);
        for (const g of r.groups)
          for (const i of g.indicators) {
            if (i.scoring === 'given' || i.points === null) continue;
            const expected =
              i.ratioUsed === null ? 0 : Math.min(i.max, (i.max * i.ratioUsed) / (i.target as number));
            expect(i.points).toBeCloseTo(expected, 9);
            if (i.rate !== null && i.denominator !== null && i.numerator !== null)
              expect(i.rate).toBeCloseTo(i.numerator / i.denominator, 12);
          }
      }),
      { numRuns: 150 },
    );
  });
});

describe('bad input', () => {
  it.each<[string, unknown, unknown, (string | number)[]]>([
    [
      'a negative count',
      { publishOnTime: { onTime: -1, announced: 3 } },
      undefined,
      ['input', 'publishOnTime', 'onTime'],
    ],
    [
      'a fractional count',
      { reusedData: { reused: 1.5, received: 3 } },
      undefined,
      ['input', 'reusedData', 'reused'],
    ],
    [
      'NaN',
      { electronicResult: { withResult: Number.NaN, required: 3 } },
      undefined,
      ['input', 'electronicResult', 'withResult'],
    ],
    [
      'a part above its whole',
      { publishOnTime: { onTime: 5, announced: 4 } },
      undefined,
      ['input', 'publishOnTime', 'onTime'],
    ],
    [
      'more unsatisfied than dossiers',
      { dossierSatisfaction: { unsatisfied: 5, dossiers: 4 } },
      undefined,
      ['input', 'dossierSatisfaction', 'unsatisfied'],
    ],
    [
      'a missing field',
      { petitionOnTime: { onTime: 1 } },
      undefined,
      ['input', 'petitionOnTime', 'received'],
    ],
    ['an unknown indicator', { publishOntime: { onTime: 1, announced: 1 } }, undefined, ['input']],
    [
      'given points above the maximum',
      { fullOnlineDossiers: { points: 12.5 } },
      undefined,
      ['input', 'fullOnlineDossiers', 'points'],
    ],
    [
      'given points that are not a number',
      { personalStorage: { points: 'abc' } },
      undefined,
      ['input', 'personalStorage', 'points'],
    ],
    [
      'both progress forms',
      { processingOnTime: { onTime: 1, received: 1 }, dossiers: {} },
      undefined,
      ['input', 'dossiers'],
    ],
    [
      'a bad period divisor',
      {
        dossierSync: {
          synced: 1,
          receivedNational: 0,
          receivedPortal: 0,
          previousYear: { total: 12, periodsPerYear: 6 },
        },
      },
      undefined,
      ['input', 'dossierSync', 'previousYear', 'periodsPerYear'],
    ],
    [
      '3.5b part above its whole',
      { onlinePaymentProcedures: { withOnlinePayment: 3, withFee: 2 } },
      undefined,
      ['input', 'onlinePaymentProcedures', 'withOnlinePayment'],
    ],
    ['an unknown option value', {}, { digitisedScoring: 'steep' }, ['options', 'digitisedScoring']],
    ['an unknown option', {}, { rounding: 2 }, ['options']],
    [
      'the fee-dossiers denominator without its count',
      { onlinePaymentProcedures: { withOnlinePayment: 1, withFee: 2 } },
      { paymentProceduresDenominator: 'procedures-with-fee-dossiers' },
      ['input', 'onlinePaymentProcedures', 'withFeeDossiers'],
    ],
  ])('%s', (_what, input, options, path) => {
    const error = expectCchcError(
      () => scorePortal766(input as Portal766Input, options as Portal766Options),
      'INVALID_INPUT',
      path,
    );
    expect(error.issues[0]?.message).toMatch(/^[a-z"(]|^is required/);
  });

  it('says what was expected for a part above its whole', () => {
    const error = expectCchcError(
      () => scorePortal766({ publishOnTime: { onTime: 5, announced: 4 } }),
      'INVALID_INPUT',
      ['input', 'publishOnTime', 'onTime'],
    );
    expect(error.issues[0]?.message).toBe(
      'expected "onTime" (5) to be at most "announced" (4): it counts part of them.',
    );
  });
});
