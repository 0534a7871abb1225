/**
 * The result types of {@link scoreUnit}: a plain, readonly, JSON-safe score report.
 *
 * Every quantity is a JS `number` (the nearest double to the exact decimal result); nothing in a
 * report is a Decimal, a Date, `undefined`, NaN or Infinity, so `JSON.parse(JSON.stringify(report))`
 * deep-equals the report. Optional properties are absent rather than `undefined`.
 * @module
 */

/**
 * Who scores a node: the unit itself (then appraised by the level above), the superior level
 * directly (e.g. "UBND tỉnh chấm"), or a sociological survey (điều tra xã hội học, SIPAS, DDCI).
 *
 * @remarks
 * Source: shared/reference/par-index.md §2.4 (self-assessment appraised by MoHA, H), §4 (Huế 65 +
 * 25 survey + 10 UBND tỉnh; Hà Tĩnh 85 + 15 survey, H) and §7.
 * @category Scoring
 */
export type Assessor = 'self' | 'superior' | 'survey';

/**
 * A stage of the scoring workflow at which a value is entered: the unit's own score (`self`), the
 * appraisal rounds that confirm or adjust it (`appraisal-1`, `appraisal-2`, …), a score given by
 * the superior level (`superior`) or a survey result (`survey`).
 *
 * @remarks
 * Source: par-index.md §6, `tinhvan170203/chamdiemv03` (diemtuchamlan1, diemthamdinhlan1,
 * diemthamdinhlan2; M, software) and §2.4 (MoHA "công nhận hoặc điều chỉnh", H).
 * @category Scoring
 */
export type Stage = 'self' | `appraisal-${number}` | 'superior' | 'survey';

/**
 * Where the effective score of a leaf came from: a workflow {@link Stage}, or `'data'` when the
 * value was measured from the unit's data (`assessment.data`) with no stage entered.
 * @category Scoring
 */
export type ScoreSource = Stage | 'data';

/**
 * The state of a node's score, kept apart on purpose:
 * - `scored`: every applicable leaf below has a score (a score of 0 is still `scored`);
 * - `pending`: nothing has been scored yet (no entry, no data, or a cohort is needed);
 * - `not-applicable`: "không áp dụng / không phát sinh": the node did not arise;
 * - `partial` (groups only): some leaves scored, some pending.
 * @category Scoring
 */
export type NodeStatus = 'scored' | 'pending' | 'not-applicable' | 'partial';

/**
 * Why a node has its points. Stable, machine-readable codes:
 *
 * - scored: `MANUAL`, `YES`, `NO`, `OPTION_CHOSEN`, `TIER_MATCHED`, `NO_TIER_MATCHED` (the value is
 *   outside every tier: 0 points), `PROPORTIONAL`, `CAPPED` (the value reached the target or cap:
 *   full points), `BELOW_FLOOR` (below the rule's floor: 0 points), `COUNT_TIER_MATCHED`,
 *   `PER_ITEM`, `NO_DEDUCTION`, `DEDUCTED`, `FLOORED_AT_ZERO` (deductions used up the maximum),
 *   `NORMALIZED`, `SURVEY_WEIGHTED`, `SURVEY_INDEX`, `ZERO_WHEN_NO_VALUE` (nothing arose and the
 *   node says that scores 0);
 * - not applicable: `NOT_APPLICABLE` (declared in the assessment), `NO_VALUE` (a rate with a zero
 *   denominator: "không phát sinh");
 * - pending: `NOT_ASSESSED` (no entry), `NO_DATA` (the measure's data is missing), `NEEDS_COHORT`
 *   (a normalised-to-best rule without the cohort context);
 * - groups: `AGGREGATED`.
 * @category Scoring
 */
export type ScoreReason =
  | 'MANUAL'
  | 'YES'
  | 'NO'
  | 'OPTION_CHOSEN'
  | 'TIER_MATCHED'
  | 'NO_TIER_MATCHED'
  | 'PROPORTIONAL'
  | 'CAPPED'
  | 'BELOW_FLOOR'
  | 'COUNT_TIER_MATCHED'
  | 'PER_ITEM'
  | 'NO_DEDUCTION'
  | 'DEDUCTED'
  | 'FLOORED_AT_ZERO'
  | 'NORMALIZED'
  | 'SURVEY_WEIGHTED'
  | 'SURVEY_INDEX'
  | 'ZERO_WHEN_NO_VALUE'
  | 'NOT_APPLICABLE'
  | 'NO_VALUE'
  | 'NOT_ASSESSED'
  | 'NO_DATA'
  | 'NEEDS_COHORT'
  | 'AGGREGATED';

