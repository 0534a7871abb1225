import type { Confidence } from '../../calendar/ArrangementSchema.js';

/**
 * The six groups of the 766 index as the national public service portal (Cổng DVCQG) displays
 * them: `transparency` (công khai, minh bạch, 18), `progress` (tiến độ giải quyết, 20),
 * `onlineServices` (dịch vụ công trực tuyến, 12), `digitisation` (số hóa hồ sơ, 22), `payment`
 * (thanh toán trực tuyến, 10), `satisfaction` (mức độ hài lòng, 18).
 * @category Indexes
 */
export type Portal766GroupId =
  | 'transparency'
  | 'progress'
  | 'onlineServices'
  | 'digitisation'
  | 'payment'
  | 'satisfaction';

/**
 * The indicators of the 766 index, one per scored row of shared/reference/dossier-index.md §1.2.
 * Each id is also the key of its counts in {@link Portal766Input}, the id of its leaf in
 * {@link PORTAL_766_RULE_SET} and the measure `portal766.<id>`.
 * @category Indexes
 */
export type Portal766IndicatorId =
  | 'publishOnTime'
  | 'publicUpdateOnTime'
  | 'publicContentFull'
  | 'dossierSync'
  | 'processingOnTime'
  | 'fullOnlineDossiers'
  | 'electronicResult'
  | 'digitisedDossiers'
  | 'electronicCertifiedCopy'
  | 'reusedData'
  | 'personalStorage'
  | 'citizenDataProcedures'
  | 'citizenDataDossiers'
  | 'onlinePaymentDossiers'
  | 'onlinePaymentProcedures'
  | 'feeIntegratedProcedures'
  | 'petitionOnTime'
  | 'petitionSatisfaction'
  | 'dossierSatisfaction';

/**
 * How an indicator turns its ratio into points: `linear` (max × ratio), `threshold` (full points
 * from `target` up, else max × ratio ÷ target), or `given` (the scoring is unknown: the caller
 * supplies the points, as the portal shows them).
 * @category Indexes
 */
export type Portal766Scoring = 'linear' | 'threshold' | 'given';

/**
 * The definition of one 766 indicator: where it sits, its maximum, how it scores, what it divides
 * and where that comes from.
 * @category Indexes
 */
export interface Portal766IndicatorDefinition {
  /** The indicator id, see {@link Portal766IndicatorId}. */
  readonly id: Portal766IndicatorId;
  /** The row of dossier-index.md §1.2 (`'1.1'`, `'4.5a'`, `'METRICS 6'` …). */
  readonly ref: string;
  /** The portal's metric code, when the sources give one. */
  readonly metricCode: string | null;
  /** The group it belongs to. */
  readonly group: Portal766GroupId;
  /** Vietnamese name as the portal writes it. */
  readonly name: string;
  /** English name. */
  readonly nameEn: string;
  /** Maximum points by default. */
  readonly max: number;
  /** How it scores by default. */
  readonly scoring: Portal766Scoring;
  /** The ratio that earns full points (1 for `linear`; `null` for `given`). */
  readonly target: number | null;
  /** Input fields: the numerator and the denominator (`null` for given indicators). */
  readonly numerator: string | null;
  readonly denominator: string | null;
  /** The formula in words. */
  readonly formula: string;
  /** Where the formula and the scoring come from. */
  readonly source: string;
  /** Confidence in the scoring as implemented (see dossier-index.md: H high, M medium, L low). */
  readonly confidence: Confidence;
}

const S = 'QĐ 766/QĐ-TTg (23/6/2022) as the Cổng DVCQG computes it; shared/reference/dossier-index.md §1.2';

function def(d: Portal766IndicatorDefinition): Portal766IndicatorDefinition {
  return Object.freeze(d);
}

