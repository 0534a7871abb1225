/**
 * Scoring benchmark (issue 3 item 10): 10 000 units against a 100-leaf rule set with scoreUnit,
 * with and without explanations, against a plain float loop doing the same arithmetic on the same
 * assessments in the same run. Checks that the float loop and the engine agree (to float error) on
 * every unit's total, and counts the units whose float total is not the exact one.
 * @module
 */
import { defineRuleSet } from '../../../src/rules/defineRuleSet.js';
import type { ScoreReport } from '../../../src/scoring/ScoreReport.js';
import { scoreUnit } from '../../../src/scoring/scoreUnit.js';
import { BenchMismatch, compare, now, printTable, round } from '../lib/harness.js';
import { type FloatResult, floatPlan, floatScore } from './floatLoop.js';
import { benchAssessments, benchRuleSet } from './generate.js';

/** Options of {@link runScoringBench}. */
export interface ScoringBenchOptions {
  units: number;
  rounds: number;
}

/** What the scoring benchmark measured. */
export interface ScoringBenchResult {
  units: number;
  leaves: number;
  rounds: number;
  ms: Record<string, number>;
  unitsPerSecond: Record<string, number>;
  ratioToFloatLoop: Record<string, number>;
  /** Units whose float-loop total differs from the exact total (float error), out of `units`. */
  floatTotalsOff: number;
  maxFloatError: number;
  defineRuleSetMs: number;
}

/** Runs the scoring benchmark and prints its table. */
export function runScoringBench(o: ScoringBenchOptions): ScoringBenchResult {
  const json = benchRuleSet();
  const t0 = now();
  const ruleSet = defineRuleSet(json);
  const defineRuleSetMs = now() - t0;
  const assessments = benchAssessments(o.units);
  const fplan = floatPlan(json);
  const leaves = fplan.leaves.length;

  const contenders = {
    'float loop': () => assessments.map((a) => floatScore(fplan, a)),
    'scoreUnit, explanations: false': () =>
      assessments.map((a) => scoreUnit(ruleSet, a, { explanations: false })),
    'scoreUnit (with explanations)': () => assessments.map((a) => scoreUnit(ruleSet, a)),
  };
  let floatTotalsOff = 0;
  let maxFloatError = 0;
  const check = (results: Record<string, unknown>) => {
    const f = results['float loop'] as FloatResult[];
    const bulk = results['scoreUnit, explanations: false'] as ScoreReport[];
    const full = results['scoreUnit (with explanations)'] as ScoreReport[];
    for (let i = 0; i < f.length; i++) {
      const exact = bulk[i]!.total;
      if (JSON.stringify(full[i]!.total) !== JSON.stringify(exact))
        throw new BenchMismatch(`scoring: unit ${i}: totals differ with and without explanations`);
      const err = Math.abs(f[i]!.total - exact.points);
      if (err > 1e-9 || f[i]!.band !== (bulk[i]!.band?.label ?? null))
        throw new BenchMismatch(
          `scoring: unit ${i}: float loop ${f[i]!.total} (${f[i]!.band}) vs engine ${exact.points} (${bulk[i]!.band?.label}): the float loop does not do the same arithmetic`,
        );
      if (f[i]!.total !== exact.points) floatTotalsOff += 1;
      if (err > maxFloatError) maxFloatError = err;
    }
  };
  const c = compare(contenders, o.rounds, check);
  const base = c.ms['float loop']!;
  const unitsPerSecond: Record<string, number> = {};
  const ratioToFloatLoop: Record<string, number> = {};
  for (const [name, ms] of Object.entries(c.ms)) {
    unitsPerSecond[name] = Math.round((o.units / ms) * 1000);
    ratioToFloatLoop[name] = round(ms / base, 2);
  }
  printTable(
    `Scoring: ${o.units} units × ${leaves} leaves (median of ${o.rounds} rounds, defineRuleSet ${round(defineRuleSetMs, 1)} ms once)`,
    Object.keys(c.ms).map((name) => ({
      contender: name,
      'ms (median)': round(c.ms[name]!, 1),
      'units/s': unitsPerSecond[name]!,
      'µs/unit': round((c.ms[name]! * 1000) / o.units, 1),
      '× float loop': ratioToFloatLoop[name]!,
    })),
  );
  console.log(
    `float loop totals off the exact total: ${floatTotalsOff} of ${o.units} units (largest error ${maxFloatError.toExponential(2)} points)`,
  );
  return {
    units: o.units,
    leaves,
    rounds: o.rounds,
    ms: c.ms,
    unitsPerSecond,
    ratioToFloatLoop,
    floatTotalsOff,
    maxFloatError,
    defineRuleSetMs,
  };
}
