import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { portal766InputArb } from '../../../test/fixtures/portal766/arbitraries.js';
import { FULL_UNIT, FULL_UNIT_POINTS, PROGRESS_CASES } from '../../../test/fixtures/portal766/worked.js';
import { expectCchcError } from '../../../test/helpers/cchcError.js';
import {
  buildPortal766Assessment,
  buildPortal766RuleSet,
  defineRuleSet,
  isCchcError,
  MEASURES,
  PORTAL_766_INDICATORS,
  PORTAL_766_RULE_SET,
  type Portal766Input,
  type Portal766RuleSetOptions,
  type RuleSet,
  scorePortal766,
  scoreUnit,
  timeliness,
  validateRuleSet,
} from '../../index.js';

const META = { unit: { id: 'u' }, period: '2026-09' };

function viaEngine(input: Portal766Input, ruleSet: RuleSet = PORTAL_766_RULE_SET) {
  return scoreUnit(ruleSet, buildPortal766Assessment(input, META), { explanations: false });
}

describe('PORTAL_766_RULE_SET', () => {
  it('is accepted by validateRuleSet: 6 groups, 19 leaves, 100 points', () => {
    const json = JSON.parse(JSON.stringify(PORTAL_766_RULE_SET));
    const result = validateRuleSet(json);
    expect(result.ok).toBe(true);
    expect(result.warnings).toStrictEqual([]);
    expect(PORTAL_766_RULE_SET.total).toBe(100);
    expect(PORTAL_766_RULE_SET.children.map((g) => [g.id, g.max, g.children?.length])).toStrictEqual([
      ['transparency', 18, 4],
      ['progress', 20, 1],
      ['onlineServices', 12, 1],
      ['digitisation', 22, 7],
      ['payment', 10, 3],
      ['satisfaction', 18, 3],
    ]);
    expect(Object.isFrozen(PORTAL_766_RULE_SET)).toBe(true);
  });

  it('is written out in the validated form: equal to defineRuleSet of its JSON, and kept as is', () => {
    expect(PORTAL_766_RULE_SET).toStrictEqual(defineRuleSet(JSON.parse(JSON.stringify(PORTAL_766_RULE_SET))));
    expect(PORTAL_766_RULE_SET).toStrictEqual(buildPortal766RuleSet());
    expect(defineRuleSet(PORTAL_766_RULE_SET)).toBe(PORTAL_766_RULE_SET);
  });

  it('every measured leaf names a registered measure; given indicators are manual leaves', () => {
    for (const g of PORTAL_766_RULE_SET.children)
      for (const leaf of g.children ?? []) {
        const def = PORTAL_766_INDICATORS.find((d) => d.id === leaf.id)!;
        if (def.scoring === 'given') expect(leaf.rule).toStrictEqual({ kind: 'manual' });
        else {
          const measure = (leaf.rule as { measure: string }).measure;
          expect(Object.hasOwn(MEASURES, measure), measure).toBe(true);
          expect(leaf.whenNoValue).toBe('zero');
        }
      }
  });

  it('scores the hand-checked full unit like scorePortal766', () => {
    const report = viaEngine(FULL_UNIT);
    expect(report.total.points).toBeCloseTo(FULL_UNIT_POINTS.total, 9);
    expect(report.total.status).toBe('scored');
    const groups = PORTAL_766_RULE_SET.children.map((g) => report.nodes.find((n) => n.id === g.id)!.points);
    groups.forEach((p, i) => {
      expect(p).toBeCloseTo(FULL_UNIT_POINTS.groups[i]!, 9);
    });
  });

  it.each(PROGRESS_CASES)('processing progress: $source', (c) => {
    const node = viaEngine(c.input).nodes.find((n) => n.id === 'processingOnTime')!;
    expect(node.points).toBeCloseTo(c.points, 9);
  });

  it('satisfaction at exactly 90 % scores 6, just below less, just above 6', () => {
    const points = (unsatisfied: number) =>
      viaEngine({ dossierSatisfaction: { unsatisfied, dossiers: 1000 } }).nodes.find(
        (n) => n.id === 'dossierSatisfaction',
      )!.points;
    expect(points(100)).toBe(6);
    expect(points(99)).toBe(6);
    expect(points(101)).toBeCloseTo(5.993333333333333, 12);
  });

  it('no petition gives full points, zero denominators 0, missing data is pending', () => {
    const report = viaEngine({
      petitionOnTime: { onTime: 0, received: 0 },
      dossierSatisfaction: { unsatisfied: 0, dossiers: 0 },
    });
    const node = (id: string) => report.nodes.find((n) => n.id === id)!;
    expect([node('petitionOnTime').points, node('petitionOnTime').status]).toStrictEqual([6, 'scored']);
    expect([node('dossierSatisfaction').points, node('dossierSatisfaction').reason]).toStrictEqual([
      0,
      'ZERO_WHEN_NO_VALUE',
    ]);
    expect(node('petitionSatisfaction').status).toBe('pending');
    expect(report.total.pendingMax).toBe(88);
  });

  it('agrees with scorePortal766 on any input, with and without the conflict options', () => {
    const optionsArb = fc.record(
      {
        digitisedScoring: fc.constantFrom<'linear' | 'threshold-80'>('linear', 'threshold-80'),
        paymentProceduresDenominator: fc.constantFrom<'procedures-with-fee' | 'procedures-with-fee-dossiers'>(
          'procedures-with-fee',
          'procedures-with-fee-dossiers',
        ),
      },
      { requiredKeys: [] },
    );
    const cache = new Map<string, RuleSet>();
    fc.assert(
      fc.property(portal766InputArb, optionsArb, (raw, options: Portal766RuleSetOptions) => {
        // the fee-dossiers denominator needs its count: give it as the whole
        const input =
          raw.onlinePaymentProcedures === undefined
            ? raw
            : {
                ...raw,
                onlinePaymentProcedures: {
                  ...raw.onlinePaymentProcedures,
                  withFeeDossiers: raw.onlinePaymentProcedures.withFee,
                },
              };
        const key = JSON.stringify(options);
        let rs = cache.get(key);
        if (rs === undefined) {
          rs = buildPortal766RuleSet(options);
          cache.set(key, rs);
        }
        const direct = scorePortal766(input, options);
        const report = viaEngine(input, rs);
        expect(report.total.points).toBeCloseTo(direct.points, 9);
        expect(report.total.pendingMax).toBeCloseTo(direct.pendingMax, 9);
        for (const g of direct.groups)
          for (const i of g.indicators) {
            const node = report.nodes.find((n) => n.id === i.id)!;
            if (i.points === null) expect(node.status, i.id).toBe('pending');
            else expect(node.points, i.id).toBeCloseTo(i.points, 9);
          }
      }),
      { numRuns: 60 },
    );
  });

  it('processing progress from data.dossiers equals timeliness basis portal766 × 20', () => {
    const dossiers = {
      received: { carriedOver: 3, online: 40 },
      resolved: { early: 20, late: 4 },
      pending: { withinDeadline: 10 },
    };
    const report = scoreUnit(PORTAL_766_RULE_SET, { ...META, data: { dossiers } });
    const rate = timeliness(dossiers, { basis: 'portal766' }).onTimeOrEarlyRate!;
    expect(report.nodes.find((n) => n.id === 'processingOnTime')!.points).toBeCloseTo(20 * rate, 12);
  });

  it('the dossiers.* measures agree with timeliness on every basis (portal766 counts carried-over dossiers)', () => {
    const dossiers = {
      received: { carriedOver: 7, online: 30, inPerson: 3 },
      resolved: { early: 12, onTime: 9, late: 2 },
      pending: { withinDeadline: 6, overdue: 4 },
    };
    for (const basis of ['resolved', 'due', 'toProcess', 'portal766'] as const) {
      const rs = defineRuleSet({
        id: 'm',
        version: '1',
        legalBasis: 'illustrative',
        level: 'xa',
        total: 1,
        children: [
          {
            id: 'r',
            max: 1,
            assessor: 'superior',
            rule: { kind: 'proportional', measure: 'dossiers.onTimeOrEarlyRate', basis },
          },
        ],
      });
      const measured = scoreUnit(rs, { ...META, data: { dossiers } }).nodes[0]!.measured;
      expect(measured, basis).toBe(timeliness(dossiers, { basis }).onTimeOrEarlyRate);
    }
  });

  it('can be extended: a province reuses the measures in its own rule set', () => {
    const rs = defineRuleSet({
      id: 'province-766-lite',
      version: '1',
      legalBasis: 'illustrative',
      level: 'so',
      total: 26,
      children: [
        {
          id: 'progress',
          max: 20,
          assessor: 'superior',
          rule: { kind: 'proportional', measure: 'portal766.processingOnTime' },
        },
        {
          id: 'satisfaction',
          max: 6,
          assessor: 'superior',
          whenNoValue: 'zero',
          rule: { kind: 'proportional', measure: 'portal766.dossierSatisfaction', target: 0.9 },
        },
      ],
    });
    const report = scoreUnit(rs, {
      ...META,
      data: {
        values: {
          'portal766.processingOnTime.onTime': 19255,
          'portal766.processingOnTime.received': '19944',
          'portal766.dossierSatisfaction.unsatisfied': 50,
          'portal766.dossierSatisfaction.dossiers': 1000,
        },
      },
    });
    expect(report.total.points).toBeCloseTo(19.309065383072603 + 6, 9);
  });
});

