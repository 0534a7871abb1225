import { z } from 'zod';

import { type Dec, toDec as toDecImport, ZERO as ZEROImport } from '../../numeric/decimal.js';
import { mkPts as mkPtsImport, ofMax } from '../text.js';
import {
  checkPointsWithinMax,
  type Env,
  type LeafInfo,
  type Outcome,
  type Path,
  PointsSchema,
  type Pts,
  type Push,
} from './common.js';

// Hot imports bound once (a CommonJS transform reads each imported binding through a getter).
const toDec = toDecImport;
const ZERO = ZEROImport;
const mkPts = mkPtsImport;

/**
 * A yes/no rule: "Đạt yêu cầu: 1 / Không đạt yêu cầu: 0".
 *
 * @remarks
 * Source: Cà Mau 1880/QĐ-UBND (2013), par-index.md §5 (H). `yes` defaults to the node's maximum,
 * `no` to 0.
 * @example
 * ```ts
 * import { YesNoRuleSchema } from 'cchc-index';
 * YesNoRuleSchema.parse({ kind: 'yes-no', yesLabel: 'Đạt yêu cầu' }).kind;
 * // => 'yes-no'
 * ```
 * @category Rules
 */
export const YesNoRuleSchema = z.strictObject({
  kind: z.literal('yes-no'),
  /** Points for "yes" (default: the node's maximum). */
  yes: PointsSchema.optional(),
  /** Points for "no" (default 0). */
  no: PointsSchema.optional(),
  /** Wording of "yes" in explanations, e.g. "Đạt yêu cầu". */
  yesLabel: z.string().optional(),
  /** Wording of "no" in explanations, e.g. "Không đạt yêu cầu". */
  noLabel: z.string().optional(),
});

/**
 * A yes/no rule, see {@link YesNoRuleSchema}.
 * @category Rules
 */
export type YesNoRule = z.output<typeof YesNoRuleSchema>;

/** @internal */
export interface CompiledYesNo {
  readonly yes: Pts;
  readonly no: Pts;
  readonly max: Dec;
  readonly yesLabel: string | null;
  readonly noLabel: string | null;
}

/** @internal */
export function compileYesNo(rule: YesNoRule, leaf: LeafInfo, scale: number): CompiledYesNo {
  return {
    yes: mkPts(rule.yes === undefined ? leaf.max : toDec(rule.yes), scale),
    no: mkPts(rule.no === undefined ? ZERO : toDec(rule.no), scale),
    max: leaf.max,
    yesLabel: rule.yesLabel ?? null,
    noLabel: rule.noLabel ?? null,
  };
}

/** @internal */
export function checkYesNoRule(rule: Record<string, unknown>, max: Dec | null, path: Path, push: Push): void {
  checkPointsWithinMax(rule.yes, max, [...path, 'yes'], push, '"yes"');
  checkPointsWithinMax(rule.no, max, [...path, 'no'], push, '"no"');
}

/** @internal */
export function checkYesNoValue(value: unknown): string | null {
  return typeof value === 'boolean' ? null : 'expected true (yes) or false (no).';
}

/** @internal */
export function evaluateYesNo(c: CompiledYesNo, value: boolean, env: Env): Outcome {
  const points = value ? c.yes : c.no;
  const out: Outcome = { points, status: 'scored', reason: value ? 'YES' : 'NO', measured: value };
  if (!env.explain) return out;
  const label = value ? c.yesLabel : c.noLabel;
  const vi = `${label ?? (value ? 'Có' : 'Không')}: ${ofMax(points, c.max, env, 'vi')}`;
  const en = `${value ? 'Yes' : 'No'}${label ? ` (“${label}”)` : ''}: ${ofMax(points, c.max, env, 'en')}`;
  return { ...out, explanation: { vi, en } };
}
