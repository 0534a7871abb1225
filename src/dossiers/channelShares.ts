import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { apportion } from '../numeric/apportion.js';
import { Dec, rateOrNull } from '../numeric/decimal.js';
import { DecimalsSchema } from '../numeric/schemas.js';
import { type DossierStats, type DossierStatsInput, DossierStatsSchema } from './DossierStats.js';
import { totalsOf } from './dossierTotals.js';

/**
 * The result of {@link channelShares}.
 * @category Dossiers
 */
export interface ChannelSharesResult {
  /** Newly received in the period: online + in person + postal (carried over excluded). */
  readonly received: number;
  /** Newly received online (trực tuyến, II.06a col. 4). */
  readonly online: number;
  /** Newly received in person (trực tiếp). */
  readonly inPerson: number;
  /** Newly received by post (qua BCCI). */
  readonly postal: number;
  /** online ÷ received, or `null` when nothing was received. */
  readonly onlineShare: number | null;
  /** inPerson ÷ received, or `null` when nothing was received. */
  readonly inPersonShare: number | null;
  /** postal ÷ received, or `null` when nothing was received. */
  readonly postalShare: number | null;
}

/**
 * Options of {@link channelPercentages}.
 * @category Dossiers
 */
export interface ChannelPercentagesOptions {
  /** Decimal places of each percentage (0–20). Default 2. */
  decimals?: number;
}

/**
 * The result of {@link channelPercentages}: percentages (98.41, not 0.9841) that add up to exactly 100.
 * @category Dossiers
 */
export interface ChannelPercentages {
  readonly online: number;
  readonly inPerson: number;
  readonly postal: number;
}

const StatsArgsSchema = z.object({ stats: DossierStatsSchema });
const PercentagesArgsSchema = z.object({
  stats: DossierStatsSchema,
  options: z.strictObject({ decimals: DecimalsSchema.optional() }).optional(),
});

/**
 * Channel shares of validated statistics (the trusted core of {@link channelShares}).
 * @internal
 */
export function channelSharesOf(s: DossierStats): ChannelSharesResult {
  const { online, inPerson, postal } = s.received;
  const received = totalsOf(s).receivedInPeriod;
  const den = new Dec(received);
  return {
    received,
    online,
    inPerson,
    postal,
    onlineShare: rateOrNull(new Dec(online), den),
    inPersonShare: rateOrNull(new Dec(inPerson), den),
    postalShare: rateOrNull(new Dec(postal), den),
  };
}

/**
 * Splits the dossiers newly received in the period by channel: online, in person, by post (BCCI).
 *
 * @remarks
 * Online share = online received ÷ received in the period (DOMAIN.md "Formulas"; DESIGN.md: over
 * dossiers newly received, carried over excluded). The national portal's indicator 3.3
 * (dossier-index.md §1.2, confidence M) also requires an electronic result for online dossiers and
 * multiplies by the sync rate; neither is a dossier count, so that adjustment is left to the caller.
 * Shares are ratios, the nearest double to the exact quotient; each rounded on its own they may add
 * up to 99,99 % or 100,01 %: use {@link channelPercentages} to print three that add up to 100.
 *
 * @param stats - dossier statistics.
 * @returns the counts and the shares, `null` shares when nothing was received in the period.
 * @throws {@link CchcError} `INVALID_INPUT` for malformed statistics (path `['stats', …]`) or a total
 *   beyond `Number.MAX_SAFE_INTEGER`.
 * @example
 * ```ts
 * import { channelShares, percent } from 'cchc-index';
 * const c = channelShares({ received: { online: 8535, inPerson: 138 } }); // Lộc Bình 6 months 2024
 * [c.received, percent(c.onlineShare), percent(c.inPersonShare), c.postalShare];
 * // => [8673, 98.41, 1.59, 0]
 * channelShares({ received: { carriedOver: 12 } }).onlineShare;
 * // => null
 * ```
 * @category Dossiers
 */
export function channelShares(stats: DossierStatsInput): ChannelSharesResult {
  return channelSharesOf(parseWith(StatsArgsSchema, { stats }).stats);
}

/**
 * Gives the channel split of the dossiers newly received in the period as percentages rounded so
 * that the three add up to exactly 100, for printing side by side.
 *
 * @remarks
 * Uses {@link apportion} (largest remainder, DESIGN.md "Values and precision") on the online, in
 * person and postal counts; a channel with no dossiers gets exactly 0. For a single rate to compare
 * with a target, use {@link channelShares} and {@link percent} instead: apportioning may move a
 * share by one step of the last decimal.
 *
 * @param stats - dossier statistics.
 * @param options - `decimals` (default 2).
 * @returns the percentages, or `null` when nothing was received in the period.
 * @throws {@link CchcError} `INVALID_INPUT` for malformed statistics (path `['stats', …]`) or
 *   options (path `['options', …]`).
 * @example
 * ```ts
 * import { channelPercentages } from 'cchc-index';
 * channelPercentages({ received: { online: 1, inPerson: 1, postal: 1 } });
 * // => { online: 33.34, inPerson: 33.33, postal: 33.33 }
 * channelPercentages({ received: { online: 8535, inPerson: 138 } }, { decimals: 1 }); // Lộc Bình 2024
 * // => { online: 98.4, inPerson: 1.6, postal: 0 }
 * channelPercentages({});
 * // => null
 * ```
 * @category Dossiers
 */
export function channelPercentages(
  stats: DossierStatsInput,
  options?: ChannelPercentagesOptions,
): ChannelPercentages | null {
  const { stats: s, options: o } = parseWith(PercentagesArgsSchema, { stats, options });
  const { online, inPerson, postal } = s.received;
  const parts = apportion([online, inPerson, postal], { decimals: o?.decimals ?? 2 });
  if (parts === null) return null;
  const [a, b, c] = parts as [number, number, number];
  return { online: a, inPerson: b, postal: c };
}
