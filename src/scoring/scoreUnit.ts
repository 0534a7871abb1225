import { z } from 'zod';
import { CchcError, type CchcIssue } from '../errors/CchcError.js';
import { issueFromZod, parseWith, safeParse } from '../errors/fromZod.js';
import { type Dec, roundHalfUp, toDec, toNum } from '../numeric/decimal.js';
import { DecimalInputSchema } from '../numeric/schemas.js';
import type { Plan, PlanNode } from '../rules/compile.js';
import { planOf } from '../rules/defineRuleSet.js';
import type { Env, Outcome, Pts } from '../rules/kinds/common.js';
import { decOrNull } from '../rules/kinds/common.js';
import { checkCountValue, evaluateCountTiers } from '../rules/kinds/countTiers.js';
import { checkDeductionValue, evaluateDeduction } from '../rules/kinds/deduction.js';
import { checkManualValue, evaluateManual } from '../rules/kinds/manual.js';
import { evaluateNormalized } from '../rules/kinds/normalizedToBest.js';
import { checkOptionsValue, evaluateOptions } from '../rules/kinds/options.js';
import { checkPerItemValue, evaluatePerItem } from '../rules/kinds/perItem.js';
import { evaluateProportional } from '../rules/kinds/proportional.js';
import { checkSurveyValue, evaluateSurvey, type SurveyValue } from '../rules/kinds/survey.js';
import { evaluateTiers } from '../rules/kinds/tiers.js';
import { checkYesNoValue, evaluateYesNo } from '../rules/kinds/yesNo.js';
import { computeMeasures, type MeasureValues } from '../rules/measures.js';
import type { RuleSet, RuleSetInput } from '../rules/RuleSet.js';
import { ptsCmp, ptsDec, ptsNum, ZERO_PTS } from '../rules/text.js';
import { type Assessment, type AssessmentInput, AssessmentSchema, type StageEntry } from './Assessment.js';
import type {
  AdjustmentPart,
  Assessor,
  AssessorPart,
  LostPoints,
  NodeScore,
  NodeStatus,
  ScoreReport,
  ScoreSource,
} from './ScoreReport.js';

/**
 * Options of {@link scoreUnit}.
 * @category Scoring
 */
export interface ScoreUnitOptions {
  /**
   * The cohort context for `normalized-to-best` leaves: the best value of each such leaf among
   * the units scored together (computed by `scoreCohort`). Without it those leaves are pending
   * (`NEEDS_COHORT`).
   */
  cohort?: { best: Record<string, number | string | null> };
  /** Build the Vietnamese and English sentences (default `true`); `false` for bulk scoring. */
  explanations?: boolean;
}

const ScoreUnitOptionsSchema = z
  .strictObject({
    cohort: z.strictObject({ best: z.record(z.string(), DecimalInputSchema.nullable()) }).optional(),
    explanations: z.boolean().optional(),
  })
  .optional();

function checkValue(node: PlanNode, value: unknown): string | null {
  const r = node.rule!;
  switch (r.kind) {
    case 'manual':
      return checkManualValue(value, r.c);
    case 'yes-no':
      return checkYesNoValue(value);
    case 'options':
      return checkOptionsValue(value, r.c);
    case 'tiers':
    case 'proportional':
    case 'normalized-to-best':
      return value === null ||
        (typeof value === 'number' && Number.isFinite(value)) ||
        decOrNull(value) !== null
        ? null
        : 'expected a number (rates as ratios, e.g. 0.975) or a JS-notation numeric string, or null when nothing arose.';
    case 'count-tiers':
      return value === null ? null : checkCountValue(value);
    case 'per-item':
      return value === null ? null : checkPerItemValue(value, r.c);
    case 'deduction':
      return checkDeductionValue(value, r.c);
    case 'survey':
      return checkSurveyValue(value, r.c);
  }
}

// The fast reader: a hand-written check that accepts only what AssessmentSchema accepts (and whose
// output the engine reads the same way), so bulk scoring does not pay for zod on every unit.
// Anything unusual (numeric strings that the schema trims, survey values, symbol or inherited keys,
// non-plain objects) returns null and goes through the schema, so error issues are always zod's.

