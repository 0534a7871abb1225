/**
 * Private helpers for explanation sentences and fixed-point points. Not exported from the package.
 * @internal
 * @module
 */
import { noun } from '../format/internal.js';
import { Dec, toDec, toNum } from '../numeric/decimal.js';
import type { NextStep } from '../scoring/ScoreReport.js';
import type { Env, Pts } from './kinds/common.js';

/** @internal */
export type Locale = 'vi' | 'en';

function group(int: string, sep: string): string {
  if (int.length <= 3) return int;
  let out = '';
  let i = int.length % 3 || 3;
  out = int.slice(0, i);
  for (; i < int.length; i += 3) out += sep + int.slice(i, i + 3);
  return out;
}

/**
 * Writes a number the Vietnamese way ("8.673", "97,50") or the English way ("8,673", "97.50"),
 * rounded half-up to `decimals`, trailing zeros trimmed when `trim`.
 * @internal
 */
export function fmt(value: Dec | number, decimals: number, locale: Locale, trim: boolean): string {
  let s: string;
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 1e15) {
    s = String(value === 0 ? 0 : value);
    if (!trim && decimals > 0) s += `.${'0'.repeat(decimals)}`;
  } else {
    s = toDec(value).toFixed(decimals);
    if (trim && s.includes('.')) s = s.replace(/\.?0+$/, '');
  }
  let neg = false;
  if (s.startsWith('-')) {
    s = s.slice(1);
    neg = !/^[0.]*$/.test(s);
  }
  const dot = s.indexOf('.');
  const int = dot < 0 ? s : s.slice(0, dot);
  const frac = dot < 0 ? '' : s.slice(dot + 1);
  const out = group(int, locale === 'vi' ? '.' : ',') + (frac ? (locale === 'vi' ? ',' : '.') + frac : '');
  return neg ? `-${out}` : out;
}

/** A percentage of a ratio: "97,50 %" (vi) / "97.50%" (en); `trim` for bounds ("95 %"). @internal */
export function fmtPercent(ratio: Dec | number, env: Env, locale: Locale, trim: boolean): string {
  const pct = toDec(ratio).times(100);
  const text = fmt(pct, env.percentDecimals, locale, trim);
  return locale === 'vi' ? `${text} %` : `${text}%`;
}

/** A measured value as shown: a percentage of a ratio or a plain number. @internal */
export function fmtValue(
  value: Dec | number,
  display: 'percent' | 'number',
  env: Env,
  locale: Locale,
  trim = false,
): string {
  return display === 'percent'
    ? fmtPercent(value, env, locale, trim)
    : fmt(value, env.percentDecimals, locale, true);
}

/** Points, trimmed to the precision's decimals: "0,75", "1". @internal */
export function fmtPoints(value: Dec | number, env: Env, locale: Locale): string {
  return fmt(value, env.pointDecimals, locale, true);
}

/** The most decimals a rule's own points are written with in a sentence. */
const MAX_PARAMETER_DECIMALS = 20;

/**
 * A points figure of the rule itself (points per item, per occurrence) with every decimal it has, up
 * to 20: "0,001", where {@link fmtPoints} would round it to "0". @internal
 */
export function fmtExactPoints(value: Dec, locale: Locale): string {
  return fmt(value, Math.min(value.decimalPlaces(), MAX_PARAMETER_DECIMALS), locale, true);
}

/** "1 point" / "1,5 points" after a formatted figure; Vietnamese "điểm" does not change. @internal */
export function pointsWord(formatted: string, locale: Locale): string {
  return locale === 'vi' ? 'điểm' : noun(formatted, 'point', 'points');
}

/** "0,75/1 điểm" / "0.75/1 points". @internal */
export function ofMax(points: Pts, max: Dec, env: Env, locale: Locale): string {
  const p = ptsNumOrDec(points, env.scale);
  return `${fmtPoints(p, env, locale)}/${fmtPoints(max, env, locale)} ${locale === 'vi' ? 'điểm' : 'points'}`;
}

/** The word for a measured value: "Tỷ lệ" / "Rate" for percentages, "Giá trị" / "Value" otherwise. @internal */
export function valueWord(display: 'percent' | 'number', locale: Locale): string {
  if (display === 'percent') return locale === 'vi' ? 'Tỷ lệ' : 'Rate';
  return locale === 'vi' ? 'Giá trị' : 'Value';
}

/** Makes fixed-point points from an exact decimal: scaled when integral at `scale`. @internal */
export function mkPts(value: Dec, scale: number): Pts {
  const s = value.times(scale);
  if (s.isInteger() && s.abs().lte(Number.MAX_SAFE_INTEGER)) return { scaled: s.toNumber() || 0, dec: null };
  return { scaled: null, dec: value };
}

/** Exact points as a Decimal. @internal */
export function ptsDec(p: Pts, scale: number): Dec {
  return p.dec ?? new Dec(p.scaled as number).div(scale);
}

/** Points as the nearest JS number (a scaled integer divided once by the scale is correctly rounded). @internal */
export function ptsNum(p: Pts, scale: number): number {
  if (p.scaled !== null) return p.scaled / scale || 0;
  return toNum(p.dec as Dec);
}

