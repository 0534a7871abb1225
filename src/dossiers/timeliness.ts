import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { Dec, rateOrNull } from '../numeric/decimal.js';
import { type DossierStats, type DossierStatsInput, DossierStatsSchema } from './DossierStats.js';
import { totalsOf } from './dossierTotals.js';
import { sumCounts } from './internalCounts.js';

/**
 * What timeliness rates divide by; provinces differ (shared/reference/dossier-index.md §2.3).
 * - `'resolved'`: dossiers resolved (method A, the most common);
 * - `'due'`: resolved + still open and overdue (method B, Vĩnh Phúc);
 * - `'toProcess'`: carried over + newly received (method C, Gia Lai);
 * - `'portal766'`: dossiers received or processed in the period (method D, QĐ 766 indicator 2.1).
 * @category Dossiers
 */
export type TimelinessBasis = 'resolved' | 'due' | 'toProcess' | 'portal766';

/**
 * Options of {@link timeliness}.
 * @category Dossiers
 */
export interface TimelinessOptions {
  /** The denominator of the rates. Default `'resolved'`. */
  basis?: TimelinessBasis;
  /**
   * Only with `basis: 'portal766'`: whether dossiers carried over from the previous period are in
   * the denominator. Default `true`, the national portal's behaviour (it divides by "tổng số hồ sơ
   * được tiếp nhận, xử lý trong kỳ" and counts carried-over dossiers still open at the period end).
   * `false` divides by dossiers newly received in the period only; the numerator still holds the
   * carried-over dossiers resolved or open within deadline, so the rate can then exceed 1.
   */
  includeCarriedOver?: boolean;
}

/**
 * The result of {@link timeliness}. Rates are ratios (0.9881, not 98.81), the nearest double to the
 * exact decimal quotient, or `null` when the denominator is 0 ("không phát sinh").
 * @category Dossiers
 */
export interface TimelinessResult {
  /** The basis used. */
  readonly basis: TimelinessBasis;
  /**
   * The count the rates divide by: resolved (`'resolved'`); resolved + pending overdue (`'due'`);
   * carried over + newly received (`'toProcess'`); newly received, plus carried over unless
   * `includeCarriedOver: false` (`'portal766'`).
   */
  readonly denominator: number;
  /** Resolved dossiers: early + on time + late (II.06a col. 7). */
  readonly resolved: number;
  /** Resolved early, trước hạn (col. 8). */
  readonly early: number;
  /** Resolved on the due date, đúng hạn (col. 9). */
  readonly onTime: number;
  /** Resolved late, quá hạn (col. 10). */
  readonly late: number;
  /** Still open within deadline (col. 12). */
  readonly pendingWithinDeadline: number;
  /** Still open and overdue (col. 13). */
  readonly pendingOverdue: number;
  /**
   * The numerator of `onTimeOrEarlyRate`: early + on time (`'resolved'`, `'due'`); denominator −
   * `lateCount` (`'toProcess'`); early + on time + pending within deadline (`'portal766'`).
   */
  readonly onTimeOrEarlyCount: number;
  /** The numerator of `lateRate`: late (`'resolved'`); late + pending overdue (every other basis). */
  readonly lateCount: number;
  /** early ÷ denominator. */
  readonly earlyRate: number | null;
  /** onTime ÷ denominator. */
  readonly onTimeRate: number | null;
  /** The "đúng hạn" reports print (on time or early): `onTimeOrEarlyCount` ÷ denominator. */
  readonly onTimeOrEarlyRate: number | null;
  /** The late or overdue share: `lateCount` ÷ denominator. */
  readonly lateRate: number | null;
}

const BASES = ['resolved', 'due', 'toProcess', 'portal766'] as const;

