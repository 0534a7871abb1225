import type { DossierStats } from './DossierStats.js';

/**
 * Returns dossier statistics with every count 0: the identity of {@link mergeDossierStats}.
 *
 * @returns a new, fully populated statistics object.
 * @example
 * ```ts
 * import { emptyDossierStats } from 'cchc-index';
 * emptyDossierStats().resolved;
 * // => { early: 0, onTime: 0, late: 0 }
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
