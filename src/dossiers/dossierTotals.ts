import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { type DossierStats, type DossierStatsInput, DossierStatsSchema } from './DossierStats.js';
import { sumCounts } from './internalCounts.js';

/**
 * The totals of the II.06a form and the dossier balance, derived from the detailed counts.
 * @category Dossiers
 */
export interface DossierTotals {
  /** Mới tiếp nhận trong kỳ: online + in person + postal (II.06a col. 4 + 5). */
  readonly receivedInPeriod: number;
  /** Tổng số tiếp nhận: carried over + newly received (II.06a col. 3 = 4 + 5 + 6). */
  readonly received: number;
  /** Đã giải quyết: early + on time + late (II.06a col. 7 = 8 + 9 + 10). */
  readonly resolved: number;
  /** Đang giải quyết: within deadline + overdue (II.06a col. 11 = 12 + 13). */
  readonly pending: number;
  /** Dossiers that left processing in the period: resolved + withdrawn + returned. */
  readonly closed: number;
  /** Closed + pending: every dossier accounted for; equals `received` when the statistics balance. */
  readonly accounted: number;
  /** Received − accounted: 0 when the statistics balance, positive when dossiers are missing, negative when counted twice. */
  readonly unaccounted: number;
}

/**
 * Totals of already-validated statistics (the trusted core of {@link dossierTotals}).
 * @throws {@link CchcError} `INVALID_INPUT` when a total exceeds `Number.MAX_SAFE_INTEGER`.
 * @internal
 */
export function totalsOf(s: DossierStats, root: readonly (string | number)[] = ['stats']): DossierTotals {
  const r = s.received;
  const receivedInPeriod = sumCounts(
    [r.online, r.inPerson, r.postal],
    [...root, 'received'],
    'the number received in the period',
  );
  const received = sumCounts([r.carriedOver, receivedInPeriod], [...root, 'received'], 'the number received');
  const resolved = sumCounts(
    [s.resolved.early, s.resolved.onTime, s.resolved.late],
    [...root, 'resolved'],
    'the number resolved',
  );
  const pending = sumCounts(
    [s.pending.withinDeadline, s.pending.overdue],
    [...root, 'pending'],
    'the number pending',
  );
  const closed = sumCounts([resolved, s.withdrawn, s.returned], root, 'resolved + withdrawn + returned');
  const accounted = sumCounts([closed, pending], root, 'resolved + pending + withdrawn + returned');
  // Both operands are safe integers ≥ 0, so their difference is exact.
  return {
    receivedInPeriod,
    received,
    resolved,
    pending,
    closed,
    accounted,
    unaccounted: received - accounted,
  };
}

/**
 * Computes the totals a II.06a report prints (received, resolved, pending) and the balance of
 * received against closed and pending dossiers, from the detailed counts.
 *
 * @remarks
 * Identities of Biểu số II.06a/VPCP/KSTT (shared/reference/dossier-index.md §2.2, confidence M-H):
 * col. 3 = 4 + 5 + 6, col. 7 = 8 + 9 + 10, col. 11 = 12 + 13, and normally 3 = 7 + 11 plus withdrawn
 * and returned dossiers when they are kept apart (DOMAIN.md "Formulas"). `unaccounted` is the
 * difference of that last identity as this model keeps it; {@link checkDossierStats} reports it.
 *
 * @param stats - dossier statistics.
 * @returns the totals, exact whole numbers.
 * @throws {@link CchcError} `INVALID_INPUT` for malformed statistics (path `['stats', …]`) or a total
 *   beyond `Number.MAX_SAFE_INTEGER`.
 * @example
 * ```ts
 * import { dossierTotals } from 'cchc-index';
 * dossierTotals({ received: { online: 8535, inPerson: 138 }, resolved: { early: 8000, onTime: 673 } }); // Lộc Bình 2024
 * // => { receivedInPeriod: 8673, received: 8673, resolved: 8673, pending: 0, closed: 8673, accounted: 8673, unaccounted: 0 }
 * dossierTotals({ received: { carriedOver: 40, online: 60 }, resolved: { onTime: 70 }, pending: { overdue: 20 } }).unaccounted;
 * // => 10
 * ```
 * @category Dossiers
 */
export function dossierTotals(stats: DossierStatsInput): DossierTotals {
  return totalsOf(parseWith(z.object({ stats: DossierStatsSchema }), { stats }).stats);
}