const TimelinessArgsSchema = z.object({
  stats: DossierStatsSchema,
  options: z
    .strictObject({
      basis: z.enum(BASES).optional(),
      includeCarriedOver: z.boolean().optional(),
    })
    .refine((o) => o.includeCarriedOver === undefined || o.basis === 'portal766', {
      error: `"includeCarriedOver" applies only to basis 'portal766'; remove it or set basis: 'portal766'.`,
      path: ['includeCarriedOver'],
    })
    .optional(),
});

/**
 * Timeliness of validated statistics (the trusted core of {@link timeliness}).
 * @internal
 */
export function timelinessOf(
  s: DossierStats,
  basis: TimelinessBasis,
  includeCarriedOver = true,
): TimelinessResult {
  const t = totalsOf(s);
  const { early, onTime, late } = s.resolved;
  const { withinDeadline, overdue } = s.pending;
  const earlyOrOnTime = sumCounts([early, onTime], ['stats', 'resolved'], 'early + on time');
  const lateOrOverdue = sumCounts([late, overdue], ['stats'], 'late + pending overdue');
  let denominator: number;
  let good: number;
  let bad: number;
  switch (basis) {
    case 'resolved':
      denominator = t.resolved;
      good = earlyOrOnTime;
      bad = late;
      break;
    case 'due':
      denominator = sumCounts([t.resolved, overdue], ['stats'], 'resolved + pending overdue');
      good = earlyOrOnTime;
      bad = lateOrOverdue;
      break;
    case 'toProcess':
      denominator = t.received;
      bad = lateOrOverdue;
      // Safe integers ≥ 0: the difference is exact (negative only for inconsistent statistics).
      good = denominator - bad;
      break;
    case 'portal766':
      denominator = includeCarriedOver ? t.received : t.receivedInPeriod;
      good = sumCounts(
        [earlyOrOnTime, withinDeadline],
        ['stats'],
        'early + on time + pending within deadline',
      );
      bad = lateOrOverdue;
      break;
  }
  const den = new Dec(denominator);
  return {
    basis,
    denominator,
    resolved: t.resolved,
    early,
    onTime,
    late,
    pendingWithinDeadline: withinDeadline,
    pendingOverdue: overdue,
    onTimeOrEarlyCount: good,
    lateCount: bad,
    earlyRate: rateOrNull(new Dec(early), den),
    onTimeRate: rateOrNull(new Dec(onTime), den),
    onTimeOrEarlyRate: rateOrNull(new Dec(good), den),
    lateRate: rateOrNull(new Dec(bad), den),
  };
}

