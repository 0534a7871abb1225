import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LOC_BINH_2024_CONSTRUCTED,
  LOC_BINH_2024_TOTALS,
} from '../../test/fixtures/procedures/locBinh2024.js';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { percent } from '../numeric/percent.js';
import { ratio } from '../numeric/ratio.js';
import { type ProcedureReviewInput, ProcedureReviewSchema } from './ProcedureReview.js';
import { TimeReductionInputSchema, timeReduction, timeReductionOf } from './timeReduction.js';

describe('timeReduction', () => {
  describe('real figures', () => {
    it('Lộc Bình 6 months 2024, totals: 91,5 → 63 days, reduced 28,5, shown "31,1%"', () => {
      const result = timeReduction({ before: 91.5, after: 63 });
      expect(result).toEqual({
        count: 1,
        before: 91.5,
        after: 63,
        reduced: 28.5,
        rate: 0.3114754098360656,
        method: 'pooled',
        pooledRate: 0.3114754098360656,
        meanRate: 0.3114754098360656,
        excludedFromMean: 0,
        increased: 0,
        unit: 'working-days',
        items: [{ index: 0, before: 91.5, after: 63, reduced: 28.5, rate: 0.3114754098360656 }],
      });
      expect(result.rate).toBe(ratio(28.5, 91.5));
      expect(percent(result.rate, { decimals: 1 })).toBe(31.1);
    });

    it('Lộc Bình, 07 procedures (constructed list with the published totals): pooled rate 31,1 %', () => {
      const list = deepFreeze(LOC_BINH_2024_CONSTRUCTED);
      const result = timeReduction(list);
      expect(result.count).toBe(LOC_BINH_2024_TOTALS.count);
      expect(result.before).toBe(LOC_BINH_2024_TOTALS.before);
      expect(result.after).toBe(LOC_BINH_2024_TOTALS.after);
      expect(result.reduced).toBe(LOC_BINH_2024_TOTALS.reduced);
      expect(result.rate).toBe(0.3114754098360656);
      expect(result.method).toBe('pooled');
      expect(`${String(percent(result.rate, { decimals: 1 })).replace('.', ',')}%`).toBe(
        LOC_BINH_2024_TOTALS.shownRate,
      );
      expect(result.items.map((item) => item.code)).toEqual([
        'LB-01',
        'LB-02',
        'LB-03',
        'LB-04',
        'LB-05',
        'LB-06',
        'LB-07',
      ]);
      expect(result.items[5]).toEqual({
        index: 5,
        code: 'LB-06',
        name: 'Thủ tục minh hoạ 06',
        level: 'huyen',
        before: 7.5,
        after: 5,
        reduced: 2.5,
        rate: 0.3333333333333333,
      });
    });

    it('Bắc Ninh: 20 → 5 = 75 %, 3 → 2 = 33 %; mean 54,17 % (the source says 53 %), pooled 69,57 %', () => {
      const list = [
        { before: 20, after: 5 },
        { before: 3, after: 2 },
      ];
      const pooled = timeReduction(list);
      const mean = timeReduction(list, { method: 'mean' });
      expect(pooled.items.map((item) => item.rate)).toEqual([0.75, 1 / 3]);
      expect(pooled.items.map((item) => percent(item.rate, { decimals: 0 }))).toEqual([75, 33]);
      expect(mean.rate).toBe(0.5416666666666666);
      expect(mean.rate).toBe(mean.meanRate);
      expect(percent(mean.rate)).toBe(54.17);
      // "average 53 %" is neither the mean of these two, exact (54,17) or from the rounded 75 and 33
      // (54), nor their pooled rate; see the TSDoc of timeReduction.
      expect(percent(mean.rate, { decimals: 0 })).not.toBe(53);
      expect((75 + 33) / 2).toBe(54);
      expect(pooled.rate).toBe(16 / 23);
      expect(percent(pooled.rate)).toBe(69.57);
      expect(mean.pooledRate).toBe(pooled.rate);
    });
  });

  describe('boundaries', () => {
    it('before = 0: the rate is null, the procedure leaves the mean and is counted', () => {
      expect(timeReduction({ before: 0, after: 0 })).toMatchObject({
        reduced: 0,
        rate: null,
        pooledRate: null,
        meanRate: null,
        excludedFromMean: 1,
      });
      const result = timeReduction(
        [
          { before: 0, after: 0 },
          { before: 20, after: 5 },
        ],
        { method: 'mean' },
      );
      expect(result.meanRate).toBe(0.75);
      expect(result.excludedFromMean).toBe(1);
      expect(result.items[0]?.rate).toBeNull();
    });

    it('after > before: a negative reduction and rate, counted in increased, no error', () => {
      expect(timeReduction({ before: 5, after: 6 })).toMatchObject({
        reduced: -1,
        rate: -0.2,
        increased: 1,
      });
      // before = 0 and after > 0: no individual rate, but its days weigh in the pooled figures
      const result = timeReduction([
        { before: 0, after: 2 },
        { before: 10, after: 8 },
      ]);
      expect(result).toMatchObject({ reduced: 0, rate: 0, meanRate: 0.2, increased: 1, excludedFromMean: 1 });
    });

    it('after = before: reduction 0, rate 0; after = 0: rate 1', () => {
      expect(timeReduction({ before: 7, after: 7 }).rate).toBe(0);
      expect(timeReduction({ before: 7, after: 0 }).rate).toBe(1);
    });

    it('an empty list: zeros and null rates', () => {
      expect(timeReduction([])).toEqual({
        count: 0,
        before: 0,
        after: 0,
        reduced: 0,
        rate: null,
        method: 'pooled',
        pooledRate: null,
        meanRate: null,
        excludedFromMean: 0,
        increased: 0,
        unit: 'working-days',
        items: [],
      });
    });

    it('adds in decimal: 0.1 + 0.2 days is 0.3, and strings keep their digits', () => {
      const result = timeReduction([
        { before: 0.1, after: 0 },
        { before: 0.2, after: 0 },
      ]);
      expect(result.before).toBe(0.3);
      expect(timeReduction({ before: '91.5', after: '63' })).toMatchObject({
        reduced: 28.5,
        rate: 0.3114754098360656,
      });
    });

    it('keeps one declared unit for the whole list', () => {
      expect(timeReduction({ before: 8, after: 4, unit: 'hours' }).unit).toBe('hours');
      expect(
        timeReduction([
          { before: 2, after: 1, unit: 'months' },
          { before: 3, after: 1, unit: 'months' },
        ]).unit,
      ).toBe('months');
      // a missing unit is 'working-days', so it matches an explicit 'working-days'
      expect(
        timeReduction([
          { before: 2, after: 1 },
          { before: 3, after: 1, unit: 'working-days' },
        ]).unit,
      ).toBe('working-days');
    });

    it('a single procedure and a list of one give the same result', () => {
      expect(timeReduction({ code: 'X', before: 20, after: 5 })).toEqual(
        timeReduction([{ code: 'X', before: 20, after: 5 }]),
      );
    });
  });

  describe('rejects bad input', () => {
    it.each([
      [
        'a negative time',
        { before: -1, after: 2 },
        ['input', 'before'],
        'expected a number ≥ 0, received -1.',
      ],
      [
        'NaN',
        { before: 1, after: Number.NaN },
        ['input', 'after'],
        'expected a finite number or a numeric string such as "91.5", received NaN.',
      ],
      ['Infinity', { before: Number.POSITIVE_INFINITY, after: 1 }, ['input', 'before'], undefined],
      ['"abc"', { before: 'abc', after: 1 }, ['input', 'before'], undefined],
      ['Vietnamese notation', { before: '91,5', after: 63 }, ['input', 'before'], undefined],
      ['a missing time', { before: 1 }, ['input', 'after'], undefined],
      [
        'an unknown key',
        { before: 1, after: 1, befor: 2 },
        ['input'],
        'unknown key "befor": remove it or check the spelling.',
      ],
      ['an unknown unit', { before: 1, after: 1, unit: 'weeks' }, ['input', 'unit'], undefined],
      ['an unknown level', { before: 1, after: 1, level: 'district' }, ['input', 'level'], undefined],
      ['an empty code', { before: 1, after: 1, code: '' }, ['input', 'code'], undefined],
      ['null', null, ['input'], 'expected a procedure { before, after } or a list of them, received null.'],
      ['a number', 5, ['input'], undefined],
      ['nothing', undefined, ['input'], undefined],
      [
        'a bad item in a list',
        [
          { before: 1, after: 1 },
          { before: -2, after: 1 },
        ],
        ['input', 1, 'before'],
        undefined,
      ],
      ['a non-object item', [{ before: 1, after: 1 }, 3], ['input', 1], undefined],
    ])('%s', (_what, input, path, message) => {
      const error = expectCchcError(() => timeReduction(input as never), 'INVALID_INPUT', path);
      if (message !== undefined) expect(error.issues.map((issue) => issue.message)).toContain(message);
    });

    it('mixed units: every item unlike the first, never converted', () => {
      const error = expectCchcError(
        () =>
          timeReduction([
            { before: 2, after: 1 },
            { before: 24, after: 8, unit: 'hours' },
            { before: 3, after: 2 },
            { before: 10, after: 5, unit: 'days' },
          ]),
        'INVALID_INPUT',
        ['input', 1, 'unit'],
      );
      expect(error.issues.map((issue) => issue.path)).toEqual([
        ['input', 1, 'unit'],
        ['input', 3, 'unit'],
      ]);
      expect(error.issues[0]?.message).toMatch(
        /same unit as the first procedure \('working-days'\), received 'hours'/,
      );
    });

    it.each([
      ['an unknown method', { method: 'median' }, ['options', 'method']],
      ['an unknown option', { methd: 'mean' }, ['options']],
      ['options that are not an object', 'mean', ['options']],
    ])('options: %s', (_what, options, path) => {
      expectCchcError(
        () => timeReduction({ before: 1, after: 1 }, options as never),
        'INVALID_OPTIONS',
        path,
      );
    });
  });

  describe('laws', () => {
    const time = fc.integer({ min: 0, max: 100_000 }).map((n) => n / 10);
    const review = fc.record({ before: time, after: time });
    const reducing = fc
      .tuple(time, time)
      .map(([a, b]): ProcedureReviewInput => (a >= b ? { before: a, after: b } : { before: b, after: a }));

    it('the pooled rate of one procedure is its own rate, and equals the mean rate', () => {
      fc.assert(
        fc.property(review, (r) => {
          const one = timeReduction([r]);
          expect(one.rate).toBe(one.items[0]?.rate);
          expect(one.pooledRate).toBe(one.meanRate);
          expect(one.rate).toBe(r.before === 0 ? null : toRate(r.before, r.after));
        }),
      );
    });

    it('order does not change the results (except the items order)', () => {
      fc.assert(
        fc.property(fc.array(review, { maxLength: 12 }), fc.boolean(), (list, mean) => {
          const options = { method: mean ? ('mean' as const) : ('pooled' as const) };
          const a = timeReduction(list, options);
          const b = timeReduction([...list].reverse(), options);
          const { items: ia, ...ra } = a;
          const { items: ib, ...rb } = b;
          expect(rb).toEqual(ra);
          expect([...ib].reverse().map(({ index: _, ...rest }) => rest)).toEqual(
            ia.map(({ index: _, ...rest }) => rest),
          );
        }),
      );
    });

    it('rates stay in [0, 1] when no time grew', () => {
      fc.assert(
        fc.property(fc.array(reducing, { maxLength: 12 }), (list) => {
          const result = timeReduction(list);
          for (const r of [result.pooledRate, result.meanRate, ...result.items.map((item) => item.rate)]) {
            if (r !== null) {
              expect(r).toBeGreaterThanOrEqual(0);
              expect(r).toBeLessThanOrEqual(1);
            }
          }
          expect(result.increased).toBe(0);
        }),
      );
    });

    it('reduced = before − after exactly, and the totals are the sums of the items', () => {
      fc.assert(
        fc.property(fc.array(review, { maxLength: 12 }), (list) => {
          const result = timeReduction(list);
          const tenths = (x: number) => Math.round(x * 10);
          expect(tenths(result.before)).toBe(list.reduce((s, r) => s + tenths(r.before), 0));
          expect(tenths(result.after)).toBe(list.reduce((s, r) => s + tenths(r.after), 0));
          expect(tenths(result.reduced)).toBe(tenths(result.before) - tenths(result.after));
          expect(result.count).toBe(list.length);
        }),
      );
    });

    it('never mutates its input and returns JSON-safe results', () => {
      fc.assert(
        fc.property(fc.array(review, { maxLength: 8 }), (list) => {
          const copy = structuredClone(list);
          const frozen = deepFreeze(list);
          const options = deepFreeze({ method: 'mean' as const });
          const result = timeReduction(frozen, options);
          expect(frozen).toEqual(copy);
          expect(JSON.parse(JSON.stringify(result))).toEqual(result);
        }),
      );
    });
  });

  describe('for the engine', () => {
    it('TimeReductionInputSchema + timeReductionOf give what timeReduction gives', () => {
      const parsed = TimeReductionInputSchema.parse(LOC_BINH_2024_CONSTRUCTED);
      expect(timeReductionOf(parsed)).toEqual(timeReduction(LOC_BINH_2024_CONSTRUCTED));
      expect(timeReductionOf(parsed, { method: 'mean' })).toEqual(
        timeReduction(LOC_BINH_2024_CONSTRUCTED, { method: 'mean' }),
      );
    });

    it('ProcedureReviewSchema fills in the unit and keeps values as given', () => {
      expect(ProcedureReviewSchema.parse({ code: '1.001612', before: '7.5', after: 5, level: 'xa' })).toEqual(
        {
          code: '1.001612',
          before: '7.5',
          after: 5,
          level: 'xa',
          unit: 'working-days',
        },
      );
    });
  });
});

/** An independent oracle: (before − after) ÷ before on integers of tenths, as the nearest double. */
function toRate(before: number, after: number): number {
  const b = Math.round(before * 10);
  const a = Math.round(after * 10);
  // both are integers below 2^53, so this division is correctly rounded
  return (b - a) / b;
}
