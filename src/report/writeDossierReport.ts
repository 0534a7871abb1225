import { z } from 'zod';
import { channelSharesOf } from '../dossiers/channelShares.js';
import { type DossierStatsInput, DossierStatsSchema } from '../dossiers/DossierStats.js';
import { totalsOf } from '../dossiers/dossierTotals.js';
import { postalReturnRateOf } from '../dossiers/postalReturnRate.js';
import { type TimelinessBasis, timelinessOf } from '../dossiers/timeliness.js';
import { parseWith } from '../errors/fromZod.js';
import { count, LangSchema, noun, paragraph, ReportDecimalsSchema, rate } from './internal.js';
import type { ReportLanguage, ReportOptions } from './ReportLanguage.js';

/**
 * Options of {@link writeDossierReport}.
 * @category Reports
 */
export interface WriteDossierReportOptions extends ReportOptions {
  /**
   * The denominator of the timeliness rates, as in {@link timeliness}. Default `'resolved'`: the
   * early, on-time and late shares are then given beside their counts.
   */
  basis?: TimelinessBasis;
  /** Only with `basis: 'portal766'`, as in {@link timeliness}. */
  includeCarriedOver?: boolean;
  /** Decimal places of every rate (0–20), rounded half-up. Default 2, as published ("98,41%"). */
  decimals?: number;
  /** Drop trailing zeros of the rates ("100%" rather than "100,00%"). Default `true`. */
  trimZeros?: boolean;
}

const OptionsSchema = z.object({
  options: z
    .strictObject({
      lang: LangSchema.optional(),
      basis: z.enum(['resolved', 'due', 'toProcess', 'portal766']).optional(),
      includeCarriedOver: z.boolean().optional(),
      decimals: ReportDecimalsSchema.optional(),
      trimZeros: z.boolean().optional(),
    })
    .refine((o) => o.includeCarriedOver === undefined || o.basis === 'portal766', {
      error: `"includeCarriedOver" applies only to basis 'portal766'; remove it or set basis: 'portal766'.`,
      path: ['includeCarriedOver'],
    })
    .optional(),
});

/** What the on-time-or-early rate was divided by, when it is not the dossiers resolved. */
const BASIS_WORDS: Readonly<Record<Exclude<TimelinessBasis, 'resolved'>, Record<ReportLanguage, string>>> = {
  due: { vi: 'hồ sơ đến hạn giải quyết', en: 'dossiers due' },
  toProcess: { vi: 'hồ sơ phải giải quyết', en: 'dossiers to process' },
  portal766: { vi: 'hồ sơ tiếp nhận, xử lý trong kỳ', en: 'dossiers received or processed in the period' },
};

/**
 * Writes the paragraph Vietnamese reports give on dossier handling (tình hình, kết quả giải quyết
 * TTHC): dossiers received by channel with the online share, resolved early, on time and late
 * with their rates and the on-time-or-early rate, dossiers still open, withdrawn or returned, and
 * results returned by post.
 *
 * @remarks
 * The figures are those of {@link channelShares}, {@link timeliness} and {@link postalReturnRate}
 * (Biểu II.06a/VPCP/KSTT, reference/dossier-index.md §2.2–2.3; DOMAIN.md "Formulas"): the online
 * share is over dossiers newly received (carried over excluded); "trước hạn và đúng hạn" is the
 * on-time-or-early rate on the chosen `basis`. Published figures this reproduces: Lộc Bình 6/2024
 * 8.673 dossiers, 98,41% online, 100% early or on time; Thái Bình 2020 83,94% / 16,05% / 0,01%
 * with "05 hồ sơ" late.
 *
 * Counts under ten are zero-padded in Vietnamese ("05 hồ sơ"). Statistics with nothing received
 * but other counts (a report quoting only the dossiers resolved, as Thái Bình's) give no sentence
 * on receipts; statistics with no dossier at all give one sentence. Channels, open dossiers, withdrawn
 * and returned dossiers and postal returns with a count of 0 are left out of the prose, except a
 * late count of 0, which is said ("không có hồ sơ quá hạn"). A rate with a zero denominator is
 * written "không phát sinh" / "none arose", never a dash. With a `basis` other than `'resolved'`
 * the early / on-time / late shares are not given (they would not be shares of the dossiers
 * resolved); the on-time-or-early and late rates name their denominator instead.
 *
 * @param stats - dossier statistics ({@link DossierStatsSchema}).
 * @param options - `lang` (default `'vi'`), `basis` (default `'resolved'`), `includeCarriedOver`,
 *   `decimals` (default 2), `trimZeros` (default `true`).
 * @returns the paragraph.
 * @throws {@link CchcError} `INVALID_INPUT` for malformed statistics (path `['stats', …]`);
 *   `INVALID_OPTIONS` for bad options (path `['options', …]`).
 * @example
 * ```ts
 * import { writeDossierReport } from 'cchc-index';
 * writeDossierReport({ received: { online: 8535, inPerson: 138 }, resolved: { early: 8000, onTime: 673 } }); // Lộc Bình 6/2024
 * // => 'Tổng số hồ sơ tiếp nhận: 8.673 hồ sơ (trực tuyến 8.535 hồ sơ, trực tiếp 138 hồ sơ); tỷ lệ hồ sơ tiếp nhận trực tuyến: 98,41%. Đã giải quyết: 8.673 hồ sơ, trong đó trước hạn 8.000 hồ sơ (92,24%), đúng hạn 673 hồ sơ (7,76%), không có hồ sơ quá hạn; tỷ lệ giải quyết trước hạn và đúng hạn: 100%.'
 * writeDossierReport({ resolved: { early: 52006, onTime: 9942, late: 5 } }, { lang: 'en' }); // Thái Bình 2020
 * // => 'Resolved: 61,953 dossiers: 52,006 early (83.94%), 9,942 on time (16.05%), 5 late (0.01%); resolved early or on time: 99.99%.'
 * writeDossierReport({});
 * // => 'Không phát sinh hồ sơ tiếp nhận, giải quyết trong kỳ; tỷ lệ giải quyết trước hạn và đúng hạn: không phát sinh.'
 * ```
 * @category Reports
 */
