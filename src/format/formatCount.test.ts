import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { formatCount } from './formatCount.js';
import { parseNumber } from './parseNumber.js';

describe('formatCount', () => {
  it.each([
    // n, options, expected (DOMAIN.md figures)
    [7, undefined, '07'], // Lộc Bình: "07 TTHC" reviewed
    [5, undefined, '05'], // Thái Bình 2020: "05 hồ sơ trễ hạn"
    [0, undefined, '00'],
    [9, undefined, '09'],
    [10, undefined, '10'],
    [41, undefined, '41'], // Đắk Song: 41 of 57 tasks
    [138, undefined, '138'], // Lộc Bình: in person
    [8673, undefined, '8.673'], // Lộc Bình: received
    [8535, undefined, '8.535'],
    [52006, undefined, '52.006'], // Thái Bình: early
    [635593, undefined, '635.593'], // Lâm Đồng Q1/2020
    [635593, { locale: 'en' }, '635,593'],
    [1234567, undefined, '1.234.567'],
    [7, { pad: 1 }, '7'],
    [0, { pad: 1 }, '0'],
    [7, { pad: 3 }, '007'],
    [1000, { pad: 3 }, '1.000'],
    [8673, { grouping: false }, '8673'],
    [7, { grouping: false }, '07'],
    ['8673', undefined, '8.673'],
    ['05', undefined, '05'],
    [Number.MAX_SAFE_INTEGER, { locale: 'en' }, '9,007,199,254,740,991'],
  ] as const)('%j with %j → %s', (n, options, expected) => {
    expect(formatCount(n, options)).toBe(expected);
  });

  it('writes counts the way report prose does', () => {
    expect(`${formatCount(7)} TTHC`).toBe('07 TTHC');
    expect(`${formatCount(5)} hồ sơ`).toBe('05 hồ sơ');
    expect(`${formatCount(8673)} hồ sơ`).toBe('8.673 hồ sơ');
  });

  it('writes null as nullText', () => {
    expect(formatCount(null)).toBe('—');
    expect(formatCount(null, { nullText: '-' })).toBe('-');
  });

  it('does not mutate its options', () => {
    const options = deepFreeze({ pad: 3, locale: 'en' as const, grouping: true });
    expect(formatCount(7, options)).toBe('007');
    expect(options).toEqual({ pad: 3, locale: 'en', grouping: true });
  });

  it.each([
    ['a negative count', -1, undefined, ['n'], 'expected a whole number ≥ 0 (a count), received -1.'],
    ['a fractional count', 2.5, undefined, ['n'], 'expected a whole number ≥ 0 (a count), received 2.5.'],
    ['NaN', Number.NaN, undefined, ['n'], undefined],
    ['Infinity', Number.POSITIVE_INFINITY, undefined, ['n'], undefined],
    ['an unsafe integer', 2 ** 53, undefined, ['n'], undefined],
    ['Vietnamese text', '8.673', undefined, ['n'], undefined],
    ['a ratio', 0.3114754098360656, undefined, ['n'], undefined],
    ['undefined', undefined, undefined, ['n'], undefined],
    ['pad 0', 7, { pad: 0 }, ['options', 'pad'], 'expected padding to at least 1 digit.'],
    ['pad 4', 7, { pad: 4 }, ['options', 'pad'], 'expected padding to at most 3 digits.'],
    ['fractional pad', 7, { pad: 1.5 }, ['options', 'pad'], 'expected a whole number of digits to pad to.'],
    ['unknown locale', 7, { locale: 'fr' }, ['options', 'locale'], undefined],
    ['non-boolean grouping', 7, { grouping: 'no' }, ['options', 'grouping'], undefined],
    [
      'unknown key',
      7,
      { decimals: 0 },
      ['options'],
      'unknown key "decimals": remove it or check the spelling.',
    ],
  ])('rejects %s', (_what, n, options, path, message) => {
    const error = expectCchcError(() => formatCount(n as never, options as never), 'INVALID_INPUT', path);
    expect(error.issues[0]?.path).toEqual(path);
    if (message !== undefined) expect(error.issues[0]?.message).toBe(message);
  });

  it('reads back with parseNumber in both locales', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom('vi' as const, 'en' as const),
        fc.integer({ min: 1, max: 3 }),
        (n, locale, pad) => {
          const text = formatCount(n, { locale, pad });
          expect(text.replace(/[.,]/g, '').length).toBeGreaterThanOrEqual(pad);
          expect(parseNumber(text, { locale })).toBe(n);
        },
      ),
    );
  });
});
