/**
 * The baseline of the scoring benchmark: a plain float loop doing the same arithmetic as the
 * engine on the same assessments, written straight from the benchmark rule set's JSON (no engine
 * code): the effective stage of each leaf (latest appraisal round, else self), the rule's points in
 * doubles, the self score and the appraisal difference, sums per field with not-applicable and
 * pending maxima kept apart, each node's percentage of its applicable maximum, the total with the
 * capped bonus and deductions, the rounded percentage, the band and the lost points ranked. Its
 * results live in typed arrays, not report objects; it validates nothing and explains nothing.
 * @module
 */

// biome-ignore lint/suspicious/noExplicitAny: raw rule-set and assessment JSON, read without types
type Any = any;
type Json = Record<string, Any>;

interface FLeaf {
  id: string;
  field: number; // index of the top-level field, -1 bonus, -2 deductions
  max: number;
  stages: readonly string[];
  kind: string;
  rule: Json;
  measure: string | null;
  options: Map<string, number> | null;
}

/** A float plan of the benchmark rule set. */
export interface FloatPlan {
  leaves: FLeaf[];
  fieldMax: number[];
  total: number;
  bonusCap: number;
  deductionCap: number;
  bands: { label: string; minPercent: number }[];
}

/**
 * The float result of one unit. `values` holds, one after the other, each leaf's points, percent,
 * self points and appraisal difference (4 × leaves), then each field's points and percent
 * (2 × fields): one allocation per unit, so the baseline is not slowed by allocating many arrays.
 */
export interface FloatResult {
  values: Float64Array;
  total: number;
  percent: number;
  roundedPercent: number;
  band: string | null;
  lost: number[];
}

/** Builds the float plan from the rule-set JSON. */
export function floatPlan(rs: Json): FloatPlan {
  const leaves: FLeaf[] = [];
  const rounds: number = rs.appraisalRounds ?? 1;
  const stagesOf = (assessor: string): string[] =>
    assessor === 'self'
      ? ['self', ...Array.from({ length: rounds }, (_, i) => `appraisal-${i + 1}`)]
      : [assessor];
  const add = (node: Json, field: number, assessor: string) => {
    const r: Json = node.rule;
    leaves.push({
      id: node.id,
      field,
      max: Number(node.max),
      stages: stagesOf(node.assessor ?? assessor),
      kind: r.kind,
      rule: r,
      measure: r.measure ?? null,
      options: r.kind === 'options' ? new Map(r.options.map((o: Json) => [o.id, Number(o.points)])) : null,
    });
  };
  rs.children.forEach((f: Json, i: number) => {
    for (const leaf of f.children) add(leaf, i, f.assessor ?? 'self');
  });
  for (const b of rs.bonus?.children ?? []) add(b, -1, 'self');
  for (const d of rs.deductions?.children ?? []) add(d, -2, 'self');
  return {
    leaves,
    fieldMax: rs.children.map((f: Json) => Number(f.max)),
    total: Number(rs.total),
    bonusCap: Number(rs.bonus?.cap ?? Number.POSITIVE_INFINITY),
    deductionCap: Number(rs.deductions?.cap ?? Number.POSITIVE_INFINITY),
    bands: [...(rs.bands ?? [])].sort((a: Json, b: Json) => b.minPercent - a.minPercent),
  };
}

function points(l: FLeaf, v: Any): number {
  const r = l.rule;
  switch (l.kind) {
    case 'manual':
      return v;
    case 'yes-no':
      return v ? l.max : 0;
    case 'options':
      return l.options!.get(v)!;
    case 'tiers': {
      for (const t of r.tiers) {
        if (t.min !== undefined && (t.minInclusive === false ? v <= t.min : v < t.min)) continue;
        if (t.max !== undefined && (t.maxInclusive === true ? v > t.max : v >= t.max)) continue;
        return t.points;
      }
      return 0;
    }
    case 'proportional': {
      const target = r.target ?? 1;
      if (r.floor !== undefined && v < r.floor) return 0;
      if (v >= target) return l.max;
      let p = v < 0 ? 0 : (l.max * v) / target;
      if (r.roundPoints !== undefined) {
        const f = 10 ** r.roundPoints;
        p = Math.round(p * f) / f;
      }
      return p;
    }
    case 'count-tiers': {
      let best = 0;
      let at = -1;
      for (const t of r.tiers) {
        if (v >= t.atLeast && t.atLeast > at) {
          best = t.points;
          at = t.atLeast;
        }
      }
      return best;
    }
    case 'per-item':
      return Math.min(r.pointsPerItem * v, r.cap ?? l.max);
    case 'deduction':
      return Math.max(0, l.max - r.perOccurrence * v);
    default:
      throw new Error(`float loop: kind ${l.kind} not covered`);
  }
}

