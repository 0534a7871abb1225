/**
 * Tests written for mutants that survived Stryker (docs/mutation.md): each pins a behaviour the
 * other tests of `src/format` left open, mostly the exact sentence a caller reads when a text is
 * refused.
 */
import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { formatNumber } from './formatNumber.js';
import { noun } from './internal.js';
import { parseNumber } from './parseNumber.js';
import { parsePercent } from './parsePercent.js';

function messageOf(fn: () => unknown, code: 'INVALID_INPUT' | 'INVALID_NUMBER_TEXT', path: string[]): string {
  const error = expectCchcError(fn, code, path);
  expect(error.issues).toHaveLength(1);
  return error.issues[0]!.message;
}

describe('parseNumber: groups that are not thousands, in each locale', () => {
  it.each([
    [
      '8.67',
      'vi',
      'expected a number in vi notation such as "1.234,5", received "8.67", whose groups are not of 3 digits; in vi notation "." separates thousands ("8.673") and "," starts the decimals; if the text is in en notation (where it reads 8.67), pass { locale: \'en\' }.',
    ],
    [
      '8,67',
      'en',
      'expected a number in en notation such as "1,234.5", received "8,67", whose groups are not of 3 digits; in en notation "," separates thousands ("8,673") and "." starts the decimals; if the text is in vi notation (where it reads 8.67), pass { locale: \'vi\' }.',
    ],
    [
      '0.673',
      'vi',
      'expected a number in vi notation such as "1.234,5", received "0.673", whose first group starts with 0; in vi notation "." separates thousands, so a grouped number never starts with 0; if the text is in en notation (where it reads 0.673), pass { locale: \'en\' }.',
    ],
    [
      '0,673',
      'en',
      'expected a number in en notation such as "1,234.5", received "0,673", whose first group starts with 0; in en notation "," separates thousands, so a grouped number never starts with 0; if the text is in vi notation (where it reads 0.673), pass { locale: \'vi\' }.',
    ],
  ] as const)('%j in %s', (text, locale, message) => {
    expect(messageOf(() => parseNumber(text, { locale }), 'INVALID_NUMBER_TEXT', ['text'])).toBe(message);
  });
});

describe('the example in the sentence follows the locale', () => {
  it.each([
    [
      () => parseNumber('abc', { locale: 'en' }),
      'expected a number in en notation such as "1,234.5", received "abc", which contains the character "a".',
    ],
    [
      () => parseNumber('abc', { locale: 'vi' }),
      'expected a number in vi notation such as "1.234,5", received "abc", which contains the character "a".',
    ],
    [
      () => parsePercent('abc%', { locale: 'en' }),
      'expected a percentage in en notation such as "1,234.5%", received "abc", which contains the character "a".',
    ],
  ])('%#', (fn, message) => {
    expect(messageOf(fn, 'INVALID_NUMBER_TEXT', ['text'])).toBe(message);
  });
});

describe('exponent notation is recognised with spaces around its parts', () => {
  it.each(['1 e5', '1e -5', '1e- 5', '1,5 E 3'])('%j', (text) => {
    expect(messageOf(() => parseNumber(text), 'INVALID_NUMBER_TEXT', ['text'])).toBe(
      `expected a number in vi notation such as "1.234,5", received exponent notation ${JSON.stringify(text)}; write the digits out in full.`,
    );
  });
});

describe('a refused text is quoted whole up to 40 characters, cut with an ellipsis beyond', () => {
  it.each([
    ['x'.repeat(40), `"${'x'.repeat(40)}"`],
    ['x'.repeat(41), `"${'x'.repeat(40)}…"`],
    [`8.673 ${'hồ sơ '.repeat(10)}`, `"8.673 ${'hồ sơ '.repeat(10).slice(0, 34)}…"`],
  ])('%#', (text, quoted) => {
    const prefix = `expected a number in vi notation such as "1.234,5", received ${quoted}, `;
    const message = messageOf(() => parseNumber(text), 'INVALID_NUMBER_TEXT', ['text']);
    expect(message.slice(0, prefix.length)).toBe(prefix);
  });
});

describe('formatNumber: a value too small to write digit by digit', () => {
  it('quotes the first 40 characters of the value, marked as cut with "…"', () => {
    const tiny = `0.${'0'.repeat(450)}1`;
    expect(messageOf(() => formatNumber(tiny), 'INVALID_INPUT', ['value'])).toBe(
      `expected a number within the range of a double, received "${tiny.slice(0, 40)}…", which is smaller than 1e-400; pass { decimals } to round it.`,
    );
    expect(formatNumber(tiny, { decimals: 2 })).toBe('0,00');
  });
});

describe('noun: the English singular only for exactly 1', () => {
  it.each([
    [1, 'dossier'],
    ['1', 'dossier'],
    [0, 'dossiers'],
    [2, 'dossiers'],
    ['1,5', 'dossiers'],
    ['1.000', 'dossiers'],
    ['01', 'dossiers'],
    [-1, 'dossiers'],
  ] as const)('%j → %s', (n, word) => {
    expect(noun(n, 'dossier', 'dossiers')).toBe(word);
  });
});
