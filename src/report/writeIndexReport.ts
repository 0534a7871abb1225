import { z } from 'zod';
import { parseWith } from '../errors/fromZod.js';
import { type Dec, toDec, ZERO } from '../numeric/decimal.js';
import { CountSchema, DecimalInputSchema } from '../numeric/schemas.js';
import type { Assessor, ScoreReport } from '../scoring/ScoreReport.js';
import { LangSchema, NONE_AROSE, paragraph, percentage, quantity, ReportDecimalsSchema } from './internal.js';
import type { ReportLanguage, ReportOptions } from './ReportLanguage.js';

/**
 * Options of {@link writeIndexReport}.
 * @category Reports
 */
export interface WriteIndexReportOptions extends ReportOptions {
  /**
   * Decimal places of the index percentages (0–20): `percent` rounded half-up, trailing zeros
   * dropped. Default: the report's `roundedPercent` as it is (the rule set's precision, the figure
   * the band was read from).
   */
  decimals?: number;
  /** Decimal places of points (0–20), rounded half-up, trailing zeros dropped. Default 2. */
  pointDecimals?: number;
  /** How many fields (lĩnh vực) that lost points to name, largest loss first. Default 3; 0 leaves the sentence out. */
  topFields?: number;
}

const Num = DecimalInputSchema;
const Status = z.enum(['scored', 'pending', 'not-applicable', 'partial']);
const PartShape = {
  points: Num,
  max: Num,
  applicableMax: Num,
  pendingMax: Num,
  notApplicableMax: Num,
  percent: Num.nullable(),
  roundedPercent: Num.nullable(),
  status: Status,
};
const Adjustment = z.object({ applied: Num, capped: z.boolean() }).nullable();

const ReportSchema = z.object({
  unit: z.object({ id: z.string(), name: z.string().nullable() }),
  period: z.string(),
  total: z.object({ ...PartShape, base: Num, bonus: Num, deductions: Num }),
  byAssessor: z.array(z.object({ ...PartShape, assessor: z.enum(['self', 'superior', 'survey']) })),
  bonus: Adjustment,
  deductions: Adjustment,
  band: z.object({ label: z.string(), provisional: z.boolean() }).nullable(),
  nodes: z.array(
    z.object({
      id: z.string(),
      name: z.string().nullable(),
      parentId: z.string().nullable(),
      section: z.enum(['criteria', 'bonus', 'deductions']),
      max: Num,
    }),
  ),
  lostPoints: z.array(
    z.object({ id: z.string(), lost: Num, section: z.enum(['criteria', 'bonus', 'deductions']) }),
  ),
});

const OptionsSchema = z
  .strictObject({
    lang: LangSchema.optional(),
    decimals: ReportDecimalsSchema.optional(),
    pointDecimals: ReportDecimalsSchema.optional(),
    topFields: CountSchema.optional(),
  })
  .optional();

const ASSESSOR_WORDS: Readonly<Record<Assessor, Record<ReportLanguage, string>>> = {
  self: { vi: 'tự đánh giá', en: 'self-assessed' },
  superior: { vi: 'cấp trên đánh giá', en: 'assessed by the superior level' },
  survey: { vi: 'điều tra xã hội học', en: 'sociological survey' },
};

type Part = {
  points: number | string;
  applicableMax: number | string;
  pendingMax: number | string;
  percent: number | string | null;
  roundedPercent: number | string | null;
  status: z.output<typeof Status>;
};

/** A field (top-level node of the criteria tree) and the points its leaves lost. */
interface FieldLoss {
  readonly id: string;
  readonly name: string;
  readonly max: number | string;
  readonly order: number;
  lost: Dec;
}