const STAGE_NAMES: ReadonlySet<string> = new Set([
  'self',
  'superior',
  'survey',
  'appraisal-1',
  'appraisal-2',
  'appraisal-3',
  'appraisal-4',
  'appraisal-5',
  'appraisal-6',
  'appraisal-7',
  'appraisal-8',
  'appraisal-9',
]);

const LEVELS: ReadonlySet<string> = new Set(['bo', 'tinh', 'so', 'huyen', 'xa', 'phong']);

/** A plain data object: `{}` literal or JSON.parse output, without symbol keys. */
function plain(v: unknown): v is Record<string, unknown> {
  return (
    v !== null &&
    typeof v === 'object' &&
    Object.getPrototypeOf(v) === Object.prototype &&
    Object.getOwnPropertySymbols(v).length === 0
  );
}

function optString(v: unknown): boolean {
  return v === undefined || typeof v === 'string';
}

function optBool(v: unknown): boolean {
  return v === undefined || typeof v === 'boolean';
}

function stringArray(v: unknown): boolean {
  if (!Array.isArray(v) || Object.getPrototypeOf(v) !== Array.prototype) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
  return true;
}

function fastEntry(e: unknown): boolean {
  if (!plain(e)) return false;
  for (const k in e) {
    switch (k) {
      case 'value':
      case 'notApplicable':
      case 'note':
      case 'evidence':
      case 'explanationRequested':
      case 'explanation':
        break;
      default:
        return false;
    }
  }
  const v = e.value;
  if (
    v !== undefined &&
    v !== null &&
    typeof v !== 'string' &&
    typeof v !== 'boolean' &&
    !(typeof v === 'number' && Number.isFinite(v)) &&
    !stringArray(v)
  )
    return false;
  return (
    optBool(e.notApplicable) &&
    optString(e.note) &&
    optString(e.explanation) &&
    optBool(e.explanationRequested) &&
    (e.evidence === undefined || stringArray(e.evidence))
  );
}

function fastEntries(entries: unknown): boolean {
  if (!plain(entries)) return false;
  for (const id in entries) {
    if (id === '__proto__' || !Object.hasOwn(entries, id)) return false;
    const stages = entries[id];
    if (!plain(stages)) return false;
    for (const stage in stages) {
      if (!STAGE_NAMES.has(stage) || !Object.hasOwn(stages, stage)) return false;
      if (!fastEntry(stages[stage])) return false;
    }
  }
  return true;
}

function fastData(data: unknown): boolean {
  if (data === undefined) return true;
  if (!plain(data)) return false;
  for (const k in data) {
    if (k !== 'dossiers' && k !== 'plan' && k !== 'procedures' && k !== 'values') return false;
  }
  const values = data.values;
  if (values === undefined) return true;
  if (!plain(values)) return false;
  for (const k in values) {
    if (k === '__proto__' || !Object.hasOwn(values, k)) return false;
    const v = values[k];
    // Numeric strings are trimmed by the schema: leave them to it.
    if (v !== null && !(typeof v === 'number' && Number.isFinite(v))) return false;
  }
  return true;
}

/** The assessment as the schema would output it, or `null` when the fast check is not sure. */
function readAssessmentFast(input: unknown): Assessment | null {
  if (!plain(input)) return null;
  for (const k in input) {
    switch (k) {
      case 'unit':
      case 'period':
      case 'ruleSet':
      case 'data':
      case 'entries':
        break;
      default:
        return null;
    }
  }
  const unit = input.unit;
  if (!plain(unit)) return null;
  for (const k in unit) if (k !== 'id' && k !== 'name' && k !== 'level') return null;
  if (typeof unit.id !== 'string' || unit.id.length === 0 || !optString(unit.name)) return null;
  if (unit.level !== undefined && !(typeof unit.level === 'string' && LEVELS.has(unit.level))) return null;
  if (typeof input.period !== 'string' || input.period.length === 0) return null;
  const rs = input.ruleSet;
  if (rs !== undefined) {
    if (!plain(rs)) return null;
    for (const k in rs) if (k !== 'id' && k !== 'version') return null;
    if (typeof rs.id !== 'string' || typeof rs.version !== 'string') return null;
  }
  if (!fastData(input.data)) return null;
  const entries = input.entries === undefined ? {} : input.entries;
  if (!fastEntries(entries)) return null;
  const out: Record<string, unknown> = { unit, period: input.period };
  if (rs !== undefined) out.ruleSet = rs;
  if (input.data !== undefined) out.data = input.data;
  out.entries = entries;
  return out as Assessment;
}

