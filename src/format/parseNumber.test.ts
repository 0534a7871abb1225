import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { Dec, roundHalfUp, toNum } from '../numeric/decimal.js';
import { formatNumber } from './formatNumber.js';
import { parseNumber } from './parseNumber.js';

describe('parseNumber', () => {
  it.each([
    // text, locale, expected
    ['8.673', 'vi', 8673],
    ['91,5', 'vi', 91.5],
    ['1.234.567,89', 'vi', 1234567.89],
    ['-5', 'vi', -5],
    ['0,5', 'vi', 0.5],
    ['-0,5', 'vi', -0.5],
    ['+12', 'vi', 12],
    ['-0', 'vi', 0],
    ['  8.673\t\n', 'vi', 8673],
    ['8673', 'vi', 8673],
    ['05', 'vi', 5],
    ['1234,5', 'vi', 1234.5],
    ['635.593', 'vi', 635593],
    ['0,1', 'vi', 0.1],
    ['1,005', 'vi', 1.005],
    ['8,673', 'en', 8673],
    ['91.5', 'en', 91.5],
    ['1,234,567.89', 'en', 1234567.89],
    ['1.234', 'en', 1.234],
  ] as const)('%j (%s) → %s', (text, locale, expected) => {
    expect(parseNumber(text, { locale })).toBe(expected);
  });

  it('defaults to vi', () => {
    expect(parseNumber('1.234')).toBe(1234);
  });

  describe('rejects text that is not a number in the locale', () => {
    it.each([
      // what, text, locale, message fragment
      ['empty', '', 'vi', /empty text/],
      ['only spaces', '   ', 'vi', /empty text/],
      ['letters', 'abc', 'vi', /character "a"/],
      ['a unit', '91,5 ngày', 'vi', /a space/],
      ['an inner space', '8 673', 'vi', /a space/],
      ['two decimal separators (vi)', '1,2,3', 'vi', /2 decimal separators/],
      ['two decimal separators (en)', '1.234.567', 'en', /2 decimal separators/],
      ['a group of 2 digits', '1.23', 'vi', /groups are not of 3 digits/],
      ['a group of 4 digits', '1.2345', 'vi', /groups are not of 3 digits/],
      ['a first group of 4 digits', '1234.567', 'vi', /groups are not of 3 digits/],
      ['an empty group', '1..234', 'vi', /groups are not of 3 digits/],
      ['a trailing group separator', '8.', 'vi', /groups are not of 3 digits/],
      ['mixed conventions (en in vi)', '1,234.5', 'vi', /mixes conventions/],
      ['mixed conventions (vi in en)', '1.234,5', 'en', /mixes conventions/],
      ['a percentage', '31,1%', 'vi', /use parsePercent/],
      ['an exponent', '1e3', 'vi', /exponent/],
      ['an exponent with sign', '1,5E-3', 'vi', /exponent/],
      ['a sign only', '-', 'vi', /no digits before/],
      ['no integer digits', ',5', 'vi', /no digits before/],
      ['no decimal digits', '5,', 'vi', /no digits after/],
      ['a sign inside', '5-3', 'vi', /sign may only come first/],
      ['two signs', '--5', 'vi', /sign may only come first/],
      ['Infinity', 'Infinity', 'vi', /character "I"/],
      ['beyond a double', '9'.repeat(400), 'vi', /range of a double/],
    ] as const)('%s: %j', (_what, text, locale, message) => {
      const error = expectCchcError(() => parseNumber(text, { locale }), 'INVALID_NUMBER_TEXT', ['text']);
      expect(error.issues[0]?.path).toEqual(['text']);
      expect(error.issues[0]?.message).toMatch(message);
      expect(error.issues[0]?.message).toMatch(/^expected a number in (vi|en) notation such as/);
    });

    it.each([
      ['a number instead of text', 8673, undefined, ['text']],
      ['null', null, undefined, ['text']],
      ['an unknown locale', '1', { locale: 'fr' }, ['options', 'locale']],
      ['an unknown key', '1', { decimals: 2 }, ['options']],
    ])('%s → INVALID_INPUT', (_what, text, options, path) => {
      const error = expectCchcError(
        () => parseNumber(text as never, options as never),
        'INVALID_INPUT',
        path,
      );
      expect(error.issues[0]?.path).toEqual(path);
    });
  });

  describe('laws', () => {
    const locale = fc.constantFrom('vi' as const, 'en' as const);
    const double = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e25, max: 1e25 });

    it('reads back exactly what formatNumber wrote (every digit)', () => {
      fc.assert(
        fc.property(double, locale, (value, loc) => {
          expect(parseNumber(formatNumber(value, { locale: loc }), { locale: loc })).toBe(
            value === 0 ? 0 : value,
          );
        }),
      );
    });

    it('reads back the half-up rounded value when decimals are given', () => {
      fc.assert(
        fc.property(
          double,
          locale,
          fc.integer({ min: 0, max: 6 }),
          fc.boolean(),
          (value, loc, decimals, trimZeros) => {
            const text = formatNumber(value, { locale: loc, decimals, trimZeros });
            expect(parseNumber(text, { locale: loc })).toBe(toNum(roundHalfUp(new Dec(value), decimals)));
          },
        ),
      );
    });

    it('groups integers so that the other locale never reads the same number', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1000, max: Number.MAX_SAFE_INTEGER }), (n) => {
          const vi = formatNumber(n);
          expect(parseNumber(vi)).toBe(n);
          // '1.000' is 1 in en; '1.000.000' has two en decimal separators: never n either way.
          let en: number | undefined;
          try {
            en = parseNumber(vi, { locale: 'en' });
          } catch {
            en = undefined;
          }
          expect(en).not.toBe(n);
        }),
      );
    });
  });
});