/**
 * Writes the paragraph Vietnamese reports give on a unit's index result (kết quả Chỉ số CCHC):
 * total points of the maximum, the index percentage and band, the split by assessor, bonus and
 * deduction points, and the fields (lĩnh vực) that lost the most points.
 *
 * @remarks
 * The figures are those of the {@link ScoreReport} of {@link scoreUnit}: index % = points ÷
 * applicable maximum × 100 (par-index.md §2.4); the percentage shown is the report's
 * `roundedPercent` (the rule set's precision, half-up, the figure the band was read from) unless
 * `decimals` is given. Points lost per field are the sums of the report's `lostPoints` of the
 * criteria leaves under each top-level node, added exactly in decimal. Đắk Song (Đắk Nông), 6
 * months 2023: 61 of the 90 self-assessed points while the province's 10 are pending → "tự đánh
 * giá 61/90 điểm (67,78%)" (DOMAIN.md worked figures).
 *
 * Pending points are said ("còn 10 điểm chưa chấm") and a band reached while points are pending is
 * marked provisional ("tạm tính"); with nodes that did not arise removed from the denominator
 * (`'rebase'`) the sentence says how many points were left out. A percentage with a zero
 * denominator is written "không phát sinh" / "none arose".
 *
 * @param report - a score report from {@link scoreUnit}.
 * @param options - `lang` (default `'vi'`), `decimals` (default: the report's rounding),
 *   `pointDecimals` (default 2), `topFields` (default 3).
 * @returns the paragraph.
 * @throws {@link CchcError} `INVALID_INPUT` for something that is not a score report (path
 *   `['report', …]`); `INVALID_OPTIONS` for bad options (path `['options', …]`).
 * @example
 * ```ts
 * import { defineRuleSet, scoreUnit, writeIndexReport } from 'cchc-index';
 * const ruleSet = defineRuleSet({ id: 'demo', version: '1', legalBasis: 'illustrative', level: 'huyen', total: 100,
 *   bands: [{ label: 'Tốt', minPercent: 80 }, { label: 'Khá', minPercent: 60 }, { label: 'Yếu', minPercent: 0 }],
 *   children: [
 *     { id: '1', name: 'Tự đánh giá', max: 90, assessor: 'self', rule: { kind: 'manual', step: 0.25 } },
 *     { id: '2', name: 'UBND tỉnh đánh giá', max: 10, assessor: 'superior', rule: { kind: 'manual', step: 0.25 } },
 *   ] });
 * const report = scoreUnit(ruleSet, { unit: { id: 'dak-song', name: 'Huyện Đắk Song' }, period: '6 tháng 2023',
 *   entries: { '1': { self: { value: 61 } } } }); // Đắk Song (Đắk Nông), 6 months 2023
 * writeIndexReport(report);
 * // => 'Kết quả Chỉ số CCHC kỳ 6 tháng 2023 của Huyện Đắk Song: tổng điểm đạt 61/100 điểm, Chỉ số CCHC đạt 61%, xếp loại Khá (tạm tính); còn 10 điểm chưa chấm. Trong đó: tự đánh giá 61/90 điểm (67,78%); cấp trên đánh giá: chưa chấm (10 điểm). Các lĩnh vực mất nhiều điểm nhất: Tự đánh giá (mất 29/90 điểm).'
 * ```
 * @category Reports
 */
