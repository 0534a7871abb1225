import { z } from 'zod';
import { describeValue } from '../errors/fromZod.js';
import { JS_DECIMAL } from './decimal.js';

function checkFinite(
  value: number | string,
  ctx: z.core.$RefinementCtx<number | string>,
): number | string | undefined {
  // z.number() in the union before this already rejects NaN and ±Infinity: a number here is finite.
  if (typeof value === 'number') return value;
  const text = value.trim();
  if (!JS_DECIMAL.test(text)) {
    ctx.addIssue({
      code: 'custom',
      message: `expected a number or a numeric string in JS notation such as "91.5", received ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}; use parseNumber for Vietnamese notation like "91,5".`,
      input: value,
    });
    return undefined;
  }
  const n = Number(text);
  if (!Number.isFinite(n)) {
    ctx.addIssue({
      code: 'custom',
      message: `expected a number within the range of a double, received "${value}".`,
      input: value,
    });
    return undefined;
  }
  return text;
}

/**
 * A decimal quantity: a finite number, or a numeric string in JS notation (`"91.5"`, `"1e3"`).
 * NaN, ±Infinity and any other text are rejected. The output keeps the value as given (a string
 * keeps all its digits), so calculators convert it to an exact decimal themselves.
 *
 * @example
 * ```ts
 * import { DecimalInputSchema } from 'cchc-index';
 * DecimalInputSchema.parse('91.5');
 * // => '91.5'
 * DecimalInputSchema.safeParse('91,5').success;
 * // => false
 * ```
 * @category Models
 */
export const DecimalInputSchema = z
  .union([z.number(), z.string()], {
    error: (iss) =>
      `expected a finite number or a numeric string such as "91.5", received ${describeValue(iss.input)}.`,
  })
  .transform((value, ctx) => {
    const checked = checkFinite(value, ctx);
    return checked === undefined ? z.NEVER : checked;
  });

/**
 * A decimal quantity as accepted on input: `number | string`.
 * @category Models
 */
export type DecimalInput = z.input<typeof DecimalInputSchema>;

/**
 * A non-negative decimal quantity (days, hours, points): like {@link DecimalInputSchema}, and ≥ 0.
 *
 * @example
 * ```ts
 * import { NonNegativeDecimalSchema } from 'cchc-index';
 * NonNegativeDecimalSchema.safeParse(-0.5).success;
 * // => false
 * ```
 * @category Models
 */
export const NonNegativeDecimalSchema = DecimalInputSchema.refine((value) => Number(value) >= 0, {
  error: (iss) => `expected a number ≥ 0, received ${String(iss.input)}.`,
  abort: true,
});

/**
 * A count of things (dossiers, tasks, procedures): a non-negative whole number within
 * `Number.MAX_SAFE_INTEGER`, given as a number or a digit string (`"8673"`). The output is a
 * `number`. Negative, fractional, NaN, infinite and non-numeric values are rejected.
 *
 * @example
 * ```ts
 * import { CountSchema } from 'cchc-index';
 * CountSchema.parse('8673');
 * // => 8673
 * CountSchema.safeParse(2.5).success;
 * // => false
 * ```
 * @category Models
 */
export const CountSchema = z
  .union([z.number(), z.string()], {
    error: (iss) => `expected a whole number ≥ 0 (a count), received ${describeValue(iss.input)}.`,
  })
  .transform((value, ctx) => {
    const checked = checkFinite(value, ctx);
    if (checked === undefined) return z.NEVER;
    const n = Number(checked);
    if (!Number.isInteger(n) || n < 0 || !Number.isSafeInteger(n)) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a whole number ≥ 0 (a count), received ${typeof value === 'string' ? JSON.stringify(value) : value}.`,
        input: value,
      });
      return z.NEVER;
    }
    return n === 0 ? 0 : n;
  });

/**
 * A count as accepted on input: `number | string`.
 * @category Models
 */
export type CountInput = z.input<typeof CountSchema>;

/**
 * Number of decimal places for rounding at the edge: a whole number from 0 to 20.
 * @internal
 */
export const DecimalsSchema = z
  .number()
  .int({ error: 'expected a whole number of decimal places.' })
  .min(0, { error: 'expected at least 0 decimal places.' })
  .max(20, { error: 'expected at most 20 decimal places.' });
