import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { Dec, roundHalfUp, toNum } from '../numeric/decimal.js';
import { formatNumber } from './formatNumber.js';
import { parseNumber } from './parseNumber.js';

describe('parseNumber', () => {
  it.each([
    // text, locale, expected (DOMAIN.md figures first)
    ['8.673', 'vi', 8673], // Lộc Bình 6/2024 received
    ['8.535', 'vi', 8535],
    ['91,5', 'vi', 91.5],
    ['28,5', 'vi', 28.5],
    ['635.593', 'vi', 635593],
    ['61.953', 'vi', 61953],
    ['05', 'vi', 5], // "05 hồ sơ"
    ['07', 'vi', 7],
    ['1.234.567,89', 'vi', 1234567.89],
    ['-5', 'vi', -5],
    ['0,5', 'vi', 0.5],
    ['-0,5', 'vi', -0.5],
    ['+12', 'vi', 12],
    ['-0', 'vi', 0],
    ['0', 'vi', 0],
    ['  8.673\t\n', 'vi', 8673],
    ['\u00a08.673\u00a0', 'vi', 8673], // surrounding no-break spaces are whitespace too
    ['8673', 'vi', 8673],
    ['1234,5', 'vi', 1234.5],
    ['0,1', 'vi', 0.1],
    ['1,005', 'vi', 1.005],
    ['0,3114754098360656', 'vi', 0.3114754098360656],
    ['1.000', 'vi', 1000],
    ['999', 'vi', 999],
    ['8,673', 'en', 8673],
    ['91.5', 'en', 91.5],
    ['1,234,567.89', 'en', 1234567.89],
    ['1.234', 'en', 1.234],
    ['0.123', 'en', 0.123],
    ['-1,234.5', 'en', -1234.5],
  ] as const)('%j (%s) → %s', (text, locale, expected) => {
    expect(parseNumber(text, { locale })).toBe(expected);
  });

  it('defaults to vi and never guesses the locale: "1.234" is 1234 in vi, 1.234 in en', () => {
    expect(parseNumber('1.234')).toBe(1234);
    expect(parseNumber('1.234', { locale: 'vi' })).toBe(1234);
    expect(parseNumber('1.234', { locale: 'en' })).toBe(1.234);
    // '1,5' looks English-grouped but is not: vi reads a decimal comma, en rejects a 1-digit group.
    expect(parseNumber('1,5')).toBe(1.5);
    expectCchcError(() => parseNumber('1,5', { locale: 'en' }), 'INVALID_NUMBER_TEXT', ['text']);
  });

  it('reads numbers to the edge of the double range', () => {
    expect(parseNumber(formatNumber(Number.MAX_VALUE))).toBe(Number.MAX_VALUE);
    expect(parseNumber(formatNumber(Number.MIN_VALUE))).toBe(Number.MIN_VALUE);
    expect(parseNumber(formatNumber(-Number.MAX_SAFE_INTEGER))).toBe(-Number.MAX_SAFE_INTEGER);
  });

  describe('with allowSpaceGrouping', () => {
    it.each([
      ['8 673', 'vi', 8673],
      ['8\u00a0673', 'vi', 8673], // no-break space
      ['8\u202f673', 'vi', 8673], // narrow no-break space
      ['1 234 567,89', 'vi', 1234567.89],
      ['1 234 567.89', 'en', 1234567.89],
      ['-1 234,5', 'vi', -1234.5],
      ['8.673', 'vi', 8673], // the locale's separator still works
      ['8673', 'vi', 8673],
    ] as const)('%j (%s) → %s', (text, locale, expected) => {
      expect(parseNumber(text, { locale, allowSpaceGrouping: true })).toBe(expected);
    });

    it.each([
      [
        'groups of 2 digits',
        '8 67',
        /groups are not of 3 digits; in vi notation a space separates thousands \("8 673"\) and/,
      ],
      ['two spaces', '8  673', /groups are not of 3 digits/],
      ['mixed with "."', '1.234 567', /groups digits with both "\." and spaces; use one group separator/],
      ['a space among the decimals', '1,234 5', /a space among the decimals/],
      ['a tab', '8\t673', /contains a space/],
      ['two figures run together', '91,5 63', /a space among the decimals/],
      ['first group starting with 0', '012 345', /first group starts with 0/],
    ])('still rejects %s: %j', (_what, text, message) => {
      const error = expectCchcError(
        () => parseNumber(text, { allowSpaceGrouping: true }),
        'INVALID_NUMBER_TEXT',
        ['text'],
      );
      expect(error.issues[0]?.message).toMatch(message);
    });
  });

  describe('rejects text that is not a number in the locale', () => {
    it.each([
      // what, text, locale, message fragment
      ['empty', '', 'vi', /received an empty text\.$/],
      ['only spaces', '   ', 'vi', /received an empty text\.$/],
      ['letters', 'abc', 'vi', /contains the character "a"/],
      ['a unit', '91,5 ngày', 'vi', /contains a space\.$/],
      [
        'an inner space',
        '8 673',
        'vi',
        /contains a space; if spaces group the thousands \("8 673"\), pass \{ allowSpaceGrouping: true \}/,
      ],
      ['an inner no-break space', '8\u00a0673', 'vi', /pass \{ allowSpaceGrouping: true \}/],
      ['two decimal separators (vi)', '1,2,3', 'vi', /2 decimal separators ","; a number has at most one/],
      ['two decimal separators (en)', '1.234.567', 'en', /2 decimal separators "\."/],
      ['a group of 2 digits', '1.23', 'vi', /groups are not of 3 digits/],
      ['a group of 4 digits', '1.2345', 'vi', /groups are not of 3 digits/],
      ['a first group of 4 digits', '1234.567', 'vi', /groups are not of 3 digits/],
      ['an empty group', '1..234', 'vi', /groups are not of 3 digits/],
      ['a trailing group separator', '8.', 'vi', /groups are not of 3 digits/],
      ['a leading group separator', '.5', 'vi', /groups are not of 3 digits/],
      ['a first group of 0 (en text in vi)', '0.123', 'vi', /first group starts with 0/],
      ['a first group with a leading 0', '01.234', 'vi', /first group starts with 0/],
      [
        'mixed conventions (en in vi)',
        '1,234.5',
        'vi',
        /mixes conventions \("\." after the decimal separator ","\)/,
      ],
      ['mixed conventions (vi in en)', '1.234,5', 'en', /mixes conventions/],
      ['a percentage', '31,1%', 'vi', /the percentage "31,1%"; use parsePercent/],
      ['a percentage with a space', '31,1 %', 'vi', /use parsePercent/],
      ['an exponent', '1e3', 'vi', /exponent notation "1e3"; write the digits out in full/],
      ['an exponent with sign', '1,5E-3', 'vi', /exponent notation/],
      ['a sign only', '-', 'vi', /no digits before the decimal separator/],
      ['no integer digits', ',5', 'vi', /no digits before the decimal separator ","/],
      ['no decimal digits', '5,', 'vi', /no digits after the decimal separator ","/],
      ['a sign inside', '5-3', 'vi', /a sign may only come first/],
      ['two signs', '--5', 'vi', /a sign may only come first/],
      ['a trailing sign', '5-', 'vi', /a sign may only come first/],
      [
        'a typographic minus',
        '−5',
        'vi',
        /the dash "−" \(U\+2212\); write a minus sign as the hyphen-minus "-"/,
      ],
      ['an en dash', '–5', 'vi', /\(U\+2013\)/],
      ['Infinity', 'Infinity', 'vi', /"Infinity", which is not a finite number/],
      ['-Infinity', '-Infinity', 'en', /not a finite number/],
      ['NaN', 'NaN', 'vi', /"NaN", which is not a finite number/],
      ['∞', '∞', 'vi', /not a finite number/],
      ['Arabic-Indic digits', '٨٦٧٣', 'vi', /contains the character "٨"/],
      ['full-width digits', '８６７３', 'vi', /contains the character/],
      ['beyond a double', '9'.repeat(400), 'vi', /beyond the range of a JS number/],
      ['beyond a double, negative', `-1${'.000'.repeat(103)}`, 'vi', /beyond the range of a JS number/],
      ['below the smallest double', `0,${'0'.repeat(400)}1`, 'vi', /too small to be held by a JS number/],
    ] as const)('%s: %j', (_what, text, locale, message) => {
      const error = expectCchcError(() => parseNumber(text, { locale }), 'INVALID_NUMBER_TEXT', ['text']);
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]?.path).toEqual(['text']);
      expect(error.issues[0]?.message).toMatch(message);
      expect(error.issues[0]?.message).toMatch(
        new RegExp(`^expected a number in ${locale} notation such as "1[.,]234[.,]5", received `),
      );
    });

    it.each([
      // text, locale, the other locale's reading named in the hint
      ['1,234.5', 'vi', "if the text is in en notation (where it reads 1234.5), pass { locale: 'en' }."],
      ['1.23', 'vi', "if the text is in en notation (where it reads 1.23), pass { locale: 'en' }."],
      ['0.123', 'vi', "if the text is in en notation (where it reads 0.123), pass { locale: 'en' }."],
      ['1.234.567', 'en', "if the text is in vi notation (where it reads 1234567), pass { locale: 'vi' }."],
      ['1,5', 'en', "if the text is in vi notation (where it reads 1.5), pass { locale: 'vi' }."],
    ] as const)('names the other locale when it would read %j (never switches)', (text, locale, hint) => {
      const error = expectCchcError(() => parseNumber(text, { locale }), 'INVALID_NUMBER_TEXT', ['text']);
      expect(error.issues[0]?.message.endsWith(hint)).toBe(true);
    });

    it('gives no hint when neither locale reads the text', () => {
      const error = expectCchcError(() => parseNumber('1.2.3,4.5'), 'INVALID_NUMBER_TEXT', ['text']);
      expect(error.issues[0]?.message).not.toMatch(/pass \{ locale/);
    });

    it.each([
      ['a number instead of text', 8673, undefined, ['text'], 'expected a text, received the number 8673.'],
      ['null', null, undefined, ['text'], 'expected a text, received null.'],
      ['undefined', undefined, undefined, ['text'], 'expected a text, received nothing.'],
      ['an unknown locale', '1', { locale: 'fr' }, ['options', 'locale'], undefined],
      [
        'a non-boolean allowSpaceGrouping',
        '1',
        { allowSpaceGrouping: 'yes' },
        ['options', 'allowSpaceGrouping'],
        undefined,
      ],
      [
        'an unknown key',
        '1',
        { decimals: 2 },
        ['options'],
        'unknown key "decimals": remove it or check the spelling.',
      ],
      ['parsePercent options', '1', { requirePercentSign: false }, ['options'], undefined],
    ])('%s → INVALID_INPUT', (_what, text, options, path, message) => {
      const error = expectCchcError(
        () => parseNumber(text as never, options as never),
        'INVALID_INPUT',
        path,
      );
      expect(error.issues[0]?.path).toEqual(path);
      if (message !== undefined) expect(error.issues[0]?.message).toBe(message);
    });
  });

  it('does not mutate its options', () => {
    const options = deepFreeze({ locale: 'en' as const, allowSpaceGrouping: true });
    expect(parseNumber('1 234.5', options)).toBe(1234.5);
    expect(options).toEqual({ locale: 'en', allowSpaceGrouping: true });
  });

  describe('laws', () => {
    const locale = fc.constantFrom('vi' as const, 'en' as const);
    const double = fc.double({ noNaN: true, noDefaultInfinity: true });

    it('reads back exactly what formatNumber wrote (every digit), in both locales', () => {
      fc.assert(
        fc.property(double, locale, fc.boolean(), (value, loc, grouping) => {
          expect(parseNumber(formatNumber(value, { locale: loc, grouping }), { locale: loc })).toBe(
            value === 0 ? 0 : value,
          );
        }),
      );
    });

    it('reads back decimals written from their digits (format → parse is the identity)', () => {
      const digits = fc.stringMatching(/^-?(?:0|[1-9]\d{0,14})(?:\.\d{0,6}[1-9])?$/);
      fc.assert(
        fc.property(digits, locale, (js, loc) => {
          expect(parseNumber(formatNumber(js, { locale: loc }), { locale: loc })).toBe(toNum(new Dec(js)));
        }),
      );
    });

    it('reads back the half-up rounded value when decimals are given', () => {
      fc.assert(
        fc.property(
          fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e25, max: 1e25 }),
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

    it('reads space-grouped text as the same number as dot-grouped text', () => {
      fc.assert(
        fc.property(double, locale, fc.constantFrom(' ', '\u00a0', '\u202f'), (value, loc, space) => {
          const grouped = formatNumber(value, { locale: loc });
          const spaced = grouped.replaceAll(loc === 'vi' ? '.' : ',', space);
          expect(parseNumber(spaced, { locale: loc, allowSpaceGrouping: true })).toBe(
            value === 0 ? 0 : value,
          );
        }),
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

    it('either reads a number or throws INVALID_NUMBER_TEXT, for any text', () => {
      fc.assert(
        fc.property(
          fc.string({ unit: fc.constantFrom(...'0123456789.,-+ %eE\u00a0aN'.split('')) }),
          locale,
          (text, loc) => {
            try {
              expect(Number.isFinite(parseNumber(text, { locale: loc }))).toBe(true);
            } catch (error) {
              expect((error as { code?: string }).code).toBe('INVALID_NUMBER_TEXT');
            }
          },
        ),
      );
    });
  });
});
