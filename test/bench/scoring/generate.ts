/**
 * Deterministic benchmark data for the scoring engine: a 100-leaf rule set mixing the real rule
 * kinds (tiers, proportional, manual, options, yes-no, count-tiers, per-item, deduction), with a
 * bonus and a deductions section, and N unit assessments (self score, appraisal rounds, superior
 * points, not-applicable and not-yet-scored leaves, measured values).
 * @module
 */
import type { AssessmentInput } from '../../../src/scoring/Assessment.js';
import { createRng } from '../lib/prng.js';

/** The kinds cycled through the leaves. */
export const KINDS = [
  'tiers',
  'proportional',
  'manual',
  'options',
  'yes-no',
  'count-tiers',
  'per-item',
  'deduction',
] as const;

/** Leaf maxima of one field of 10 leaves (sum 10; 0.25 steps occur, as in real sets). */
const MAXIMA = [0.5, 0.75, 1, 1, 1.25, 1, 1.5, 1, 1, 1];

/** Half of a maximum, rounded down to a quarter point. */
function half(max: number): number {
  return Math.floor(max * 2) / 4;
}

type Json = Record<string, unknown>;

function ruleFor(kind: (typeof KINDS)[number], max: number, leaf: number): Json {
  switch (kind) {
    case 'tiers':
      return {
        kind: 'tiers',
        // Every other tiers leaf reads its rate from the unit's data (a measure).
        ...(leaf % 2 === 0 ? { measure: `values.r${leaf}` } : {}),
        tiers: [
          { min: 0.95, points: max },
          { min: 0.8, max: 0.95, points: half(max) },
          { max: 0.8, points: 0 },
        ],
      };
    case 'proportional':
      // Variants: "rate × max" (target 1), "≥ 80 % full" (0.8), "÷ 90 %" with rounding, with a floor.
      return [
        { kind: 'proportional', display: 'percent' },
        { kind: 'proportional', target: 0.8, display: 'percent' },
        { kind: 'proportional', target: 0.9, roundPoints: 2, display: 'percent' },
        { kind: 'proportional', target: 1, floor: 0.5, display: 'percent' },
      ][leaf % 4]!;
    case 'manual':
      return { kind: 'manual', step: 0.25 };
    case 'options':
      return {
        kind: 'options',
        options: [
          { id: 'kip-thoi', label: 'Ban hành kịp thời', points: max },
          { id: 'khong-kip-thoi', label: 'Ban hành không kịp thời', points: half(max) },
          { id: 'khong-ban-hanh', label: 'Không ban hành', points: 0 },
        ],
      };
    case 'yes-no':
      return { kind: 'yes-no', yesLabel: 'Đạt yêu cầu', noLabel: 'Không đạt yêu cầu' };
    case 'count-tiers':
      return {
        kind: 'count-tiers',
        tiers: [
          { atLeast: 4, points: max },
          { atLeast: 2, points: half(max) },
        ],
      };
    case 'per-item':
      return { kind: 'per-item', pointsPerItem: 0.25 };
    case 'deduction':
      return { kind: 'deduction', perOccurrence: 0.25 };
  }
}

