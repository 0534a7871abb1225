import { z } from 'zod';
import { type Dec, JS_DECIMAL, toDec } from '../../numeric/decimal.js';
import { NonNegativeDecimalSchema } from '../../numeric/schemas.js';
import type { Explanation, MeasuredValue, NextStep, ScoreReason } from '../../scoring/ScoreReport.js';

/** Points (≥ 0) as a number or JS-notation string. @internal */
export const PointsSchema = NonNegativeDecimalSchema;

/** An id of an option, grade or item: non-empty text. @internal */
export const KeySchema = z.string().min(1, { error: 'expected a non-empty id.' });

/** How the value of a numeric rule is shown in explanations. @internal */
export const DisplaySchema = z.enum(['percent', 'number']);

/** Timeliness bases of `dossiers.*` measures (see DOMAIN.md). @internal */
export const BasisSchema = z.enum(['resolved', 'due', 'toProcess', 'portal766']);

/** The fields a rule that reads a measured value may carry. @internal */
export const measureFields = {
  /**
   * Where the value comes from: a measure name such as `plan.completionRate`, or `values.<name>`.
   * Without it the value is entered in the assessment.
   */
  measure: z.string().min(1).optional(),
  /** The timeliness basis of a `dossiers.*` measure. */
  basis: BasisSchema.optional(),
  /** Show the value as a percentage of a ratio (`'percent'`) or as a plain number. */
  display: DisplaySchema.optional(),
};

/** Decimal places for a rule that says its points are rounded (half-up). @internal */
export const RoundPointsSchema = z.number().int().min(0).max(9);

/** Points as the engine carries them: a scaled integer when exact at the rule-set scale, else a Decimal. @internal */
export interface Pts {
  /** Points × scale, an integer, or `null` when not representable (then `dec` holds them). */
  readonly scaled: number | null;
  /** Exact points when `scaled` is `null`. */
  readonly dec: Dec | null;
}

/** The outcome of a rule evaluator. @internal */
export interface Outcome {
  readonly points: Pts | null;
  readonly status: 'scored' | 'pending' | 'not-applicable';
  readonly reason: ScoreReason;
  readonly measured: MeasuredValue;
  readonly explanation?: Explanation;
  readonly next?: NextStep;
}

/** Formatting and scale shared by the evaluators of one rule set. @internal */
export interface Env {
  /** 10^d: points are carried as integers × scale where exact. */
  readonly scale: number;
  /** Decimal places shown for points. */
  readonly pointDecimals: number;
  /** Decimal places shown for percentages. */
  readonly percentDecimals: number;
  /** Whether to build explanation sentences. */
  readonly explain: boolean;
}

/** A compiled leaf: its max and how to show its value. @internal */
export interface LeafInfo {
  readonly max: Dec;
  readonly maxScaled: number | null;
  readonly display: 'percent' | 'number';
}

/** Issue sink used by the rule checks of `validateRuleSet`. @internal */
export type Push = (path: readonly (string | number)[], message: string) => void;

/** A leaf's compiled rule plus what every evaluator needs. @internal */
export interface Compiled<R> {
  readonly rule: R;
  readonly leaf: LeafInfo;
}

/**
 * `n`, with `-0` made `0`: an entered `-0` is the number 0 (as `"-0"` is the decimal 0), and a
 * report never shows `-0` (`Object.is` and JSON consumers can tell them apart). @internal
 */
export function noNegZero(n: number): number {
  return n === 0 ? 0 : n;
}

/** Whether a Decimal is below zero (`-0` is not: it is zero). @internal */
export function belowZero(d: Dec): boolean {
  return d.isNegative() && !d.isZero();
}

/** A valid decimal input (finite number or JS-notation string) as a Decimal, else `null`. @internal */
export function decOrNull(value: unknown): Dec | null {
  if (typeof value === 'number') return Number.isFinite(value) ? toDec(value) : null;
  if (typeof value === 'string' && JS_DECIMAL.test(value.trim())) {
    const d = toDec(value.trim());
    return d.isFinite() ? d : null;
  }
  return null;
}

/** A plain object (not an array, not null), else `null`. @internal */
export function obj(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** An issue path. @internal */
export type Path = readonly (string | number)[];

/** Pushes an issue when `points` (raw) exceeds `max`. @internal */
export function checkPointsWithinMax(
  points: unknown,
  max: Dec | null,
  path: Path,
  push: Push,
  what: string,
): void {
  const p = decOrNull(points);
  if (p !== null && max !== null && p.gt(max))
    push(path, `${what} gives ${p.toString()} points, more than the node's maximum ${max.toString()}.`);
}
