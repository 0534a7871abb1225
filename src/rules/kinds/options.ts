import { z } from 'zod';
import { type Dec, toDec as toDecImport } from '../../numeric/decimal.js';
import { mkPts as mkPtsImport, ofMax } from '../text.js';
import {
  checkPointsWithinMax,
  decOrNull as decOrNullImport,
  type Env,
  KeySchema,
  type LeafInfo,
  type Outcome,
  obj,
  type Path,
  PointsSchema,
  type Pts,
  type Push,
} from './common.js';

// Hot imports bound once (a CommonJS transform reads each imported binding through a getter).
const toDec = toDecImport;
const mkPts = mkPtsImport;
const decOrNull = decOrNullImport;

/**
 * A named-options rule: "Ban hành kịp thời: 1; Ban hành không kịp thời: 0,5; Không ban hành: 0".
 * Each option gives `points`, or `percentOfMax` of the node's maximum ("Hoàn thành tốt: 75 % điểm").
 *
 * @remarks
 * Sources: Cà Mau 1880/QĐ-UBND (2013) 1.1.1, par-index.md §5 (H); graded qualitative options from
 * `linhnv87/ChamDiemCCHC` (L, mock data).
 * @example
 * ```ts
 * import { OptionsRuleSchema } from 'cchc-index';
 * OptionsRuleSchema.parse({ kind: 'options', options: [{ id: 'kip-thoi', points: 1 }] }).options.length;
 * // => 1
 * ```
 * @category Rules
 */
export const OptionsRuleSchema = z.strictObject({
  kind: z.literal('options'),
  options: z
    .array(
      z.strictObject({
        id: KeySchema,
        label: z.string().optional(),
        points: PointsSchema.optional(),
        percentOfMax: PointsSchema.optional(),
      }),
    )
    .min(1),
});

/**
 * A named-options rule, see {@link OptionsRuleSchema}.
 * @category Rules
 */
export type OptionsRule = z.output<typeof OptionsRuleSchema>;

/** @internal */
export interface CompiledOptions {
  readonly byId: ReadonlyMap<string, { readonly points: Pts; readonly label: string | null }>;
  readonly max: Dec;
}

/** @internal */
export function compileOptions(rule: OptionsRule, leaf: LeafInfo, scale: number): CompiledOptions {
  const byId = new Map<string, { points: Pts; label: string | null }>();
  for (const o of rule.options) {
    const points =
      // validateRuleSet ensures exactly one of `points` and `percentOfMax`.
      o.points !== undefined ? toDec(o.points) : leaf.max.times(toDec(o.percentOfMax!)).div(100);
    byId.set(o.id, { points: mkPts(points, scale), label: o.label ?? null });
  }
  return { byId, max: leaf.max };
}

/** @internal */
export function checkOptionsRule(
  rule: Record<string, unknown>,
  max: Dec | null,
  path: Path,
  push: Push,
): void {
  if (!Array.isArray(rule.options)) return;
  const seen = new Set<string>();
  rule.options.forEach((raw, i) => {
    const o = obj(raw);
    if (o === null) return;
    const p = [...path, 'options', i];
    if (typeof o.id === 'string') {
      if (seen.has(o.id)) push([...p, 'id'], `duplicate option id "${o.id}".`);
      seen.add(o.id);
    }
    const hasPoints = o.points !== undefined;
    const hasPct = o.percentOfMax !== undefined;
    if (hasPoints === hasPct) push(p, 'expected exactly one of "points" or "percentOfMax".');
    checkPointsWithinMax(
      o.points,
      max,
      [...p, 'points'],
      push,
      typeof o.id === 'string' ? `option "${o.id}"` : `option ${i + 1}`,
    );
    const pct = decOrNull(o.percentOfMax);
    if (pct?.gt(100))
      push([...p, 'percentOfMax'], `expected a percentage from 0 to 100, received ${pct.toString()}.`);
  });
}

/** @internal */
export function checkOptionsValue(value: unknown, c: CompiledOptions): string | null {
  if (typeof value === 'string' && c.byId.has(value)) return null;
  return `expected one of the option ids ${[...c.byId.keys()].map((k) => `"${k}"`).join(', ')}, received ${typeof value === 'string' ? `"${value}"` : typeof value}.`;
}

/** @internal */
export function evaluateOptions(c: CompiledOptions, value: string, env: Env): Outcome {
  const o = c.byId.get(value)!;
  const out: Outcome = { points: o.points, status: 'scored', reason: 'OPTION_CHOSEN', measured: value };
  if (!env.explain) return out;
  const name = o.label ?? value;
  return {
    ...out,
    explanation: {
      vi: `${name}: ${ofMax(o.points, c.max, env, 'vi')}`,
      en: `Option “${name}”: ${ofMax(o.points, c.max, env, 'en')}`,
    },
  };
}
