/**
 * Named measures: how a leaf takes its value from the unit's data (`assessment.data`), computed by
 * the foundation calculators.
 * @module
 */
import { z } from 'zod';
import type { CchcIssue } from '../errors/CchcError.js';
import { issueFromZod } from '../errors/fromZod.js';
import { Dec, rateOrNull, toDec, toNum, ZERO } from '../numeric/decimal.js';
import { CountSchema, NonNegativeDecimalSchema } from '../numeric/schemas.js';

/**
 * The built-in measures a rule can name in `measure`, with what they need. Besides these, any
 * `values.<name>` reads `assessment.data.values[name]` as given by the caller.
 *
 * - `dossiers.onTimeOrEarlyRate` (option `basis`: `resolved` default, `due`, `toProcess`,
 *   `portal766`), `dossiers.earlyRate`, `dossiers.onTimeRate`, `dossiers.lateRate`: {@link timeliness};
 * - `dossiers.postalReturnRate`: {@link postalReturnRate};
 * - `channels.onlineShare`, `channels.inPersonShare`, `channels.postalShare`: {@link channelShares};
 * - `plan.completionRate`, `plan.onTimeRate`: {@link taskCompletion};
 * - `procedures.reductionRate`: {@link timeReduction}.
 *
 * @remarks
 * Formulas and bases: DOMAIN.md "Formulas" (Lâm Đồng, Vĩnh Phúc, 766 portal), reference/dossier-index.md.
 * @example
 * ```ts
 * import { MEASURES } from 'cchc-index';
 * MEASURES['plan.completionRate'].needs;
 * // => 'plan'
 * ```
 * @category Rules
 */
export const MEASURES = {
  'dossiers.onTimeOrEarlyRate': { needs: 'dossiers', basis: true },
  'dossiers.earlyRate': { needs: 'dossiers', basis: true },
  'dossiers.onTimeRate': { needs: 'dossiers', basis: true },
  'dossiers.lateRate': { needs: 'dossiers', basis: true },
  'dossiers.postalReturnRate': { needs: 'dossiers', basis: false },
  'channels.onlineShare': { needs: 'dossiers', basis: false },
  'channels.inPersonShare': { needs: 'dossiers', basis: false },
  'channels.postalShare': { needs: 'dossiers', basis: false },
  'plan.completionRate': { needs: 'plan', basis: false },
  'plan.onTimeRate': { needs: 'plan', basis: false },
  'procedures.reductionRate': { needs: 'procedures', basis: false },
} as const satisfies Record<
  string,
  { readonly needs: 'dossiers' | 'plan' | 'procedures'; readonly basis: boolean }
>;

/**
 * A built-in measure name, see {@link MEASURES}.
 * @category Rules
 */
export type MeasureName = keyof typeof MEASURES;

const VALUES = /^values\.[^\s.]+$/;

/** Whether a measure name is known (built-in or `values.<name>`). @internal */
export function isKnownMeasure(name: string): boolean {
  return Object.hasOwn(MEASURES, name) || VALUES.test(name);
}

/** Rule kinds that read a value and so may name a measure. @internal */
export const MEASURE_KINDS: ReadonlySet<string> = new Set([
  'tiers',
  'proportional',
  'count-tiers',
  'per-item',
  'normalized-to-best',
]);

/**
 * Measured values of one unit, keyed `"<measure>|<basis>"`: a number, `null` (zero denominator:
 * "không phát sinh"), or absent when the data the measure needs was not given.
 * @internal
 */
export type MeasureValues = ReadonlyMap<string, number | null>;

// TODO(measures): src/dossiers/timeliness.ts, channelShares.ts, postalReturnRate.ts,
// src/plans/taskCompletion.ts and src/procedures/timeReduction.ts did not exist yet when this was
// written; the measures below follow their documented shapes (DESIGN.md "Public API contract",
// DOMAIN.md "Formulas"). Swap each branch for the foundation calculator (and LocalDossierStatsSchema
// for DossierStatsSchema) once they land, keeping the `"<measure>|<basis>"` keys and null semantics.
const Count = CountSchema.optional();
const LocalDossierStatsSchema = z.strictObject({
  received: z.strictObject({ carriedOver: Count, online: Count, inPerson: Count, postal: Count }).optional(),
  resolved: z.strictObject({ early: Count, onTime: Count, late: Count }).optional(),
  pending: z.strictObject({ withinDeadline: Count, overdue: Count }).optional(),
  returnedByPost: Count,
  withdrawn: Count,
  returned: Count,
});
const LocalPlanSchema = z.strictObject({ done: CountSchema, total: CountSchema, onTime: Count });
const LocalProceduresSchema = z.union([
  z.strictObject({ before: NonNegativeDecimalSchema, after: NonNegativeDecimalSchema }),
  z.array(z.looseObject({ before: NonNegativeDecimalSchema, after: NonNegativeDecimalSchema })),
]);

