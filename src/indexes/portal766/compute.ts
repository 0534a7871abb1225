/**
 * The trusted core of the 766 index: ratios and points of validated counts. Shared by
 * `scorePortal766` and the `portal766.*` measures so that both give the same ratios.
 * @internal
 * @module
 */
import type { DossierStats } from '../../dossiers/DossierStats.js';
import { timelinessOf } from '../../dossiers/timeliness.js';
import { Dec, divOrNull, toDec, ZERO } from '../../numeric/decimal.js';
import { DEFINITION, type Portal766IndicatorId } from './definitions.js';
import type { IndicatorCounts } from './Portal766Input.js';

/** Validated options with their defaults. @internal */
export interface ResolvedOptions {
  readonly includeCarriedOver: boolean;
  readonly digitisedScoring: 'linear' | 'threshold-80';
  readonly paymentProceduresDenominator: 'procedures-with-fee' | 'procedures-with-fee-dossiers';
  readonly noPetitions: 'full-points' | 'split';
}

/** The portal's behaviour. @internal */
export const DEFAULT_OPTIONS: ResolvedOptions = Object.freeze({
  includeCarriedOver: true,
  digitisedScoring: 'linear',
  paymentProceduresDenominator: 'procedures-with-fee',
  noPetitions: 'full-points',
});

/** The ratio of one indicator. @internal */
export interface IndicatorRatio {
  readonly numerator: Dec | null;
  readonly denominator: Dec | null;
  /** numerator ÷ denominator, `null` for a zero denominator. */
  readonly rate: Dec | null;
  /** The ratio scored: the rate, 1 when no petition arose (5.2, 5.3), `null` scores 0. */
  readonly used: Dec | null;
  /** Whether `used` is 1 because nothing arose and the portal gives full points. */
  readonly noPetitions: boolean;
}

const ONE = new Dec(1);

/** numerator ÷ denominator of counts. @internal */
export function pair(numerator: number, denominator: number | Dec): IndicatorRatio {
  const n = new Dec(numerator);
  const d = toDec(denominator);
  const rate = divOrNull(n, d);
  return { numerator: n, denominator: d, rate, used: rate, noPetitions: false };
}

function shortfall(bad: number, total: number, fullWhenNone: boolean): IndicatorRatio {
  const d = new Dec(total);
  const n = d.minus(bad);
  const rate = divOrNull(n, d);
  const none = rate === null && fullWhenNone;
  return { numerator: n, denominator: d, rate, used: none ? ONE : rate, noPetitions: none };
}

/** The dossier-statistics form of 2.1: (early + on time + open within deadline) ÷ received. @internal */
export function progressFromStats(stats: DossierStats, includeCarriedOver: boolean): IndicatorRatio {
  const t = timelinessOf(stats, 'portal766', includeCarriedOver);
  return pair(t.onTimeOrEarlyCount, t.denominator);
}

/**
 * The ratio of a computed indicator from its validated counts (not for `given` indicators).
 * @internal
 */
export function indicatorRatio<K extends Portal766IndicatorId>(
  id: K,
  counts: IndicatorCounts[K],
  options: ResolvedOptions,
): IndicatorRatio {
  const c = counts as Record<string, unknown>;
  switch (id) {
    case 'dossierSync': {
      const s = counts as IndicatorCounts['dossierSync'];
      let den = new Dec(Math.max(s.receivedNational, s.receivedPortal));
      if (den.isZero() && s.previousYear !== undefined)
        den = new Dec(s.previousYear.total).div(s.previousYear.periodsPerYear);
      return pair(s.synced, den);
    }
    case 'onlinePaymentProcedures': {
      const s = counts as IndicatorCounts['onlinePaymentProcedures'];
      const den =
        options.paymentProceduresDenominator === 'procedures-with-fee' ? s.withFee : (s.withFeeDossiers ?? 0);
      return pair(s.withOnlinePayment, den);
    }
    case 'petitionOnTime': {
      const s = counts as IndicatorCounts['petitionOnTime'];
      const r = pair(s.onTime, s.received);
      return r.rate === null ? { ...r, used: ONE, noPetitions: true } : r;
    }
    case 'petitionSatisfaction': {
      const s = counts as IndicatorCounts['petitionSatisfaction'];
      return shortfall(s.unsatisfied, s.received, true);
    }
    case 'dossierSatisfaction': {
      const s = counts as IndicatorCounts['dossierSatisfaction'];
      return shortfall(s.unsatisfied, s.dossiers, false);
    }
    default: {
      const d = DEFINITION[id];
      return pair(c[d.numerator!] as number, c[d.denominator!] as number);
    }
  }
}

/** The target ratio of full points of an indicator under the options (`null` for given). @internal */
export function targetOf(id: Portal766IndicatorId, options: ResolvedOptions): Dec | null {
  if (id === 'digitisedDossiers' && options.digitisedScoring === 'threshold-80') return new Dec('0.8');
  const t = DEFINITION[id].target;
  return t === null ? null : new Dec(String(t));
}

/** Points of a ratio: 0 without a ratio, max from `target` up, else max × ratio ÷ target. @internal */
export function pointsOf(used: Dec | null, max: Dec, target: Dec): { points: Dec; full: boolean } {
  if (used === null) return { points: ZERO, full: false };
  if (used.gte(target)) return { points: max, full: true };
  return { points: used.isNegative() ? ZERO : max.times(used).div(target), full: false };
}