/**
 * The 19 scored indicators of the 766 index (100 points), in the portal's order, each with its
 * formula, source and confidence.
 *
 * @remarks
 * Source: shared/reference/dossier-index.md §1.1 (six groups, H for the maxima) and §1.2 (per
 * indicator: "D" the portal's technical description, "M" its METRICS sheet, "R" scoring
 * reverse-engineered from portal API responses; confidence M overall, since none of these is the
 * legal text of QĐ 766/QĐ-TTg's appendix). Defaults follow R where D and R conflict:
 * - 4.2 `digitisedDossiers`: D says ≥ 80 % gives full points, R found a linear score: linear by
 *   default, option `digitisedScoring: 'threshold-80'`;
 * - payment (group 5): R's 6·A + min(2, 2.5·B) + 2.5·C, with C capped at 2 like D's 3.5 (80 %
 *   threshold) so that the group stays within its 10 points;
 * - 3.5b `onlinePaymentProcedures`: R divides by procedures with a fee (`totalFeeFormality`), the
 *   crawler's reconciliation by procedures having fee dossiers: option `paymentProceduresDenominator`.
 *
 * Two indicators have `scoring: 'given'` because the sources could not reproduce them: the
 * 12-point full-online dossiers share (METRICS row 6, "not reconstructed") and 4.4 personal-storage
 * (R: "slope unverified"). Their points are supplied by the caller, never guessed.
 * @example
 * ```ts
 * import { PORTAL_766_INDICATORS } from 'cchc-index';
 * PORTAL_766_INDICATORS.length;
 * // => 19
 * PORTAL_766_INDICATORS.find((d) => d.id === 'dossierSatisfaction')?.target;
 * // => 0.9
 * ```
 * @category Indexes
 */
