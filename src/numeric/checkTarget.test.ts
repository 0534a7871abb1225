import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { checkTarget } from './checkTarget.js';
import { ratio } from './ratio.js';

describe('checkTarget', () => {
  describe('real targets', () => {
    it('Đắk Song 2023: on-time-or-early ≥ 95 %; Lộc Bình 8.673 of 8.673 meets it', () => {
      expect(checkTarget(ratio(8673, 8673), { min: 0.95 })).toEqual({
        value: 1,
        met: true,
        shortfall: 0,
        excess: 0,
        target: { min: 0.95, minInclusive: true, maxInclusive: true },
      });
    });

    it('Vĩnh Phúc 8/2021: 19.255 / 19.944 = 96,55 % meets ≥ 95 %, fails ≥ 98 % by 1,45 points', () => {
      expect(checkTarget(ratio(19255, 19944), { min: 0.95 }).met).toBe(true);
      const result = checkTarget('0.9655', { min: '0.98' });
      expect(result).toEqual({
        value: 0.9655,
        met: false,
        shortfall: 0.0145, // exact: 0.98 − 0.9655, not 0.014499999999999957
        excess: 0,
        target: { min: '0.98', minInclusive: true, maxInclusive: true },
      });
    });

    it('Vĩnh Phúc 8/2021: overdue 3,45 % against late ≤ 2 %', () => {
      expect(checkTarget(0.0345, { max: 0.02 })).toEqual({
        value: 0.0345,
        met: false,
        shortfall: 0,
        excess: 0.0145,
        target: { max: 0.02, minInclusive: true, maxInclusive: true },
      });
    });

    it('Hương Thủy Q1 2024: 97,5 % (town) and 98,8 % (commune) against ≥ 98 %', () => {
      expect(checkTarget(0.975, { min: 0.98 })).toMatchObject({ met: false, shortfall: 0.005 });
      expect(checkTarget(0.988, { min: 0.98 })).toMatchObject({ met: true, shortfall: 0 });
    });
  });

  describe('bounds', () => {
    it.each([
      // value, target, met
      [0.95, { min: 0.95 }, true],
      [0.95, { min: 0.95, minInclusive: false }, false],
      [0.9500001, { min: 0.95, minInclusive: false }, true],
      [0.9499999, { min: 0.95 }, false],
      [0.02, { max: 0.02 }, true],
      [0.02, { max: 0.02, maxInclusive: false }, false],
      [0.0199999, { max: 0.02, maxInclusive: false }, true],
      [0.5, { min: 0.5, max: 0.5 }, true],
      [0.5, { min: 0.5, max: 0.5, minInclusive: false }, false],
      [0.7, { min: 0.7, max: 0.9 }, true],
      [0.9, { min: 0.7, max: 0.9 }, true],
      [0.91, { min: 0.7, max: 0.9 }, false],
      [0.69, { min: 0.7, max: 0.9 }, false],
      ['0.1', { min: 0.1 }, true], // compared in decimal: 0.1 is 0.1
      [0.1 + 0.2, { max: 0.3 }, false], // 0.30000000000000004 is above 0.3
    ])('%s against %j → met %s', (value, target, met) => {
      expect(checkTarget(value, target).met).toBe(met);
    });

    it('measures the shortfall and excess exactly', () => {
      expect(checkTarget(0.9728, { min: 0.98 }).shortfall).toBe(0.0072);
      expect(checkTarget(0.3, { min: 0.1, max: 0.2 }).excess).toBe(0.1);
      expect(checkTarget(-1, { min: 0.1, max: 0.2 }).shortfall).toBe(1.1);
    });

    it('a null value is neither met nor missed', () => {
      expect(checkTarget(null, { min: 0.95, maxInclusive: false })).toEqual({
        value: null,
        met: null,
        shortfall: null,
        excess: null,
        target: { min: 0.95, minInclusive: true, maxInclusive: false },
      });
    });
  });

  describe('rejects bad input', () => {
    it.each([
      ['NaN value', Number.NaN, { min: 1 }, ['value'], undefined],
      ['text value', '97,5%', { min: 1 }, ['value'], undefined],
      ['undefined value', undefined, { min: 1 }, ['value'], undefined],
      ['no bounds', 0.5, {}, ['target'], 'expected at least one of "min" or "max".'],
      ['only flags', 0.5, { minInclusive: true }, ['target'], 'expected at least one of "min" or "max".'],
      ['min above max', 0.5, { min: 0.9, max: 0.1 }, ['target'], 'expected "min" ≤ "max".'],
      ['min above max as strings', 0.5, { min: '10', max: '9' }, ['target'], 'expected "min" ≤ "max".'],
      [
        'an unknown key',
        0.5,
        { mni: 1, min: 0 },
        ['target'],
        'unknown key "mni": remove it or check the spelling.',
      ],
      ['a NaN bound', 0.5, { min: Number.NaN }, ['target', 'min'], undefined],
      ['an infinite bound', 0.5, { max: Number.POSITIVE_INFINITY }, ['target', 'max'], undefined],
      ['a text flag', 0.5, { min: 1, minInclusive: 'yes' }, ['target', 'minInclusive'], undefined],
      ['a null target', 0.5, null, ['target'], 'expected an object, received null.'],
      ['no target', 0.5, undefined, ['target'], undefined],
    ])('%s', (_what, value, target, path, message) => {
      const error = expectCchcError(
        () => checkTarget(value as never, target as never),
        'INVALID_INPUT',
        path,
      );
      if (message !== undefined) expect(error.issues.map((issue) => issue.message)).toContain(message);
    });
  });

  describe('laws', () => {
    const quantity = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 1000);

    it('met ⇔ min ≤ value ≤ max; shortfall and excess are ≥ 0 and 0 when met', () => {
      fc.assert(
        fc.property(quantity, quantity, quantity, (value, a, b) => {
          const [min, max] = a <= b ? [a, b] : [b, a];
          const result = checkTarget(value, { min, max });
          expect(result.met).toBe(min <= value && value <= max);
          expect(result.shortfall).toBeGreaterThanOrEqual(0);
          expect(result.excess).toBeGreaterThanOrEqual(0);
          if (result.met) expect([result.shortfall, result.excess]).toEqual([0, 0]);
          if (value < min) expect(result.shortfall).toBeGreaterThan(0);
          if (value > max) expect(result.excess).toBeGreaterThan(0);
        }),
      );
    });

    it('is JSON-safe and does not mutate its target', () => {
      fc.assert(
        fc.property(
          fc.option(quantity, { nil: null }),
          quantity,
          fc.boolean(),
          (value, min, minInclusive) => {
            const target = deepFreeze({ min, minInclusive });
            const result = checkTarget(value, target);
            expect(JSON.parse(JSON.stringify(result))).toEqual(result);
            expect(target).toEqual({ min, minInclusive });
          },
        ),
      );
    });
  });
});
