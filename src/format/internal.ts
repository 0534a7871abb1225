import { z } from 'zod';
import { CchcError } from '../errors/CchcError.js';
import { describeValue } from '../errors/fromZod.js';
import { Dec, roundHalfUp } from '../numeric/decimal.js';
import type { NumberLocale } from './formatNumber.js';

/** The locale option, `vi` or `en`. @internal */
export const LocaleSchema = z.enum(['vi', 'en']);

/**
 * "1 dossier", "2 dossiers", "1,5 points": the English noun after a count or a formatted number
 * (singular only for exactly 1); Vietnamese nouns do not change.
 * @internal
 */
export function noun(n: number | string, singular: string, plural: string): string {
  return n === 1 || n === '1' ? singular : plural;
}

/** The default text for a missing value (a rate with a zero denominator). @internal */
export const DEFAULT_NULL_TEXT = '—';

/** Group and decimal separators per locale. @internal */
export const SEPARATORS: Readonly<
  Record<NumberLocale, { readonly group: string; readonly decimal: string }>
> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/** A text argument, with our sentence when it is not a string. @internal */
export const TextSchema = z.string({
  error: (iss) => `expected a text, received ${describeValue(iss.input)}.`,
});

/**
 * The smallest decimal exponent written digit by digit: a nonzero value below 1e-400 (far below the
 * smallest double, 5e-324) is refused without `decimals`, so that a string such as
 * `"1e-9000000000000000"` can never ask for billions of zeros.
 * @internal
 */
export const MIN_EXACT_EXPONENT = -400;

/**
 * Inserts the locale's group separator every 3 digits of a string of digits.
 * @internal
 */
export function groupDigits(digits: string, locale: NumberLocale): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, SEPARATORS[locale].group);
}

/** How {@link writeDecimal} writes a value. @internal */
export interface WriteOptions {
  readonly locale: NumberLocale;
  /** Places to round half-up to and pad to; `undefined` writes every digit of the value. */
  readonly decimals: number | undefined;
  readonly trimZeros: boolean;
  readonly grouping: boolean;
}

/**
 * Writes an exact decimal in the locale's notation: rounded half-up to `decimals` places (and padded
 * with zeros to them) when given, else every digit of the value; a negative value starts with the
 * hyphen-minus `-` (U+002D), a value that rounds to zero is written without a sign.
 * @internal
 */
export function writeDecimal(value: Dec, options: WriteOptions): string {
  const { locale, decimals, trimZeros, grouping } = options;
  const rounded = decimals === undefined ? value : roundHalfUp(value, decimals);
  // Dec#toFixed is exact decimal text (never exponent notation), unlike Number#toFixed.
  const fixed = decimals === undefined ? rounded.abs().toFixed() : rounded.abs().toFixed(decimals);
  const [int = '0', rawFrac = ''] = fixed.split('.');
  const frac = trimZeros ? rawFrac.replace(/0+$/, '') : rawFrac;
  const text =
    (grouping ? groupDigits(int, locale) : int) + (frac === '' ? '' : SEPARATORS[locale].decimal + frac);
  return rounded.isNegative() && !rounded.isZero() ? `-${text}` : text;
}

/** How {@link readDecimal} reads a text. @internal */
export interface ReadOptions {
  readonly locale: NumberLocale;
  /** Accept a space, a no-break space or a narrow no-break space between groups of 3 digits. */
  readonly allowSpaceGrouping: boolean;
}

type ReadResult =
  | { readonly ok: true; readonly value: Dec }
  | { readonly ok: false; readonly reason: string };