export const PORTAL_766_INDICATORS: readonly Portal766IndicatorDefinition[] = Object.freeze([
  def({
    id: 'publishOnTime',
    ref: '1.1',
    metricCode: 'PUBLISH_ON_TIME',
    group: 'transparency',
    name: 'Tỷ lệ TTHC công bố đúng hạn',
    nameEn: 'Procedures announced on time',
    max: 6,
    scoring: 'linear',
    target: 1,
    numerator: 'onTime',
    denominator: 'announced',
    formula: '6 × procedures announced on time ÷ procedures announced in the period',
    source: `${S} row 1.1 (D: formula; R: linear score)`,
    confidence: 'M',
  }),
  def({
    id: 'publicUpdateOnTime',
    ref: '1.2',
    metricCode: 'PUBLIC_UPDATE_ON_TIME',
    group: 'transparency',
    name: 'Tỷ lệ TTHC cập nhật, công khai đúng hạn',
    nameEn: 'Procedures published on the national database on time',
    max: 4,
    scoring: 'linear',
    target: 1,
    numerator: 'onTime',
    denominator: 'due',
    formula: '4 × procedures published on time ÷ procedures that had to be published in the period',
    source: `${S} row 1.2 (D: formula; R: linear score); 4/18 also in the 2022 summaries (§1.1, H)`,
    confidence: 'M',
  }),
  def({
    id: 'publicContentFull',
    ref: '1.3',
    metricCode: 'PUBLIC_CONTENT_FULL',
    group: 'transparency',
    name: 'Tỷ lệ TTHC công khai đầy đủ bộ phận tạo thành',
    nameEn: 'Procedures published with all their components',
    max: 2,
    scoring: 'linear',
    target: 1,
    numerator: 'complete',
    denominator: 'published',
    formula: '2 × procedures published with every component (NĐ 63/2010 Art. 8(2)) ÷ procedures published',
    source: `${S} row 1.3 (D: formula; R: linear score)`,
    confidence: 'M',
  }),
  def({
    id: 'dossierSync',
    ref: '1.4',
    metricCode: 'DOSSIER_SYNC',
    group: 'transparency',
    name: 'Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG',
    nameEn: 'Dossiers synchronised to the national portal',
    max: 6,
    scoring: 'linear',
    target: 1,
    numerator: 'synced',
    denominator: 'received',
    formula:
      '6 × synced dossiers ÷ max(received in the national reporting system, received on the portal); when both are 0, ÷ (previous year total ÷ 12 or ÷ 4), else 0',
    source: `${S} row 1.4 (D: formula and fallback; R: linear score)`,
    confidence: 'M',
  }),
  def({
    id: 'processingOnTime',
    ref: '2.1',
    metricCode: null,
    group: 'progress',
    name: 'Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn',
    nameEn: 'Dossiers processed early or on time',
    max: 20,
    scoring: 'linear',
    target: 1,
    numerator: 'onTime',
    denominator: 'received',
    formula:
      '20 × (dossiers closed early or on time + dossiers open within deadline) ÷ dossiers received or processed in the period (totalOnTime ÷ totalReceived)',
    source: `${S} row 2.1 and §1.3 (D, M: formula; R: score = 20 × ratio, no threshold, verified on 984 rows)`,
    confidence: 'M',
  }),
  def({
    id: 'fullOnlineDossiers',
    ref: 'METRICS 6',
    metricCode: null,
    group: 'onlineServices',
    name: 'Tỷ lệ hồ sơ DVCTT toàn trình',
    nameEn: 'Dossiers done fully online',
    max: 12,
    scoring: 'given',
    target: null,
    numerator: null,
    denominator: null,
    formula:
      'points as shown by the portal (ratio: dossiers done fully online ÷ dossiers of procedures eligible for full-online service; scoring not reconstructed)',
    source: `${S} row "M row 6" (M: ratio; R: the API score could not be reproduced); §1.1 for the 12-point group (H)`,
    confidence: 'L',
  }),
  def({
    id: 'electronicResult',
    ref: '4.1',
    metricCode: 'ORIGINAL_RESULT_AVAILABLE',
    group: 'digitisation',
    name: 'Tỷ lệ hồ sơ có cấp kết quả điện tử',
    nameEn: 'Dossiers with an electronic result',
    max: 6,
    scoring: 'linear',
    target: 1,
    numerator: 'withResult',
    denominator: 'required',
    formula:
      '6 × dossiers with a synced result file ÷ dossiers of procedures requiring a paper result, at most 6',
    source: `${S} row 4.1 (D: formula; R: min(max, max × rate))`,
    confidence: 'M',
  }),
  def({
    id: 'digitisedDossiers',
    ref: '4.2',
    metricCode: 'SO_HOA_GIAY_TO_GIAI_QUYET',
    group: 'digitisation',
    name: 'Tỷ lệ hồ sơ thực hiện số hóa',
    nameEn: 'Dossiers digitised',
    max: 4,
    scoring: 'linear',
    target: 1,
    numerator: 'digitised',
    denominator: 'total',
    formula:
      '4 × dossiers with attached component files and a result file (when a paper result is required) ÷ dossiers under the authority',
    source: `${S} row 4.2 (D: formula, ≥ 80 % full points; R: linear score; conflict, R by default)`,
    confidence: 'L',
  }),
  def({
    id: 'electronicCertifiedCopy',
    ref: 'METRICS',
    metricCode: 'ELECTRONIC_CERTIFIED_COPY',
    group: 'digitisation',
    name: 'Chứng thực bản sao điện tử',
    nameEn: 'Electronic certified copies',
    max: 2,
    scoring: 'linear',
    target: 1,
    numerator: 'offering',
    denominator: 'communes',
    formula: '2 × communes offering electronic certified copies ÷ communes',
    source: `${S} row "Chứng thực bản sao điện tử" (M: formula; R: linear score)`,
    confidence: 'M',
  }),
  def({
    id: 'reusedData',
    ref: '4.3',
    metricCode: 'REUSED_DIGITIZED_DATA',
    group: 'digitisation',
    name: 'Khai thác, sử dụng lại dữ liệu số hóa',
    nameEn: 'Digitised data reused',
    max: 2,
    scoring: 'threshold',
    target: 0.8,
    numerator: 'reused',
    denominator: 'received',
    formula: 'min(2, 2 × rate ÷ 80 %), rate = dossiers with a reused component ÷ dossiers received',
    source: `${S} row 4.3 (D: formula and 80 % threshold; R: min(2, 2 × rate/80), agreeing)`,
    confidence: 'M',
  }),
  def({
    id: 'personalStorage',
    ref: '4.4',
    metricCode: 'SYNCED_WITH_DVCQG_PERSONAL_STORAGE',
    group: 'digitisation',
    name: 'Số hóa có kết nối, chia sẻ để tái sử dụng',
    nameEn: 'Digitised data linked to the citizen’s portal storage',
    max: 4,
    scoring: 'given',
    target: null,
    numerator: null,
    denominator: null,
    formula:
      'points as shown by the portal (ratio: dossiers with a component from, or a result synced to, the citizen’s DVCQG storage ÷ dossiers received; slope unverified)',
    source: `${S} row 4.4 (D: ratio; R: slope unverified)`,
    confidence: 'L',
  }),
  def({
    id: 'citizenDataProcedures',
    ref: '4.5a',
    metricCode: 'CITIZEN_DATA_CONNECTED_FORMALITY',
    group: 'digitisation',
    name: 'TTHC kết nối dữ liệu dân cư',
    nameEn: 'Procedures connected to the population database',
    max: 2,
    scoring: 'linear',
    target: 1,
    numerator: 'connected',
    denominator: 'citizenProcedures',
    formula:
      '2 × procedures with ≥ 1 dossier using VNeID or population data ÷ procedures whose applicants are citizens',
    source: `${S} row 4.5a (D: formula; R: linear score)`,
    confidence: 'M',
  }),
  def({
    id: 'citizenDataDossiers',
    ref: '4.5b',
    metricCode: 'CITIZEN_DATA_CONNECTED_DOSSIER',
    group: 'digitisation',
    name: 'Hồ sơ sử dụng dữ liệu dân cư',
    nameEn: 'Dossiers using population data',
    max: 2,
    scoring: 'linear',
    target: 1,
    numerator: 'using',
    denominator: 'dossiers',
    formula: '2 × dossiers using VNeID or population data ÷ dossiers',
    source: `${S} row 4.5b (D: formula; R: linear score)`,
    confidence: 'M',
  }),
  def({
    id: 'onlinePaymentDossiers',
    ref: '3.6',
    metricCode: null,
    group: 'payment',
    name: 'Tỷ lệ hồ sơ thanh toán trực tuyến',
    nameEn: 'Dossiers paid online',
    max: 6,
    scoring: 'linear',
    target: 1,
    numerator: 'paidOnline',
    denominator: 'withFee',
    formula:
      '6 × A, A = dossiers paid online ÷ dossiers with a financial obligation (totalDossierOnlinePaymentSuccess ÷ totalDossierFinancialObligation); 0 when nothing is due',
    source: `${S} row 3.6 (D: formula; R: payment group 6·A + min(2, 2.5·B) + 2.5·C, zero denominator → 0)`,
    confidence: 'M',
  }),
  def({
    id: 'onlinePaymentProcedures',
    ref: '3.5b',
    metricCode: null,
    group: 'payment',
    name: 'TTHC có giao dịch thanh toán trực tuyến',
    nameEn: 'Procedures with an online payment',
    max: 2,
    scoring: 'threshold',
    target: 0.8,
    numerator: 'withOnlinePayment',
    denominator: 'withFee',
    formula:
      'min(2, 2.5 × B), B = procedures with a successful online payment ÷ procedures with a fee (totalDossierOnlineFormalityPaymentSuccess ÷ totalFeeFormality); 0 when none has a fee',
    source: `${S} row 3.5b (R: min(2, 2.5·B); the crawler's reconciliation divides by procedures with fee dossiers instead)`,
    confidence: 'M',
  }),
  def({
    id: 'feeIntegratedProcedures',
    ref: '3.5',
    metricCode: null,
    group: 'payment',
    name: 'TTHC có nghĩa vụ tài chính tích hợp thanh toán trên Cổng DVCQG',
    nameEn: 'Fee-bearing procedures integrated with portal payment',
    max: 2,
    scoring: 'threshold',
    target: 0.8,
    numerator: 'withFeeDossiers',
    denominator: 'withFee',
    formula:
      'min(2, 2.5 × C), C = procedures whose synced dossiers carry a fee ÷ procedures with fee information (totalFeeDossierFormality ÷ totalFeeFormality); 0 when none has a fee',
    source: `${S} row 3.5 (D: ≥ 80 % full points; R: 2.5·C, capped here at 2 as in D)`,
    confidence: 'M',
  }),
  def({
    id: 'petitionOnTime',
    ref: '5.2',
    metricCode: 'PETITION_PROCESSING_ON_TIME',
    group: 'satisfaction',
    name: 'Tỷ lệ PAKN xử lý đúng hạn',
    nameEn: 'Petitions handled on time',
    max: 6,
    scoring: 'linear',
    target: 1,
    numerator: 'onTime',
    denominator: 'received',
    formula:
      '6 × (petitions handled on time + petitions in progress within time) ÷ petitions received; no petition → 6',
    source: `${S} row 5.2 (D, M: formula; R: 6 × rate, no PAKN → 6 points)`,
    confidence: 'M',
  }),
  def({
    id: 'petitionSatisfaction',
    ref: '5.3',
    metricCode: 'PETITION_HANDLING_SATISFACTION',
    group: 'satisfaction',
    name: 'Mức độ hài lòng trong xử lý PAKN',
    nameEn: 'Satisfaction with petition handling',
    max: 6,
    scoring: 'linear',
    target: 1,
    numerator: 'received − unsatisfied',
    denominator: 'received',
    formula:
      '6 × (petitions − petitions with more dislikes than likes, follow-up complaints or overdue) ÷ petitions first received in the period; no petition → 6',
    source: `${S} row 5.3 (D: formula; R: 6 × rate, no PAKN → 6); METRICS row 23 splits it instead (option)`,
    confidence: 'M',
  }),
  def({
    id: 'dossierSatisfaction',
    ref: '5.4',
    metricCode: 'DOSSIER_RECEIVING_SATISFACTION',
    group: 'satisfaction',
    name: 'Mức độ hài lòng trong tiếp nhận, giải quyết TTHC',
    nameEn: 'Satisfaction with dossier reception and processing',
    max: 6,
    scoring: 'threshold',
    target: 0.9,
    numerator: 'dossiers − unsatisfied',
    denominator: 'dossiers',
    formula:
      'min(6, 6 × rate ÷ 90 %), rate = (dossiers − dossiers rated unsatisfied, complained about or overdue) ÷ dossiers; no dossier → 0',
    source: `${S} row 5.4 (M: formula; R: min(6, 6 × rate/90 %), denominator 0 → 0); 6/18 tied to NQ 76/NQ-CP targets (§1.1, H)`,
    confidence: 'M',
  }),
]);

