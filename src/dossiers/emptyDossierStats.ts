import type { DossierStats } from './DossierStats.js';

/**
 * Returns dossier statistics with every count 0: the identity of {@link mergeDossierStats}.
 *
 * @remarks
 * A new object on every call, fully populated (every group and count present), so it can be
 * filled in or passed on without validation. Merging it with any statistics gives those statistics
 * back (DESIGN.md "Public API contract": the identity is the empty statistics).
 *
 * @returns a new statistics object with all twelve counts 0.
 * @example
 * ```ts
 * import { emptyDossierStats } from 'cchc-index';
 * emptyDossierStats();
 * // => { received: { carriedOver: 0, online: 0, inPerson: 0, postal: 0 }, resolved: { early: 0, onTime: 0, late: 0 }, pending: { withinDeadline: 0, overdue: 0 }, returnedByPost: 0, withdrawn: 0, returned: 0 }
 * ```
 * @category Dossiers
 */
export function emptyDossierStats(): DossierStats {
  return {
    received: { carriedOver: 0, online: 0, inPerson: 0, postal: 0 },
    resolved: { early: 0, onTime: 0, late: 0 },
    pending: { withinDeadline: 0, overdue: 0 },
    returnedByPost: 0,
    withdrawn: 0,
    returned: 0,
  };
}
