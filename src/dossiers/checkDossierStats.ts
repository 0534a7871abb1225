import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { CountSchema } from '../numeric/schemas.js';
import { type DossierStats, type DossierStatsInput, DossierStatsSchema } from './DossierStats.js';
import { totalsOf } from './dossierTotals.js';
import { sumCounts } from './internalCounts.js';

/**
 * Totals as printed in a report, checked against the detailed counts by {@link checkDossierStats}.
 * Each is optional; give those the report prints. Counts as numbers or digit strings.
 * @category Dossiers
 */
export interface ReportedDossierTotals {
  /** Tiếp nhận – tổng số (II.06a col. 3), carried over included. */
  received?: number | string;
  /** Mới tiếp nhận trong kỳ (II.06a col. 4 + 5). */
  receivedInPeriod?: number | string;
  /** Đã giải quyết – tổng số (II.06a col. 7). */
  resolved?: number | string;
  /** Đang giải quyết – tổng số (II.06a col. 11). */
  pending?: number | string;
}

/**
 * Options of {@link checkDossierStats}.
 * @category Dossiers
 */
export interface CheckDossierStatsOptions {
  /** Totals printed in the report, each checked against the sum of its columns. */
  totals?: ReportedDossierTotals;
  /**
   * Whether to check the balance received = resolved + pending (+ withdrawn + returned). Default
   * `true`; set `false` for partial statistics (e.g. channel counts only).
   */
  balance?: boolean;
  /**
   * The source system counts withdrawn and returned dossiers inside resolved (some put them in
   * II.06a col. 9 "đúng hạn"; others count "Rút" in "Đã xử lý"). Then the balance is received =
   * resolved + pending, and withdrawn + returned must not exceed resolved. Default `false`: they are
   * kept apart and the balance is received = resolved + pending + withdrawn + returned.
   */
  withdrawnInResolved?: boolean;
}

/**
 * Which identity a {@link DossierStatsProblem} breaks.
 * - `'RECEIVED_TOTAL'`: printed received ≠ carried over + online + in person + postal (col. 3 = 4 + 5 + 6);
 * - `'RECEIVED_IN_PERIOD_TOTAL'`: printed newly received ≠ online + in person + postal;
 * - `'RESOLVED_TOTAL'`: printed resolved ≠ early + on time + late (col. 7 = 8 + 9 + 10);
 * - `'PENDING_TOTAL'`: printed pending ≠ within deadline + overdue (col. 11 = 12 + 13);
 * - `'BALANCE'`: received ≠ resolved + pending (+ withdrawn + returned when kept apart);
 * - `'WITHDRAWN_EXCEEDS_RESOLVED'`: with `withdrawnInResolved`, withdrawn + returned > resolved;
 * - `'POSTAL_RETURNS_EXCEED_RESOLVED'`: results returned by post > dossiers resolved.
 * @category Dossiers
 */
export type DossierStatsProblemCode =
  | 'RECEIVED_TOTAL'
  | 'RECEIVED_IN_PERIOD_TOTAL'
  | 'RESOLVED_TOTAL'
  | 'PENDING_TOTAL'
  | 'BALANCE'
  | 'WITHDRAWN_EXCEEDS_RESOLVED'
  | 'POSTAL_RETURNS_EXCEED_RESOLVED';

/**
 * One broken identity found by {@link checkDossierStats}: `actual` should be `relation` `expected`.
 * @category Dossiers
 */
export interface DossierStatsProblem {
  /** Which identity breaks. */
  readonly code: DossierStatsProblemCode;
  /** One sentence saying what does not add up, with both figures. */
  readonly message: string;
  /** Where, from the root of the arguments: `['options', 'totals', 'resolved']`, `['stats', 'returnedByPost']`. */
  readonly path: readonly (string | number)[];
  /** The value the identity requires (for `'≤'`, the bound). */
  readonly expected: number;
  /** The value found. */
  readonly actual: number;
  /** `'='` when `actual` must equal `expected`, `'≤'` when it must not exceed it. */
  readonly relation: '=' | '≤';
}

/**
 * The result of {@link checkDossierStats}.
 * @category Dossiers
 */
export interface CheckDossierStatsResult {
  /** `true` when no identity breaks. */
  readonly ok: boolean;
  /** Every broken identity, in the order listed in {@link DossierStatsProblemCode}. */
  readonly problems: readonly DossierStatsProblem[];
}

