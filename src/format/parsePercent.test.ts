import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { Dec, roundHalfUp, toNum } from '../numeric/decimal.js';
import { formatPercent } from './formatPercent.js';
import { parsePercent } from './parsePercent.js';

describe('parsePercent', () => {
  it.each([
    // text, locale, expected ratio (DOMAIN.md figures first)
    ['31,1%', 'vi', 0.311], // Lộc Bình time reduction
    ['98,41%', 'vi', 0.9841], // Lộc Bình online share
    ['83,94%', 'vi', 0.8394], // Thái Bình early (83.94 / 100 in doubles is 0.8393999999999999)
    ['16,05%', 'vi', 0.1605],
    ['0,01%', 'vi', 0.0001],
    ['96,55%', 'vi', 0.9655], // Vĩnh Phúc
    ['71,93%', 'vi', 0.7193], // Đắk Song
    ['100%', 'vi', 1],
    ['0%', 'vi', 0],
    ['-0%', 'vi', 0],
    ['31,1 %', 'vi', 0.311],
    ['31,1\u00a0%', 'vi', 0.311],
    [' -2,5% ', 'vi', -0.025],
    ['1.250%', 'vi', 12.5],
    ['31.1%', 'en', 0.311],
    ['1,250.5%', 'en', 12.505],
    ['98.41 %', 'en', 0.9841],
  ] as const)('%j (%s) → %s', (text, locale, expected) => {
    expect(parsePercent(text, { locale })).toBe(expected);
  });

  it('divides by 100 exactly, then rounds once to the nearest double', () => {
    expect(parsePercent('83,94%')).not.toBe(83.94 / 100);
    expect(parsePercent('83,94%')).toBe(0.8394);
    expect(parsePercent('0,000000000000000001%')).toBe(1e-20);
  });

  it('reads a number without % only with requirePercentSign: false', () => {
    expect(parsePercent('83,94', { requirePercentSign: false })).toBe(0.8394);
    expect(parsePercent('83,94%', { requirePercentSign: false })).toBe(0.8394);
    expect(parsePercent('98.41', { locale: 'en', requirePercentSign: false })).toBe(0.9841);
    expect(parsePercent('100%', { requirePercentSign: true })).toBe(1);
  });

  it('passes allowSpaceGrouping on to the number', () => {
    expect(parsePercent('1 250 %', { allowSpaceGrouping: true })).toBe(12.5);
    expectCchcError(() => parsePercent('1 250 %'), 'INVALID_NUMBER_TEXT', ['text']);
  });

  it.each([
    [
      'no %',
      '31,1',
      undefined,
      /^expected a percentage ending in "%" such as "31,1%", received "31,1"; use parseNumber for a plain number, or pass \{ requirePercentSign: false \}\.$/,
    ],
    ['no % (en)', '31.1', { locale: 'en' }, /such as "31\.1%"/],
    ['% first', '%31,1', undefined, /ending in "%"/],
    ['empty', '', undefined, /ending in "%"/],
    ['empty without the sign requirement', '', { requirePercentSign: false }, /received an empty text/],
    [
      'only %',
      '%',
      undefined,
      /^expected a percentage in vi notation such as "1\.234,5%", received an empty text\.$/,
    ],
    ['two %', '31%%', undefined, /more than one "%"/],
    ['en notation in vi', '1,234.5%', undefined, /mixes conventions.*pass \{ locale: 'en' \}/],
    ['letters', 'abc%', undefined, /character "a"/],
    ['a unit after %', '31,1% hồ sơ', undefined, /ending in "%"/],
    ['groups not of 3', '1.23%', undefined, /groups are not of 3 digits/],
    ['an exponent', '1e2%', undefined, /exponent notation/],
    ['Infinity', 'Infinity%', undefined, /not a finite number/],
    ['a typographic minus', '−2,5%', undefined, /hyphen-minus/],
    ['a ratio below the smallest double', `0,${'0'.repeat(322)}1%`, undefined, /too small/],
    ['beyond a double', `${'9'.repeat(400)}%`, undefined, /beyond the range of a JS number/],
  ])('rejects %s: %j', (_what, text, options, message) => {
    const error = expectCchcError(() => parsePercent(text, options as never), 'INVALID_NUMBER_TEXT', [
      'text',
    ]);
    expect(error.issues[0]?.path).toEqual(['text']);
    expect(error.issues[0]?.message).toMatch(message);
  });

  it.each([
    ['a number', 0.311, undefined, ['text'], 'expected a text, received the number 0.311.'],
    ['an unknown locale', '1%', { locale: 'fr' }, ['options', 'locale'], undefined],
    [
      'a non-boolean requirePercentSign',
      '1%',
      { requirePercentSign: 0 },
      ['options', 'requirePercentSign'],
      undefined,
    ],
    [
      'an unknown key',
      '1%',
      { decimals: 2 },
      ['options'],
      'unknown key "decimals": remove it or check the spelling.',
    ],
  ])('rejects %s with INVALID_INPUT', (_what, text, options, path, message) => {
    const error = expectCchcError(() => parsePercent(text as never, options as never), 'INVALID_INPUT', path);
    expect(error.issues[0]?.path).toEqual(path);
    if (message !== undefined) expect(error.issues[0]?.message).toBe(message);
  });

  it('does not mutate its options', () => {
    const options = deepFreeze({
      locale: 'en' as const,
      requirePercentSign: false,
      allowSpaceGrouping: false,
    });
    expect(parsePercent('98.41', options)).toBe(0.9841);
    expect(options).toEqual({ locale: 'en', requirePercentSign: false, allowSpaceGrouping: false });
  });

  it('reads back what formatPercent wrote, as the ratio rounded half-up', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
        fc.constantFrom('vi' as const, 'en' as const),
        fc.integer({ min: 0, max: 6 }),
        fc.boolean(),
        fc.boolean(),
        (ratio, locale, decimals, space, trimZeros) => {
          const text = formatPercent(ratio, { locale, decimals, space, trimZeros });
          const expected = toNum(roundHalfUp(new Dec(ratio).times(100), decimals).div(100));
          expect(parsePercent(text, { locale })).toBe(expected);
        },
      ),
    );
  });

  it('reads back a published percentage exactly (format ∘ parse is the identity on k decimals)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom('vi' as const, 'en' as const),
        (steps, decimals, locale) => {
          const ratio = toNum(new Dec(steps).div(new Dec(10).pow(decimals + 2)));
          const text = formatPercent(ratio, { decimals, locale });
          expect(parsePercent(text, { locale })).toBe(ratio);
          expect(formatPercent(parsePercent(text, { locale }), { decimals, locale })).toBe(text);
        },
      ),
    );
  });
});
