import { z } from 'zod';
import { CchcError, type CchcIssue } from '../errors/CchcError.js';
import { parseWith } from '../errors/fromZod.js';
import { type DossierStats, type DossierStatsInput, DossierStatsSchema } from './DossierStats.js';
import { emptyDossierStats } from './emptyDossierStats.js';

const MergeArgsSchema = z.object({ stats: z.array(DossierStatsSchema) });

type Path = (string | number)[];

/** Adds `b` into a copy of `a` field by field, checking that every sum stays a safe integer. @internal */
export function addDossierStats(a: DossierStats, b: DossierStats, issues: CchcIssue[] = []): DossierStats {
  const add = (x: number, y: number, path: Path): number => {
    const sum = x + y;
    if (!Number.isSafeInteger(sum)) {
      issues.push({
        path,
        message: `the sum ${x} + ${y} exceeds ${Number.MAX_SAFE_INTEGER}, the largest exact count.`,
      });
    }
    return sum;
  };
  const out: DossierStats = {
    received: {
      carriedOver: add(a.received.carriedOver, b.received.carriedOver, ['received', 'carriedOver']),
      online: add(a.received.online, b.received.online, ['received', 'online']),
      inPerson: add(a.received.inPerson, b.received.inPerson, ['received', 'inPerson']),
      postal: add(a.received.postal, b.received.postal, ['received', 'postal']),
    },
    resolved: {
      early: add(a.resolved.early, b.resolved.early, ['resolved', 'early']),
      onTime: add(a.resolved.onTime, b.resolved.onTime, ['resolved', 'onTime']),
      late: add(a.resolved.late, b.resolved.late, ['resolved', 'late']),
    },
    pending: {
      withinDeadline: add(a.pending.withinDeadline, b.pending.withinDeadline, ['pending', 'withinDeadline']),
      overdue: add(a.pending.overdue, b.pending.overdue, ['pending', 'overdue']),
    },
    returnedByPost: add(a.returnedByPost, b.returnedByPost, ['returnedByPost']),
    withdrawn: add(a.withdrawn, b.withdrawn, ['withdrawn']),
    returned: add(a.returned, b.returned, ['returned']),
  };
  return out;
}

/**
 * Adds dossier statistics field by field: months into a quarter, agencies into a province, shards
 * computed apart into one total.
 *
 * @remarks
 * Counts add exactly, so merging is associative and commutative and its identity is
 * {@link emptyDossierStats}: statistics computed per shard, per month, per agency or inside a
 * database (`GROUP BY`) combine to the same figures as one pass over every record. Rates are never
 * merged: compute them from the merged counts.
 *
 * @param stats - any number of statistics (each validated); none gives the empty statistics.
 * @returns the field-by-field sum, a new object.
 * @throws {@link CchcError} `INVALID_INPUT` for a malformed statistics object (path
 *   `['stats', i, …]`) or a sum beyond `Number.MAX_SAFE_INTEGER`.
 * @example
 * ```ts
 * import { mergeDossierStats } from 'cchc-index';
 * mergeDossierStats({ received: { online: 8000 } }, { received: { online: 535, inPerson: 138 } }).received;
 * // => { carriedOver: 0, online: 8535, inPerson: 138, postal: 0 }
 * ```
 * @category Dossiers
 */
export function mergeDossierStats(...stats: DossierStatsInput[]): DossierStats {
  const parsed = parseWith(MergeArgsSchema, { stats });
  const issues: CchcIssue[] = [];
  let total = emptyDossierStats();
  for (const s of parsed.stats) total = addDossierStats(total, s, issues);
  if (issues.length > 0) throw new CchcError('INVALID_INPUT', issues);
  return total;
}
