import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { Dec, rateOrNull } from '../numeric/decimal.js';
import { type DossierStatsInput, DossierStatsSchema } from './DossierStats.js';

/**
 * The result of {@link channelShares}.
 * @category Dossiers
 */
export interface ChannelSharesResult {
  /** Newly received in the period (carried over excluded). */
  readonly received: number;
  readonly online: number;
  readonly inPerson: number;
  readonly postal: number;
  /** online ÷ received, or `null` when nothing was received. */
  readonly onlineShare: number | null;
  readonly inPersonShare: number | null;
  readonly postalShare: number | null;
}

/**
 * Splits the dossiers newly received in the period by channel: online, in person, by post (BCCI).
 *
 * @remarks
 * Online share = online received ÷ received in the period, as local reports compute it
 * (shared/reference/dossier-index.md §3, confidence H). The national portal's indicator 3.3 also
 * multiplies by the sync rate; that is not a dossier count and is left to the caller.
 * Use {@link apportion} to show the three shares so they add up to exactly 100 %.
 *
 * @param stats - dossier statistics.
 * @returns counts and shares (ratios), `null` shares when nothing was received.
 * @throws {@link CchcError} `INVALID_INPUT` for malformed statistics.
 * @example
 * ```ts
 * import { channelShares, percent } from 'cchc-index';
 * percent(channelShares({ received: { online: 8535, inPerson: 138 } }).onlineShare); // Lộc Bình 2024
 * // => 98.41
 * ```
 * @category Dossiers
 */
export function channelShares(stats: DossierStatsInput): ChannelSharesResult {
  const { received: r } = parseWith(z.object({ stats: DossierStatsSchema }), { stats }).stats;
  const received = r.online + r.inPerson + r.postal;
  const den = new Dec(received);
  return {
    received,
    online: r.online,
    inPerson: r.inPerson,
    postal: r.postal,
    onlineShare: rateOrNull(new Dec(r.online), den),
    inPersonShare: rateOrNull(new Dec(r.inPerson), den),
    postalShare: rateOrNull(new Dec(r.postal), den),
  };
}
