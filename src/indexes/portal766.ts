import { z } from 'zod';
import type { Confidence } from '../calendar/ArrangementSchema.js';
import { parseWith } from '../errors/fromZod.js';
import { type Dec, toDec, toNum, ZERO } from '../numeric/decimal.js';
import {
  DEFAULT_OPTIONS,
  type IndicatorRatio,
  indicatorRatio,
  pair,
  pointsOf,
  progressFromStats,
  type ResolvedOptions,
  targetOf,
} from './portal766/compute.js';
import {
  DEFINITION,
  PORTAL_766_GROUPS,
  PORTAL_766_INDICATORS,
  type Portal766GroupId,
  type Portal766IndicatorId,
  type Portal766Scoring,
} from './portal766/definitions.js';
import {
  type IndicatorCounts,
  type Portal766Data,
  type Portal766Input,
  Portal766InputSchema,
} from './portal766/Portal766Input.js';

/**
 * Options of {@link scorePortal766}: where the sources conflict, which reading to use. Every
 * default is the behaviour verified against the portal's API (dossier-index.md §1.2 "R").
 * @category Indexes
 */
export interface Portal766Options {
  /**
   * 2.1 from `dossiers` only: whether dossiers carried over from the previous period are in the
   * denominator. Default `true`, as {@link timeliness} with basis `'portal766'` ("hồ sơ được tiếp
   * nhận, xử lý trong kỳ", M); `false` divides by dossiers newly received (DOMAIN.md wording).
   */
  includeCarriedOver?: boolean;
  /**
   * 4.2: `'linear'` (default; R, the API score) or `'threshold-80'` (D, the technical description:
   * ≥ 80 % full points, else 4 × rate ÷ 80 %).
   */
  digitisedScoring?: 'linear' | 'threshold-80';
  /**
   * 3.5b: divide by procedures with a fee (`'procedures-with-fee'`, default; R) or by procedures
   * having fee dossiers (`'procedures-with-fee-dossiers'`, the crawler's reconciliation; needs
   * `withFeeDossiers`).
   */
  paymentProceduresDenominator?: 'procedures-with-fee' | 'procedures-with-fee-dossiers';
  /**
   * A unit with no petition (PAKN): `'full-points'` (default; R: 5.2 and 5.3 give 6 each) or
   * `'split'` (METRICS row 23, M: 5.3's 6 points go 3 + 3 to 5.2 and 5.4, whose maxima become 9).
   */
  noPetitions?: 'full-points' | 'split';
}

/**
 * Why an indicator has the points it has: `PROPORTIONAL` (max × ratio ÷ target), `FULL` (the ratio
 * reached the target), `NO_DENOMINATOR` (nothing to divide by: 0 points, as the portal scores it),
 * `NO_PETITIONS` (no petition arose: full points), `SPLIT` (no petition, option `noPetitions:
 * 'split'`: this indicator's points moved to 5.2 and 5.4), `GIVEN` (points supplied by the caller),
 * `NO_DATA` (the input has no counts for it: no points, its maximum is pending).
 * @category Indexes
 */
export type Portal766Reason =
  | 'PROPORTIONAL'
  | 'FULL'
  | 'NO_DENOMINATOR'
  | 'NO_PETITIONS'
  | 'SPLIT'
  | 'GIVEN'
  | 'NO_DATA';

/**
 * One indicator of a {@link Portal766Result}: points with maximum, the counts and ratio used, the
 * formula, its source and confidence.
 * @category Indexes
 */
export interface Portal766IndicatorResult {
  /** The indicator id, see {@link PORTAL_766_INDICATORS}. */
  readonly id: Portal766IndicatorId;
  /** The row of dossier-index.md §1.2. */
  readonly ref: string;
  /** The portal's metric code, when known. */
  readonly metricCode: string | null;
  /** Its group. */
  readonly group: Portal766GroupId;
  /** Vietnamese name. */
  readonly name: string;
  /** Maximum points (9, 9 and 0 for 5.2, 5.4 and 5.3 under `noPetitions: 'split'` with no petition). */
  readonly max: number;
  /** Points, within [0, max]; `null` when there is no data (`NO_DATA`). */
  readonly points: number | null;
  /** The count divided (`null` for given indicators without counts, or no data). */
  readonly numerator: number | null;
  /** The count divided by. */
  readonly denominator: number | null;
  /** numerator ÷ denominator as a ratio, `null` when the denominator is 0. */
  readonly rate: number | null;
  /** The ratio scored: the rate, or 1 when no petition arose; `null` scores 0. */
  readonly ratioUsed: number | null;
  /** The ratio that earns full points (1 for linear scoring), `null` for given points. */
  readonly target: number | null;
  /** How it scores. */
  readonly scoring: Portal766Scoring;
  /** Why it has these points. */
  readonly reason: Portal766Reason;
  /** The formula in words. */
  readonly formula: string;
  /** Where the formula and its scoring come from. */
  readonly source: string;
  /** Confidence in the scoring (H, M, L). */
  readonly confidence: Confidence;
}

