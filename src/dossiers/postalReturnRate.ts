import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { Dec, rateOrNull } from '../numeric/decimal.js';
import { type DossierStatsInput, DossierStatsSchema } from './DossierStats.js';

/**
 * Computes the share of results returned by public postal service (trả kết quả qua BCCI) among the
 * dossiers newly received in the period.
 *
 * @remarks
 * Postal-return rate = returned by post ÷ newly received (DOMAIN.md "Formulas"; the postal service
 * for TTHC results is QĐ 45/2016/QĐ-TTg, shared/reference/par-index.md §5).
 *
 * @param stats - dossier statistics.
 * @returns the ratio, or `null` when nothing was received.
 * @throws {@link CchcError} `INVALID_INPUT` for malformed statistics.
 * @example
 * ```ts
 * import { postalReturnRate } from 'cchc-index';
 * postalReturnRate({ received: { online: 150, inPerson: 50 }, returnedByPost: 30 });
 * // => 0.15
 * postalReturnRate({});
 * // => null
 * ```
 * @category Dossiers
 */
export function postalReturnRate(stats: DossierStatsInput): number | null {
  const s = parseWith(z.object({ stats: DossierStatsSchema }), { stats }).stats;
  const received = s.received.online + s.received.inPerson + s.received.postal;
  return rateOrNull(new Dec(s.returnedByPost), new Dec(received));
}
