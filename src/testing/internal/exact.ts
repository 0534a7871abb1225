/**
 * Exact decimal comparison for the testing kit.
 *
 * The kit is built as its own entry (`dist/testing.*`) that imports the core only through its public
 * API, so it cannot share `src/numeric/decimal.ts`; this is the same private clone settings
 * (40 significant digits, half-up), never the global `Decimal`.
 * @internal
 * @module
 */
import DecimalJs from 'decimal.js';

const Exact = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
});

/** An exact decimal of the testing kit. @internal */
export type Exact = InstanceType<typeof Exact>;

/**
 * A validated number or JS-notation numeric string as an exact decimal; numbers go through their
 * shortest round-trip text, so `0.1` is exactly 0.1.
 * @internal
 */
export function exact(value: number | string): Exact {
  return new Exact(value);
}

/** The JS number nearest to an exact decimal, `-0` normalised to `0`. @internal */
export function nearest(value: Exact): number {
  const n = value.toNumber();
  return n === 0 ? 0 : n;
}

/**
 * `actual − expected` as the nearest JS number, and whether `|actual − expected| ≤ tolerance`,
 * computed exactly.
 * @internal
 */
export function compareExact(
  actual: number | string,
  expected: number | string,
  tolerance: Exact,
): { difference: number; match: boolean } {
  const difference = exact(actual).minus(exact(expected));
  return { difference: nearest(difference), match: difference.abs().lte(tolerance) };
}