/**
 * A sentence in Vietnamese and in English, e.g. `{ vi: 'Tỷ lệ 97,50 % thuộc khoảng từ 95 % đến
 * dưới 100 %: 0,75/1 điểm', en: 'Rate 97.50% is in the range from 95% to under 100%: 0.75/1 points' }`.
 * @category Scoring
 */
export interface Explanation {
  readonly vi: string;
  readonly en: string;
}

/**
 * What it takes to reach the next step of a rule: the value to reach and the points it gives
 * ("cần đạt 95 % để được thêm 0,25 điểm").
 * @category Scoring
 */
export interface NextStep {
  /** The value to reach, in the measured value's own unit (a ratio such as `0.95`, or a count). */
  readonly value: number;
  /** How `value` is to be reached: `at-least` (≥), `more-than` (>), `at-most` (≤), `less-than` (<). */
  readonly comparison: 'at-least' | 'more-than' | 'at-most' | 'less-than';
  /** Points of the leaf once the value is reached. */
  readonly points: number;
  /** Points gained compared with now (`points − current points`). */
  readonly gain: number;
  /** The hint as a sentence. */
  readonly explanation: Explanation;
}

/**
 * A measured or entered value as the rule saw it: a number (a ratio such as `0.975`, a count, or
 * points for a manual rule), an option or grade id, a yes/no answer, a list of item ids, or `null`.
 * @category Scoring
 */
export type MeasuredValue = number | string | boolean | readonly string[] | null;

/**
 * The score of one node of the criteria tree (a group or a leaf).
 * @category Scoring
 */
export interface NodeScore {
  /** The node id from the rule set (e.g. `'1.1'`). */
  readonly id: string;
  /** The node name, or `null` when the rule set gives none. */
  readonly name: string | null;
  /** The id of the parent node, `null` at the top level. */
  readonly parentId: string | null;
  /** Ids of the children, in rule-set order (empty for a leaf). */
  readonly childIds: readonly string[];
  /** Depth in the tree: 1 for a lĩnh vực (top level). */
  readonly depth: number;
  /** Which part of the rule set the node belongs to. */
  readonly section: 'criteria' | 'bonus' | 'deductions';
  /** The rule kind of a leaf (`'tiers'`, `'manual'`, …) or `'group'`. */
  readonly kind: string;
  /** Who scores the node (inherited from its ancestors when not given). */
  readonly assessor: Assessor;
  /** Scored, pending, not applicable, or partial (groups). */
  readonly status: NodeStatus;
  /** Why the node has its points. */
  readonly reason: ScoreReason;
  /** Points achieved: 0 when pending or not applicable. Unrounded. */
  readonly points: number;
  /** Maximum points (điểm tối đa). */
  readonly max: number;
  /**
   * The denominator for this node's percentage: `max` minus the maxima of not-applicable leaves
   * under the `'rebase'` policy, `max` under `'keep'`.
   */
  readonly applicableMax: number;
  /** Maxima of leaves still pending. */
  readonly pendingMax: number;
  /** Maxima of leaves that did not arise (whatever the policy). */
  readonly notApplicableMax: number;
  /** `points ÷ applicableMax × 100`, unrounded, or `null` when `applicableMax` is 0. */
  readonly percent: number | null;
  /** Leaves: the stage the effective score came from. Groups: `null`. `null` also when pending. */
  readonly source: ScoreSource | null;
  /** Leaves: the value the rule was applied to. Groups: `null`. */
  readonly measured: MeasuredValue;
  /**
   * Points of the self-assessment (`self` stage) summed over the leaves below that have one, or
   * `null` when none has.
   */
  readonly selfPoints: number | null;
  /**
   * Appraised minus self-assessed points, over the leaves below that have both a self score and an
   * appraisal, or `null` when none has both (negative: the appraisal took points off).
   */
  readonly appraisalDelta: number | null;
  /** Leaves: why the node has its points, in Vietnamese and English. Absent on groups. */
  readonly explanation?: Explanation;
  /** Leaves: the next step worth more points (tiers, count tiers, proportional, per item). */
  readonly next?: NextStep;
  /** Leaves: the note entered at the effective stage. */
  readonly note?: string;
  /** Leaves: evidence references (tài liệu kiểm chứng) entered at any stage, without duplicates. */
  readonly evidence?: readonly string[];
  /** Leaves: `true` when an explanation (giải trình) was requested at some stage. */
  readonly explanationRequested?: boolean;
}

/**
 * Points, maxima and percentage of one part of the index (the whole, or one assessor's part).
 * @category Scoring
 */