/** The benchmark rule set as JSON: 10 fields × 10 leaves = 100 leaves, total 100, plus bonus and deductions. */
export function benchRuleSet(): Json {
  const children: Json[] = [];
  let leaf = 0;
  for (let f = 1; f <= 10; f++) {
    const leaves: Json[] = MAXIMA.map((max, k) => {
      const kind = KINDS[leaf % KINDS.length]!;
      const node = {
        id: `${f}.${k + 1}`,
        name: `Tiêu chí ${f}.${k + 1}`,
        max,
        rule: ruleFor(kind, max, leaf),
      };
      leaf += 1;
      return node;
    });
    children.push({
      id: String(f),
      name: `Lĩnh vực ${f}`,
      max: 10,
      // Fields 1-8 self-assessed then appraised (2 rounds); 9 and 10 scored by the province.
      assessor: f <= 8 ? 'self' : 'superior',
      children: leaves,
    });
  }
  return {
    id: 'bench-100',
    version: '1',
    name: 'Benchmark rule set (100 leaves)',
    level: 'huyen',
    legalBasis: 'synthetic benchmark data',
    total: 100,
    appraisalRounds: 2,
    bands: [
      { label: 'Tốt', minPercent: 80 },
      { label: 'Khá', minPercent: 70 },
      { label: 'Trung bình', minPercent: 50 },
      { label: 'Yếu', minPercent: 0 },
    ],
    children,
    bonus: {
      cap: 2,
      children: [{ id: 'B1', max: 3, assessor: 'superior', rule: { kind: 'per-item', pointsPerItem: 0.5 } }],
    },
    deductions: {
      cap: 3,
      children: [{ id: 'T1', max: 2, assessor: 'superior', rule: { kind: 'per-item', pointsPerItem: 0.25 } }],
    },
  };
}

/** A value a unit might enter for a leaf of the given kind and maximum. */
function valueFor(kind: (typeof KINDS)[number], max: number, r: ReturnType<typeof createRng>): unknown {
  switch (kind) {
    case 'tiers':
    case 'proportional':
      // A rate with 4 decimals, mostly high, as reported figures are.
      return r.int(4000, 10000) / 10000;
    case 'manual':
      return r.int(0, max * 4) / 4;
    case 'options':
      return r.pick(['kip-thoi', 'kip-thoi', 'khong-kip-thoi', 'khong-ban-hanh']);
    case 'yes-no':
      return r.chance(0.8);
    case 'count-tiers':
      return r.int(0, 6);
    case 'per-item':
      return r.int(0, 6);
    case 'deduction':
      return r.int(0, 5);
  }
}

/** N assessments for the benchmark rule set, deterministic for a seed. */
export function benchAssessments(n: number, seed = 20250101): AssessmentInput[] {
  const r = createRng(seed);
  const out: AssessmentInput[] = [];
  for (let u = 0; u < n; u++) {
    const entries: Record<string, Record<string, Json>> = {};
    const values: Record<string, number | null> = {};
    let leaf = 0;
    for (let f = 1; f <= 10; f++) {
      for (let k = 0; k < MAXIMA.length; k++) {
        const kind = KINDS[leaf % KINDS.length]!;
        const max = MAXIMA[k]!;
        const id = `${f}.${k + 1}`;
        const measured = kind === 'tiers' && leaf % 2 === 0;
        leaf += 1;
        if (measured) {
          // Measured leaf: the rate comes from data.values; sometimes nothing arose (null).
          values[`r${leaf - 1}`] = r.chance(0.03) ? null : (valueFor(kind, max, r) as number);
          continue;
        }
        const roll = r.next();
        if (roll < 0.03) continue; // not scored yet (pending)
        if (f > 8) {
          entries[id] = { superior: { value: valueFor(kind, max, r) } };
          continue;
        }
        const stages: Record<string, Json> = {};
        if (roll < 0.06 && (kind === 'tiers' || kind === 'proportional')) stages.self = { value: null };
        else if (roll < 0.08) stages.self = { notApplicable: true };
        else stages.self = { value: valueFor(kind, max, r), evidence: [`${id}.pdf`] };
        if (r.chance(0.3)) stages['appraisal-1'] = { value: valueFor(kind, max, r), note: 'điều chỉnh' };
        if (r.chance(0.1)) stages['appraisal-2'] = { value: valueFor(kind, max, r) };
        entries[id] = stages;
      }
    }
    entries.B1 = { superior: { value: r.int(0, 5) } };
    entries.T1 = { superior: { value: r.int(0, 6) } };
    out.push({
      unit: { id: `unit-${String(u).padStart(5, '0')}`, name: `Đơn vị ${u}`, level: 'huyen' },
      period: '2025',
      data: { values },
      entries,
    } as AssessmentInput);
  }
  return out;
}
