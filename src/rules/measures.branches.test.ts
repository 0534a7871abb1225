import { describe, expect, it } from 'vitest';
import { LOC_BINH_2024, THAI_BINH_2020 } from '../../test/fixtures/dossiers/worked.js';
import { channelShares, defineRuleSet, postalReturnRate, scoreUnit, timeliness } from '../index.js';

/** One proportional leaf per measure (id = measure|basis); returns each leaf's measured value and reason. */
function measured(measures: readonly string[], data: Record<string, unknown> | undefined) {
  const rs = defineRuleSet({
    id: 't',
    version: '1',
    legalBasis: 'test',
    level: 'xa',
    total: measures.length,
    assessor: 'self',
    children: measures.map((m, i) => {
      const [measure, basis] = m.split('|');
      return { id: `m${i}`, max: 1, rule: { kind: 'proportional', measure, ...(basis ? { basis } : {}) } };
    }),
  });
  const r = scoreUnit(rs, { unit: { id: 'u' }, period: '2025', ...(data ? { data } : {}) } as never, {
    explanations: false,
  });
  return Object.fromEntries(
    measures.map((m, i) => [m, { value: r.nodes[i]!.measured, reason: r.nodes[i]!.reason }]),
  );
}

function issues(measures: readonly string[], data: Record<string, unknown>): string[] {
  try {
    measured(measures, data);
    return [];
  } catch (error) {
    return (error as { issues: { path: unknown[]; message: string }[] }).issues.map(
      (i) => `${i.path.join('.')}: ${i.message}`,
    );
  }
}

describe('dossier measures agree with the calculators', () => {
  it('Lộc Bình 2024 shares and Thái Bình 2020 timeliness', () => {
    const shares = channelShares(LOC_BINH_2024.stats);
    const names = [
      'channels.onlineShare',
      'channels.inPersonShare',
      'channels.postalShare',
      'dossiers.postalReturnRate',
    ];
    const m = measured(names, { dossiers: LOC_BINH_2024.stats });
    expect(m['channels.onlineShare']!.value).toBe(shares.onlineShare);
    expect(m['channels.inPersonShare']!.value).toBe(shares.inPersonShare);
    expect(m['channels.postalShare']!.value).toBe(shares.postalShare);
    expect(m['dossiers.postalReturnRate']!.value).toBe(postalReturnRate(LOC_BINH_2024.stats));
    const t = timeliness(THAI_BINH_2020.stats);
    const d = measured(
      ['dossiers.onTimeOrEarlyRate', 'dossiers.earlyRate', 'dossiers.onTimeRate', 'dossiers.lateRate'],
      { dossiers: THAI_BINH_2020.stats },
    );
    expect([
      d['dossiers.onTimeOrEarlyRate']!.value,
      d['dossiers.earlyRate']!.value,
      d['dossiers.onTimeRate']!.value,
      d['dossiers.lateRate']!.value,
    ]).toEqual([t.onTimeOrEarlyRate, t.earlyRate, t.onTimeRate, t.lateRate]);
  });
  it('without dossier data the leaf waits for data', () => {
    expect(measured(['channels.onlineShare'], { values: {} })['channels.onlineShare']).toEqual({
      value: null,
      reason: 'NO_DATA',
    });
  });
});

describe('plan, procedures and values measures', () => {
  it('plan completion and on-time rates', () => {
    const m = measured(['plan.completionRate', 'plan.onTimeRate'], {
      plan: { done: 3, total: 4, onTime: 2 },
    });
    expect(m['plan.completionRate']!.value).toBe(0.75);
    expect(m['plan.onTimeRate']!.value).toBe(0.5);
    expect(measured(['plan.onTimeRate'], { plan: { done: 3, total: 4 } })['plan.onTimeRate']!.reason).toBe(
      'NO_DATA',
    );
    expect(measured(['plan.completionRate'], undefined)['plan.completionRate']!.reason).toBe('NO_DATA');
  });
  it('procedures reduction, from one pair or a list', () => {
    expect(
      measured(['procedures.reductionRate'], { procedures: { before: 20, after: 15 } })[
        'procedures.reductionRate'
      ]!.value,
    ).toBe(0.25);
    expect(
      measured(['procedures.reductionRate'], {
        procedures: [
          { before: 10, after: 5 },
          { before: '30', after: 25 },
        ],
      })['procedures.reductionRate']!.value,
    ).toBe(0.25);
  });
  it('values: given, null (did not arise) and absent', () => {
    const m = measured(['values.a', 'values.b', 'values.c'], { values: { a: '0.5', b: null } });
    expect(m['values.a']).toEqual({ value: 0.5, reason: 'PROPORTIONAL' });
    expect(m['values.b']).toEqual({ value: null, reason: 'NO_VALUE' });
    expect(m['values.c']).toEqual({ value: null, reason: 'NO_DATA' });
  });
});

