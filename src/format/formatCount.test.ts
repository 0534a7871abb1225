import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { formatCount } from './formatCount.js';

describe('formatCount', () => {
  it.each([
    // n, options, expected
    [7, undefined, '07'],
    [5, undefined, '05'], // Thái Bình 2020: "05 hồ sơ trễ hạn"
    [0, undefined, '00'],
    [10, undefined, '10'],
    [138, undefined, '138'],
    [8673, undefined, '8.673'],
    [635593, undefined, '635.593'],
    [635593, { locale: 'en' }, '635,593'],
    [1234567, undefined, '1.234.567'],
    [7, { pad: 1 }, '7'],
    [7, { pad: 3 }, '007'],
    [1000, { pad: 3 }, '1.000'],
    ['8673', undefined, '8.673'],
    [Number.MAX_SAFE_INTEGER, { locale: 'en' }, '9,007,199,254,740,991'],
  ] as const)('%j with %j → %s', (n, options, expected) => {
    expect(formatCount(n, options)).toBe(expected);
  });

  it('writes null as nullText', () => {
    expect(formatCount(null)).toBe('—');
    expect(formatCount(null, { nullText: '-' })).toBe('-');
  });

  it.each([
    ['a negative count', -1, undefined, ['n']],
    ['a fractional count', 2.5, undefined, ['n']],
    ['NaN', Number.NaN, undefined, ['n']],
    ['an unsafe integer', 2 ** 53, undefined, ['n']],
    ['Vietnamese text', '8.673', undefined, ['n']],
    ['pad 0', 7, { pad: 0 }, ['options', 'pad']],
    ['pad 4', 7, { pad: 4 }, ['options', 'pad']],
    ['fractional pad', 7, { pad: 1.5 }, ['options', 'pad']],
    ['unknown locale', 7, { locale: 'fr' }, ['options', 'locale']],
    ['unknown key', 7, { decimals: 0 }, ['options']],
  ])('rejects %s', (_what, n, options, path) => {
    const error = expectCchcError(() => formatCount(n as never, options as never), 'INVALID_INPUT', path);
    expect(error.issues[0]?.path).toEqual(path);
  });
});
