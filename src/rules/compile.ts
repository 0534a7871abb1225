/**
 * Compiles a validated rule set once into a flat plan the scorer walks quickly. Internal.
 * @internal
 * @module
 */
import { type Dec, toDec, ZERO } from '../numeric/decimal.js';
import type { Assessor } from '../scoring/ScoreReport.js';
import type { LeafInfo, Pts } from './kinds/common.js';
import { type CompiledCountTiers, compileCountTiers } from './kinds/countTiers.js';
import { type CompiledDeduction, compileDeduction } from './kinds/deduction.js';
import { type CompiledManual, compileManual } from './kinds/manual.js';
import { type CompiledNormalized, compileNormalized } from './kinds/normalizedToBest.js';
import { type CompiledOptions, compileOptions } from './kinds/options.js';
import { type CompiledPerItem, compilePerItem } from './kinds/perItem.js';
import { type CompiledProportional, compileProportional } from './kinds/proportional.js';
import { type CompiledSurvey, compileSurvey } from './kinds/survey.js';
import { type CompiledTiers, compileTiers } from './kinds/tiers.js';
import { type CompiledYesNo, compileYesNo } from './kinds/yesNo.js';
import type { Rule } from './Rule.js';
import type { RuleNode, RuleSet } from './RuleSet.js';
import { mkPts } from './text.js';

/** A compiled rule, by kind. @internal */
export type CompiledRule =
  | { readonly kind: 'manual'; readonly c: CompiledManual }
  | { readonly kind: 'yes-no'; readonly c: CompiledYesNo }
  | { readonly kind: 'options'; readonly c: CompiledOptions }
  | { readonly kind: 'tiers'; readonly c: CompiledTiers }
  | { readonly kind: 'proportional'; readonly c: CompiledProportional }
  | { readonly kind: 'count-tiers'; readonly c: CompiledCountTiers }
  | { readonly kind: 'per-item'; readonly c: CompiledPerItem }
  | { readonly kind: 'deduction'; readonly c: CompiledDeduction }
  | { readonly kind: 'normalized-to-best'; readonly c: CompiledNormalized }
  | { readonly kind: 'survey'; readonly c: CompiledSurvey };

/** A node of the plan. @internal */
export interface PlanNode {
  readonly index: number;
  readonly id: string;
  readonly name: string | null;
  readonly parent: number;
  readonly children: readonly number[];
  readonly childIds: readonly string[];
  readonly parentId: string | null;
  readonly depth: number;
  readonly section: 'criteria' | 'bonus' | 'deductions';
  readonly assessor: Assessor;
  /** Stages accepted, in order of precedence (later wins). */
  readonly stages: readonly string[];
  readonly max: Dec;
  readonly maxScaled: number;
  readonly maxNum: number;
  readonly whenNoValue: 'not-applicable' | 'zero';
  readonly rule: CompiledRule | null;
  readonly kind: string;
  readonly measure: string | null;
  readonly basis: string | null;
  /** `measure|basis`: the key of the leaf's value among the computed measures. */
  readonly measureKey: string;
}

/** The compiled plan of a rule set. @internal */
export interface Plan {
  readonly ruleSet: RuleSet;
  readonly nodes: readonly PlanNode[];
  readonly byId: ReadonlyMap<string, PlanNode>;
  readonly top: readonly number[];
  readonly bonus: readonly number[];
  readonly deductions: readonly number[];
  readonly leaves: readonly number[];
  readonly scale: number;
  readonly total: Pts;
  readonly totalNum: number;
  readonly bonusCap: Pts | null;
  readonly deductionCap: Pts | null;
  readonly bands: readonly { readonly label: string; readonly minPercent: number }[];
  readonly measures: readonly string[];
  /**
   * When every measure is a `values.<name>` one: each measure key with its name in `data.values`
   * (the scorer then reads them without the measure calculators); otherwise `null`.
   */
  readonly valueMeasures: readonly (readonly [key: string, name: string])[] | null;
}

const MAX_SCALE_DECIMALS = 10;

/**
 * The finest scale used: points are carried as integers × 10^k with k up to this, so that points
 * such as 0.75 × 0.9375 = 0.703125 (a proportional rule on a rate with 4 decimals) stay integers.
 */
const MAX_FINE_DECIMALS = 12;

