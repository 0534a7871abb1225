import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { formatNumber } from './formatNumber.js';

describe('formatNumber', () => {
  it.each([
    // value, options, expected
    [8673, undefined, '8.673'],
    [91.5, undefined, '91,5'],
    [1234567.89, undefined, '1.234.567,89'],
    [1234567.89, { locale: 'en' }, '1,234,567.89'],
    [8673, { locale: 'en' }, '8,673'],
    [0.1, undefined, '0,1'],
    [0, undefined, '0'],
    [-0, undefined, '0'],
    [999, undefined, '999'],
    [1000, undefined, '1.000'],
    [-1234.5, undefined, '-1.234,5'],
    [1e21, undefined, '1.000.000.000.000.000.000.000'],
    [1e-7, undefined, '0,0000001'],
    ['12345678901234567890.123456789', undefined, '12.345.678.901.234.567.890,123456789'],
    [' 91.5 ', undefined, '91,5'],
    [635593, { decimals: 0 }, '635.593'],
    [3, { decimals: 2 }, '3,00'],
    [3, { decimals: 2, trimZeros: true }, '3'],
    [1.5, { decimals: 3, trimZeros: true }, '1,5'],
    [1.5, { decimals: 3, locale: 'en' }, '1.500'],
  ] as const)('%j with %j → %s', (value, options, expected) => {
    expect(formatNumber(value, options)).toBe(expected);
  });

  it.each([
    // value, decimals, expected: half-up (làm tròn) on the exact decimal, never on doubles
    [1.005, 2, '1,01'],
    [0.125, 2, '0,13'],
    [-1.005, 2, '-1,01'],
    [2.5, 0, '3'],
    [-2.5, 0, '-3'],
    [3.5, 0, '4'],
    [0.124999, 2, '0,12'],
    [1.0049, 2, '1,00'],
    [-0.004, 2, '0,00'], // rounds to zero: no sign
    [999.995, 2, '1.000,00'], // carries into a new group
  ])('%s with %i decimals → %s', (value, decimals, expected) => {
    expect(formatNumber(value, { decimals })).toBe(expected);
  });

  it('writes null as nullText (default —)', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(null, { nullText: 'không phát sinh' })).toBe('không phát sinh');
  });

  it('does not mutate its options', () => {
    const options = deepFreeze({ decimals: 1, locale: 'en' as const });
    expect(formatNumber(28.55, options)).toBe('28.6');
  });

  describe('rejects bad input', () => {
    it.each([
      ['NaN', Number.NaN],
      ['Infinity', Number.POSITIVE_INFINITY],
      ['Vietnamese text', '91,5'],
      ['undefined', undefined],
      ['an object', {}],
    ])('%s', (_what, bad) => {
      const error = expectCchcError(() => formatNumber(bad as never), 'INVALID_INPUT', ['value']);
      expect(error.issues[0]?.path).toEqual(['value']);
    });

    it.each([
      ['decimals above 20', { decimals: 21 }, ['options', 'decimals']],
      ['negative decimals', { decimals: -1 }, ['options', 'decimals']],
      ['fractional decimals', { decimals: 1.5 }, ['options', 'decimals']],
      ['an unknown locale', { locale: 'fr' }, ['options', 'locale']],
      ['a non-boolean trimZeros', { trimZeros: 'yes' }, ['options', 'trimZeros']],
      ['a non-string nullText', { nullText: 0 }, ['options', 'nullText']],
      ['an unknown key', { decimal: 2 }, ['options']],
    ])('%s', (_what, options, path) => {
      const error = expectCchcError(() => formatNumber(1, options as never), 'INVALID_INPUT', path);
      expect(error.issues[0]?.path).toEqual(path);
    });
  });
});