describe('keys that name prototypes', () => {
  it('"__proto__" or "constructor" inside a 766 value key never reaches Object.prototype', () => {
    const rs = defineRuleSet({
      id: 'province-766-proto',
      version: '1',
      legalBasis: 'illustrative',
      level: 'so',
      total: 20,
      children: [
        {
          id: 'progress',
          max: 20,
          assessor: 'superior',
          rule: { kind: 'proportional', measure: 'portal766.processingOnTime' },
        },
      ],
    });
    for (const key of [
      'portal766.processingOnTime.__proto__.polluted',
      'portal766.processingOnTime.constructor.polluted',
    ]) {
      const values = JSON.parse(
        JSON.stringify({
          [key]: 1,
          'portal766.processingOnTime.onTime': 1,
          'portal766.processingOnTime.received': 2,
        }),
      );
      try {
        scoreUnit(rs, { ...META, data: { values } });
      } catch (error) {
        expect(isCchcError(error)).toBe(true);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    }
  });
});

describe('bad data reaching the measures', () => {
  it.each<[string, Record<string, number | string | null>, string]>([
    [
      'a negative count',
      { 'portal766.publishOnTime.onTime': -1, 'portal766.publishOnTime.announced': 3 },
      'portal766.publishOnTime.onTime',
    ],
    ['a missing field', { 'portal766.reusedData.reused': 1 }, 'portal766.reusedData.received'],
    [
      'a part above its whole',
      { 'portal766.reusedData.reused': 4, 'portal766.reusedData.received': 3 },
      'portal766.reusedData.reused',
    ],
    [
      'null for a count',
      { 'portal766.petitionOnTime.onTime': null, 'portal766.petitionOnTime.received': 3 },
      'portal766.petitionOnTime.onTime',
    ],
    [
      'a nested field',
      {
        'portal766.dossierSync.synced': 1,
        'portal766.dossierSync.receivedNational': 0,
        'portal766.dossierSync.receivedPortal': 0,
        'portal766.dossierSync.previousYear.total': 1,
        'portal766.dossierSync.previousYear.periodsPerYear': 5,
      },
      'portal766.dossierSync.previousYear.periodsPerYear',
    ],
    [
      '3.5b above its whole',
      {
        'portal766.onlinePaymentProcedures.withOnlinePayment': 3,
        'portal766.onlinePaymentProcedures.withFee': 2,
      },
      'portal766.onlinePaymentProcedures.withOnlinePayment',
    ],
  ])('%s', (_what, values, key) => {
    expectCchcError(
      () => scoreUnit(PORTAL_766_RULE_SET, { ...META, data: { values } }),
      'INVALID_ASSESSMENT',
      ['data', 'values', key],
    );
  });

  it('progress as values and as dossiers at once', () => {
    expectCchcError(
      () =>
        scoreUnit(PORTAL_766_RULE_SET, {
          ...META,
          data: {
            dossiers: {},
            values: { 'portal766.processingOnTime.onTime': 1, 'portal766.processingOnTime.received': 1 },
          },
        }),
      'INVALID_ASSESSMENT',
      ['data', 'dossiers'],
    );
  });

  it('the fee-dossiers variant needs withFeeDossiers', () => {
    const rs = buildPortal766RuleSet({ paymentProceduresDenominator: 'procedures-with-fee-dossiers' });
    expectCchcError(
      () =>
        scoreUnit(rs, {
          ...META,
          data: {
            values: {
              'portal766.onlinePaymentProcedures.withOnlinePayment': 1,
              'portal766.onlinePaymentProcedures.withFee': 2,
            },
          },
        }),
      'INVALID_ASSESSMENT',
      ['data', 'values', 'portal766.onlinePaymentProcedures.withFeeDossiers'],
    );
  });

  it('given points above the maximum are refused by the manual leaf', () => {
    expectCchcError(
      () =>
        scoreUnit(PORTAL_766_RULE_SET, {
          ...META,
          entries: { fullOnlineDossiers: { superior: { value: 13 } } },
        }),
      'INVALID_ASSESSMENT',
      ['entries', 'fullOnlineDossiers', 'superior', 'value'],
    );
  });

  it('bad builder options and bad assessment meta', () => {
    expectCchcError(() => buildPortal766RuleSet({ level: 'country' } as never), 'INVALID_OPTIONS', ['level']);
    expectCchcError(() => buildPortal766Assessment({}, { unit: { id: '' }, period: 'p' }), 'INVALID_INPUT', [
      'meta',
      'unit',
      'id',
    ]);
    expectCchcError(
      () => buildPortal766Assessment({ publishOnTime: { onTime: 2, announced: 1 } }, META),
      'INVALID_INPUT',
      ['input', 'publishOnTime', 'onTime'],
    );
  });
});
