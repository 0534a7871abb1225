import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { Dec, rateOrNull } from '../numeric/decimal.js';
import { type DossierStats, type DossierStatsInput, DossierStatsSchema } from './DossierStats.js';
import { totalsOf } from './dossierTotals.js';

/**
 * Postal-return rate of validated statistics (the trusted core of {@link postalReturnRate}).
 * @internal
 */
export function postalReturnRateOf(s: DossierStats): number | null {
  return rateOrNull(new Dec(s.returnedByPost), new Dec(totalsOf(s).receivedInPeriod));
}

/**
 * Computes the share of results returned by public postal service (trả kết quả qua BCCI) among the
 * dossiers newly received in the period.
 *
 * @remarks
 * Postal-return rate = returned by post ÷ newly received (online + in person + postal, carried over
 * excluded), as DESIGN.md and DOMAIN.md "Formulas" define it; postal delivery of TTHC results is
 * governed by QĐ 45/2016/QĐ-TTg (shared/reference/par-index.md §5, which found no official rate
 * formula: confidence M for the denominator). Results of carried-over dossiers sent by post are in
 * the numerator, so the rate can exceed 1 in a period that mostly clears a backlog.
 *
 * @param stats - dossier statistics.
 * @returns the ratio (nearest double to the exact quotient), or `null` when nothing was newly
 *   received.
 * @throws {@link CchcError} `INVALID_INPUT` for malformed statistics (path `['stats', …]`) or a total
 *   beyond `Number.MAX_SAFE_INTEGER`.
 * @example
 * ```ts
 * import { postalReturnRate } from 'cchc-index';
 * postalReturnRate({ received: { online: 150, inPerson: 50 }, returnedByPost: 30 });
 * // => 0.15
 * postalReturnRate({ received: { carriedOver: 5 }, returnedByPost: 2 });
 * // => null
 * ```
 * @category Dossiers
 */
export function postalReturnRate(stats: DossierStatsInput): number | null {
  return postalReturnRateOf(parseWith(z.object({ stats: DossierStatsSchema }), { stats }).stats);
}
