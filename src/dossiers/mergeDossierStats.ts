import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { type DossierStats, type DossierStatsInput, DossierStatsSchema } from './DossierStats.js';
import { addAllStats } from './internalCounts.js';

const MergeArgsSchema = z.object({ stats: z.array(DossierStatsSchema) });

/**
 * Adds validated statistics field by field (the trusted core of {@link mergeDossierStats}).
 * @internal
 */
export function mergeValidDossierStats(list: readonly DossierStats[]): DossierStats {
  return addAllStats(list);
}

/**
 * Adds dossier statistics field by field: months into a quarter, agencies into a province, shards
 * computed apart into one total.
 *
 * @remarks
 * Counts add exactly, so merging is associative and commutative and its identity is
 * {@link emptyDossierStats} (DESIGN.md "Scale beyond one machine"): statistics computed per shard,
 * per month, per agency or inside a database (`GROUP BY`) combine to the same figures as one pass
 * over every record. Rates are never merged: compute them from the merged counts with
 * {@link timeliness}, {@link channelShares} or {@link postalReturnRate}.
 *
 * A merged count is still a JS number, so a total beyond `Number.MAX_SAFE_INTEGER` (2^53 − 1) could
 * not be held exactly: that is reported as an error, never rounded. Partial sums only grow, so
 * whether a merge throws does not depend on the order or grouping of its arguments. The arguments
 * are not modified; the result is a new object.
 *
 * @param stats - any number of statistics, each validated (counts as numbers or digit strings);
 *   none gives the empty statistics.
 * @returns the field-by-field sum, every count present.
 * @throws {@link CchcError} `INVALID_INPUT` for a malformed statistics object, with the path
 *   `['stats', i, …]` of the offending argument and field (e.g. `['stats', 2, 'received', 'online']`),
 *   or when a merged count would exceed `Number.MAX_SAFE_INTEGER` (path of the argument that took it
 *   over).
 * @example
 * ```ts
 * import { mergeDossierStats } from 'cchc-index';
 * const q1 = mergeDossierStats({ received: { online: 8000 } }, { received: { online: 535, inPerson: 138 } });
 * q1.received;
 * // => { carriedOver: 0, online: 8535, inPerson: 138, postal: 0 }
 * mergeDossierStats().resolved;
 * // => { early: 0, onTime: 0, late: 0 }
 * ```
 * @category Dossiers
 */
export function mergeDossierStats(...stats: DossierStatsInput[]): DossierStats {
  return mergeValidDossierStats(parseWith(MergeArgsSchema, { stats }).stats);
}
