import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { Dec, rateOrNull } from '../numeric/decimal.js';
import { type DossierStats, type DossierStatsInput, DossierStatsSchema } from './DossierStats.js';
import { totalsOf } from './dossierTotals.js';

/**
 * The denominator of timeliness rates; provinces differ (shared/reference/dossier-index.md §2.3).
 * @category Dossiers
 */
export type TimelinessBasis = 'resolved' | 'due' | 'toProcess' | 'portal766';

/**
 * Options of {@link timeliness}.
 * @category Dossiers
 */
export interface TimelinessOptions {
  /** Default `'resolved'`. */
  basis?: TimelinessBasis;
}

/**
 * The result of {@link timeliness}. Rates are ratios in [0, 1], or `null` when the denominator is 0.
 * @category Dossiers
 */
export interface TimelinessResult {
  readonly basis: TimelinessBasis;
  /** The count the rates divide by. */
  readonly denominator: number;
  readonly resolved: number;
  readonly early: number;
  readonly onTime: number;
  readonly late: number;
  readonly pendingWithinDeadline: number;
  readonly pendingOverdue: number;
  /** early ÷ denominator. */
  readonly earlyRate: number | null;
  /** on time ÷ denominator. */
  readonly onTimeRate: number | null;
  /** The "đúng hạn" of reports: see the basis for what counts. */
  readonly onTimeOrEarlyRate: number | null;
  /** The late or overdue share: see the basis for what counts. */
  readonly lateRate: number | null;
}

const TimelinessArgsSchema = z.object({
  stats: DossierStatsSchema,
  options: z
    .strictObject({ basis: z.enum(['resolved', 'due', 'toProcess', 'portal766']).optional() })
    .optional(),
});

/** Timeliness of validated statistics. @internal */
export function timelinessOf(s: DossierStats, basis: TimelinessBasis): TimelinessResult {
  const t = totalsOf(s);
  const early = new Dec(s.resolved.early);
  const onTime = new Dec(s.resolved.onTime);
  const late = new Dec(s.resolved.late);
  const overdue = new Dec(s.pending.overdue);
  let denominator: number;
  let good = early.plus(onTime);
  let bad = late;
  switch (basis) {
    case 'resolved':
      denominator = t.resolved;
      break;
    case 'due':
      denominator = t.resolved + s.pending.overdue;
      bad = late.plus(overdue);
      break;
    case 'toProcess':
      denominator = t.received;
      bad = late.plus(overdue);
      good = new Dec(denominator).minus(bad);
      break;
    case 'portal766':
      denominator = t.receivedInPeriod;
      good = good.plus(s.pending.withinDeadline);
      bad = late.plus(overdue);
      break;
  }
  const den = new Dec(denominator);
  return {
    basis,
    denominator,
    resolved: t.resolved,
    early: s.resolved.early,
    onTime: s.resolved.onTime,
    late: s.resolved.late,
    pendingWithinDeadline: s.pending.withinDeadline,
    pendingOverdue: s.pending.overdue,
    earlyRate: rateOrNull(early, den),
    onTimeRate: rateOrNull(onTime, den),
    onTimeOrEarlyRate: rateOrNull(good, den),
    lateRate: rateOrNull(bad, den),
  };
}

/**
 * Computes how many dossiers were resolved early, on time and late, as counts and exact rates, on
 * the basis the caller's province uses.
 *
 * @remarks
 * "Đúng hạn" in reports usually means on time **or early** ("giải quyết sớm hạn và đúng hạn"), so
 * `onTimeOrEarlyRate` is the figure reports print; early and on time stay apart in the counts.
 * Bases (shared/reference/dossier-index.md §2.3, confidence H that practice varies):
 * - `'resolved'` (default, most common): (early + on time) ÷ resolved; lateRate = late ÷ resolved.
 *   Lâm Đồng Q1/2020: 635.593 ÷ 643.272 = 98,81 %.
 * - `'due'`: denominator = resolved + pending overdue (dossiers that fell due); lateRate =
 *   (late + pending overdue) ÷ due. Vĩnh Phúc 8/2021: 19.255 ÷ 19.944 = 96,55 %, overdue 3,45 %.
 * - `'toProcess'` (Gia Lai): lateRate = (late + pending overdue) ÷ (carried over + newly received);
 *   onTimeOrEarlyRate = 1 − lateRate.
 * - `'portal766'` (QĐ 766 indicator 2.1 as the national portal computes it, §1.2–§1.3, confidence
 *   M): (early + on time + pending within deadline) ÷ newly received in the period; lateRate =
 *   (late + pending overdue) ÷ the same.
 *
 * @param stats - dossier statistics.
 * @param options - `basis` (default `'resolved'`).
 * @returns counts and rates; a rate is `null` when its denominator is 0.
 * @throws {@link CchcError} `INVALID_INPUT` for malformed statistics or an unknown basis.
 * @example
 * ```ts
 * import { timeliness, percent } from 'cchc-index';
 * const t = timeliness({ resolved: { early: 52006, onTime: 9942, late: 5 } }); // Thái Bình 2020
 * percent(t.earlyRate);
 * // => 83.94
 * percent(timeliness({ resolved: { onTime: 19255 }, pending: { overdue: 689 } }, { basis: 'due' }).onTimeOrEarlyRate);
 * // => 96.55
 * timeliness({}).onTimeOrEarlyRate;
 * // => null
 * ```
 * @category Dossiers
 */
export function timeliness(stats: DossierStatsInput, options?: TimelinessOptions): TimelinessResult {
  const args = parseWith(TimelinessArgsSchema, { stats, options });
  return timelinessOf(args.stats, args.options?.basis ?? 'resolved');
}
