/**
 * Named measures: how a leaf takes its value from the unit's data (`assessment.data`), computed by
 * the foundation calculators.
 * @module
 */
import { z } from 'zod';
import { channelSharesOf } from '../dossiers/channelShares.js';
import { type DossierStats, DossierStatsSchema } from '../dossiers/DossierStats.js';
import { postalReturnRateOf } from '../dossiers/postalReturnRate.js';
import { type TimelinessBasis, timelinessOf } from '../dossiers/timeliness.js';
import type { CchcIssue } from '../errors/CchcError.js';
import { issueFromZod, safeParse } from '../errors/fromZod.js';
import { DEFAULT_OPTIONS, indicatorRatio, progressFromStats } from '../indexes/portal766/compute.js';
import type { Portal766IndicatorId } from '../indexes/portal766/definitions.js';
import { INDICATOR_SCHEMAS } from '../indexes/portal766/Portal766Input.js';
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
 * - `procedures.reductionRate`: {@link timeReduction};
 * - `portal766.<indicator>` for each computed indicator of {@link PORTAL_766_INDICATORS} (all but
 *   `fullOnlineDossiers` and `personalStorage`, whose points are given), plus
 *   `portal766.onlinePaymentProceduresOfFeeDossiers` (3.5b divided by procedures having fee
 *   dossiers): the ratio the portal scores, computed like {@link scorePortal766} with its defaults.
 *   The counts are read from `assessment.data.values` under `portal766.<indicator>.<field>` (the
 *   fields of {@link Portal766InputSchema}, e.g. `portal766.publishOnTime.onTime`;
 *   {@link buildPortal766Assessment} writes them); `portal766.processingOnTime` also takes
 *   `assessment.data.dossiers` (timeliness basis `portal766`). The value is `null` for a zero
 *   denominator, and 1 for `petitionOnTime` and `petitionSatisfaction` when no petition arose
 *   (the portal gives full points).
 *
 * @remarks
 * Formulas and bases: DOMAIN.md "Formulas" (Lâm Đồng, Vĩnh Phúc, 766 portal), reference/dossier-index.md;
 * the `portal766.*` measures: QĐ 766/QĐ-TTg as the national portal scores it, dossier-index.md §1.2
 * (confidence M).
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
  'portal766.publishOnTime': { needs: 'portal766', basis: false },
  'portal766.publicUpdateOnTime': { needs: 'portal766', basis: false },
  'portal766.publicContentFull': { needs: 'portal766', basis: false },
  'portal766.dossierSync': { needs: 'portal766', basis: false },
  'portal766.processingOnTime': { needs: 'portal766', basis: false },
  'portal766.electronicResult': { needs: 'portal766', basis: false },
  'portal766.digitisedDossiers': { needs: 'portal766', basis: false },
  'portal766.electronicCertifiedCopy': { needs: 'portal766', basis: false },
  'portal766.reusedData': { needs: 'portal766', basis: false },
  'portal766.citizenDataProcedures': { needs: 'portal766', basis: false },
  'portal766.citizenDataDossiers': { needs: 'portal766', basis: false },
  'portal766.onlinePaymentDossiers': { needs: 'portal766', basis: false },
  'portal766.onlinePaymentProcedures': { needs: 'portal766', basis: false },
  'portal766.onlinePaymentProceduresOfFeeDossiers': { needs: 'portal766', basis: false },
  'portal766.feeIntegratedProcedures': { needs: 'portal766', basis: false },
  'portal766.petitionOnTime': { needs: 'portal766', basis: false },
  'portal766.petitionSatisfaction': { needs: 'portal766', basis: false },
  'portal766.dossierSatisfaction': { needs: 'portal766', basis: false },
} as const satisfies Record<
  string,
  { readonly needs: 'dossiers' | 'plan' | 'procedures' | 'portal766'; readonly basis: boolean }
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

// The dossier measures use the foundation calculators (timeliness, channelShares,
// postalReturnRate) so that a rule leaf and a direct call agree; plan and procedures keep local
// schemas of the documented shapes.
const Count = CountSchema.optional();
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
  const r = safeParse(schema, value);
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