/**
 * Validates an assessment against a compiled rule set, collecting every issue. Internal: the
 * engine (scoreUnit, scoreCohort) calls it once per assessment.
 * @internal
 */
export function prepareAssessment(
  plan: Plan,
  input: unknown,
): { assessment: Assessment; measures: MeasureValues } {
  let a = readAssessmentFast(input);
  if (a === null) {
    const parsed = safeParse(AssessmentSchema, input);
    if (!parsed.success) {
      throw new CchcError(
        'INVALID_ASSESSMENT',
        parsed.error.issues.map((i) => issueFromZod(i, input)),
        { cause: parsed.error, summary: 'the assessment is not valid.' },
      );
    }
    a = parsed.data;
  }
  const issues: CchcIssue[] = [];
  const rs = plan.ruleSet;
  if (a.ruleSet && (a.ruleSet.id !== rs.id || a.ruleSet.version !== rs.version))
    issues.push({
      path: ['ruleSet'],
      message: `the assessment is for rule set "${a.ruleSet.id}" version "${a.ruleSet.version}", not "${rs.id}" version "${rs.version}".`,
    });
  if (a.unit.level !== undefined && a.unit.level !== rs.level)
    issues.push({
      path: ['unit', 'level'],
      message: `the unit level "${a.unit.level}" differs from the rule set's level "${rs.level}".`,
    });
  const entries = a.entries;
  for (const id in entries) {
    const stages = entries[id]!;
    const node = plan.byId.get(id);
    if (node === undefined) {
      issues.push({
        path: ['entries', id],
        message: `unknown node id "${id}": no node of rule set "${rs.id}" has it.`,
      });
      continue;
    }
    if (node.rule === null) {
      issues.push({
        path: ['entries', id],
        message: `"${id}" is a group: enter values on its leaves (${node.childIds.join(', ')}).`,
      });
      continue;
    }
    for (const stage in stages) {
      const entry = stages[stage]!;
      if (!node.stages.includes(stage)) {
        const path = ['entries', id, stage];
        issues.push({
          path,
          message: `stage "${stage}" does not apply to "${id}" (assessed by "${node.assessor}"): expected ${node.stages.map((s) => `"${s}"`).join(', ')}.`,
        });
        continue;
      }
      if (entry.notApplicable === true && entry.value !== undefined) {
        issues.push({
          path: ['entries', id, stage, 'value'],
          message: 'give either a value or "notApplicable: true", not both.',
        });
        continue;
      }
      if (entry.value !== undefined) {
        const problem = checkValue(node, entry.value);
        if (problem !== null)
          issues.push({ path: ['entries', id, stage, 'value'], message: `${problem} (rule "${node.kind}")` });
      }
    }
  }
  const measures = computeMeasures(plan.measures, a.data, issues);
  if (issues.length > 0)
    throw new CchcError('INVALID_ASSESSMENT', issues, {
      summary: 'the assessment does not fit the rule set.',
    });
  return { assessment: a, measures };
}

