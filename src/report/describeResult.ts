import { z } from 'zod';
import { isCchcError } from '../errors/CchcError.js';
import { parseWith } from '../errors/fromZod.js';
import { type Dec, toNum, ZERO } from '../numeric/decimal.js';
import { count, LangSchema, noun, percentage, quantity, rate } from './internal.js';
import type { ReportLanguage, ReportOptions } from './ReportLanguage.js';

type Obj = Record<string, unknown>;

const OptionsSchema = z.strictObject({ lang: LangSchema.optional() }).optional();

function isObject(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function has(value: Obj, keys: readonly string[]): boolean {
  return keys.every((key) => Object.hasOwn(value, key));
}

function num(value: unknown): number {
  if (typeof value !== 'number') throw new TypeError('not a number');
  return value;
}

/** A text of the value, never `String(x)` of an unknown value (which throws for a null-prototype object). */
function str(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError('not a string');
  return value;
}

function numOrNull(value: unknown): number | null {
  return value === null ? null : num(value);
}

function sum(value: unknown): number {
  if (!isObject(value)) return num(value);
  return toNum(Object.values(value).reduce<Dec>((total, v) => total.plus(num(v)), ZERO));
}

/** One line for a known result shape, or `null`; throws on values a formatter refuses. */
function describe(v: Obj, lang: ReportLanguage): string | null {
  const vi = lang === 'vi';
  const n = (x: unknown) => count(num(x), lang);
  const pct = (x: unknown, decimals = 2) => rate(numOrNull(x), lang, decimals, true);
  const q = (x: unknown) => quantity(num(x), lang, 2);
  const dossiers = (x: unknown) => (vi ? `${n(x)} hồ sơ` : `${n(x)} ${noun(num(x), 'dossier', 'dossiers')}`);

  if (has(v, ['ruleSet', 'unit', 'period', 'total', 'nodes']) && isObject(v.total) && isObject(v.unit)) {
    const t = v.total;
    const unit = typeof v.unit.name === 'string' ? v.unit.name : str(v.unit.id);
    const band = isObject(v.band) ? `, ${vi ? 'xếp loại' : 'band'} ${str(v.band.label)}` : '';
    const pc = percentage(numOrNull(t.roundedPercent), lang, undefined, true);
    return vi
      ? `Chỉ số CCHC ${unit} kỳ ${str(v.period)}: ${q(t.points)}/${q(t.applicableMax)} điểm (${pc})${band}`
      : `Index of ${unit}, ${str(v.period)}: ${q(t.points)}/${q(t.applicableMax)} points (${pc})${band}`;
  }
  if (has(v, ['count', 'before', 'after', 'reduced', 'rate', 'method', 'items'])) {
    const unit =
      v.unit === 'hours' ? ['giờ', 'hours'] : v.unit === 'months' ? ['tháng', 'months'] : ['ngày', 'days'];
    return vi
      ? `Cắt giảm thời gian: ${n(v.count)} TTHC, ${q(v.before)} → ${q(v.after)} ${unit[0]}, giảm ${q(v.reduced)} ${unit[0]} (${pct(v.rate, 1)})`
      : `Time reduction: ${n(v.count)} ${noun(num(v.count), 'procedure', 'procedures')}, ${q(v.before)} → ${q(v.after)} ${unit[1]}, cut ${q(v.reduced)} (${pct(v.rate, 1)})`;
  }
  if (has(v, ['basis', 'denominator', 'early', 'onTime', 'late', 'onTimeOrEarlyRate'])) {
    return vi
      ? `Giải quyết hồ sơ (${str(v.basis)}): ${dossiers(v.denominator)}; trước hạn ${pct(v.earlyRate)}, đúng hạn ${pct(v.onTimeRate)}, quá hạn ${pct(v.lateRate)}; trước hạn và đúng hạn ${pct(v.onTimeOrEarlyRate)}`
      : `Timeliness (${str(v.basis)}): ${dossiers(v.denominator)}; early ${pct(v.earlyRate)}, on time ${pct(v.onTimeRate)}, late ${pct(v.lateRate)}; early or on time ${pct(v.onTimeOrEarlyRate)}`;
  }
  if (has(v, ['received', 'online', 'inPerson', 'postal', 'onlineShare'])) {
    return vi
      ? `Kênh tiếp nhận: ${dossiers(v.received)}; trực tuyến ${pct(v.onlineShare)}, trực tiếp ${pct(v.inPersonShare)}, BCCI ${pct(v.postalShare)}`
      : `Channels: ${dossiers(v.received)}; online ${pct(v.onlineShare)}, in person ${pct(v.inPersonShare)}, by post ${pct(v.postalShare)}`;
  }
  if (has(v, ['source', 'done', 'total', 'notDone', 'rate'])) {
    return vi
      ? `Hoàn thành kế hoạch: ${n(v.done)}/${n(v.total)} nhiệm vụ (${pct(v.rate)})`
      : `Plan completion: ${n(v.done)}/${n(v.total)} tasks (${pct(v.rate)})`;
  }
  if (has(v, ['receivedInPeriod', 'received', 'resolved', 'pending', 'unaccounted'])) {
    return vi
      ? `Tổng hợp hồ sơ: tiếp nhận ${n(v.received)}, đã giải quyết ${n(v.resolved)}, đang giải quyết ${n(v.pending)}, chênh lệch ${n(Math.abs(num(v.unaccounted)))}`
      : `Dossier totals: received ${n(v.received)}, resolved ${n(v.resolved)}, pending ${n(v.pending)}, unaccounted ${n(Math.abs(num(v.unaccounted)))}`;
  }
  if (has(v, ['received', 'resolved', 'pending']) && isObject(v.received) && isObject(v.resolved)) {
    return vi
      ? `Thống kê hồ sơ: tiếp nhận ${n(sum(v.received))}, đã giải quyết ${n(sum(v.resolved))}, đang giải quyết ${n(sum(v.pending))}`
      : `Dossier statistics: received ${n(sum(v.received))}, resolved ${n(sum(v.resolved))}, pending ${n(sum(v.pending))}`;
  }
  return null;
}

/**
 * Sums up a result of the library in one line with its key figures, in vi-VN (default) or English
 * notation, for printing in a REPL or a log: `'Cắt giảm thời gian: 07 TTHC, 91,5 → 63 ngày, giảm
 * 28,5 ngày (31,1%)'`.
 *
 * @remarks
 * Recognises, by their keys, the results of {@link scoreUnit}, {@link timeReduction},
 * {@link timeliness}, {@link channelShares}, {@link taskCompletion} and {@link dossierTotals}, and
 * dossier statistics ({@link DossierStats}). Anything else, or a result whose figures cannot be
 * written (a hand-edited `NaN`), gives `null`: it is a display aid, so it never throws on its
 * value. Rates have two decimals (one for the time-reduction rate, as published), trailing zeros
 * dropped; zero denominators read "không phát sinh". For the paragraphs of a report use the
 * writers ({@link writeReductionReport}, …); for readable REPL output see {@link inspectable}.
 *
 * @param value - any value.
 * @param options - `lang` (default `'vi'`).
 * @returns one line, or `null` when the value is not a known result.
 * @throws {@link CchcError} `INVALID_OPTIONS` for bad options (path `['options', …]`).
 * @example
 * ```ts
 * import { describeResult, taskCompletion, timeReduction } from 'cchc-index';
 * describeResult(timeReduction({ before: 91.5, after: 63 })); // Lộc Bình 6/2024
 * // => 'Cắt giảm thời gian: 01 TTHC, 91,5 → 63 ngày, giảm 28,5 ngày (31,1%)'
 * describeResult(taskCompletion({ done: 41, total: 57 }), { lang: 'en' }); // Đắk Song 6/2023
 * // => 'Plan completion: 41/57 tasks (71.93%)'
 * describeResult({ hello: 'world' });
 * // => null
 * ```
 * @category Reports
 */
export function describeResult(value: unknown, options?: ReportOptions): string | null {
  const opts = parseWith(z.object({ options: OptionsSchema }), { options }, 'INVALID_OPTIONS').options;
  if (!isObject(value)) return null;
  try {
    return describe(value, opts?.lang ?? 'vi');
  } catch (error) {
    if (error instanceof TypeError || isCchcError(error)) return null;
    throw error;
  }
}
