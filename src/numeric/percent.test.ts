import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { divHalfUp, parseExact, shiftRoundHalfUp } from '../../test/helpers/exact.js';
import { percent } from './percent.js';
import { ratio } from './ratio.js';

describe('percent', () => {
  describe('reproduces published figures (DOMAIN.md)', () => {
    it.each([
      // source, part, whole, decimals, published
      ['Lộc Bình 6/2024: time reduction 28,5 of 91,5 days = 31,1 %', 28.5, 91.5, 1, 31.1],
      ['Lộc Bình 6/2024: online 8.535 / 8.673 = 98,41 %', 8535, 8673, 2, 98.41],
      ['Lộc Bình 6/2024: all 8.673 resolved early or on time = 100 %', 8673, 8673, 2, 100],
      ['Vĩnh Phúc 8/2021: 19.255 / 19.944 = 96,55 %', 19255, 19944, 2, 96.55],
      ['Vĩnh Phúc 8/2021: overdue 689 / 19.944 = 3,45 %', 689, 19944, 2, 3.45],
      ['Lâm Đồng Q1/2020: 635.593 / 643.272 = 98,81 %', 635593, 643272, 2, 98.81],
      ['Thái Bình 2020: early 52.006 / 61.953 = 83,94 %', 52006, 61953, 2, 83.94],
      ['Thái Bình 2020: on time 9.942 / 61.953 = 16,05 %', 9942, 61953, 2, 16.05],
      ['Thái Bình 2020: late 05 / 61.953 = 0,01 %', 5, 61953, 2, 0.01],
      ['Đắk Song 6/2023: 41 / 57 tasks = 71,93 %', 41, 57, 2, 71.93],
      ['Đắk Song 6/2023: 61 / 90 self-assessed = 67,78 %', 61, 90, 2, 67.78],
      ['Bắc Ninh: 20 → 5 days = 75 %', 15, 20, 0, 75],
      ['Bắc Ninh: 3 → 2 days = 33 %', 1, 3, 0, 33],
    ])('%s', (_source, part, whole, decimals, published) => {
      expect(percent(ratio(part, whole), { decimals })).toBe(published);
    });

    it('Hương Thủy Q1 2024: 97,5 % and 98,8 % given as ratios', () => {
      expect(percent(0.975, { decimals: 1 })).toBe(97.5);
      expect(percent(0.988, { decimals: 1 })).toBe(98.8);
    });
  });

  describe('rounds half-up (làm tròn), once, in decimal', () => {
    it.each([
      // value, decimals, expected
      [0.0125, 1, 1.3], // the 5 rounds up
      [0.0124999, 1, 1.2],
      [0.01249999999999999, 1, 1.2],
      [0.00005, 2, 0.01],
      [0.0000499999, 2, 0],
      [0.985, 0, 99], // half-even would give 98
      [0.975, 0, 98],
      [0.995, 0, 100],
      [0.01005, 2, 1.01], // 1.005 × 100 in doubles is 1.00499…: exact decimal gives 1.01
      [1.005, 0, 101], // 100.49999999999999 in doubles
      [0.145, 1, 14.5],
      [0.1445, 1, 14.5], // 14.45 → 14.5: one rounding, not 14.45 → 14.4(5) → …
      [0.14449, 1, 14.4],
      [-0.0125, 1, -1.3], // halves go away from zero
      [-0.0124, 1, -1.2],
      [2.5, 0, 250],
      [0.3114754098360656, 20, 31.14754098360656],
    ])('%s with %i decimals → %s', (value, decimals, expected) => {
      expect(percent(value, { decimals })).toBe(expected);
    });

    it('defaults to 2 decimals', () => {
      expect(percent(0.98408855)).toBe(98.41);
      expect(percent(0.98408855, {})).toBe(98.41);
      expect(percent(0.98408855, { decimals: undefined })).toBe(98.41);
    });

    it('never returns -0', () => {
      expect(Object.is(percent(-0.00001), 0)).toBe(true);
      expect(Object.is(percent(-0), 0)).toBe(true);
      expect(Object.is(percent('-0.000049', { decimals: 2 }), 0)).toBe(true);
    });

    it('keeps every digit of a string', () => {
      expect(percent('0.123456789012345678901234', { decimals: 20 })).toBe(12.345678901234567);
      expect(percent('0.0012499999999999999999', { decimals: 1 })).toBe(0.1);
      expect(percent('0.00125', { decimals: 1 })).toBe(0.1);
      expect(percent('0.00125', { decimals: 2 })).toBe(0.13);
    });

    it('accepts 0 and 20 decimals, the bounds', () => {
      expect(percent(0.5, { decimals: 0 })).toBe(50);
      expect(percent(1 / 3, { decimals: 20 })).toBe(33.33333333333333);
    });
  });

  it('returns null for null (a rate whose denominator was 0)', () => {
    expect(percent(null)).toBeNull();
    expect(percent(null, { decimals: 1 })).toBeNull();
    expect(percent(ratio(0, 0))).toBeNull();
  });

  describe('rejects bad input', () => {
    it.each([
      ['NaN', Number.NaN],
      ['Infinity', Number.POSITIVE_INFINITY],
      ['Vietnamese notation', '31,1'],
      ['a percent sign', '31.1%'],
      ['undefined', undefined],
      ['an object', {}],
    ])('value: %s', (_what, bad) => {
      expectCchcError(() => percent(bad as never), 'INVALID_INPUT', ['value']);
    });

    it.each([
      ['above 20', { decimals: 21 }, ['options', 'decimals'], 'expected at most 20 decimal places.'],
      ['negative', { decimals: -1 }, ['options', 'decimals'], 'expected at least 0 decimal places.'],
      [
        'fractional',
        { decimals: 1.5 },
        ['options', 'decimals'],
        'expected a whole number of decimal places.',
      ],
      ['NaN', { decimals: Number.NaN }, ['options', 'decimals'], undefined],
      ['a string', { decimals: '2' }, ['options', 'decimals'], 'expected a number, received the string "2".'],
      [
        'an unknown key',
        { decimal: 2 },
        ['options'],
        'unknown key "decimal": remove it or check the spelling.',
      ],
      ['null options', null, ['options'], 'expected an object, received null.'],
      ['a number as options', 2, ['options'], 'expected an object, received the number 2.'],
    ])('options: %s', (_what, options, path, message) => {
      const error = expectCchcError(() => percent(0.5, options as never), 'INVALID_INPUT', path);
      if (message !== undefined) expect(error.issues[0]?.message).toBe(message);
    });
  });

  describe('laws', () => {
    const decimals = fc.integer({ min: 0, max: 10 });

    it('equals the exact value × 100 rounded half-up (BigInt oracle)', () => {
      const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
      fc.assert(
        fc.property(value, decimals, (x, d) => {
          expect(percent(x, { decimals: d })).toBe(shiftRoundHalfUp(parseExact(x), 2, d));
        }),
      );
    });

    it('of ratio(a, b) equals a × 100 ÷ b rounded half-up, for counts', () => {
      const count = fc.integer({ min: 0, max: 10_000_000 });
      fc.assert(
        fc.property(count, count, fc.integer({ min: 0, max: 4 }), (a, b, d) => {
          const expected =
            b === 0 ? null : Number(`${divHalfUp(BigInt(a) * 100n * 10n ** BigInt(d), BigInt(b))}e-${d}`);
          expect(percent(ratio(a, b), { decimals: d })).toBe(expected);
        }),
      );
    });

    it('is idempotent: rounding a rounded percentage again changes nothing', () => {
      fc.assert(
        fc.property(
          fc.double({ min: -1e6, max: 1e6, noNaN: true }),
          fc.integer({ min: 0, max: 6 }),
          (x, d) => {
            const once = percent(x, { decimals: d })!;
            expect(percent(ratio(once, 100), { decimals: d })).toBe(once);
          },
        ),
      );
    });

    it('is monotonic', () => {
      const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
      fc.assert(
        fc.property(value, value, decimals, (x, y, d) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          expect(percent(lo, { decimals: d })!).toBeLessThanOrEqual(percent(hi, { decimals: d })!);
        }),
      );
    });
  });

  it('does not mutate its options', () => {
    const options = deepFreeze({ decimals: 1 });
    expect(percent(0.3114754098360656, options)).toBe(31.1);
    expect(options).toEqual({ decimals: 1 });
  });
});