const CheckArgsSchema = z.object({
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

type CheckOptions = NonNullable<z.output<typeof CheckArgsSchema>['options']>;

/**
 * Checks validated statistics and options (the trusted core of {@link checkDossierStats}).
 * @internal
 */
export function checkValidDossierStats(s: DossierStats, o: CheckOptions = {}): CheckDossierStatsResult {
  const t = totalsOf(s);
  const problems: DossierStatsProblem[] = [];
  const printed = (
    code: DossierStatsProblemCode,
    key: keyof ReportedDossierTotals,
    label: string,
    parts: string,
    sum: number,
  ) => {
    const value = o.totals?.[key];
    if (value !== undefined && value !== sum) {
      problems.push({
        code,
        message: `the reported ${label} is ${value}, but ${parts} = ${sum}.`,
        path: ['options', 'totals', key],
        expected: sum,
        actual: value,
        relation: '=',
      });
    }
  };
  printed(
    'RECEIVED_TOTAL',
    'received',
    'number received (col. 3)',
    'carried over + online + in person + postal',
    t.received,
  );
  printed(
    'RECEIVED_IN_PERIOD_TOTAL',
    'receivedInPeriod',
    'number newly received',
    'online + in person + postal',
    t.receivedInPeriod,
  );
  printed('RESOLVED_TOTAL', 'resolved', 'number resolved (col. 7)', 'early + on time + late', t.resolved);
  printed('PENDING_TOTAL', 'pending', 'number pending (col. 11)', 'within deadline + overdue', t.pending);

  const inResolved = o.withdrawnInResolved ?? false;
  if (o.balance ?? true) {
    const out = inResolved
      ? sumCounts([t.resolved, t.pending], ['stats'], 'resolved + pending')
      : t.accounted;
    if (out !== t.received) {
      const parts = inResolved ? 'resolved + pending' : 'resolved + pending + withdrawn + returned';
      problems.push({
        code: 'BALANCE',
        message: `the dossiers received (carried over + newly received = ${t.received}) do not balance ${parts} = ${out}${out < t.received ? `: ${t.received - out} unaccounted for` : `: ${out - t.received} more than received`}.`,
        path: ['stats'],
        expected: t.received,
        actual: out,
        relation: '=',
      });
    }
  }
  if (inResolved) {
    const inside = sumCounts([s.withdrawn, s.returned], ['stats'], 'withdrawn + returned');
    if (inside > t.resolved) {
      problems.push({
        code: 'WITHDRAWN_EXCEEDS_RESOLVED',
        message: `withdrawn + returned (${inside}) cannot exceed the dossiers resolved (${t.resolved}) when they are counted inside resolved.`,
        path: ['stats', 'withdrawn'],
        expected: t.resolved,
        actual: inside,
        relation: '≤',
      });
    }
  }
  if (s.returnedByPost > t.resolved) {
    problems.push({
      code: 'POSTAL_RETURNS_EXCEED_RESOLVED',
      message: `results returned by post (${s.returnedByPost}) cannot exceed the dossiers resolved (${t.resolved}).`,
      path: ['stats', 'returnedByPost'],
      expected: t.resolved,
      actual: s.returnedByPost,
      relation: '≤',
    });
  }
  return { ok: problems.length === 0, problems };
}

/**
 * Checks dossier statistics, and the totals a report prints, against the identities of the II.06a
 * report form, and lists every one that breaks.
 *
 * @remarks
 * Identities of Biểu số II.06a/VPCP/KSTT (shared/reference/dossier-index.md §2.2, confidence M-H;
 * DOMAIN.md "Formulas"): col. 3 = 4 + 5 + 6 (received = carried over + online + in person + postal);
 * col. 7 = 8 + 9 + 10 (resolved = early + on time + late); col. 11 = 12 + 13 (pending = within
 * deadline + overdue); normally 3 = 7 + 11 plus any withdrawn or returned dossiers kept apart. The
 * model stores only the columns, so the first three are checked against the printed `totals` you
 * pass; the balance is checked on the columns. Systems differ on withdrawn and returned dossiers:
 * some keep them apart ("CD rút hồ sơ", "Hồ sơ trả lại" columns), some count them inside resolved
 * (§2.2: col. 9 may include them; "Đã xử lý" = xử lý xong + trả kết quả + rút): say which with
 * `withdrawnInResolved`. Results returned by post cannot exceed the dossiers resolved.
 *
 * Broken identities are results, not exceptions: only malformed input throws. The balance compares
 * the columns, not the printed totals, so a mistyped total is reported once, not twice.
 *
 * @param stats - dossier statistics.
 * @param options - printed `totals`; `balance` (default `true`); `withdrawnInResolved` (default `false`).
 * @returns `{ ok, problems }`, every broken identity listed with what was expected and found.
 * @throws {@link CchcError} `INVALID_INPUT` for malformed statistics (path `['stats', …]`) or options
 *   (path `['options', …]`), or a total beyond `Number.MAX_SAFE_INTEGER`.
 * @example
 * ```ts
 * import { checkDossierStats } from 'cchc-index';
 * checkDossierStats({ received: { online: 8535, inPerson: 138 }, resolved: { early: 8673 } }, { totals: { received: 8673, resolved: 8673 } }).ok; // Lộc Bình 2024
 * // => true
 * const r = checkDossierStats({ received: { online: 10 }, resolved: { early: 5, onTime: 3 }, returnedByPost: 9 }, { totals: { resolved: 9 } });
 * r.problems.map((p) => p.code);
 * // => ['RESOLVED_TOTAL', 'BALANCE', 'POSTAL_RETURNS_EXCEED_RESOLVED']
 * r.problems[0];
 * // => { code: 'RESOLVED_TOTAL', message: 'the reported number resolved (col. 7) is 9, but early + on time + late = 8.', path: ['options', 'totals', 'resolved'], expected: 8, actual: 9, relation: '=' }
 * ```
 * @category Dossiers
 */
export function checkDossierStats(
  stats: DossierStatsInput,
  options?: CheckDossierStatsOptions,
): CheckDossierStatsResult {
  const { stats: s, options: o } = parseWith(CheckArgsSchema, { stats, options });
  return checkValidDossierStats(s, o);
}