describe('portal766 measures', () => {
  const P = 'portal766.';
  it('a part of a whole, from the values', () => {
    const m = measured([`${P}publishOnTime`], {
      values: { [`${P}publishOnTime.onTime`]: 3, [`${P}publishOnTime.announced`]: 4 },
    });
    expect(m[`${P}publishOnTime`]!.value).toBe(0.75);
  });
  it('nested fields (dossierSync.previousYear.*): the previous year when both counts are 0', () => {
    const m = measured([`${P}dossierSync`], {
      values: {
        [`${P}dossierSync.synced`]: 10,
        [`${P}dossierSync.receivedNational`]: 0,
        [`${P}dossierSync.receivedPortal`]: 0,
        [`${P}dossierSync.previousYear.total`]: 240,
        [`${P}dossierSync.previousYear.periodsPerYear`]: 12,
      },
    });
    expect(m[`${P}dossierSync`]!.value).toBe(0.5);
  });
  it('no values, or none for the indicator: waits for data; a zero denominator did not arise', () => {
    expect(measured([`${P}publishOnTime`], undefined)[`${P}publishOnTime`]!.reason).toBe('NO_DATA');
    expect(measured([`${P}publishOnTime`], { values: { other: 1 } })[`${P}publishOnTime`]!.reason).toBe(
      'NO_DATA',
    );
    expect(
      measured([`${P}publishOnTime`], {
        values: { [`${P}publishOnTime.onTime`]: 0, [`${P}publishOnTime.announced`]: 0 },
      })[`${P}publishOnTime`],
    ).toEqual({ value: null, reason: 'NO_VALUE' });
  });
  it('bad counts are reported under data.values with the dotted key', () => {
    expect(
      issues([`${P}publishOnTime`], {
        values: { [`${P}publishOnTime.onTime`]: 5, [`${P}publishOnTime.announced`]: 4 },
      }),
    ).toEqual([
      `data.values.${P}publishOnTime.onTime: expected "onTime" (5) to be at most "announced" (4): it counts part of them.`,
    ]);
  });
  it('processing on time: from the values or from the dossiers, not both', () => {
    const values = { [`${P}processingOnTime.onTime`]: 9, [`${P}processingOnTime.received`]: 10 };
    expect(measured([`${P}processingOnTime`], { values })[`${P}processingOnTime`]!.value).toBe(0.9);
    const fromStats = measured([`${P}processingOnTime`], { dossiers: LOC_BINH_2024.stats })[
      `${P}processingOnTime`
    ]!;
    expect(fromStats.value).toBe(1);
    expect(issues([`${P}processingOnTime`], { values, dossiers: LOC_BINH_2024.stats })).toEqual([
      `data.dossiers: give either the values "${P}processingOnTime.onTime", "${P}processingOnTime.received" or "dossiers", not both.`,
    ]);
    expect(issues([`${P}processingOnTime`], { dossiers: { received: { online: -1 } } })).toEqual([
      expect.stringMatching(/^data\.dossiers\.received\.online: /),
    ]);
  });
  it('online payment procedures: of procedures with fees, or of those with fee dossiers', () => {
    const base = {
      [`${P}onlinePaymentProcedures.withOnlinePayment`]: 3,
      [`${P}onlinePaymentProcedures.withFee`]: 6,
    };
    const m = measured([`${P}onlinePaymentProcedures`, `${P}onlinePaymentProceduresOfFeeDossiers`], {
      values: { ...base, [`${P}onlinePaymentProcedures.withFeeDossiers`]: 4 },
    });
    expect(m[`${P}onlinePaymentProcedures`]!.value).toBe(0.5);
    expect(m[`${P}onlinePaymentProceduresOfFeeDossiers`]!.value).toBe(0.75);
    expect(issues([`${P}onlinePaymentProceduresOfFeeDossiers`], { values: base })).toEqual([
      `data.values.${P}onlinePaymentProcedures.withFeeDossiers: is required by measure "${P}onlinePaymentProceduresOfFeeDossiers": expected the number of procedures having fee dossiers.`,
    ]);
    expect(
      issues([`${P}onlinePaymentProcedures`], {
        values: { ...base, [`${P}onlinePaymentProcedures.withFee`]: 2 },
      }),
    ).toEqual([
      `data.values.${P}onlinePaymentProcedures.withOnlinePayment: expected "withOnlinePayment" (3) to be at most "withFee" (2): it counts part of them.`,
    ]);
  });
});