/**
 * Computes how many dossiers were resolved early, on time and late, as counts and exact rates, on
 * the basis the caller's province uses.
 *
 * @remarks
 * "Đúng hạn" in reports usually means on time **or early** ("giải quyết sớm hạn và đúng hạn",
 * dossier-index.md §2.3, confidence H), so `onTimeOrEarlyRate` is the figure reports print; early
 * and on time stay apart in the counts. The bases (DOMAIN.md "Timeliness basis"; dossier-index.md
 * §2.3, confidence H that practice varies) and what each rate means under them:
 *
 * - `'resolved'` (default; method A, most reports, OpenCPS): denominator = resolved.
 *   earlyRate = early ÷ resolved, onTimeRate = on time ÷ resolved, onTimeOrEarlyRate = (early + on
 *   time) ÷ resolved, lateRate = late ÷ resolved; the three of early, on time and late add up to 1.
 *   Open dossiers do not count. Lâm Đồng Q1/2020: 635.593 ÷ 643.272 = 98,81 %; Thái Bình 2020:
 *   83,94 % early, 16,05 % on time, 0,01 % late.
 * - `'due'` (method B, Vĩnh Phúc): denominator = dossiers that fell due = resolved + pending
 *   overdue. onTimeOrEarlyRate = (early + on time) ÷ due; lateRate = (late + pending overdue) ÷ due,
 *   so the two add up to 1. Vĩnh Phúc 8/2021: 19.255 ÷ 19.944 = 96,55 %, overdue share 689 ÷ 19.944
 *   = 3,45 %.
 * - `'toProcess'` (method C, Gia Lai one-stop system): denominator = dossiers to process = carried
 *   over + newly received. lateRate = (late + pending overdue) ÷ to process, and onTimeOrEarlyRate
 *   = 1 − lateRate exactly ("đúng hạn = 100 % − trễ"): it counts every dossier not late, including
 *   those open within deadline, withdrawn or returned, so it is more than earlyRate + onTimeRate
 *   (early ÷ to process, on time ÷ to process) whenever such dossiers exist.
 * - `'portal766'` (method D, QĐ 766/QĐ-TTg indicator 2.1 as the national portal computes it,
 *   dossier-index.md §1.2 row 2.1 and §1.3; source: the portal's technical description, confidence
 *   M): onTimeOrEarlyRate = (early + on time + pending within deadline) ÷ dossiers received or
 *   processed in the period, the portal's `totalOnTime / totalReceived`; lateRate = (late + pending
 *   overdue) ÷ the same. The portal counts a dossier still open at the period end as on time or
 *   overdue as of that day, and its denominator is "tổng số hồ sơ được tiếp nhận, xử lý trong kỳ",
 *   so carried-over dossiers processed in the period are counted: `includeCarriedOver` defaults to
 *   `true` (confidence M: inferred from that wording and from the numerator holding carried-over
 *   dossiers; DOMAIN.md words it "÷ received in the period", which `includeCarriedOver: false`
 *   reproduces). The portal classifies withdrawn and refused dossiers by their end time; this model
 *   has no timeliness for them, so they sit in the denominator only and the rate can be slightly
 *   below the portal's. Indicator points = 20 × onTimeOrEarlyRate (§1.2, verified on 984 rows).
 *
 * For statistics that balance ({@link checkDossierStats} finds nothing) every rate is within
 * [0, 1]. Under `'resolved'` and `'due'` that holds for any valid statistics; under `'toProcess'`
 * and `'portal766'` inconsistent statistics (more late than received, say) give rates outside it,
 * which is shown rather than hidden.
 *
 * @param stats - dossier statistics.
 * @param options - `basis` (default `'resolved'`); `includeCarriedOver` for `'portal766'` (default
 *   `true`).
 * @returns counts, the denominator, and the rates; a rate is `null` when the denominator is 0.
 * @throws {@link CchcError} `INVALID_INPUT` for malformed statistics (path `['stats', …]`), an unknown
 *   basis or option (path `['options', …]`), or a total beyond `Number.MAX_SAFE_INTEGER`.
 * @example
 * ```ts
 * import { percent, timeliness } from 'cchc-index';
 * const t = timeliness({ resolved: { early: 52006, onTime: 9942, late: 5 } }); // Thái Bình 2020
 * [percent(t.earlyRate), percent(t.onTimeRate), percent(t.lateRate)];
 * // => [83.94, 16.05, 0.01]
 * const v = timeliness({ resolved: { onTime: 19255 }, pending: { overdue: 689 } }, { basis: 'due' }); // Vĩnh Phúc 8/2021
 * [v.denominator, percent(v.onTimeOrEarlyRate), percent(v.lateRate)];
 * // => [19944, 96.55, 3.45]
 * timeliness({ received: { carriedOver: 10, online: 90 }, resolved: { onTime: 80 }, pending: { withinDeadline: 15, overdue: 5 } }, { basis: 'portal766' }).onTimeOrEarlyRate;
 * // => 0.95
 * timeliness({}).onTimeOrEarlyRate;
 * // => null
 * ```
 * @category Dossiers
 */
export function timeliness(stats: DossierStatsInput, options?: TimelinessOptions): TimelinessResult {
  const args = parseWith(TimelinessArgsSchema, { stats, options });
  return timelinessOf(
    args.stats,
    args.options?.basis ?? 'resolved',
    args.options?.includeCarriedOver ?? true,
  );
}