function parseData<S extends z.ZodType>(
  schema: S,
  value: unknown,
  key: string,
  issues: CchcIssue[],
): z.output<S> | undefined {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  for (const i of r.error.issues) {
    const issue = issueFromZod(i, value);
    issues.push({ path: ['data', key, ...issue.path], message: issue.message });
  }
  return undefined;
}

function rate(part: Dec, whole: Dec): number | null {
  return rateOrNull(part, whole);
}

function dossierMeasure(
  name: string,
  basis: string,
  s: z.output<typeof LocalDossierStatsSchema>,
): number | null {
  const d = (n: number | undefined) => new Dec(n ?? 0);
  const early = d(s.resolved?.early);
  const onTime = d(s.resolved?.onTime);
  const late = d(s.resolved?.late);
  const resolved = early.plus(onTime).plus(late);
  const overdue = d(s.pending?.overdue);
  const within = d(s.pending?.withinDeadline);
  const newly = d(s.received?.online).plus(d(s.received?.inPerson)).plus(d(s.received?.postal));
  switch (name) {
    case 'channels.onlineShare':
      return rate(d(s.received?.online), newly);
    case 'channels.inPersonShare':
      return rate(d(s.received?.inPerson), newly);
    case 'channels.postalShare':
      return rate(d(s.received?.postal), newly);
    case 'dossiers.postalReturnRate':
      return rate(d(s.returnedByPost), newly);
  }
  let den: Dec;
  let good = early.plus(onTime);
  let bad = late;
  if (basis === 'due') {
    den = resolved.plus(overdue);
    bad = late.plus(overdue);
  } else if (basis === 'toProcess') {
    den = d(s.received?.carriedOver).plus(newly);
    bad = late.plus(overdue);
  } else if (basis === 'portal766') {
    den = newly;
    good = good.plus(within);
    bad = late.plus(overdue);
  } else den = resolved;
  switch (name) {
    case 'dossiers.onTimeOrEarlyRate':
      return rate(good, den);
    case 'dossiers.earlyRate':
      return rate(early, den);
    case 'dossiers.onTimeRate':
      return rate(onTime, den);
    default:
      return rate(bad, den);
  }
}

/**
 * Computes every measure a plan uses from `assessment.data`, once per unit. Problems in the data
 * are pushed to `issues` with paths under `data`.
 * @internal
 */
export function computeMeasures(
  keys: readonly string[],
  data:
    | {
        dossiers?: unknown;
        plan?: unknown;
        procedures?: unknown;
        values?: Record<string, number | string | null>;
      }
    | undefined,
  issues: CchcIssue[],
): MeasureValues {
  const out = new Map<string, number | null>();
  if (keys.length === 0) return out;
  const dossiers =
    data?.dossiers === undefined
      ? undefined
      : parseData(LocalDossierStatsSchema, data.dossiers, 'dossiers', issues);
  const plan = data?.plan === undefined ? undefined : parseData(LocalPlanSchema, data.plan, 'plan', issues);
  const procedures =
    data?.procedures === undefined
      ? undefined
      : parseData(LocalProceduresSchema, data.procedures, 'procedures', issues);
  for (const key of keys) {
    const [name = '', basis = ''] = key.split('|');
    if (name.startsWith('values.')) {
      const v = data?.values?.[name.slice(7)];
      if (v !== undefined) out.set(key, v === null ? null : toNum(toDec(v)));
      continue;
    }
    const def = MEASURES[name as MeasureName];
    if (def.needs === 'dossiers' && dossiers !== undefined)
      out.set(key, dossierMeasure(name, basis || 'resolved', dossiers));
    else if (def.needs === 'plan' && plan !== undefined) {
      if (name === 'plan.completionRate') out.set(key, rate(new Dec(plan.done), new Dec(plan.total)));
      else if (plan.onTime !== undefined) out.set(key, rate(new Dec(plan.onTime), new Dec(plan.total)));
    } else if (def.needs === 'procedures' && procedures !== undefined) {
      const list = Array.isArray(procedures) ? procedures : [procedures];
      let before = ZERO;
      let after = ZERO;
      for (const p of list) {
        before = before.plus(toDec(p.before));
        after = after.plus(toDec(p.after));
      }
      out.set(key, rate(before.minus(after), before));
    }
  }
  return out;
}
