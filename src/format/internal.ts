import { z } from 'zod';
import { CchcError } from '../errors/CchcError.js';
import { describeValue } from '../errors/fromZod.js';
import { Dec, roundHalfUp } from '../numeric/decimal.js';

/**
 * The notations numbers are written in: `vi` (8.673 and 91,5) and `en` (8,673 and 91.5).
 * @internal
 */
export type Locale = 'vi' | 'en';

/** The locale option, `vi` or `en`. @internal */
export const LocaleSchema = z.enum(['vi', 'en']);

/** The default text for a missing value (a rate with a zero denominator). @internal */
export const DEFAULT_NULL_TEXT = '—';

/** Group and decimal separators per locale. @internal */
export const SEPARATORS: Readonly<Record<Locale, { readonly group: string; readonly decimal: string }>> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/**
 * Inserts the locale's group separator every 3 digits of a string of digits.
 * @internal
 */
export function groupDigits(digits: string, locale: Locale): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, SEPARATORS[locale].group);
}

/**
 * Writes an exact decimal in the locale's notation: rounded half-up to `decimals` places (and padded
 * with zeros to them) when given, else every digit of the value; a negative value gets `-`, a value
 * that rounds to zero gets none.
 * @internal
 */
export function writeDecimal(
  value: Dec,
  locale: Locale,
  decimals: number | undefined,
  trimZeros: boolean,
): string {
  const rounded = decimals === undefined ? value : roundHalfUp(value, decimals);
  // Dec#toFixed is exact decimal text (never exponent notation), unlike Number#toFixed.
  let text = decimals === undefined ? rounded.abs().toFixed() : rounded.abs().toFixed(decimals);
  let [int = '0', frac = ''] = text.split('.');
  if (trimZeros) frac = frac.replace(/0+$/, '');
  text = groupDigits(int, locale) + (frac === '' ? '' : SEPARATORS[locale].decimal + frac);
  return rounded.isNegative() && !rounded.isZero() ? `-${text}` : text;
}

function fail(message: string): never {
  throw new CchcError('INVALID_NUMBER_TEXT', [{ path: ['text'], message }]);
}

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/**
 * Reads a number written in the locale's notation, strictly, into an exact decimal. Throws a
 * {@link CchcError} `INVALID_NUMBER_TEXT` at path `['text']` saying what is wrong and what was expected.
 * @internal
 */
export function readDecimal(raw: string, locale: Locale, what: 'number' | 'percentage'): Dec {
  const { group, decimal } = SEPARATORS[locale];
  const example = locale === 'vi' ? '"1.234,5"' : '"1,234.5"';
  const expected = `expected a ${what} in ${locale} notation such as ${what === 'percentage' ? example.replace(/"$/, '%"') : example}`;
  const text = raw.trim();
  if (text === '') fail(`${expected}, received an empty text.`);
  if (what === 'number' && text.includes('%')) {
    fail(`${expected}, received the percentage ${quote(raw)}; use parsePercent for a percentage.`);
  }
  if (/\d\s*[eE]\s*[+-]?\s*\d/.test(text)) {
    fail(`${expected}, received exponent notation ${quote(raw)}; write the digits out in full.`);
  }
  const odd = /[^0-9.,+-]/u.exec(text);
  if (odd) {
    const char = odd[0] === ' ' || /\s/u.test(odd[0]) ? 'a space' : `the character ${JSON.stringify(odd[0])}`;
    fail(`${expected}, received ${quote(raw)}, which contains ${char}.`);
  }
  const sign = text[0] === '-' || text[0] === '+' ? text[0] : '';
  const body = text.slice(sign.length);
  if (/[+-]/.test(body)) fail(`${expected}, received ${quote(raw)}; a sign may only come first.`);
  const decimalCount = body.split(decimal).length - 1;
  if (decimalCount > 1) {
    fail(
      `${expected}, received ${quote(raw)}, which has ${decimalCount} decimal separators "${decimal}"; a number has at most one.`,
    );
  }
  const [intPart = '', fracPart] = body.split(decimal);
  if (fracPart?.includes(group)) {
    const other: Locale = locale === 'vi' ? 'en' : 'vi';
    fail(
      `${expected}, received ${quote(raw)}, which mixes conventions ("${group}" after the decimal separator "${decimal}", as in ${other} notation); in ${locale}, "${group}" groups thousands and "${decimal}" starts the decimals.`,
    );
  }
  if (intPart === '')
    fail(
      `${expected}, received ${quote(raw)}, which has no digits before the decimal separator "${decimal}".`,
    );
  if (fracPart === '')
    fail(
      `${expected}, received ${quote(raw)}, which has no digits after the decimal separator "${decimal}".`,
    );
  const groups = intPart.split(group);
  if (
    groups.length > 1 &&
    !(/^\d{1,3}$/.test(groups[0] ?? '') && groups.slice(1).every((g) => /^\d{3}$/.test(g)))
  ) {
    fail(
      `${expected}, received ${quote(raw)}, whose groups are not of 3 digits; in ${locale}, "${group}" separates thousands (${locale === 'vi' ? '"8.673"' : '"8,673"'}) and "${decimal}" starts the decimals.`,
    );
  }
  const js = `${sign}${groups.join('')}${fracPart === undefined ? '' : `.${fracPart}`}`;
  const value = new Dec(js);
  if (!Number.isFinite(value.toNumber()))
    fail(`${expected} within the range of a double, received ${quote(raw)}.`);
  return value;
}

/** A string argument that must be text, with our sentence. @internal */
export const TextSchema = z.string({
  error: (iss) => `expected a text, received ${describeValue(iss.input)}.`,
});