/** Accumulated points: a scaled integer plus a Decimal part for non-fixed-point points. */
class Acc {
  scaled = 0;
  dec: Dec | null = null;
  add(p: Pts): void {
    if (p.scaled !== null) this.scaled += p.scaled;
    else this.dec = this.dec === null ? (p.dec as Dec) : this.dec.plus(p.dec as Dec);
  }
  addAcc(o: Acc): void {
    this.scaled += o.scaled;
    if (o.dec !== null) this.dec = this.dec === null ? o.dec : this.dec.plus(o.dec);
  }
  pts(scale: number): Pts {
    if (this.dec === null && Number.isSafeInteger(this.scaled)) return { scaled: this.scaled, dec: null };
    const d = toDec(this.scaled)
      .div(scale)
      .plus(this.dec ?? 0);
    return { scaled: null, dec: d };
  }
}

interface Agg {
  points: Acc;
  naMax: number;
  pendingMax: number;
  scored: number;
  pending: number;
  na: number;
  self: Acc | null;
  delta: Acc | null;
}

function newAgg(): Agg {
  return {
    points: new Acc(),
    naMax: 0,
    pendingMax: 0,
    scored: 0,
    pending: 0,
    na: 0,
    self: null,
    delta: null,
  };
}

function merge(into: Agg, from: Agg): void {
  into.points.addAcc(from.points);
  into.naMax += from.naMax;
  into.pendingMax += from.pendingMax;
  into.scored += from.scored;
  into.pending += from.pending;
  into.na += from.na;
  if (from.self) {
    into.self ??= new Acc();
    into.self.addAcc(from.self);
  }
  if (from.delta) {
    into.delta ??= new Acc();
    into.delta.addAcc(from.delta);
  }
}

function statusOf(g: Agg): NodeStatus {
  if (g.pending === 0) return g.scored === 0 && g.na > 0 ? 'not-applicable' : 'scored';
  return g.scored === 0 ? 'pending' : 'partial';
}

function isScoring(node: PlanNode, entry: StageEntry | undefined): entry is StageEntry {
  return (
    entry !== undefined &&
    (entry.value !== undefined || entry.notApplicable === true || node.measure !== null)
  );
}

function evaluate(
  node: PlanNode,
  entry: StageEntry | undefined,
  measures: MeasureValues,
  best: Record<string, number | string | null> | undefined,
  env: Env,
): Outcome {
  if (entry?.notApplicable === true) return naOutcome(env, 'NOT_APPLICABLE');
  let value: unknown;
  if (entry !== undefined && entry.value !== undefined) value = entry.value;
  else if (node.measure !== null) {
    const m = measures.get(`${node.measure}|${node.basis ?? ''}`);
    if (m === undefined)
      return {
        points: null,
        status: 'pending',
        reason: 'NO_DATA',
        measured: null,
        ...(env.explain
          ? { explanation: { vi: 'Chưa có số liệu để tính', en: 'No data to compute the value yet' } }
          : {}),
      };
    value = m;
  } else
    return {
      points: null,
      status: 'pending',
      reason: 'NOT_ASSESSED',
      measured: null,
      ...(env.explain ? { explanation: { vi: 'Chưa chấm điểm', en: 'Not scored yet' } } : {}),
    };
  if (value === null) {
    if (node.whenNoValue === 'zero')
      return {
        points: ZERO_PTS,
        status: 'scored',
        reason: 'ZERO_WHEN_NO_VALUE',
        measured: null,
        ...(env.explain
          ? {
              explanation: {
                vi: 'Không phát sinh: tính 0 điểm theo quy định',
                en: 'Did not arise: scores 0 by the rule',
              },
            }
          : {}),
      };
    return naOutcome(env, 'NO_VALUE');
  }
  const r = node.rule!;
  switch (r.kind) {
    case 'manual':
      return evaluateManual(r.c, value as number | string, env);
    case 'yes-no':
      return evaluateYesNo(r.c, value as boolean, env);
    case 'options':
      return evaluateOptions(r.c, value as string, env);
    case 'tiers':
      return evaluateTiers(r.c, value as number | string, env);
    case 'proportional':
      return evaluateProportional(r.c, value as number | string, env);
    case 'count-tiers':
      return evaluateCountTiers(r.c, value as number | string, env);
    case 'per-item':
      return evaluatePerItem(r.c, value as number | string | readonly string[], env);
    case 'deduction':
      return evaluateDeduction(r.c, value as number | string, env);
    case 'normalized-to-best':
      return evaluateNormalized(
        r.c,
        value as number | string,
        best === undefined ? undefined : best[node.id],
        env,
      );
    case 'survey':
      return evaluateSurvey(r.c, value as SurveyValue, env);
  }
}