function ptsNumOrDec(p: Pts, scale: number): number | Dec {
  return p.scaled !== null ? p.scaled / scale : (p.dec as Dec);
}

/** Compares two points values exactly: negative, 0 or positive. @internal */
export function ptsCmp(a: Pts, b: Pts, scale: number): number {
  if (a.scaled !== null && b.scaled !== null) return a.scaled - b.scaled;
  return ptsDec(a, scale).cmp(ptsDec(b, scale));
}

/** `a − b` exactly. @internal */
export function ptsMinus(a: Pts, b: Pts, scale: number): Pts {
  if (a.scaled !== null && b.scaled !== null) return { scaled: a.scaled - b.scaled, dec: null };
  return mkPts(ptsDec(a, scale).minus(ptsDec(b, scale)), scale);
}

/** 10^0 … 10^22, exact doubles. @internal */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** 2^49: below it, two decimals one scaled unit apart are more than two ulps apart. */
const SCALED_LIMIT = 562_949_953_421_312;

/**
 * The fewest decimals `k` (at most 15) such that `value` is exactly the decimal
 * `value × 10^k / 10^k` that `toDec(value)` reads, or `-1`. As in `scaledOf` (manual.ts): when
 * `value × 10^k` is a whole number below 2^49 that divides back to `value`, that decimal is the
 * only one with k decimals whose nearest double is `value`, hence its shortest decimal. `-0` is -1.
 * @internal
 */
export function scaledDecimalsOf(value: number): number {
  if (Object.is(value, -0)) return -1;
  for (let k = 0; k <= 15; k++) {
    const p = POW10[k]!;
    const n = value * p;
    if (n > SCALED_LIMIT || n < -SCALED_LIMIT) return -1;
    if (Number.isInteger(n) && n / p === value) return k;
  }
  return -1;
}

/** A Decimal as the JS number that reads back as the same decimal, or `null`. @internal */
export function exactNumber(d: Dec): number | null {
  const n = d.toNumber();
  return Number.isFinite(n) && new Dec(n).eq(d) ? n : null;
}

/** A whole Decimal as a safe integer, or `null`. @internal */
export function intOf(d: Dec): number | null {
  if (!d.isInteger() || d.abs().gt(Number.MAX_SAFE_INTEGER)) return null;
  return d.toNumber();
}

/** Zero points. @internal */
export const ZERO_PTS: Pts = Object.freeze({ scaled: 0, dec: null });

/** Builds a {@link NextStep} hint: "Cần đạt 95 % để được thêm 0,25 điểm". @internal */
export function mkNext(
  value: Dec | number,
  comparison: NextStep['comparison'],
  points: Pts,
  current: Pts,
  display: 'percent' | 'number',
  env: Env,
): NextStep {
  const gain = ptsMinus(points, current, env.scale);
  // Frozen: reports share equal next steps (scoreWithPlan).
  return Object.freeze({
    value: typeof value === 'number' ? value : toNum(value),
    comparison,
    points: ptsNum(points, env.scale),
    gain: ptsNum(gain, env.scale),
    explanation: env.explain
      ? Object.freeze(nextExplanation(value, comparison, gain, display, env))
      : NO_TEXT,
  });
}

/** The sentences of a next step built without explanations. */
const NO_TEXT: { readonly vi: string; readonly en: string } = Object.freeze({ vi: '', en: '' });

function nextExplanation(
  value: Dec | number,
  comparison: NextStep['comparison'],
  gain: Pts,
  display: 'percent' | 'number',
  env: Env,
): { vi: string; en: string } {
  const v = (l: Locale) => fmtValue(value, display, env, l, true);
  // A gain finer than the precision (0,001 with two decimals) is written exactly, never as 0.
  const rounded = fmtPoints(ptsNumOrDec(gain, env.scale), env, 'en');
  const exact = /^[0.]*$/.test(rounded) && ptsCmp(gain, ZERO_PTS, env.scale) !== 0;
  const g = (l: Locale) =>
    exact ? fmtExactPoints(ptsDec(gain, env.scale), l) : fmtPoints(ptsNumOrDec(gain, env.scale), env, l);
  let vi: string;
  let en: string;
  switch (comparison) {
    case 'at-least':
      vi = `Cần đạt ${v('vi')}`;
      en = `Reach ${v('en')}`;
      break;
    case 'more-than':
      vi = `Cần đạt trên ${v('vi')}`;
      en = `Exceed ${v('en')}`;
      break;
    case 'at-most':
      vi = `Cần giảm xuống còn tối đa ${v('vi')}`;
      en = `Bring it down to ${v('en')} or less`;
      break;
    default:
      vi = `Cần giảm xuống dưới ${v('vi')}`;
      en = `Bring it below ${v('en')}`;
      break;
  }
  return {
    vi: `${vi} để được thêm ${g('vi')} điểm`,
    en: `${en} to gain ${g('en')} ${pointsWord(g('en'), 'en')}`,
  };
}