/**
 * The six groups of the 766 index in the portal's order, with their maxima and the portal API
 * endpoint each comes from.
 *
 * @remarks
 * Source: shared/reference/dossier-index.md §1.1, the portal's six-group display (H for the
 * maxima: several independent crawlers agree). QĐ 766/QĐ-TTg as published in 2022 has five
 * groups; groups `onlineServices` (12) and `payment` (10) together are its 22-point "Cung cấp dịch
 * vụ trực tuyến" group (M, inferred).
 * @example
 * ```ts
 * import { PORTAL_766_GROUPS } from 'cchc-index';
 * PORTAL_766_GROUPS.map((g) => g.max);
 * // => [18, 20, 12, 22, 10, 18]
 * ```
 * @category Indexes
 */
export const PORTAL_766_GROUPS: readonly {
  readonly id: Portal766GroupId;
  readonly name: string;
  readonly nameEn: string;
  readonly max: number;
  readonly endpoint: string;
}[] = Object.freeze([
  Object.freeze({
    id: 'transparency',
    name: 'Công khai, minh bạch',
    nameEn: 'Transparency',
    max: 18,
    endpoint: 'transparency',
  }),
  Object.freeze({
    id: 'progress',
    name: 'Tiến độ giải quyết',
    nameEn: 'Processing progress',
    max: 20,
    endpoint: 'dvc-progress-tree',
  }),
  Object.freeze({
    id: 'onlineServices',
    name: 'Dịch vụ công trực tuyến',
    nameEn: 'Online public services',
    max: 12,
    endpoint: 'provide-online-tree',
  }),
  Object.freeze({
    id: 'digitisation',
    name: 'Số hóa hồ sơ',
    nameEn: 'Digitisation',
    max: 22,
    endpoint: 'dossier-digitized',
  }),
  Object.freeze({
    id: 'payment',
    name: 'Thanh toán trực tuyến',
    nameEn: 'Online payment',
    max: 10,
    endpoint: 'formality-online-payment-tree',
  }),
  Object.freeze({
    id: 'satisfaction',
    name: 'Mức độ hài lòng',
    nameEn: 'Satisfaction',
    max: 18,
    endpoint: 'handling-satisfaction',
  }),
] as const);

/** Definitions by id. @internal */
export const DEFINITION: Readonly<Record<Portal766IndicatorId, Portal766IndicatorDefinition>> = Object.freeze(
  Object.fromEntries(PORTAL_766_INDICATORS.map((d) => [d.id, d])) as Record<
    Portal766IndicatorId,
    Portal766IndicatorDefinition
  >,
);
