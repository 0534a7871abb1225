/**
 * An exact decimal oracle on BigInt, independent of decimal.js, for property tests: a value is
 * `n / 10^scale` with `n` a BigInt.
 */
export interface Scaled {
  readonly n: bigint;
  readonly scale: number;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parses JS notation (`"91.5"`, `"-1e-7"`, or a number through its shortest text) exactly. */
export function parseExact(value: number | string): Scaled {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) throw new Error(`not a decimal: ${text}`);
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  let scale = fraction.length - Number(exponent);
  let n = BigInt(`${whole}${fraction}` || '0');
  if (scale < 0) {
    n *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { n: sign === '-' ? -n : n, scale };
}

/** The same value at a larger scale. */
export function rescale(value: Scaled, scale: number): bigint {
  if (scale < value.scale) throw new Error('rescale would lose digits');
  return value.n * 10n ** BigInt(scale - value.scale);
}

/** `n / d` rounded half-up (halves away from zero), both BigInt, `d > 0`. */
export function divHalfUp(n: bigint, d: bigint): bigint {
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = (2n * abs + d) / (2n * d);
  return negative ? -q : q;
}

/** `value × 10^shift` rounded half-up to `decimals` places, as a JS number. */
export function shiftRoundHalfUp(value: Scaled, shift: number, decimals: number): number {
  // value × 10^shift = n / 10^(scale − shift); keep `decimals` places.
  const scale = value.scale - shift;
  let q: bigint;
  if (scale <= decimals) q = value.n * 10n ** BigInt(decimals - scale);
  else q = divHalfUp(value.n, 10n ** BigInt(scale - decimals));
  const result = Number(`${q}e-${decimals}`);
  return result === 0 ? 0 : result;
}

/** A JS number's exact decimal value with `decimals` places, as an integer count of steps (for sums). */
export function toSteps(value: number, decimals: number): bigint {
  const exact = parseExact(value);
  if (exact.scale > decimals) throw new Error(`${value} has more than ${decimals} decimals`);
  return rescale(exact, decimals);
}
