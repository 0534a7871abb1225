import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { parseExact, shiftRoundHalfUp } from '../../test/helpers/exact.js';
import { formatNumber } from './formatNumber.js';

describe('formatNumber', () => {
  it.each([
    // value, options, expected (DOMAIN.md figures first)
    [8673, undefined, '8.673'], // Lộc Bình 6/2024 dossiers received
    [8535, undefined, '8.535'],
    [91.5, undefined, '91,5'], // days before
    [28.5, undefined, '28,5'], // days reduced
    [61953, undefined, '61.953'], // Thái Bình 2020 resolved
    [635593, undefined, '635.593'], // Lâm Đồng Q1/2020
    [1234567.89, undefined, '1.234.567,89'],
    [1234567.89, { locale: 'en' }, '1,234,567.89'],
    [8673, { locale: 'en' }, '8,673'],
    [91.5, { locale: 'en' }, '91.5'],
    [0.1, undefined, '0,1'],
    [0.3114754098360656, undefined, '0,3114754098360656'],
    [0, undefined, '0'],
    [-0, undefined, '0'],
    [999, undefined, '999'],
    [1000, undefined, '1.000'],
    [-1234.5, undefined, '-1.234,5'],
    [-1234.5, { locale: 'en' }, '-1,234.5'],
    [1e21, undefined, '1.000.000.000.000.000.000.000'],
    [1e-7, undefined, '0,0000001'],
    ['12345678901234567890.123456789', undefined, '12.345.678.901.234.567.890,123456789'],
    [' 91.5 ', undefined, '91,5'],
    ['1e3', undefined, '1.000'],
    ['-0.000', undefined, '0'],
    ['1e-400', { decimals: 2 }, '0,00'],
    ['1e-9000000000000000', { decimals: 2 }, '0,00'],
    [635593, { decimals: 0 }, '635.593'],
    [3, { decimals: 2 }, '3,00'],
    [3, { decimals: 2, trimZeros: true }, '3'],
    [1.5, { decimals: 3, trimZeros: true }, '1,5'],
    [1.5, { decimals: 3, locale: 'en' }, '1.500'],
    [1.5, { trimZeros: true }, '1,5'],
    [2024, { grouping: false }, '2024'],
    [1234567.891, { grouping: false, decimals: 2 }, '1234567,89'],
    [1234567.891, { grouping: false, decimals: 2, locale: 'en' }, '1234567.89'],
  ] as const)('%j with %j → %s', (value, options, expected) => {
    expect(formatNumber(value, options)).toBe(expected);
  });

  it.each([
    // value, decimals, expected: half-up (làm tròn) on the exact decimal, never on doubles
    [1.005, 2, '1,01'], // 1.005 is 1.00499999999999989… as a double
    [0.125, 2, '0,13'],
    [-1.005, 2, '-1,01'],
    [2.5, 0, '3'],
    [-2.5, 0, '-3'],
    [3.5, 0, '4'],
    [1.45, 1, '1,5'],
    [0.124999, 2, '0,12'],
    [1.0049, 2, '1,00'],
    [-0.004, 2, '0,00'], // rounds to zero: no sign
    [-0.005, 2, '-0,01'],
    [999.995, 2, '1.000,00'], // carries into a new group
    [28.5, 0, '29'],
    [0.3114754098360656, 20, '0,31147540983606560000'], // the upper bound of decimals
  ])('%s with %i decimals → %s', (value, decimals, expected) => {
    expect(formatNumber(value, { decimals })).toBe(expected);
  });

  it('writes a negative value with the hyphen-minus U+002D', () => {
    const text = formatNumber(-91.5);
    expect(text).toBe('-91,5');
    expect(text.codePointAt(0)).toBe(0x2d);
  });

  it('writes null as nullText (default —)', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(null, { nullText: 'không phát sinh' })).toBe('không phát sinh');
    expect(formatNumber(null, { nullText: '' })).toBe('');
  });

  it('does not mutate its options', () => {
    const options = deepFreeze({ decimals: 1, locale: 'en' as const, trimZeros: false, nullText: '-' });
    expect(formatNumber(28.55, options)).toBe('28.6');
    expect(formatNumber(null, options)).toBe('-');
    expect(options).toEqual({ decimals: 1, locale: 'en', trimZeros: false, nullText: '-' });
  });

  describe('rejects bad input', () => {
    it.each([
      ['NaN', Number.NaN, /^expected a finite number.*, received NaN\.$/],
      ['Infinity', Number.POSITIVE_INFINITY, /^expected a finite number.*, received Infinity\.$/],
      ['-Infinity', Number.NEGATIVE_INFINITY, /^expected a finite number.*, received -Infinity\.$/],
      ['Vietnamese text', '91,5', /use parseNumber for Vietnamese notation/],
      ['a NaN string', 'NaN', /numeric string in JS notation/],
      ['a string beyond a double', '1e309', /within the range of a double/],
      ['undefined', undefined, /expected a finite number or a numeric string/],
      ['an object', {}, /expected a finite number or a numeric string/],
      ['a boolean', true, /expected a finite number or a numeric string/],
    ])('value: %s', (_what, bad, message) => {
      const error = expectCchcError(() => formatNumber(bad as never), 'INVALID_INPUT', ['value']);
      expect(error.issues[0]?.path).toEqual(['value']);
      expect(error.issues[0]?.message).toMatch(message);
    });

    it('value: a string far below the smallest double without decimals (never billions of zeros)', () => {
      const error = expectCchcError(() => formatNumber('1e-9000000000000000'), 'INVALID_INPUT', ['value']);
      expect(error.issues[0]?.message).toMatch(/smaller than 1e-400; pass \{ decimals \} to round it/);
      // The bound is exclusive of 1e-400 itself, which is written digit by digit.
      expect(formatNumber('1e-400')).toBe(`0,${'0'.repeat(399)}1`);
      expectCchcError(() => formatNumber('1e-401'), 'INVALID_INPUT', ['value']);
    });

    it.each([
      ['decimals above 20', { decimals: 21 }, ['options', 'decimals'], 'expected at most 20 decimal places.'],
      ['negative decimals', { decimals: -1 }, ['options', 'decimals'], 'expected at least 0 decimal places.'],
      [
        'fractional decimals',
        { decimals: 1.5 },
        ['options', 'decimals'],
        'expected a whole number of decimal places.',
      ],
      [
        'an unknown locale',
        { locale: 'fr' },
        ['options', 'locale'],
        'expected one of "vi", "en", received the string "fr".',
      ],
      ['vi-VN as locale', { locale: 'vi-VN' }, ['options', 'locale'], undefined],
      ['a non-boolean trimZeros', { trimZeros: 'yes' }, ['options', 'trimZeros'], undefined],
      ['a non-boolean grouping', { grouping: 1 }, ['options', 'grouping'], undefined],
      ['a non-string nullText', { nullText: 0 }, ['options', 'nullText'], undefined],
      [
        'an unknown key',
        { decimal: 2 },
        ['options'],
        'unknown key "decimal": remove it or check the spelling.',
      ],
      ['null options', null, ['options'], 'expected an object, received null.'],
    ])('options: %s', (_what, options, path, message) => {
      const error = expectCchcError(() => formatNumber(1, options as never), 'INVALID_INPUT', path);
      expect(error.issues[0]?.path).toEqual(path);
      if (message !== undefined) expect(error.issues[0]?.message).toBe(message);
    });
  });

  describe('laws', () => {
    const double = fc.double({ noNaN: true, noDefaultInfinity: true });
    const locale = fc.constantFrom('vi' as const, 'en' as const);

    it('never writes NaN, Infinity, an exponent or a typographic minus, for any double', () => {
      const shape = {
        vi: /^-?\d{1,3}(?:\.\d{3})*(?:,\d+)?$/,
        en: /^-?\d{1,3}(?:,\d{3})*(?:\.\d+)?$/,
      };
      fc.assert(
        fc.property(
          double,
          locale,
          fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
          (x, loc, d) => {
            expect(formatNumber(x, { locale: loc, decimals: d })).toMatch(shape[loc]);
          },
        ),
      );
    });

    it('rounds half-up exactly (BigInt oracle)', () => {
      fc.assert(
        fc.property(
          fc.double({ min: -1e9, max: 1e9, noNaN: true }),
          fc.integer({ min: 0, max: 8 }),
          (x, d) => {
            const text = formatNumber(x, { decimals: d, locale: 'en', grouping: false });
            expect(Number(text)).toBe(shiftRoundHalfUp(parseExact(x), 0, d));
            expect(text.split('.')[1]?.length ?? 0).toBe(d);
          },
        ),
      );
    });

    it('vi and en differ only by swapping "." and ","', () => {
      fc.assert(
        fc.property(double, (x) => {
          const swapped = formatNumber(x, { locale: 'en' }).replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
          expect(formatNumber(x)).toBe(swapped);
        }),
      );
    });
  });
});