export function writeIndexReport(report: ScoreReport, options?: WriteIndexReportOptions): string {
  const opts = parseWith(z.object({ options: OptionsSchema }), { options }, 'INVALID_OPTIONS').options;
  const r = parseWith(z.object({ report: ReportSchema }), { report }).report;
  const lang = opts?.lang ?? 'vi';
  const vi = lang === 'vi';
  const pd = opts?.pointDecimals ?? 2;
  const pts = (value: number | string | Dec) => quantity(value, lang, pd);
  const pct = (part: Part) =>
    opts?.decimals === undefined
      ? percentage(part.roundedPercent === null ? null : Number(part.roundedPercent), lang, undefined, true)
      : percentage(part.percent === null ? null : Number(part.percent), lang, opts.decimals, true);
  const pointsWord = vi ? 'điểm' : 'points';
  const t = r.total;
  const sentences: string[] = [];

  // Total, index, band.
  const unit = r.unit.name ?? r.unit.id;
  const leftOut = toDec(t.notApplicableMax).gt(0) && !toDec(t.applicableMax).eq(toDec(t.max));
  const naNote = leftOut
    ? vi
      ? ` (không tính ${pts(t.notApplicableMax)} điểm không phát sinh)`
      : ` (not counting ${pts(t.notApplicableMax)} points that did not arise)`
    : '';
  const band =
    r.band === null
      ? ''
      : vi
        ? `, xếp loại ${r.band.label}${r.band.provisional ? ' (tạm tính)' : ''}`
        : `, band ${r.band.label}${r.band.provisional ? ' (provisional)' : ''}`;
  const pending = toDec(t.pendingMax).gt(0)
    ? vi
      ? `; còn ${pts(t.pendingMax)} điểm chưa chấm`
      : `; ${pts(t.pendingMax)} points not yet scored`
    : '';
  const index = t.percent === null ? (vi ? 'Chỉ số CCHC: ' : 'index: ') : vi ? 'Chỉ số CCHC đạt ' : 'index ';
  sentences.push(
    vi
      ? `Kết quả Chỉ số CCHC kỳ ${r.period} của ${unit}: tổng điểm đạt ${pts(t.points)}/${pts(t.applicableMax)} điểm${naNote}, ${index}${pct(t)}${band}${pending}.`
      : `Administrative reform index of ${unit}, period ${r.period}: ${pts(t.points)}/${pts(t.applicableMax)} points${naNote}, ${index}${pct(t)}${band}${pending}.`,
  );

  // Bonus and deductions.
  if (r.bonus !== null || r.deductions !== null) {
    const parts = [vi ? `điểm các tiêu chí: ${pts(t.base)} điểm` : `criteria points: ${pts(t.base)}`];
    if (r.bonus !== null)
      parts.push(
        vi
          ? `điểm thưởng: ${pts(r.bonus.applied)} điểm${r.bonus.capped ? ' (đạt mức tối đa)' : ''}`
          : `bonus: ${pts(r.bonus.applied)}${r.bonus.capped ? ' (capped)' : ''}`,
      );
    if (r.deductions !== null)
      parts.push(
        vi
          ? `điểm trừ: ${pts(r.deductions.applied)} điểm${r.deductions.capped ? ' (đạt mức tối đa)' : ''}`
          : `deductions: ${pts(r.deductions.applied)}${r.deductions.capped ? ' (capped)' : ''}`,
      );
    const text = parts.join('; ');
    sentences.push(`${text.charAt(0).toUpperCase()}${text.slice(1)}.`);
  }

  // By assessor.
  if (r.byAssessor.length > 1) {
    const parts = r.byAssessor.map((part) => {
      const who = ASSESSOR_WORDS[part.assessor][lang];
      if (part.status === 'pending')
        return vi
          ? `${who}: chưa chấm (${pts(part.pendingMax)} điểm)`
          : `${who}: not yet scored (${pts(part.pendingMax)} points)`;
      if (part.status === 'not-applicable') return `${who}: ${NONE_AROSE[lang]}`;
      return `${who} ${pts(part.points)}/${pts(part.applicableMax)} ${pointsWord} (${pct(part)})`;
    });
    sentences.push(vi ? `Trong đó: ${parts.join('; ')}.` : `By assessor: ${parts.join('; ')}.`);
  }

  // Fields that lost the most points.
  const top = opts?.topFields ?? 3;
  if (top > 0) {
    const byId = new Map(r.nodes.map((node, order) => [node.id, { node, order }]));
    const fields = new Map<string, FieldLoss>();
    for (const loss of r.lostPoints) {
      if (loss.section !== 'criteria') continue;
      let entry = byId.get(loss.id);
      const seen = new Set<string>();
      while (entry !== undefined && entry.node.parentId !== null && !seen.has(entry.node.id)) {
        seen.add(entry.node.id);
        entry = byId.get(entry.node.parentId);
      }
      if (entry === undefined) continue;
      const { node, order } = entry;
      const field = fields.get(node.id) ?? {
        id: node.id,
        name: node.name ?? node.id,
        max: node.max,
        order,
        lost: ZERO,
      };
      field.lost = field.lost.plus(toDec(loss.lost));
      fields.set(node.id, field);
    }
    const ranked = [...fields.values()]
      .filter((f) => f.lost.gt(0))
      .sort((a, b) => b.lost.cmp(a.lost) || a.order - b.order)
      .slice(0, top);
    if (ranked.length > 0) {
      const parts = ranked.map((f) =>
        vi
          ? `${f.name} (mất ${pts(f.lost)}/${pts(f.max)} điểm)`
          : `${f.name} (${pts(f.lost)} of ${pts(f.max)} points lost)`,
      );
      sentences.push(
        vi
          ? `Các lĩnh vực mất nhiều điểm nhất: ${parts.join('; ')}.`
          : `Fields losing the most points: ${parts.join('; ')}.`,
      );
    } else if (t.status === 'scored') {
      sentences.push(vi ? 'Không có lĩnh vực nào bị mất điểm.' : 'No field lost points.');
    }
  }
  return paragraph(sentences);
}