/**
 * Bound on |points| × scale for every sum the scorer forms (2^44): sums, differences and × 100
 * (percentages) stay exact safe integers, and manual points × scale stay below 2^49 (`scaledOf`).
 */
const FINE_LIMIT = 2 ** 44;

/** An upper bound of any sum of points of the rule set: the total, the caps and every node's maximum. */
function pointsBound(ruleSet: RuleSet): Dec {
  let sum = toDec(ruleSet.total).abs();
  const walk = (n: RuleNode): void => {
    if (n.max !== undefined) sum = sum.plus(toDec(n.max).abs());
    if (n.children) for (const c of n.children) walk(c);
  };
  for (const n of ruleSet.children) walk(n);
  for (const section of [ruleSet.bonus, ruleSet.deductions]) {
    if (section === undefined) continue;
    if (section.cap !== undefined) sum = sum.plus(toDec(section.cap).abs());
    for (const n of section.children) walk(n);
  }
  return sum;
}

/**
 * Decimals of the plan's scale: at least those of the rule set's own points (as before), and as
 * many more (up to {@link MAX_FINE_DECIMALS}) as keep every sum below {@link FINE_LIMIT}. Every
 * quantity the scorer reports is the same whatever the scale (a scaled integer divided once by a
 * power of ten is the correctly rounded value; Decimal points are exact), so a finer scale only
 * lets more points take the integer path.
 */
function scaleDecimals(ruleSet: RuleSet, own: number): number {
  const bound = pointsBound(ruleSet);
  let k = own;
  while (k < MAX_FINE_DECIMALS && bound.times(10 ** (k + 1)).lte(FINE_LIMIT)) k += 1;
  return k;
}

function decimalsOf(value: unknown, acc: { d: number }): void {
  if (typeof value === 'number' || typeof value === 'string') {
    const d = toDec(value).decimalPlaces();
    if (d > acc.d) acc.d = d;
  }
}

const POINT_KEYS = new Set([
  'max',
  'total',
  'cap',
  'points',
  'yes',
  'no',
  'step',
  'pointsPerItem',
  'perOccurrence',
  'deduct',
]);

function scanDecimals(value: unknown, acc: { d: number }): void {
  if (Array.isArray(value)) for (const v of value) scanDecimals(v, acc);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (POINT_KEYS.has(k)) decimalsOf(v, acc);
      else if (k === 'roundPoints' && typeof v === 'number' && v > acc.d) acc.d = v;
      else scanDecimals(v, acc);
    }
  }
}

function compileRule(rule: Rule, leaf: LeafInfo, scale: number): CompiledRule {
  switch (rule.kind) {
    case 'manual':
      return { kind: 'manual', c: compileManual(rule, leaf, scale) };
    case 'yes-no':
      return { kind: 'yes-no', c: compileYesNo(rule, leaf, scale) };
    case 'options':
      return { kind: 'options', c: compileOptions(rule, leaf, scale) };
    case 'tiers':
      return { kind: 'tiers', c: compileTiers(rule, leaf, scale) };
    case 'proportional':
      return { kind: 'proportional', c: compileProportional(rule, leaf, scale) };
    case 'count-tiers':
      return { kind: 'count-tiers', c: compileCountTiers(rule, leaf, scale) };
    case 'per-item':
      return { kind: 'per-item', c: compilePerItem(rule, leaf, scale) };
    case 'deduction':
      return { kind: 'deduction', c: compileDeduction(rule, leaf, scale) };
    case 'normalized-to-best':
      return { kind: 'normalized-to-best', c: compileNormalized(rule, leaf, scale) };
    case 'survey':
      return { kind: 'survey', c: compileSurvey(rule, leaf) };
  }
}

function stagesFor(assessor: Assessor, rounds: number): string[] {
  if (assessor === 'superior') return ['superior'];
  if (assessor === 'survey') return ['survey'];
  const out = ['self'];
  for (let i = 1; i <= rounds; i++) out.push(`appraisal-${i}`);
  return out;
}

/**
 * The scale (10^k) at which a plan carries points as integers. Every maximum, the total and the
 * caps must be whole and safe at it (`validateRuleSet` checks this), since the scorer adds them up
 * as integers; other points that are not are carried as Decimals.
 * @internal
 */
export function planScale(ruleSet: RuleSet): number {
  const acc = { d: 0 };
  scanDecimals(ruleSet, acc);
  return 10 ** scaleDecimals(ruleSet, Math.min(acc.d, MAX_SCALE_DECIMALS));
}