/**
 * Completeness of a group or of the total: `complete` (every indicator has points), `partial`
 * (some have no data), `no-data` (none has).
 * @category Indexes
 */
export type Portal766Status = 'complete' | 'partial' | 'no-data';

/**
 * One group of a {@link Portal766Result}.
 * @category Indexes
 */
export interface Portal766GroupResult {
  /** The group id, see {@link PORTAL_766_GROUPS}. */
  readonly id: Portal766GroupId;
  /** Vietnamese name. */
  readonly name: string;
  /** Maximum points. */
  readonly max: number;
  /** Sum of the indicators' points. */
  readonly points: number;
  /** Maximum of the indicators without data. */
  readonly pendingMax: number;
  /** Completeness. */
  readonly status: Portal766Status;
  /** Its indicators, in the portal's order. */
  readonly indicators: readonly Portal766IndicatorResult[];
}

/**
 * The result of {@link scorePortal766}: total out of 100, the six groups and every indicator.
 * @category Indexes
 */
export interface Portal766Result {
  /** Sum of every indicator's points. */
  readonly points: number;
  /** 100. */
  readonly max: number;
  /** Maximum of the indicators without data. */
  readonly pendingMax: number;
  /** Completeness. */
  readonly status: Portal766Status;
  /** The six groups in the portal's order. */
  readonly groups: readonly Portal766GroupResult[];
  /** The options used, defaults filled in. */
  readonly options: Readonly<Required<Portal766Options>>;
}

const Portal766OptionsSchema = z
  .strictObject({
    includeCarriedOver: z.boolean().optional(),
    digitisedScoring: z.enum(['linear', 'threshold-80']).optional(),
    paymentProceduresDenominator: z.enum(['procedures-with-fee', 'procedures-with-fee-dossiers']).optional(),
    noPetitions: z.enum(['full-points', 'split']).optional(),
  })
  .optional();

const ArgsSchema = z
  .object({ input: Portal766InputSchema, options: Portal766OptionsSchema })
  .refine(
    (a) =>
      a.options?.paymentProceduresDenominator !== 'procedures-with-fee-dossiers' ||
      a.input.onlinePaymentProcedures === undefined ||
      a.input.onlinePaymentProcedures.withFeeDossiers !== undefined,
    {
      path: ['input', 'onlinePaymentProcedures', 'withFeeDossiers'],
      error:
        'is required with paymentProceduresDenominator: "procedures-with-fee-dossiers": expected the number of procedures having fee dossiers.',
    },
  )
  .refine(
    (a) =>
      a.options?.paymentProceduresDenominator !== 'procedures-with-fee-dossiers' ||
      a.input.onlinePaymentProcedures?.withFeeDossiers === undefined ||
      a.input.onlinePaymentProcedures.withOnlinePayment <= a.input.onlinePaymentProcedures.withFeeDossiers,
    {
      path: ['input', 'onlinePaymentProcedures', 'withOnlinePayment'],
      error: 'expected "withOnlinePayment" to be at most "withFeeDossiers": it counts part of them.',
    },
  )
  .refine(
    (a) =>
      a.input.onlinePaymentProcedures === undefined ||
      a.options?.paymentProceduresDenominator === 'procedures-with-fee-dossiers' ||
      a.input.onlinePaymentProcedures.withOnlinePayment <= a.input.onlinePaymentProcedures.withFee,
    {
      path: ['input', 'onlinePaymentProcedures', 'withOnlinePayment'],
      error: 'expected "withOnlinePayment" to be at most "withFee": it counts part of them.',
    },
  );

const num = (d: Dec | null): number | null => (d === null ? null : toNum(d));

function noPetitionArose(data: Portal766Data): boolean {
  if (data.petitionSatisfaction !== undefined) return data.petitionSatisfaction.received === 0;
  if (data.petitionOnTime !== undefined) return data.petitionOnTime.received === 0;
  return false;
}