function dossierMeasure(name: string, basis: string, s: DossierStats): number | null {
  switch (name) {
    case 'channels.onlineShare':
      return channelSharesOf(s).onlineShare;
    case 'channels.inPersonShare':
      return channelSharesOf(s).inPersonShare;
    case 'channels.postalShare':
      return channelSharesOf(s).postalShare;
    case 'dossiers.postalReturnRate':
      return postalReturnRateOf(s);
  }
  const t = timelinessOf(s, basis as TimelinessBasis);
  switch (name) {
    case 'dossiers.onTimeOrEarlyRate':
      return t.onTimeOrEarlyRate;
    case 'dossiers.earlyRate':
      return t.earlyRate;
    case 'dossiers.onTimeRate':
      return t.onTimeRate;
    default:
      return t.lateRate;
  }
}

const PORTAL_PREFIX = 'portal766.';

/** The `portal766.<id>.<field>` values of one indicator, as a nested object, or `undefined`. */
function portalCounts(
  id: string,
  values: Record<string, number | string | null> | undefined,
): { counts: Record<string, unknown>; keys: string[] } | undefined {
  if (values === undefined) return undefined;
  const prefix = `${PORTAL_PREFIX}${id}.`;
  // Without prototypes: a key part "__proto__" or "constructor" stays a key (the counts' schema
  // refuses it) and can never reach Object.prototype.
  const counts: Record<string, unknown> = Object.create(null);
  const keys: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (!key.startsWith(prefix)) continue;
    keys.push(key);
    const parts = key.slice(prefix.length).split('.');
    let at = counts;
    for (let i = 0; i < parts.length - 1; i++) {
      const k = parts[i]!;
      const next = at[k];
      at[k] = next !== null && typeof next === 'object' ? next : Object.create(null);
      at = at[k] as Record<string, unknown>;
    }
    at[parts[parts.length - 1]!] = value;
  }
  return keys.length === 0 ? undefined : { counts, keys };
}

function portalMeasure(
  name: string,
  data: { values?: Record<string, number | string | null> } | undefined,
  dossiers: DossierStats | undefined,
  dossiersGiven: boolean,
  issues: CchcIssue[],
): number | null | undefined {
  const variant = name === 'portal766.onlinePaymentProceduresOfFeeDossiers';
  const id = (variant ? 'onlinePaymentProcedures' : name.slice(PORTAL_PREFIX.length)) as Portal766IndicatorId;
  const found = portalCounts(id, data?.values);
  if (id === 'processingOnTime' && dossiersGiven) {
    if (found !== undefined) {
      issues.push({
        path: ['data', 'dossiers'],
        message: `give either the values ${found.keys.map((k) => `"${k}"`).join(', ')} or "dossiers", not both.`,
      });
      return undefined;
    }
    if (dossiers === undefined) return undefined;
    return num(progressFromStats(dossiers, DEFAULT_OPTIONS.includeCarriedOver).used);
  }
  if (found === undefined) return undefined;
  const schema = INDICATOR_SCHEMAS[id];
  const r = safeParse(schema, found.counts);
  if (!r.success) {
    for (const i of r.error.issues) {
      const issue = issueFromZod(i, found.counts);
      issues.push({
        path: ['data', 'values', [`${PORTAL_PREFIX}${id}`, ...issue.path].join('.')],
        message: issue.message,
      });
    }
    return undefined;
  }
  const options = variant
    ? { ...DEFAULT_OPTIONS, paymentProceduresDenominator: 'procedures-with-fee-dossiers' as const }
    : DEFAULT_OPTIONS;
  if (id === 'onlinePaymentProcedures') {
    const c = r.data as { withOnlinePayment: number; withFee: number; withFeeDossiers?: number };
    const field = variant ? 'withFeeDossiers' : 'withFee';
    const den = c[field];
    if (den === undefined) {
      issues.push({
        path: ['data', 'values', `${PORTAL_PREFIX}${id}.${field}`],
        message: `is required by measure "${name}": expected the number of procedures having fee dossiers.`,
      });
      return undefined;
    }
    if (c.withOnlinePayment > den) {
      issues.push({
        path: ['data', 'values', `${PORTAL_PREFIX}${id}.withOnlinePayment`],
        message: `expected "withOnlinePayment" (${c.withOnlinePayment}) to be at most "${field}" (${den}): it counts part of them.`,
      });
      return undefined;
    }
  }
  return num(indicatorRatio(id, r.data as never, options).used);
}

function num(d: Dec | null): number | null {
  return d === null ? null : toNum(d);
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
      : parseData(DossierStatsSchema, data.dossiers, 'dossiers', issues);
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
    if (def.needs === 'portal766') {
      const v = portalMeasure(name, data, dossiers, data?.dossiers !== undefined, issues);
      if (v !== undefined) out.set(key, v);
    } else if (def.needs === 'dossiers' && dossiers !== undefined)
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
