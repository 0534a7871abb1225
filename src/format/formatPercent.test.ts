import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { formatPercent } from './formatPercent.js';

describe('formatPercent', () => {
  it.each([
    // ratio, options, expected (published figures, DOMAIN.md)
    [0.3114754098360656, { decimals: 1 }, '31,1%'], // Lộc Bình 6/2024 time reduction
    [0.3114754098360656, { decimals: 1, locale: 'en' }, '31.1%'],
    [8535 / 8673, undefined, '98,41%'], // Lộc Bình online share
    [19255 / 19944, undefined, '96,55%'], // Vĩnh Phúc 8/2021
    [5 / 61953, undefined, '0,01%'], // Thái Bình 2020 late
    [1, undefined, '100,00%'],
    [1, { trimZeros: true }, '100%'],
    [0.975, { decimals: 1, space: true }, '97,5 %'],
    [0.0125, { decimals: 1 }, '1,3%'], // half-up
    [0.01005, { decimals: 2 }, '1,01%'], // exact: 1.005 × 100 in doubles is 1.00499…
    [-0.0125, { decimals: 1 }, '-1,3%'],
    [123.456, { decimals: 0 }, '12.346%'],
    ['0.5', undefined, '50,00%'],
  ] as const)('%s with %j → %s', (ratio, options, expected) => {
    expect(formatPercent(ratio, options)).toBe(expected);
  });

  it('writes null as nullText without %', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(null, { nullText: 'n/a', space: true })).toBe('n/a');
  });

  it.each([
    ['NaN ratio', Number.NaN, undefined, ['ratio']],
    ['text ratio', 'abc', undefined, ['ratio']],
    ['decimals above 20', 0.5, { decimals: 21 }, ['options', 'decimals']],
    ['non-boolean space', 0.5, { space: 1 }, ['options', 'space']],
    ['unknown locale', 0.5, { locale: 'de' }, ['options', 'locale']],
    ['unknown key', 0.5, { pad: 2 }, ['options']],
  ])('rejects %s', (_what, ratio, options, path) => {
    const error = expectCchcError(
      () => formatPercent(ratio as never, options as never),
      'INVALID_INPUT',
      path,
    );
    expect(error.issues[0]?.path).toEqual(path);
  });
});