function formulaOf(id: Portal766IndicatorId, o: ResolvedOptions, split: boolean): string {
  const f = DEFINITION[id].formula;
  if (id === 'digitisedDossiers' && o.digitisedScoring === 'threshold-80')
    return `min(4, 4 × rate ÷ 80 %), rate = ${f.slice(4)}`;
  if (id === 'onlinePaymentProcedures' && o.paymentProceduresDenominator === 'procedures-with-fee-dossiers')
    return 'min(2, 2.5 × B), B = procedures with a successful online payment ÷ procedures having fee dossiers (totalFeeDossierFormalityDistinct); 0 when none';
  if (split && id === 'petitionSatisfaction')
    return 'no petition: its 6 points are split between 5.2 and 5.4';
  if (split && id === 'petitionOnTime') return 'no petition: 9 points (6 + half of 5.3)';
  if (split && id === 'dossierSatisfaction')
    return `min(9, 9 × rate ÷ 90 %), ${f.slice(f.indexOf('rate ='))}`;
  return f;
}

/**
 * Validated input to result (the trusted core of {@link scorePortal766}).
 * @internal
 */
export function scorePortal766Of(data: Portal766Data, o: ResolvedOptions): Portal766Result {
  const split = o.noPetitions === 'split' && noPetitionArose(data);
  let total = ZERO;
  let totalPending = ZERO;
  let withData = 0;
  const groups: Portal766GroupResult[] = [];
  for (const g of PORTAL_766_GROUPS) {
    let points = ZERO;
    let pending = ZERO;
    let max = ZERO;
    let scored = 0;
    const indicators: Portal766IndicatorResult[] = [];
    for (const d of PORTAL_766_INDICATORS) {
      if (d.group !== g.id) continue;
      let dMax = toDec(d.max);
      if (split && d.id === 'petitionSatisfaction') dMax = ZERO;
      else if (split && (d.id === 'petitionOnTime' || d.id === 'dossierSatisfaction')) dMax = toDec(9);
      const target = targetOf(d.id, o);
      const counts = data[d.id] as Record<string, unknown> | undefined;
      let ratio: IndicatorRatio | null = null;
      let pts: Dec | null = null;
      let reason: Portal766Reason;
      if (d.id === 'processingOnTime' && counts === undefined && data.dossiers !== undefined)
        ratio = progressFromStats(data.dossiers, o.includeCarriedOver);
      if (d.scoring === 'given') {
        if (counts === undefined) reason = 'NO_DATA';
        else {
          pts = toDec(counts.points as number | string);
          reason = 'GIVEN';
          const [n, den] =
            d.id === 'fullOnlineDossiers' ? ['fullOnline', 'eligible'] : ['linked', 'received'];
          const nv = counts[n!] as number | undefined;
          const dv = counts[den!] as number | undefined;
          if (nv !== undefined && dv !== undefined) {
            ratio = { ...pair(nv, dv), used: null };
          }
        }
      } else if (counts === undefined && ratio === null) reason = 'NO_DATA';
      else {
        ratio ??= indicatorRatio(d.id, counts as IndicatorCounts[typeof d.id], o);
        if (split && d.id === 'petitionSatisfaction') {
          pts = ZERO;
          reason = 'SPLIT';
        } else {
          const p = pointsOf(ratio.used, dMax, target!);
          pts = p.points;
          reason = ratio.noPetitions
            ? 'NO_PETITIONS'
            : ratio.used === null
              ? 'NO_DENOMINATOR'
              : p.full
                ? 'FULL'
                : 'PROPORTIONAL';
        }
      }
      max = max.plus(dMax);
      if (pts === null) pending = pending.plus(dMax);
      else {
        points = points.plus(pts);
        scored++;
      }
      indicators.push(
        Object.freeze({
          id: d.id,
          ref: d.ref,
          metricCode: d.metricCode,
          group: d.group,
          name: d.name,
          max: toNum(dMax),
          points: num(pts),
          numerator: num(ratio?.numerator ?? null),
          denominator: num(ratio?.denominator ?? null),
          rate: num(ratio?.rate ?? null),
          ratioUsed: num(ratio?.used ?? null),
          target: num(target),
          scoring:
            d.id === 'digitisedDossiers' && o.digitisedScoring === 'threshold-80' ? 'threshold' : d.scoring,
          reason,
          formula: formulaOf(d.id, o, split),
          source: d.source,
          confidence: d.confidence,
        }),
      );
    }
    total = total.plus(points);
    totalPending = totalPending.plus(pending);
    withData += scored;
    groups.push(
      Object.freeze({
        id: g.id,
        name: g.name,
        max: toNum(max),
        points: toNum(points),
        pendingMax: toNum(pending),
        status: scored === indicators.length ? 'complete' : scored === 0 ? 'no-data' : 'partial',
        indicators: Object.freeze(indicators),
      }),
    );
  }
  return Object.freeze({
    points: toNum(total),
    max: 100,
    pendingMax: toNum(totalPending),
    status: withData === PORTAL_766_INDICATORS.length ? 'complete' : withData === 0 ? 'no-data' : 'partial',
    groups: Object.freeze(groups),
    options: Object.freeze({ ...o }),
  });
}