const PENDING = -1;
let scratchNa = new Float64Array(0);
const NA = -2;

/** Scores one unit in floats. */
export function floatScore(plan: FloatPlan, a: Json): FloatResult {
  const leaves = plan.leaves;
  const n = leaves.length;
  const fields = plan.fieldMax.length;
  const out = new Float64Array(4 * n + 2 * fields);
  const PCT = n;
  const SELF = 2 * n;
  const DELTA = 3 * n;
  const FP = 4 * n;
  const FPCT = 4 * n + fields;
  if (scratchNa.length !== fields) scratchNa = new Float64Array(fields);
  const fieldNa = scratchNa.fill(0);
  const values = a.data?.values;
  let bonus = 0;
  let ded = 0;
  let critNa = 0;
  const lost: number[] = [];
  const entries = a.entries;
  for (let i = 0; i < n; i++) {
    const l = leaves[i]!;
    const stages = entries[l.id];
    let value: Any;
    let state = PENDING;
    let appraised = false;
    if (stages !== undefined) {
      for (let k = l.stages.length - 1; k >= 0; k--) {
        const e = stages[l.stages[k]!];
        if (e === undefined) continue;
        if (e.notApplicable === true) {
          state = NA;
          break;
        }
        if (e.value !== undefined) {
          value = e.value;
          state = 0;
          appraised = k > 0;
          break;
        }
      }
    }
    if (state === PENDING && l.measure !== null) {
      const m = values?.[l.measure.slice(7)];
      if (m !== undefined) {
        value = m;
        state = 0;
      }
    }
    if (state === 0 && value === null) state = NA;
    let p = 0;
    if (state === 0) {
      p = points(l, value);
      const self = stages?.self;
      if (self?.value !== undefined && self.value !== null) {
        const s = appraised ? points(l, self.value) : p;
        out[SELF + i] = s;
        out[DELTA + i] = appraised ? p - s : 0;
      }
    }
    out[i] = p;
    const am = state === NA ? 0 : l.max;
    out[PCT + i] = am > 0 ? (p * 100) / am : Number.NaN;
    if (l.field >= 0) {
      out[FP + l.field]! += p;
      if (state === NA) {
        fieldNa[l.field]! += l.max;
        critNa += l.max;
      }
      if (state === 0 && l.max - p > 0) lost.push(i);
    } else if (l.field === -1) bonus += p;
    else {
      ded += p;
      if (state === 0 && p > 0) lost.push(i);
    }
  }
  let base = 0;
  for (let f = 0; f < fields; f++) {
    base += out[FP + f]!;
    const am = plan.fieldMax[f]! - fieldNa[f]!;
    out[FPCT + f] = am > 0 ? (out[FP + f]! * 100) / am : Number.NaN;
  }
  const total = Math.max(0, base + Math.min(bonus, plan.bonusCap) - Math.min(ded, plan.deductionCap));
  const am = plan.total - critNa;
  const percent = (total * 100) / am;
  const roundedPercent = Math.round(percent * 100) / 100;
  let band: string | null = null;
  for (const b of plan.bands) {
    if (roundedPercent >= b.minPercent) {
      band = b.label;
      break;
    }
  }
  const lostOf = (i: number) => (leaves[i]!.field === -2 ? out[i]! : leaves[i]!.max - out[i]!);
  lost.sort((x, y) => lostOf(y) - lostOf(x) || x - y);
  return { values: out, total, percent, roundedPercent, band, lost };
}