function naOutcome(env: Env, reason: 'NOT_APPLICABLE' | 'NO_VALUE'): Outcome {
  return {
    points: null,
    status: 'not-applicable',
    reason,
    measured: null,
    ...(env.explain
      ? {
          explanation:
            reason === 'NO_VALUE'
              ? {
                  vi: 'Không phát sinh (không có số liệu để tính tỷ lệ)',
                  en: 'Did not arise (nothing to compute the rate on)',
                }
              : { vi: 'Không áp dụng', en: 'Not applicable' },
        }
      : {}),
  };
}

function num(p: Pts, scale: number): number {
  return ptsNum(p, scale);
}

function percentOf(p: Pts, amScaled: number, scale: number): number | null {
  if (amScaled <= 0) return null;
  if (p.scaled !== null && Number.isSafeInteger(p.scaled * 100)) return (p.scaled * 100) / amScaled || 0;
  return toNum(
    ptsDec(p, scale)
      .times(100 * scale)
      .div(amScaled),
  );
}

function roundedPercentOf(p: Pts, amScaled: number, scale: number, decimals: number): number | null {
  if (amScaled <= 0) return null;
  return toNum(
    roundHalfUp(
      ptsDec(p, scale)
        .times(100 * scale)
        .div(amScaled),
      decimals,
    ),
  );
}

/**
 * Scores a validated assessment against a compiled plan: the trusted core of {@link scoreUnit}.
 * @internal
 */
