import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { Dec, roundHalfUp, toNum } from '../numeric/decimal.js';
import { formatPercent } from './formatPercent.js';
import { parsePercent } from './parsePercent.js';

describe('parsePercent', () => {
  it.each([
    ['31,1%', 'vi', 0.311],
    ['100%', 'vi', 1],
    ['98,41%', 'vi', 0.9841],
    ['0,01%', 'vi', 0.0001],
    ['31,1 %', 'vi', 0.311],
    [' -2,5% ', 'vi', -0.025],
    ['1.250%', 'vi', 12.5],
    ['31.1%', 'en', 0.311],
    ['1,250.5%', 'en', 12.505],
  ] as const)('%j (%s) → %s', (text, locale, expected) => {
    expect(parsePercent(text, { locale })).toBe(expected);
  });

  it.each([
    ['no %', '31,1', /ending in "%"/],
    ['% first', '%31,1', /ending in "%"/],
    ['empty', '', /ending in "%"/],
    ['only %', '%', /empty text/],
    ['two %', '31%%', /character "%"/],
    ['en notation in vi', '1,234.5%', /mixes conventions/],
    ['letters', 'abc%', /character "a"/],
    ['groups not of 3', '1.23%', /groups are not of 3 digits/],
  ])('rejects %s: %j', (_what, text, message) => {
    const error = expectCchcError(() => parsePercent(text), 'INVALID_NUMBER_TEXT', ['text']);
    expect(error.issues[0]?.path).toEqual(['text']);
    expect(error.issues[0]?.message).toMatch(message);
  });

  it.each([
    ['a number', 0.311, undefined, ['text']],
    ['an unknown locale', '1%', { locale: 'fr' }, ['options', 'locale']],
  ])('rejects %s with INVALID_INPUT', (_what, text, options, path) => {
    const error = expectCchcError(() => parsePercent(text as never, options as never), 'INVALID_INPUT', path);
    expect(error.issues[0]?.path).toEqual(path);
  });

  it('reads back what formatPercent wrote, as the rounded ratio', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
        fc.constantFrom('vi' as const, 'en' as const),
        fc.integer({ min: 0, max: 6 }),
        fc.boolean(),
        (ratio, locale, decimals, space) => {
          const text = formatPercent(ratio, { locale, decimals, space });
          const expected = toNum(roundHalfUp(new Dec(ratio).times(100), decimals).div(100));
          expect(parsePercent(text, { locale })).toBe(expected);
        },
      ),
    );
  });
});
