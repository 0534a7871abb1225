import { z } from 'zod';
import { noun } from '../../format/internal.js';
import { Dec, toDec as toDecImport, ZERO as ZEROImport } from '../../numeric/decimal.js';
import type { Explanation, NextStep } from '../../scoring/ScoreReport.js';
import {
  fmt,
  fmtExactPoints,
  fmtPoints,
  type Locale,
  mkNext as mkNextImport,
  mkPts as mkPtsImport,
  ofMax,
  pointsWord,
} from '../text.js';
import {
  checkPointsWithinMax,
  type Env,
  KeySchema,
  type LeafInfo,
  measureFields,
  noNegZero as noNegZeroImport,
  type Outcome,
  obj,
  type Path,
  PointsSchema,
  type Pts,
  type Push,
} from './common.js';
import { checkCountValue as checkCountValueImport } from './countTiers.js';

// Hot imports bound once (a CommonJS transform reads each imported binding through a getter).
const toDec = toDecImport;
const ZERO = ZEROImport;
const mkPts = mkPtsImport;
const mkNext = mkNextImport;
const noNegZero = noNegZeroImport;
const checkCountValue = checkCountValueImport;

/**
 * A per-item rule: points per item up to a cap ("mỗi ứng dụng 1 điểm, tổng không quá 5 điểm"), or
 * named items each worth its own points ("Có Trung tâm dữ liệu: 35 điểm … tối đa 60"). The cap
 * defaults to the node's maximum. The value is a count (with `pointsPerItem`) or a list of item ids
 * (with `items`).
 *
 * @remarks
 * Source: IT-application index, par-index.md §5 (M).
 * @example
 * ```ts
 * import { PerItemRuleSchema } from 'cchc-index';
 * PerItemRuleSchema.parse({ kind: 'per-item', pointsPerItem: 1, cap: 5 }).cap;
 * // => 5
 * ```
 * @category Rules
 */
export const PerItemRuleSchema = z.strictObject({
  kind: z.literal('per-item'),
  ...measureFields,
  pointsPerItem: PointsSchema.optional(),
  items: z
    .array(z.strictObject({ id: KeySchema, label: z.string().optional(), points: PointsSchema }))
    .min(1)
    .optional(),
  cap: PointsSchema.optional(),
});

/**
 * A per-item rule, see {@link PerItemRuleSchema}.
 * @category Rules
 */
export type PerItemRule = z.output<typeof PerItemRuleSchema>;

/** @internal */
export interface CompiledPerItem {
  readonly per: Dec | null;
  readonly items: ReadonlyMap<string, { readonly points: Dec; readonly label: string | null }> | null;
  readonly cap: Dec;
  readonly capPts: Pts;
  readonly max: Dec;
  /** Points per item and the cap × scale, for the integer path (`null` when not whole). */
  readonly perScaled: number | null;
  readonly capScaled: number | null;
}

/** @internal */
export function compilePerItem(rule: PerItemRule, leaf: LeafInfo, scale: number): CompiledPerItem {
  const cap = rule.cap === undefined ? leaf.max : Dec.min(toDec(rule.cap), leaf.max);
  const per = rule.pointsPerItem === undefined ? null : toDec(rule.pointsPerItem);
  const capPts = mkPts(cap, scale);
  return {
    per,
    items: rule.items
      ? new Map(rule.items.map((i) => [i.id, { points: toDec(i.points), label: i.label ?? null }]))
      : null,
    cap,
    capPts,
    max: leaf.max,
    perScaled: per === null ? null : mkPts(per, scale).scaled,
    capScaled: capPts.scaled,
  };
}

/** @internal */
export function checkPerItemRule(
  rule: Record<string, unknown>,
  max: Dec | null,
  path: Path,
  push: Push,
): void {
  if ((rule.pointsPerItem === undefined) === (rule.items === undefined))
    push(
      path,
      'expected exactly one of "pointsPerItem" (the value is a count) or "items" (the value lists item ids).',
    );
  checkPointsWithinMax(rule.cap, max, [...path, 'cap'], push, 'the cap');
  if (Array.isArray(rule.items)) {
    const seen = new Set<string>();
    rule.items.forEach((raw, i) => {
      const it = obj(raw);
      if (it === null || typeof it.id !== 'string') return;
      if (seen.has(it.id)) push([...path, 'items', i, 'id'], `duplicate item id "${it.id}".`);
      seen.add(it.id);
    });
  }
}

