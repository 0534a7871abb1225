/**
 * Private helpers of the report writers: option schemas and the words and figures they share.
 * Figures always go through the public formatters (src/format), so a paragraph never writes a
 * number differently from `formatNumber`, `formatPercent` or `formatCount`.
 * @internal
 * @module
 */
import { z } from 'zod';
import { describeValue } from '../errors/fromZod.js';
import { formatCount } from '../format/formatCount.js';
import { formatNumber } from '../format/formatNumber.js';
import { formatPercent } from '../format/formatPercent.js';
import type { Dec } from '../numeric/decimal.js';
import { toNum } from '../numeric/decimal.js';
import { DecimalsSchema } from '../numeric/schemas.js';
import type { ReportLanguage } from './ReportLanguage.js';

export { noun } from '../format/internal.js';

/** The `lang` option. @internal */
export const LangSchema = z.enum(['vi', 'en'], {
  error: (iss) => `expected the language 'vi' or 'en', received ${describeValue(iss.input)}.`,
});

/** A `decimals` option. @internal */
export const ReportDecimalsSchema = DecimalsSchema;

/** What a rate with a zero denominator is called in prose. @internal */
export const NONE_AROSE: Readonly<Record<ReportLanguage, string>> = {
  vi: 'không phát sinh',
  en: 'none arose',
};

/** A value to write: an exact decimal or a validated number / JS-notation string. @internal */
export type Figure = Dec | number | string;

function plain(value: Figure): number | string {
  return typeof value === 'object' ? toNum(value) : value;
}

/**
 * A count as prose writes it: zero-padded to two digits in Vietnamese ("07", "05"), as it is in
 * English ("7"); grouped by thousands in both ("8.673", "8,673"). Zero is "0" in both.
 * @internal
 */
export function count(n: number, lang: ReportLanguage): string {
  return formatCount(n, { locale: lang, pad: lang === 'vi' && n !== 0 ? 2 : 1 });
}

/**
 * A quantity (days, points): every digit of the exact value, or rounded half-up to `decimals`
 * with trailing zeros dropped ("28,5", "63").
 * @internal
 */
export function quantity(value: Figure, lang: ReportLanguage, decimals?: number): string {
  return decimals === undefined
    ? formatNumber(plain(value), { locale: lang })
    : formatNumber(plain(value), { locale: lang, decimals, trimZeros: true });
}

/** A ratio as a percentage ("31,1%"), or "không phát sinh" / "none arose" for `null`. @internal */
export function rate(
  ratio: number | null,
  lang: ReportLanguage,
  decimals: number,
  trimZeros: boolean,
): string {
  return formatPercent(ratio, { locale: lang, decimals, trimZeros, nullText: NONE_AROSE[lang] });
}

/** A percentage that is already × 100 (84.5 → "84,5%"), or "không phát sinh" for `null`. @internal */
export function percentage(
  value: number | null,
  lang: ReportLanguage,
  decimals: number | undefined,
  trimZeros: boolean,
): string {
  if (value === null) return NONE_AROSE[lang];
  const text =
    decimals === undefined
      ? formatNumber(value, { locale: lang })
      : formatNumber(value, { locale: lang, decimals, trimZeros });
  return `${text}%`;
}

/** Capitalises the first letter of a sentence. @internal */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** Joins sentences into a paragraph, one space apart. @internal */
export function paragraph(sentences: readonly string[]): string {
  return sentences.filter((s) => s !== '').join(' ');
}