export function scoreWithPlan(
  plan: Plan,
  assessment: Assessment,
  measures: MeasureValues,
  options: { best?: Record<string, number | string | null>; explanations?: boolean } = {},
): ScoreReport {
  const rs = plan.ruleSet;
  const scale = plan.scale;
  const env: Env = {
    scale,
    pointDecimals: rs.precision.points,
    percentDecimals: rs.precision.percent,
    explain: options.explanations ?? true,
  };
  const rebase = rs.notApplicable === 'rebase';
  const nodes = plan.nodes;
  const aggs: Agg[] = new Array(nodes.length);
  const leafOut: (Record<string, unknown> | undefined)[] = new Array(nodes.length);
  const leafOutcome: (Outcome | undefined)[] = new Array(nodes.length);
  const byAssessor = new Map<Assessor, Agg>();
  const maxByAssessor = new Map<Assessor, number>();
  const entries = assessment.entries;

  // Leaves.
  for (const i of plan.leaves) {
    const node = nodes[i]!;
    const stages = entries[node.id];
    let source: ScoreSource | null = null;
    let effective: StageEntry | undefined;
    if (stages !== undefined) {
      for (let k = node.stages.length - 1; k >= 0; k--) {
        const s = node.stages[k]!;
        const e = stages[s];
        if (isScoring(node, e)) {
          effective = e;
          source = s as ScoreSource;
          break;
        }
      }
    }
    const out = evaluate(node, effective, measures, options.best, env);
    if (source === null && out.status !== 'pending' && node.measure !== null) source = 'data';
    const g = newAgg();
    if (out.status === 'scored') {
      g.points.add(out.points!);
      g.scored = 1;
    } else if (out.status === 'pending') {
      g.pending = 1;
      g.pendingMax = node.maxScaled;
    } else {
      g.na = 1;
      g.naMax = node.maxScaled;
    }
    // Self versus appraised.
    if (stages?.self !== undefined && isScoring(node, stages.self)) {
      const selfOut =
        source === 'self'
          ? out
          : evaluate(node, stages.self, measures, options.best, { ...env, explain: false });
      if (selfOut.status === 'scored') {
        g.self = new Acc();
        g.self.add(selfOut.points!);
        if (source?.startsWith('appraisal-') && out.status === 'scored') {
          g.delta = new Acc();
          g.delta.scaled = 0;
          const op = out.points!;
          const sp = selfOut.points!;
          if (op.scaled !== null && sp.scaled !== null) g.delta.scaled = op.scaled - sp.scaled;
          else {
            const d = ptsDec(op, scale).minus(ptsDec(sp, scale));
            const s = d.times(scale);
            if (s.isInteger()) g.delta.scaled = s.toNumber();
            else g.delta.dec = d;
          }
        }
      }
    }
    aggs[i] = g;
    leafOutcome[i] = out;
    let evidence: string[] | undefined;
    let requested = false;
    if (stages !== undefined) {
      for (const s of node.stages) {
        const e = stages[s];
        if (e === undefined) continue;
        if (e.explanationRequested) requested = true;
        if (e.evidence) {
          evidence ??= [];
          for (const ev of e.evidence) if (!evidence.includes(ev)) evidence.push(ev);
        }
      }
    }
    const lo: Record<string, unknown> = { source, measured: out.measured };
    if (out.explanation) lo.explanation = out.explanation;
    if (out.next && node.section !== 'deductions') lo.next = out.next;
    if (effective?.note !== undefined) lo.note = effective.note;
    if (evidence) lo.evidence = evidence;
    if (requested) lo.explanationRequested = true;
    leafOut[i] = lo;
    if (node.section === 'criteria') {
      let a = byAssessor.get(node.assessor);
      if (a === undefined) {
        a = newAgg();
        byAssessor.set(node.assessor, a);
      }
      merge(a, g);
      maxByAssessor.set(node.assessor, (maxByAssessor.get(node.assessor) ?? 0) + node.maxScaled);
    }
  }
  // Groups, bottom-up (children come after their parent in pre-order).
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    if (node.rule !== null) continue;
    const g = newAgg();
    for (const c of node.children) merge(g, aggs[c]!);
    aggs[i] = g;
  }

  const reportNodes: NodeScore[] = new Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const g = aggs[i]!;
    const points = g.points.pts(scale);
    const am = rebase ? node.maxScaled - g.naMax : node.maxScaled;
    const leaf = leafOutcome[i];
    const base: Record<string, unknown> = {
      id: node.id,
      name: node.name,
      parentId: node.parentId,
      childIds: node.childIds,
      depth: node.depth,
      section: node.section,
      kind: node.kind,
      assessor: node.assessor,
      status: leaf ? leaf.status : statusOf(g),
      reason: leaf ? leaf.reason : 'AGGREGATED',
      points: num(points, scale),
      max: node.maxNum,
      applicableMax: am / scale,
      pendingMax: g.pendingMax / scale,
      notApplicableMax: g.naMax / scale,
      percent: percentOf(points, am, scale),
      source: null,
      measured: null,
      selfPoints: g.self ? num(g.self.pts(scale), scale) : null,
      appraisalDelta: g.delta ? num(g.delta.pts(scale), scale) : null,
    } satisfies NodeScore;
    if (leaf) {
      // The leaf's own fields: source and measured in place, the optional ones after, in order.
      const lo = leafOut[i] as Record<string, unknown>;
      for (const k in lo) base[k] = lo[k];
    }
    reportNodes[i] = Object.freeze(base) as unknown as NodeScore;
  }

  // Totals.
  const crit = newAgg();
  for (const i of plan.top) merge(crit, aggs[i]!);
  const section = (
    idx: readonly number[],
    cap: Pts | null,
  ): { part: AdjustmentPart; applied: Pts } | null => {
    if (idx.length === 0) return null;
    const g = newAgg();
    for (const i of idx) merge(g, aggs[i]!);
    const raw = g.points.pts(scale);
    const capped = cap !== null && ptsCmp(raw, cap, scale) > 0;
    const applied = capped ? cap : raw;
    return {
      applied,
      part: {
        raw: num(raw, scale),
        cap: cap === null ? null : num(cap, scale),
        applied: num(applied, scale),
        capped,
        status: statusOf(g),
      },
    };
  };
  const bonus = section(plan.bonus, plan.bonusCap);
  const deductions = section(plan.deductions, plan.deductionCap);
  const basePts = crit.points.pts(scale);
  let totalDec: Dec | null = null;
  let totalPts: Pts;
  if (
    basePts.scaled !== null &&
    (bonus === null || bonus.applied.scaled !== null) &&
    (deductions === null || deductions.applied.scaled !== null)
  ) {
    const s = basePts.scaled + (bonus?.applied.scaled ?? 0) - (deductions?.applied.scaled ?? 0);
    totalPts = { scaled: Math.max(0, s), dec: null };
  } else {
    totalDec = ptsDec(basePts, scale)
      .plus(bonus ? ptsDec(bonus.applied, scale) : 0)
      .minus(deductions ? ptsDec(deductions.applied, scale) : 0);
    if (totalDec.isNegative()) totalDec = toDec(0);
    totalPts = { scaled: null, dec: totalDec };
  }
  const totalMaxScaled = plan.total.scaled ?? 0;
  const totalAm = rebase ? totalMaxScaled - crit.naMax : totalMaxScaled;
  const pd = rs.precision.percent;
  const totalRounded = roundedPercentOf(totalPts, totalAm, scale, pd);
  const totalStatus = statusOf(crit);
  const parts: AssessorPart[] = [];
  for (const who of ['self', 'superior', 'survey'] as const) {
    const g = byAssessor.get(who);
    if (g === undefined) continue;
    const p = g.points.pts(scale);
    const max = maxByAssessor.get(who)!;
    const am = rebase ? max - g.naMax : max;
    parts.push(
      Object.freeze({
        assessor: who,
        points: num(p, scale),
        max: max / scale,
        applicableMax: am / scale,
        pendingMax: g.pendingMax / scale,
        notApplicableMax: g.naMax / scale,
        percent: percentOf(p, am, scale),
        roundedPercent: roundedPercentOf(p, am, scale, pd),
        status: statusOf(g),
      }),
    );
  }
  let band: ScoreReport['band'] = null;
  if (totalRounded !== null) {
    for (const b of plan.bands) {
      if (totalRounded >= b.minPercent) {
        band = Object.freeze({ label: b.label, minPercent: b.minPercent, provisional: crit.pending > 0 });
        break;
      }
    }
  }
  // Lost points.
  const lost: { i: number; lost: Pts; item: LostPoints }[] = [];
  for (const i of plan.leaves) {
    const node = nodes[i]!;
    const out = leafOutcome[i]!;
    if (out.status !== 'scored' || node.section === 'bonus') continue;
    const p = out.points!;
    const l: Pts =
      node.section === 'deductions'
        ? p
        : p.scaled !== null
          ? { scaled: node.maxScaled - p.scaled, dec: null }
          : { scaled: null, dec: node.max.minus(p.dec as Dec) };
    if ((l.scaled !== null && l.scaled <= 0) || l.dec?.lte(0)) continue;
    lost.push({
      i,
      lost: l,
      item: Object.freeze({
        id: node.id,
        name: node.name,
        lost: num(l, scale),
        points: num(p, scale),
        max: node.maxNum,
        reason: out.reason,
        section: node.section,
        ...(out.next && node.section !== 'deductions' ? { next: out.next } : {}),
      }),
    });
  }
  lost.sort((a, b) => ptsCmp(b.lost, a.lost, scale) || a.i - b.i);

  return Object.freeze({
    ruleSet: Object.freeze({
      id: rs.id,
      version: rs.version,
      level: rs.level,
      notApplicable: rs.notApplicable,
    }),
    unit: Object.freeze({
      id: assessment.unit.id,
      name: assessment.unit.name ?? null,
      level: assessment.unit.level ?? null,
    }),
    period: assessment.period,
    total: Object.freeze({
      points: num(totalPts, scale),
      max: plan.totalNum,
      applicableMax: totalAm / scale,
      pendingMax: crit.pendingMax / scale,
      notApplicableMax: crit.naMax / scale,
      percent: percentOf(totalPts, totalAm, scale),
      roundedPercent: totalRounded,
      status: totalStatus,
      base: num(basePts, scale),
      bonus: bonus ? num(bonus.applied, scale) : 0,
      deductions: deductions ? num(deductions.applied, scale) : 0,
    }),
    byAssessor: Object.freeze(parts),
    bonus: bonus ? Object.freeze(bonus.part) : null,
    deductions: deductions ? Object.freeze(deductions.part) : null,
    band,
    nodes: Object.freeze(reportNodes),
    lostPoints: Object.freeze(lost.map((l) => l.item)),
  });
}