export interface ScorePart {
  /** Points achieved, unrounded. */
  readonly points: number;
  /** Maximum points. */
  readonly max: number;
  /** Denominator of `percent` (see {@link NodeScore.applicableMax}). */
  readonly applicableMax: number;
  /** Maxima still pending. */
  readonly pendingMax: number;
  /** Maxima that did not arise. */
  readonly notApplicableMax: number;
  /** `points ÷ applicableMax × 100`, unrounded, or `null` when `applicableMax` is 0. */
  readonly percent: number | null;
  /** `percent` rounded half-up to the rule set's `precision.percent` decimals, or `null`. */
  readonly roundedPercent: number | null;
  /** Scored, pending, not applicable or partial. */
  readonly status: NodeStatus;
}

/**
 * One assessor's share of the index: e.g. Đắk Song 6 months 2023, `{ assessor: 'self', points:
 * 61, max: 90, roundedPercent: 67.78 }` and `{ assessor: 'superior', points: 0, max: 10, status:
 * 'pending' }`.
 * @category Scoring
 */
export interface AssessorPart extends ScorePart {
  readonly assessor: Assessor;
}

/**
 * A bonus (điểm thưởng, điểm cộng) or deduction (điểm trừ) section as applied: the raw sum of its
 * items, the cap and the amount applied.
 * @category Scoring
 */
export interface AdjustmentPart {
  /** Sum of the section's items before the cap. */
  readonly raw: number;
  /** The cap from the rule set, or `null` when uncapped. */
  readonly cap: number | null;
  /** The amount applied to the total: `min(raw, cap)`. */
  readonly applied: number;
  /** `true` when the cap cut the raw sum. */
  readonly capped: boolean;
  /** Scored, pending, not applicable or partial, over the section's items. */
  readonly status: NodeStatus;
}

/**
 * The totals of a unit: `points = base + bonus − deductions` (never below 0).
 * @category Scoring
 */
export interface ScoreTotals extends ScorePart {
  /** Σ points of the criteria tree, before bonus and deductions. */
  readonly base: number;
  /** Bonus points applied (after the cap); 0 without a bonus section. */
  readonly bonus: number;
  /** Deduction points applied (after the cap); 0 without a deduction section. */
  readonly deductions: number;
}

/**
 * The classification band reached (xếp loại), e.g. `{ label: 'Tốt', minPercent: 80 }`.
 * @category Scoring
 */
export interface BandResult {
  readonly label: string;
  readonly minPercent: number;
  /** `true` while some leaves are pending: the band may still change. */
  readonly provisional: boolean;
}

/**
 * A leaf that did not get its maximum, for the "where did we lose points" list.
 * @category Scoring
 */
export interface LostPoints {
  readonly id: string;
  readonly name: string | null;
  /** `max − points` (for deduction items: the points deducted). */
  readonly lost: number;
  readonly points: number;
  readonly max: number;
  readonly reason: ScoreReason;
  readonly section: 'criteria' | 'bonus' | 'deductions';
  readonly next?: NextStep;
}

/**
 * The full score report of one unit for one period, returned by {@link scoreUnit}.
 *
 * @remarks
 * `nodes` lists every node in pre-order (criteria tree, then the bonus items, then the deduction
 * items), so a program can index it by `id` or walk it with `parentId`/`childIds`. Quantities are
 * unrounded; `roundedPercent` and the explanations apply the rule set's precision policy.
 * @category Scoring
 */
export interface ScoreReport {
  /** The rule set scored against. */
  readonly ruleSet: {
    readonly id: string;
    readonly version: string;
    readonly level: string;
    readonly notApplicable: 'rebase' | 'keep';
  };
  /** The unit scored. */
  readonly unit: { readonly id: string; readonly name: string | null; readonly level: string | null };
  /** The period as given in the assessment (e.g. `'2025'`, `'2023-H1'`). */
  readonly period: string;
  /** Totals of the whole index (criteria + bonus − deductions). */
  readonly total: ScoreTotals;
  /** The criteria tree split by assessor, in the order self, superior, survey (present parts only). */
  readonly byAssessor: readonly AssessorPart[];
  /** The bonus section as applied, or `null` when the rule set has none. */
  readonly bonus: AdjustmentPart | null;
  /** The deduction section as applied, or `null` when the rule set has none. */
  readonly deductions: AdjustmentPart | null;
  /** The band reached on `total.roundedPercent`, or `null` without bands (or without a percentage). */
  readonly band: BandResult | null;
  /** Every node, pre-order. */
  readonly nodes: readonly NodeScore[];
  /** Scored leaves below their maximum (and deductions taken), largest loss first, then by id. */
  readonly lostPoints: readonly LostPoints[];
}