/** Compiles a rule set that `validateRuleSet` accepted. @internal */
export function compilePlan(ruleSet: RuleSet): Plan {
  const scale = planScale(ruleSet);
  const nodes: PlanNode[] = [];
  const measures = new Set<string>();
  const build = (
    node: RuleNode,
    parent: number,
    depth: number,
    section: PlanNode['section'],
    assessor: Assessor | undefined,
    rounds: number,
  ): { index: number; max: Dec } => {
    const own = node.assessor ?? assessor ?? 'self';
    const r = node.appraisalRounds ?? rounds;
    const index = nodes.length;
    // Reserve the slot so that the array is in pre-order.
    nodes.push(undefined as unknown as PlanNode);
    const children: number[] = [];
    let max: Dec;
    let rule: CompiledRule | null = null;
    if (node.children) {
      let sum = ZERO;
      for (const child of node.children) {
        const built = build(child, index, depth + 1, section, own, r);
        children.push(built.index);
        sum = sum.plus(built.max);
      }
      max = node.max === undefined ? sum : toDec(node.max);
    } else {
      max = toDec(node.max ?? 0);
    }
    const display: 'percent' | 'number' =
      node.rule && 'display' in node.rule && node.rule.display
        ? node.rule.display
        : node.rule && 'measure' in node.rule && node.rule.measure && !node.rule.measure.startsWith('values.')
          ? 'percent'
          : 'number';
    const leaf: LeafInfo = { max, maxScaled: mkPts(max, scale).scaled, display };
    if (!node.children && node.rule) rule = compileRule(node.rule, leaf, scale);
    const measure = node.rule && 'measure' in node.rule ? (node.rule.measure ?? null) : null;
    if (measure)
      measures.add(
        `${measure}|${('basis' in (node.rule ?? {}) && (node.rule as { basis?: string }).basis) || ''}`,
      );
    const maxPts = mkPts(max, scale);
    nodes[index] = {
      index,
      id: node.id,
      name: node.name ?? null,
      parent,
      children,
      childIds: [],
      parentId: null,
      depth,
      section,
      assessor: own,
      stages: stagesFor(own, r),
      max,
      maxScaled: maxPts.scaled ?? Number.NaN,
      maxNum: max.toNumber(),
      whenNoValue: node.whenNoValue ?? 'not-applicable',
      rule,
      kind: rule ? rule.kind : 'group',
      measure,
      basis: node.rule && 'basis' in node.rule ? (node.rule.basis ?? null) : null,
      measureKey: '',
    };
    return { index, max };
  };
  const rounds = ruleSet.appraisalRounds ?? 1;
  const top = ruleSet.children.map((n) => build(n, -1, 1, 'criteria', ruleSet.assessor, rounds).index);
  const bonus = (ruleSet.bonus?.children ?? []).map(
    (n) => build(n, -1, 1, 'bonus', ruleSet.assessor, rounds).index,
  );
  const deductions = (ruleSet.deductions?.children ?? []).map(
    (n) => build(n, -1, 1, 'deductions', ruleSet.assessor, rounds).index,
  );
  // Fill in ids of parents and children.
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    nodes[i] = {
      ...n,
      // Frozen: every report node of this plan node shares the list.
      childIds: Object.freeze(n.children.map((c) => nodes[c]!.id)),
      parentId: n.parent < 0 ? null : nodes[n.parent]!.id,
      measureKey: `${n.measure}|${n.basis ?? ''}`,
    };
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const total = toDec(ruleSet.total);
  return {
    ruleSet,
    nodes,
    byId,
    top,
    bonus,
    deductions,
    leaves: nodes.filter((n) => n.rule !== null).map((n) => n.index),
    scale,
    total: mkPts(total, scale),
    totalNum: total.toNumber(),
    bonusCap: ruleSet.bonus?.cap === undefined ? null : mkPts(toDec(ruleSet.bonus.cap), scale),
    deductionCap: ruleSet.deductions?.cap === undefined ? null : mkPts(toDec(ruleSet.deductions.cap), scale),
    bands: [...(ruleSet.bands ?? [])].sort((a, b) => b.minPercent - a.minPercent),
    measures: [...measures],
    valueMeasures: [...measures].every((k) => k.startsWith('values.'))
      ? [...measures].map((k) => [k, k.split('|')[0]!.slice(7)] as const)
      : null,
  };
}
