import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { type DossierStats, type DossierStatsInput, DossierStatsSchema } from './DossierStats.js';

/**
 * The totals of the II.06a form, derived from the counts.
 * @category Dossiers
 */
export interface DossierTotals {
  /** Newly received in the period: online + in person + postal (mới tiếp nhận trong kỳ). */
  readonly receivedInPeriod: number;
  /** Carried over + newly received (tổng số tiếp nhận, col. 3). */
  readonly received: number;
  /** Early + on time + late (đã giải quyết, col. 7). */
  readonly resolved: number;
  /** Within deadline + overdue (đang giải quyết, col. 11). */
  readonly pending: number;
  /** Resolved + withdrawn + returned: dossiers that left processing. */
  readonly closed: number;
}

/** Totals of already-validated statistics. @internal */
export function totalsOf(s: DossierStats): DossierTotals {
  const receivedInPeriod = s.received.online + s.received.inPerson + s.received.postal;
  const resolved = s.resolved.early + s.resolved.onTime + s.resolved.late;
  return {
    receivedInPeriod,
    received: s.received.carriedOver + receivedInPeriod,
    resolved,
    pending: s.pending.withinDeadline + s.pending.overdue,
    closed: resolved + s.withdrawn + s.returned,
  };
}

/**
 * Computes the totals a II.06a report prints from the detailed counts.
 *
 * @param stats - dossier statistics.
 * @returns the totals.
 * @throws {@link CchcError} `INVALID_INPUT` for malformed statistics (path `['stats', …]`).
 * @example
 * ```ts
 * import { dossierTotals } from 'cchc-index';
 * dossierTotals({ received: { online: 8535, inPerson: 138 }, resolved: { early: 8000, onTime: 673 } });
 * // => { receivedInPeriod: 8673, received: 8673, resolved: 8673, pending: 0, closed: 8673 }
 * ```
 * @category Dossiers
 */
export function dossierTotals(stats: DossierStatsInput): DossierTotals {
  return totalsOf(parseWith(z.object({ stats: DossierStatsSchema }), { stats }).stats);
}
