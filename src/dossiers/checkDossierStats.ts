import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { CountSchema } from '../numeric/schemas.js';
import { type DossierStatsInput, DossierStatsSchema } from './DossierStats.js';
import { totalsOf } from './dossierTotals.js';

/**
 * Totals as printed in a report, checked against the detailed counts by {@link checkDossierStats}.
 * @category Dossiers
 */
export interface ReportedDossierTotals {
  /** Tổng số tiếp nhận (col. 3), carried over included. */
  received?: number | string;
  /** Mới tiếp nhận trong kỳ. */
  receivedInPeriod?: number | string;
  /** Đã giải quyết (col. 7). */
  resolved?: number | string;
  /** Đang giải quyết (col. 11). */
  pending?: number | string;
}

/**
 * Options of {@link checkDossierStats}.
 * @category Dossiers
 */
export interface CheckDossierStatsOptions {
  /** Totals printed in the report, to check against the counts. */
  totals?: ReportedDossierTotals;
  /**
   * Whether received must balance: received = resolved + pending + withdrawn + returned. Default
   * `true`; set `false` for systems that count withdrawn and returned inside resolved and so
   * balance as received = resolved + pending (then use `withdrawnInResolved: true` instead).
   */
  balance?: boolean;
  /** The system counts withdrawn and returned dossiers inside resolved. Default `false`. */
  withdrawnInResolved?: boolean;
}

/**
 * One broken identity found by {@link checkDossierStats}.
 * @category Dossiers
 */
export interface DossierStatsProblem {
  /** `'RECEIVED_TOTAL'`, `'RECEIVED_IN_PERIOD_TOTAL'`, `'RESOLVED_TOTAL'`, `'PENDING_TOTAL'`, `'BALANCE'` or `'POSTAL_RETURNS'`. */
  readonly code: string;
  /** Where the identity breaks. */
  readonly path: readonly string[];
  /** One sentence. */
  readonly message: string;
  /** The value the identity requires. */
  readonly expected: number;
  /** The value found. */
  readonly actual: number;
}

/**
 * The result of {@link checkDossierStats}.
 * @category Dossiers
 */
export interface CheckDossierStatsResult {
  readonly ok: boolean;
  readonly problems: readonly DossierStatsProblem[];
}

const Args = z.object({
  stats: DossierStatsSchema,
  options: z
    .strictObject({
      totals: z
        .strictObject({
          received: CountSchema.optional(),
          receivedInPeriod: CountSchema.optional(),
          resolved: CountSchema.optional(),
          pending: CountSchema.optional(),
        })
        .optional(),
      balance: z.boolean().optional(),
      withdrawnInResolved: z.boolean().optional(),
    })
    .optional(),
});

/**
 * Checks dossier statistics against the identities of the II.06a report form and lists every one
 * that breaks.
 *
 * @remarks
 * Identities (shared/reference/dossier-index.md §2.2, confidence M-H): col. 3 = 4 + 5 + 6 (received
 * = carried over + online + in person + postal); col. 7 = 8 + 9 + 10 (resolved = early + on time +
 * late); col. 11 = 12 + 13 (pending = within deadline + overdue); normally 3 = 7 + 11, plus withdrawn
 * and returned dossiers when they are kept apart; and results returned by post cannot exceed the
 * dossiers resolved. Broken identities are results, not exceptions: only malformed input throws.
 *
 * @param stats - dossier statistics.
 * @param options - reported `totals` and how the balance is kept.
 * @returns `{ ok, problems }`, every broken identity listed.
 * @throws {@link CchcError} `INVALID_INPUT` for malformed statistics or options.
 * @example
 * ```ts
 * import { checkDossierStats } from 'cchc-index';
 * checkDossierStats({ received: { online: 8535, inPerson: 138 }, resolved: { early: 8673 } }).ok;
 * // => true
 * checkDossierStats({ resolved: { early: 5 } }, { totals: { resolved: 6 } }).problems.map((p) => p.code);
 * // => ['RESOLVED_TOTAL', 'BALANCE']
 * ```
 * @category Dossiers
 */
export function checkDossierStats(
  stats: DossierStatsInput,
  options?: CheckDossierStatsOptions,
): CheckDossierStatsResult {
  const { stats: s, options: o } = parseWith(Args, { stats, options });
  const t = totalsOf(s);
  const problems: DossierStatsProblem[] = [];
  const check = (
    code: string,
    path: string[],
    what: string,
    expected: number,
    actual: number | undefined,
  ) => {
    if (actual !== undefined && actual !== expected) {
      problems.push({
        code,
        path,
        message: `${what}: expected ${expected}, found ${actual}.`,
        expected,
        actual,
      });
    }
  };
  const totals = o?.totals;
  check(
    'RECEIVED_TOTAL',
    ['totals', 'received'],
    'received must equal carried over + online + in person + postal',
    t.received,
    totals?.received,
  );
  check(
    'RECEIVED_IN_PERIOD_TOTAL',
    ['totals', 'receivedInPeriod'],
    'received in the period must equal online + in person + postal',
    t.receivedInPeriod,
    totals?.receivedInPeriod,
  );
  check(
    'RESOLVED_TOTAL',
    ['totals', 'resolved'],
    'resolved must equal early + on time + late',
    t.resolved,
    totals?.resolved,
  );
  check(
    'PENDING_TOTAL',
    ['totals', 'pending'],
    'pending must equal within deadline + overdue',
    t.pending,
    totals?.pending,
  );
  const received = totals?.received ?? t.received;
  const resolved = totals?.resolved ?? t.resolved;
  const pending = totals?.pending ?? t.pending;
  if (o?.balance ?? true) {
    const out = resolved + pending + (o?.withdrawnInResolved ? 0 : s.withdrawn + s.returned);
    check(
      'BALANCE',
      ['received'],
      o?.withdrawnInResolved
        ? 'received must equal resolved + pending'
        : 'received must equal resolved + pending + withdrawn + returned',
      received,
      out,
    );
  }
  if (s.returnedByPost > resolved) {
    problems.push({
      code: 'POSTAL_RETURNS',
      path: ['returnedByPost'],
      message: `results returned by post (${s.returnedByPost}) cannot exceed dossiers resolved (${resolved}).`,
      expected: resolved,
      actual: s.returnedByPost,
    });
  }
  return { ok: problems.length === 0, problems };
}
