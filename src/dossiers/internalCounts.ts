/**
 * Private helpers of the dossier calculators: the list of count fields and checked sums of counts.
 * Never exported from the package.
 * @internal
 * @module
 */
import { CchcError, type CchcIssue } from '../errors/CchcError.js';
import type { DossierStats } from './DossierStats.js';

/** The group and key of one count in {@link DossierStats}: `['received', 'online']` or `['withdrawn']`. @internal */
export type CountPath =
  | readonly ['received', keyof DossierStats['received']]
  | readonly ['resolved', keyof DossierStats['resolved']]
  | readonly ['pending', keyof DossierStats['pending']]
  | readonly ['returnedByPost' | 'withdrawn' | 'returned'];

/** Every count of {@link DossierStats}, in schema order. @internal */
export const COUNT_PATHS: readonly CountPath[] = [
  ['received', 'carriedOver'],
  ['received', 'online'],
  ['received', 'inPerson'],
  ['received', 'postal'],
  ['resolved', 'early'],
  ['resolved', 'onTime'],
  ['resolved', 'late'],
  ['pending', 'withinDeadline'],
  ['pending', 'overdue'],
  ['returnedByPost'],
  ['withdrawn'],
  ['returned'],
];

/** Reads one count. @internal */
export function getCount(s: DossierStats, path: CountPath): number {
  switch (path[0]) {
    case 'received':
      return s.received[path[1]];
    case 'resolved':
      return s.resolved[path[1]];
    case 'pending':
      return s.pending[path[1]];
    default:
      return s[path[0]];
  }
}

/** Builds statistics from a function giving each count. @internal */
export function buildStats(countAt: (path: CountPath) => number): DossierStats {
  return {
    received: {
      carriedOver: countAt(['received', 'carriedOver']),
      online: countAt(['received', 'online']),
      inPerson: countAt(['received', 'inPerson']),
      postal: countAt(['received', 'postal']),
    },
    resolved: {
      early: countAt(['resolved', 'early']),
      onTime: countAt(['resolved', 'onTime']),
      late: countAt(['resolved', 'late']),
    },
    pending: {
      withinDeadline: countAt(['pending', 'withinDeadline']),
      overdue: countAt(['pending', 'overdue']),
    },
    returnedByPost: countAt(['returnedByPost']),
    withdrawn: countAt(['withdrawn']),
    returned: countAt(['returned']),
  };
}

const LIMIT = Number.MAX_SAFE_INTEGER;

/**
 * Adds counts (each a safe integer ≥ 0) exactly, or throws `INVALID_INPUT` at `path` when the
 * total would pass `Number.MAX_SAFE_INTEGER` and so could no longer be held exactly by a number.
 * While every partial sum is ≤ 2^53 − 1 each float addition is exact; the first one that is not is
 * ≥ 2^53 after rounding, so the check cannot miss.
 * @internal
 */
export function sumCounts(
  parts: readonly number[],
  path: readonly (string | number)[],
  what: string,
): number {
  let total = 0;
  for (const part of parts) {
    total += part;
    if (total > LIMIT) {
      throw new CchcError('INVALID_INPUT', [{ path, message: tooLarge(what) }]);
    }
  }
  return total;
}

/** The sentence for a total beyond the exact range of numbers. @internal */
export function tooLarge(what: string): string {
  return `${what} exceeds ${LIMIT} (Number.MAX_SAFE_INTEGER), the largest count a number holds exactly; split the statistics.`;
}

/**
 * Adds statistics field by field, exactly. Throws `INVALID_INPUT` listing every field whose total
 * passes `Number.MAX_SAFE_INTEGER`, at the path `['stats', i, …field]` of the argument that took it
 * over. Partial sums only grow, so whether it throws does not depend on the order of the arguments.
 * @internal
 */
export function addAllStats(list: readonly DossierStats[]): DossierStats {
  const issues: CchcIssue[] = [];
  const result = buildStats((path) => {
    let total = 0;
    for (let i = 0; i < list.length; i++) {
      total += getCount(list[i] as DossierStats, path);
      if (total > LIMIT) {
        issues.push({
          path: ['stats', i, ...path],
          message: tooLarge(`the merged total of ${path.join('.')}`),
        });
        break;
      }
    }
    return total;
  });
  if (issues.length > 0) throw new CchcError('INVALID_INPUT', issues);
  return result;
}