export function writeDossierReport(stats: DossierStatsInput, options?: WriteDossierReportOptions): string {
  const o = parseWith(OptionsSchema, { options }, 'INVALID_OPTIONS').options;
  const s = parseWith(z.object({ stats: DossierStatsSchema }), { stats }).stats;
  const lang = o?.lang ?? 'vi';
  const vi = lang === 'vi';
  const decimals = o?.decimals ?? 2;
  const trim = o?.trimZeros ?? true;
  const basis = o?.basis ?? 'resolved';
  const pct = (ratio: number | null) => rate(ratio, lang, decimals, trim);
  const n = (value: number) => count(value, lang);
  const dossiers = (value: number) =>
    vi ? `${n(value)} hồ sơ` : `${n(value)} ${noun(value, 'dossier', 'dossiers')}`;

  const totals = totalsOf(s);
  const channels = channelSharesOf(s);
  const t = timelinessOf(s, basis, o?.includeCarriedOver ?? true);
  const sentences: string[] = [];

  // Nothing at all: one sentence.
  if (totals.received === 0 && totals.accounted === 0 && s.returnedByPost === 0) {
    return vi
      ? `Không phát sinh hồ sơ tiếp nhận, giải quyết trong kỳ; tỷ lệ giải quyết trước hạn và đúng hạn: ${pct(null)}.`
      : `No dossiers were received or resolved in the period; early or on time: ${pct(null)}.`;
  }

  // Received, by channel (left out when the statistics give none but do give other counts, as
  // reports quoting only the resolved dossiers do).
  if (totals.received > 0) {
    const parts = (
      [
        [channels.online, vi ? 'trực tuyến' : 'online'],
        [channels.inPerson, vi ? 'trực tiếp' : 'in person'],
        [channels.postal, vi ? 'qua dịch vụ bưu chính công ích' : 'by post'],
      ] as const
    )
      .filter(([value]) => value > 0)
      .map(([value, how]) => (vi ? `${how} ${dossiers(value)}` : `${n(value)} ${how}`))
      .join(', ');
    const carried = s.received.carriedOver;
    let detail: string;
    if (carried === 0) detail = ` (${parts})`;
    else if (channels.received === 0)
      detail = vi ? ` (kỳ trước chuyển qua ${dossiers(carried)})` : ` (${n(carried)} carried over)`;
    else
      detail = vi
        ? ` (kỳ trước chuyển qua ${dossiers(carried)}; mới tiếp nhận ${dossiers(channels.received)}: ${parts})`
        : ` (${n(carried)} carried over; ${n(channels.received)} newly received: ${parts})`;
    sentences.push(
      vi
        ? `Tổng số hồ sơ tiếp nhận: ${dossiers(totals.received)}${detail}; tỷ lệ hồ sơ tiếp nhận trực tuyến: ${pct(channels.onlineShare)}.`
        : `Dossiers received: ${n(totals.received)}${detail}; online share: ${pct(channels.onlineShare)}.`,
    );
  }

  // Resolved, by timeliness.
  const share = (ratio: number | null) => (basis === 'resolved' ? ` (${pct(ratio)})` : '');
  let resolved: string;
  if (t.resolved === 0) {
    resolved = vi ? 'Không phát sinh hồ sơ đã giải quyết' : 'No dossiers were resolved';
  } else {
    const parts: string[] = [];
    if (t.early > 0)
      parts.push(
        vi
          ? `trước hạn ${dossiers(t.early)}${share(t.earlyRate)}`
          : `${n(t.early)} early${share(t.earlyRate)}`,
      );
    if (t.onTime > 0)
      parts.push(
        vi
          ? `đúng hạn ${dossiers(t.onTime)}${share(t.onTimeRate)}`
          : `${n(t.onTime)} on time${share(t.onTimeRate)}`,
      );
    if (t.late > 0)
      parts.push(
        vi ? `quá hạn ${dossiers(t.late)}${share(t.lateRate)}` : `${n(t.late)} late${share(t.lateRate)}`,
      );
    else parts.push(vi ? 'không có hồ sơ quá hạn' : 'none late');
    resolved = vi
      ? `Đã giải quyết: ${dossiers(t.resolved)}, trong đó ${parts.join(', ')}`
      : `Resolved: ${dossiers(t.resolved)}: ${parts.join(', ')}`;
  }
  if (basis === 'resolved') {
    sentences.push(
      vi
        ? `${resolved}; tỷ lệ giải quyết trước hạn và đúng hạn: ${pct(t.onTimeOrEarlyRate)}.`
        : `${resolved}; resolved early or on time: ${pct(t.onTimeOrEarlyRate)}.`,
    );
  } else {
    const over = vi
      ? ` (trên ${n(t.denominator)} ${BASIS_WORDS[basis].vi})`
      : ` (of ${n(t.denominator)} ${BASIS_WORDS[basis].en})`;
    sentences.push(
      vi
        ? `${resolved}; tỷ lệ giải quyết trước hạn và đúng hạn: ${pct(t.onTimeOrEarlyRate)}${t.denominator > 0 ? over : ''}, tỷ lệ quá hạn: ${pct(t.lateRate)}.`
        : `${resolved}; early or on time: ${pct(t.onTimeOrEarlyRate)}${t.denominator > 0 ? over : ''}, late or overdue: ${pct(t.lateRate)}.`,
    );
  }

  // Still open.
  if (totals.pending > 0) {
    const parts: string[] = [];
    if (t.pendingWithinDeadline > 0)
      parts.push(
        vi
          ? `trong hạn ${dossiers(t.pendingWithinDeadline)}`
          : `${n(t.pendingWithinDeadline)} within deadline`,
      );
    if (t.pendingOverdue > 0)
      parts.push(vi ? `quá hạn ${dossiers(t.pendingOverdue)}` : `${n(t.pendingOverdue)} overdue`);
    sentences.push(
      vi
        ? `Đang giải quyết: ${dossiers(totals.pending)} (${parts.join(', ')}).`
        : `Still open: ${dossiers(totals.pending)} (${parts.join(', ')}).`,
    );
  }

  // Withdrawn, returned.
  const left: string[] = [];
  if (s.withdrawn > 0)
    left.push(
      vi ? `công dân rút hồ sơ: ${dossiers(s.withdrawn)}` : `withdrawn by the applicant: ${n(s.withdrawn)}`,
    );
  if (s.returned > 0)
    left.push(
      vi ? `trả lại, từ chối giải quyết: ${dossiers(s.returned)}` : `returned or refused: ${n(s.returned)}`,
    );
  if (left.length > 0) {
    const text = left.join('; ');
    sentences.push(`${text.charAt(0).toUpperCase()}${text.slice(1)}.`);
  }

  // Results returned by post.
  if (s.returnedByPost > 0) {
    const r = postalReturnRateOf(s);
    sentences.push(
      vi
        ? `Trả kết quả qua dịch vụ bưu chính công ích: ${dossiers(s.returnedByPost)} (${r === null ? `tỷ lệ: ${pct(r)}` : `${pct(r)} số hồ sơ mới tiếp nhận`}).`
        : `Results returned by post: ${dossiers(s.returnedByPost)} (${r === null ? `rate: ${pct(r)}` : `${pct(r)} of those newly received`}).`,
    );
  }
  return paragraph(sentences);
}
