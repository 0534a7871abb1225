import DecimalJs from 'decimal.js';
import { CchcError } from '../errors/CchcError.js';

/**
 * The library's private Decimal constructor: a clone of decimal.js with 40 significant digits and
 * half-up rounding, so nothing a caller does to the global `Decimal` (e.g. `Decimal.set`) changes
 * our results, and ours never changes theirs.
 * @internal
 */
export const Dec = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
});

/** An instance of the private Decimal clone. @internal */
export type Dec = InstanceType<typeof Dec>;

/** A JS-notation decimal: optional sign, digits, optional fraction, optional exponent. @internal */
export const JS_DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Zero, shared. @internal */
export const ZERO = new Dec(0);

/**
 * Converts a validated number or JS-notation numeric string to a Decimal. Numbers go through
 * their shortest round-trip text, so `0.1` is exactly 0.1, not the binary double's expansion.
 * @internal
 */
export function toDec(value: number | string | Dec): Dec {
  if (value instanceof Dec) return value;
  // The input schemas accept a numeric string with spaces around it (" 0.5 "); decimal.js does not.
  return new Dec(typeof value === 'string' ? value.trim() : value);
}

/**
 * The JS number nearest to an exact decimal result; `-0` is normalised to `0`. A result beyond the
 * range of a double is an error, never `Infinity`.
 * @internal
 */
export function toNum(value: Dec): number {
  const n = value.toNumber();
  if (!Number.isFinite(n)) {
    throw new CchcError('INVALID_INPUT', [
      {
        path: [],
        message: `the result ${value.toSignificantDigits(6).toString()} is beyond the range of a JS number (±1.8e308); check the magnitudes of the inputs.`,
      },
    ]);
  }
  return n === 0 ? 0 : n;
}

/**
 * Exact quotient as a Decimal, or `null` when the denominator is zero ("không phát sinh").
 * @internal
 */
export function divOrNull(part: Dec, whole: Dec): Dec | null {
  return whole.isZero() ? null : part.div(whole);
}

/**
 * Exact quotient as the nearest JS number, or `null` when the denominator is zero.
 * @internal
 */
export function rateOrNull(part: Dec, whole: Dec): number | null {
  const q = divOrNull(part, whole);
  return q === null ? null : toNum(q);
}

/**
 * Rounds half-up (làm tròn: 0,5 goes away from zero) to `decimals` places.
 * @internal
 */
export function roundHalfUp(value: Dec, decimals: number): Dec {
  return value.toDecimalPlaces(decimals, Dec.ROUND_HALF_UP);
}
