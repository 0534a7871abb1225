import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { parseExact, shiftRoundHalfUp } from '../../test/helpers/exact.js';
import { formatPercent } from './formatPercent.js';

describe('formatPercent', () => {
  it.each([
    // ratio, options, expected (published figures, DOMAIN.md)
    [0.3114754098360656, { decimals: 1 }, '31,1%'], // Lộc Bình 6/2024 time reduction, 28,5 ÷ 91,5
    [0.3114754098360656, { decimals: 1, locale: 'en' }, '31.1%'],
    [8535 / 8673, undefined, '98,41%'], // Lộc Bình online share
    [52006 / 61953, undefined, '83,94%'], // Thái Bình 2020 early
    [9942 / 61953, undefined, '16,05%'], // Thái Bình 2020 on time
    [5 / 61953, undefined, '0,01%'], // Thái Bình 2020 late ("05 hồ sơ")
    [19255 / 19944, undefined, '96,55%'], // Vĩnh Phúc 8/2021 due basis
    [689 / 19944, undefined, '3,45%'], // Vĩnh Phúc overdue share
    [635593 / 643272, undefined, '98,81%'], // Lâm Đồng Q1/2020
    [41 / 57, undefined, '71,93%'], // Đắk Song plan completion
    [61 / 90, undefined, '67,78%'], // Đắk Song self-assessed part
    [0.75, { decimals: 0 }, '75%'], // Bắc Ninh 20 → 5 days
    [1, undefined, '100,00%'],
    [1, { trimZeros: true }, '100%'],
    [0.975, { decimals: 1, space: true }, '97,5 %'], // Hương Thủy Q1/2024
    [0.988, { decimals: 1 }, '98,8%'],
    [0, undefined, '0,00%'],
    [-0, undefined, '0,00%'],
    [0.0125, { decimals: 1 }, '1,3%'], // half-up
    [0.01005, { decimals: 2 }, '1,01%'], // exact: 1.005 × 100 in doubles is 1.00499…
    [0.00125, { decimals: 1 }, '0,1%'],
    [-0.0125, { decimals: 1 }, '-1,3%'],
    [-0.00004, undefined, '0,00%'], // rounds to zero: no sign
    [123.456, { decimals: 0 }, '12.346%'],
    [123.456, { decimals: 0, locale: 'en' }, '12,346%'],
    ['0.5', undefined, '50,00%'],
    ['1e-9000000000000000', undefined, '0,00%'],
    [1 / 3, { decimals: 20 }, '33,33333333333333000000%'], // the shortest text of the double 1/3
  ] as const)('%s with %j → %s', (ratio, options, expected) => {
    expect(formatPercent(ratio, options)).toBe(expected);
  });

  it('writes null (a zero denominator) as nullText, without %', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(null, { nullText: 'không phát sinh', space: true })).toBe('không phát sinh');
  });

  it('does not mutate its options', () => {
    const options = deepFreeze({ decimals: 1, locale: 'vi' as const, space: false, trimZeros: true });
    expect(formatPercent(0.3114754098360656, options)).toBe('31,1%');
    expect(options).toEqual({ decimals: 1, locale: 'vi', space: false, trimZeros: true });
  });

  describe('rejects bad input', () => {
    it.each([
      ['NaN ratio', Number.NaN, undefined, ['ratio'], /^expected a finite number.*, received NaN\.$/],
      ['Infinity ratio', Number.POSITIVE_INFINITY, undefined, ['ratio'], /finite number/],
      ['text ratio', 'abc', undefined, ['ratio'], /numeric string in JS notation/],
      ['a percentage text', '31,1%', undefined, ['ratio'], /numeric string in JS notation/],
      ['decimals above 20', 0.5, { decimals: 21 }, ['options', 'decimals'], /at most 20 decimal places/],
      ['fractional decimals', 0.5, { decimals: 0.5 }, ['options', 'decimals'], /whole number/],
      ['non-boolean space', 0.5, { space: 1 }, ['options', 'space'], /expected a boolean/],
      ['unknown locale', 0.5, { locale: 'de' }, ['options', 'locale'], /expected one of "vi", "en"/],
      ['unknown key', 0.5, { pad: 2 }, ['options'], /unknown key "pad"/],
    ])('%s', (_what, ratio, options, path, message) => {
      const error = expectCchcError(
        () => formatPercent(ratio as never, options as never),
        'INVALID_INPUT',
        path,
      );
      expect(error.issues[0]?.path).toEqual(path);
      expect(error.issues[0]?.message).toMatch(message);
    });
  });

  it('equals the exact ratio × 100 rounded half-up once (BigInt oracle)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 8 }),
        (ratio, decimals) => {
          const text = formatPercent(ratio, { decimals, locale: 'en' });
          expect(text.endsWith('%')).toBe(true);
          expect(Number(text.slice(0, -1).replaceAll(',', ''))).toBe(
            shiftRoundHalfUp(parseExact(ratio), 2, decimals),
          );
        },
      ),
    );
  });
});