/** @internal */
export function checkPerItemValue(value: unknown, c: CompiledPerItem): string | null {
  if (c.items === null) return checkCountValue(value);
  if (!Array.isArray(value)) return 'expected a list of item ids.';
  const seen = new Set<string>();
  for (const v of value) {
    if (typeof v !== 'string' || !c.items.has(v))
      return `expected item ids among ${[...c.items.keys()].map((k) => `"${k}"`).join(', ')}, received ${JSON.stringify(v)}.`;
    if (seen.has(v)) return `item "${v}" is listed twice.`;
    seen.add(v);
  }
  return null;
}

/** @internal */
export function evaluatePerItem(
  c: CompiledPerItem,
  value: number | string | readonly string[],
  env: Env,
): Outcome {
  if (!Array.isArray(value) && c.perScaled !== null && c.capScaled !== null) {
    // The integer path: a count times whole scaled points, compared with the whole scaled cap.
    const n = noNegZero(Number(value));
    const raw = c.perScaled * n;
    if (Number.isSafeInteger(raw)) {
      const capped = raw > c.capScaled;
      const points: Pts = capped ? c.capPts : { scaled: raw, dec: null };
      let next: NextStep | undefined;
      if (!capped && c.perScaled > 0 && raw < c.capScaled) {
        const more = Math.min(c.perScaled * (n + 1), c.capScaled);
        next = mkNext(n + 1, 'at-least', { scaled: more, dec: null }, points, 'number', env);
      }
      const reason = capped ? 'CAPPED' : 'PER_ITEM';
      if (!env.explain) return { points, status: 'scored', reason, measured: n, next };
      return {
        points,
        status: 'scored',
        reason,
        measured: n,
        next,
        explanation: explainPerItem(c, value, n, c.per!.times(n), capped, points, env),
      };
    }
  }
  let raw: Dec;
  let n: number;
  let measured: number | readonly string[];
  if (Array.isArray(value)) {
    raw = ZERO;
    for (const id of value as readonly string[]) raw = raw.plus(c.items!.get(id)!.points);
    n = value.length;
    measured = [...(value as readonly string[])];
  } else {
    n = noNegZero(Number(value));
    raw = c.per!.times(n);
    measured = n;
  }
  const capped = raw.gt(c.cap);
  const points = capped ? c.capPts : mkPts(raw, env.scale);
  let next: NextStep | undefined;
  if (!capped && c.per !== null && c.per.gt(0) && raw.lt(c.cap)) {
    const more = Dec.min(c.per.times(n + 1), c.cap);
    next = mkNext(n + 1, 'at-least', mkPts(more, env.scale), points, 'number', env);
  }
  const reason = capped ? 'CAPPED' : 'PER_ITEM';
  if (!env.explain) return { points, status: 'scored', reason, measured, next };
  return {
    points,
    status: 'scored',
    reason,
    measured,
    next,
    explanation: explainPerItem(c, value, n, raw, capped, points, env),
  };
}

function explainPerItem(
  c: CompiledPerItem,
  value: number | string | readonly string[],
  n: number,
  raw: Dec,
  capped: boolean,
  points: Pts,
  env: Env,
): Explanation {
  const capText = (l: Locale) =>
    capped
      ? l === 'vi'
        ? `, tối đa ${fmtPoints(c.cap, env, l)}`
        : `, capped at ${fmtPoints(c.cap, env, l)}`
      : '';
  if (c.per !== null) {
    const per = c.per;
    const count = (l: Locale) => fmt(n, 0, l, true);
    const each = (l: Locale) => fmtExactPoints(per, l);
    return {
      vi: `${count('vi')} mục × ${each('vi')} điểm = ${fmtPoints(raw, env, 'vi')}${capText('vi')}: ${ofMax(points, c.max, env, 'vi')}`,
      en: `${count('en')} ${noun(count('en'), 'item', 'items')} × ${each('en')} ${pointsWord(each('en'), 'en')} = ${fmtPoints(raw, env, 'en')}${capText('en')}: ${ofMax(points, c.max, env, 'en')}`,
    };
  }
  return {
    vi: `${n === 0 ? 'Không có mục nào' : `Các mục: ${(value as readonly string[]).map((id) => c.items!.get(id)!.label ?? id).join('; ')}`}${capText('vi')}: ${ofMax(points, c.max, env, 'vi')}`,
    en: `${n === 0 ? 'No items' : `Items: ${(value as readonly string[]).map((id) => c.items!.get(id)!.label ?? id).join('; ')}`}${capText('en')}: ${ofMax(points, c.max, env, 'en')}`,
  };
}