/**
 * Scores one unit's assessment against a rule set: points, maximum, applicable maximum and
 * percentage at every node, totals with bonus and deductions (capped), the split by assessor, the
 * band, the lost points ranked largest first with what it takes to gain more, and a Vietnamese and
 * English explanation for every leaf.
 *
 * @remarks
 * - The effective score of a self-assessed leaf is the latest appraisal round entered, else the
 *   self score (`source` says which); the self-versus-appraised difference is kept per node
 *   (`selfPoints`, `appraisalDelta`). Process: par-index.md §2.4 (H) and §6 (M).
 * - Pending (not yet scored), not applicable ("không phát sinh") and scored zero are kept apart.
 *   Under `notApplicable: 'rebase'` a node that did not arise leaves the denominator (Huế "% điểm
 *   phát sinh", Hà Nội's rescale to 100; §4, H); under `'keep'` it stays.
 * - Index % = points ÷ applicable maximum × 100 (§2.4, H); `roundedPercent` applies the rule set's
 *   precision, half-up, and the band is read from it.
 * - Đắk Song (Đắk Nông), 6 months 2023: 61 of the 90 self-assessed points, the province's 10 still
 *   pending → the self part is 67,78 % (DOMAIN.md worked figures).
 *
 * @param ruleSet - a rule set from {@link defineRuleSet} (fast: compiled once) or raw JSON (validated now).
 * @param assessment - the unit's assessment, see {@link AssessmentSchema}.
 * @param options - `cohort.best` for normalised-to-best leaves; `explanations: false` for bulk scoring.
 * @returns the score report: plain, readonly, JSON-safe.
 * @throws {@link CchcError} `INVALID_RULE_SET` for a raw rule set that fails validation;
 *   `INVALID_ASSESSMENT` listing every problem of the assessment (unknown node ids, stages that do
 *   not apply to a node's assessor, values of the wrong type for the rule kind, bad data);
 *   `INVALID_OPTIONS` for bad options.
 * @example
 * ```ts
 * import { defineRuleSet, scoreUnit } from 'cchc-index';
 * const ruleSet = defineRuleSet({ id: 'demo', version: '1', legalBasis: 'illustrative', level: 'huyen', total: 100,
 *   children: [
 *     { id: '1', max: 90, assessor: 'self', rule: { kind: 'manual', step: 0.25 } },
 *     { id: '2', max: 10, assessor: 'superior', rule: { kind: 'manual', step: 0.25 } },
 *   ] });
 * const report = scoreUnit(ruleSet, { unit: { id: 'dak-song' }, period: '2023-H1', entries: { '1': { self: { value: 61 } } } });
 * report.total.points;
 * // => 61
 * report.byAssessor[0]?.roundedPercent;
 * // => 67.78
 * report.byAssessor[1]?.status;
 * // => 'pending'
 * ```
 * @category Scoring
 */
export function scoreUnit(
  ruleSet: RuleSet | RuleSetInput,
  assessment: AssessmentInput,
  options?: ScoreUnitOptions,
): ScoreReport {
  const plan = planOf(ruleSet);
  const opts = parseWith(ScoreUnitOptionsSchema, options, 'INVALID_OPTIONS');
  const { assessment: a, measures } = prepareAssessment(plan, assessment);
  return scoreWithPlan(plan, a, measures, {
    ...(opts?.cohort ? { best: opts.cohort.best } : {}),
    ...(opts?.explanations !== undefined ? { explanations: opts.explanations } : {}),
  });
}