/** Spaces accepted between digit groups with `allowSpaceGrouping`: space, no-break, narrow no-break. */
const GROUP_SPACE = /[ \u00a0\u202f]/;
const SPACE_GROUPED = /^[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$/;
const NON_FINITE = /^[+-]?(?:nan|inf|infinity|∞)$/i;
const OTHER_MINUS = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/;

/** A text as a JSON string for a message, cut at 40 characters with "…". @internal */
export function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The strict reader, without throwing: the exact value, or why the text is not a number in the
 * locale (the part of the sentence after "received …").
 */
function tryRead(text: string, options: ReadOptions, what: 'number' | 'percentage'): ReadResult {
  const { locale, allowSpaceGrouping } = options;
  const { group, decimal } = SEPARATORS[locale];
  const fail = (reason: string): ReadResult => ({ ok: false, reason });
  const shown = quote(text);
  if (text === '') return fail('an empty text');
  if (NON_FINITE.test(text)) return fail(`${shown}, which is not a finite number`);
  if (what === 'number' && text.includes('%')) {
    return fail(`the percentage ${shown}; use parsePercent to read a percentage as a ratio`);
  }
  if (what === 'percentage' && text.includes('%')) return fail(`${shown}, which has more than one "%"`);
  if (/\d\s*[eE]\s*[+-]?\s*\d/.test(text)) {
    return fail(`exponent notation ${shown}; write the digits out in full`);
  }
  const minus = OTHER_MINUS.exec(text);
  if (minus) {
    return fail(
      `${shown}, which contains the dash "${minus[0]}" (${codePoint(minus[0])}); write a minus sign as the hyphen-minus "-"`,
    );
  }
  const odd = (allowSpaceGrouping ? /[^0-9.,+\- \u00a0\u202f]/u : /[^0-9.,+-]/u).exec(text);
  if (odd) {
    if (/\s/u.test(odd[0])) {
      const hint = SPACE_GROUPED.test(text)
        ? '; if spaces group the thousands ("8 673"), pass { allowSpaceGrouping: true }'
        : '';
      return fail(`${shown}, which contains a space${hint}`);
    }
    return fail(`${shown}, which contains the character ${JSON.stringify(odd[0])}`);
  }
  const sign = text[0] === '-' || text[0] === '+' ? text[0] : '';
  const body = text.slice(sign.length);
  if (/[+-]/.test(body)) return fail(`${shown}; a sign may only come first`);
  const decimalCount = body.split(decimal).length - 1;
  if (decimalCount > 1) {
    return fail(
      `${shown}, which has ${decimalCount} decimal separators "${decimal}"; a number has at most one`,
    );
  }
  const [intPart = '', fracPart] = body.split(decimal);
  if (fracPart?.includes(group)) {
    return fail(
      `${shown}, which mixes conventions ("${group}" after the decimal separator "${decimal}"); in ${locale} notation "${group}" groups thousands and "${decimal}" starts the decimals`,
    );
  }
  if (fracPart !== undefined && GROUP_SPACE.test(fracPart)) {
    return fail(`${shown}, which has a space among the decimals; spaces may only group the whole part`);
  }
  if (intPart === '') return fail(`${shown}, which has no digits before the decimal separator "${decimal}"`);
  if (fracPart === '') return fail(`${shown}, which has no digits after the decimal separator "${decimal}"`);
  const hasGroup = intPart.includes(group);
  const hasSpace = GROUP_SPACE.test(intPart);
  if (hasGroup && hasSpace) {
    return fail(`${shown}, which groups digits with both "${group}" and spaces; use one group separator`);
  }
  const groups = intPart.split(hasSpace ? GROUP_SPACE : group);
  if (groups.length > 1) {
    const [first = '', ...rest] = groups;
    const separator = hasSpace ? 'a space' : `"${group}"`;
    if (!/^\d{1,3}$/.test(first) || !rest.every((g) => /^\d{3}$/.test(g))) {
      return fail(
        `${shown}, whose groups are not of 3 digits; in ${locale} notation ${separator} separates thousands (${hasSpace ? '"8 673"' : locale === 'vi' ? '"8.673"' : '"8,673"'}) and "${decimal}" starts the decimals`,
      );
    }
    if (first.startsWith('0')) {
      return fail(
        `${shown}, whose first group starts with 0; in ${locale} notation ${separator} separates thousands, so a grouped number never starts with 0`,
      );
    }
  }
  const js = `${sign}${groups.join('')}${fracPart === undefined ? '' : `.${fracPart}`}`;
  const value = new Dec(js);
  const n = value.toNumber();
  if (!Number.isFinite(n)) {
    return fail(`${shown}, which is beyond the range of a JS number (±1.8e308)`);
  }
  if (n === 0 && !value.isZero()) {
    return fail(`${shown}, which is too small to be held by a JS number (the smallest is 5e-324)`);
  }
  return { ok: true, value };
}

/**
 * Reads a number written in the locale's notation, strictly, into an exact decimal. Throws a
 * {@link CchcError} `INVALID_NUMBER_TEXT` at path `['text']` with a sentence saying what is wrong
 * and what was expected; when the other locale would read the text, the sentence says so (it never
 * switches locale by itself).
 * @internal
 */
export function readDecimal(raw: string, options: ReadOptions, what: 'number' | 'percentage'): Dec {
  const text = raw.trim();
  const result = tryRead(text, options, what);
  if (result.ok) return result.value;
  const { locale } = options;
  const example = locale === 'vi' ? '"1.234,5"' : '"1,234.5"';
  const expected = `expected a ${what} in ${locale} notation such as ${what === 'percentage' ? example.replace(/"$/, '%"') : example}`;
  const other: NumberLocale = locale === 'vi' ? 'en' : 'vi';
  const otherRead = text === '' ? result : tryRead(text, { ...options, locale: other }, what);
  const hint = otherRead.ok
    ? `; if the text is in ${other} notation (where it reads ${otherRead.value.toFixed()}), pass { locale: '${other}' }`
    : '';
  throw new CchcError('INVALID_NUMBER_TEXT', [
    { path: ['text'], message: `${expected}, received ${result.reason}${hint}.` },
  ]);
}