/**
 * Computes the 766 index (QĐ 766/QĐ-TTg, the real-time service-quality index of the national
 * public service portal) of one unit and period: points of every indicator with its maximum, the
 * counts and ratio used, the formula, source and confidence; the six group scores and the total
 * out of 100.
 *
 * @remarks
 * Groups and maxima: shared/reference/dossier-index.md §1.1 (H); indicators and their scoring:
 * §1.2, defaulting to the behaviour verified against the portal's API (R; confidence M, not the
 * legal text). Highlights:
 * - processing progress (2.1) = 20 × (closed early or on time + open within deadline) ÷ received,
 *   no threshold (verified on 984 rows). With `dossiers` it is {@link timeliness} basis
 *   `'portal766'`; Lộc Bình (Lạng Sơn), 6 months 2024: 8.673 received, all early or on time → 20;
 * - satisfaction 5.4 = min(6, 6 × rate ÷ 90 %), no dossier → 0; petitions 5.2 and 5.3 = 6 × rate,
 *   and a unit with no petition gets their full points (option `noPetitions: 'split'` for METRICS
 *   row 23);
 * - "≥ T % → full, else max × rate ÷ T %" for 4.3 (80 %), 3.5 and 3.5b (80 %: R's min(2, 2.5·x));
 *   linear elsewhere, 4.2 by option;
 * - a zero denominator gives `rate: null` and 0 points (`NO_DENOMINATOR`), as the portal scores the
 *   payment group and 5.4 (R) and as its description allows ("show 0 or N/A", D); 1.4 first falls
 *   back to the previous year's total ÷ 12 or ÷ 4 (D);
 * - the 12-point full-online group and 4.4 could not be reconstructed from the sources: give their
 *   points as the portal shows them (`{ points }`); they are never guessed.
 * Points are exact decimals (returned as the nearest double); the portal rounds its display to
 * 2 decimals (D), which {@link formatNumber} does at the edge.
 *
 * @param input - the unit's counts, see {@link Portal766InputSchema}; every indicator optional.
 * @param options - where sources conflict, see {@link Portal766Options}.
 * @returns the total, the groups and the indicators: plain, readonly, JSON-safe.
 * @throws {@link CchcError} `INVALID_INPUT` for malformed counts (path `['input', <indicator>,
 *   <field>]`, e.g. a part larger than its whole), both `processingOnTime` and `dossiers`, or bad
 *   options (path `['options', …]`).
 * @example
 * ```ts
 * import { scorePortal766 } from 'cchc-index';
 * const r = scorePortal766({
 *   processingOnTime: { onTime: 8673, received: 8673 },
 *   dossierSatisfaction: { unsatisfied: 100, dossiers: 1000 },
 *   petitionOnTime: { onTime: 0, received: 0 },
 * });
 * r.groups[1]?.points;
 * // => 20
 * r.groups[5]?.indicators.map((i) => [i.id, i.points, i.reason]);
 * // => [['petitionOnTime', 6, 'NO_PETITIONS'], ['petitionSatisfaction', null, 'NO_DATA'], ['dossierSatisfaction', 6, 'FULL']]
 * r.points;
 * // => 32
 * r.status;
 * // => 'partial'
 * ```
 * @category Indexes
 */
export function scorePortal766(input: Portal766Input, options?: Portal766Options): Portal766Result {
  const args = parseWith(ArgsSchema, { input, options });
  return scorePortal766Of(args.input, { ...DEFAULT_OPTIONS, ...stripUndefined(args.options) });
}

function stripUndefined<T extends object>(o: T | undefined): Partial<T> {
  if (o === undefined) return {};
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
