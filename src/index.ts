/**
 * cchc-index: score Vietnam's administrative-reform indexes (Chỉ số CCHC, PAR INDEX) exactly.
 *
 * Every public export is named here, explicitly.
 * @packageDocumentation
 */

export {
  type Arrangement,
  type ArrangementInput,
  ArrangementSchema,
  type Confidence,
  ConfidenceSchema,
} from './calendar/ArrangementSchema.js';
export { addWorkingDays } from './calendar/addWorkingDays.js';
export {
  type Calendar,
  type CalendarOptions,
  createCalendar,
  type Weekday,
} from './calendar/createCalendar.js';
export { type DateInput, type IsoDate, IsoDateSchema } from './calendar/dates.js';
export { type DueDateInput, type DueDateResult, dueDate } from './calendar/dueDate.js';
export type { Holiday, HolidayKind } from './calendar/Holiday.js';
export { isHoliday } from './calendar/isHoliday.js';
export { isWorkingDay } from './calendar/isWorkingDay.js';
// Calendar
export { type LunarDate, lunarToSolar } from './calendar/lunar.js';
export { OFFICIAL_ARRANGEMENTS } from './calendar/officialArrangements.js';
export { type CalendarFunctionOptions, vietnamHolidays } from './calendar/vietnamHolidays.js';
export { workingDaysBetween } from './calendar/workingDaysBetween.js';
export { type ChannelSharesResult, channelShares } from './dossiers/channelShares.js';
export {
  type CheckDossierStatsOptions,
  type CheckDossierStatsResult,
  checkDossierStats,
  type DossierStatsProblem,
  type ReportedDossierTotals,
} from './dossiers/checkDossierStats.js';
// Dossier records
export {
  type DossierChannel,
  DossierChannelSchema,
  type DossierRecord,
  type DossierRecordInput,
  DossierRecordSchema,
  type DossierStatus,
  DossierStatusSchema,
  type DossierSupplement,
  DossierSupplementSchema,
  type DossierTimestamp,
  DossierTimestampSchema,
} from './dossiers/DossierRecord.js';
// Formatting (vi-VN and en figures)
export { formatNumber, type FormatNumberOptions } from './format/formatNumber.js';
export { formatPercent, type FormatPercentOptions } from './format/formatPercent.js';
export { formatCount, type FormatCountOptions } from './format/formatCount.js';
export { parseNumber, type ParseNumberOptions } from './format/parseNumber.js';
export { parsePercent } from './format/parsePercent.js';

// Dossier statistics
export { type DossierStats, type DossierStatsInput, DossierStatsSchema } from './dossiers/DossierStats.js';
export { type DossierTotals, dossierTotals } from './dossiers/dossierTotals.js';
export { emptyDossierStats } from './dossiers/emptyDossierStats.js';
export { mergeDossierStats } from './dossiers/mergeDossierStats.js';
export { postalReturnRate } from './dossiers/postalReturnRate.js';
export {
  type ClassifyDossierOptions,
  classifyDossier,
  type DossierClassification,
  type DossierClassificationReason,
  type DossierGroup,
  type DossierGroupBy,
  type DossierGroupKey,
  type DossierOutcome,
  type DossierSummary,
  type DossierSummaryMeta,
  type SummarizeDossiersOptions,
  summarizeDossiers,
  summarizeDossiersAsync,
} from './dossiers/summarizeDossiers.js';
export {
  type TimelinessBasis,
  type TimelinessOptions,
  type TimelinessResult,
  timeliness,
} from './dossiers/timeliness.js';
export {
  CchcError,
  type CchcIssue,
  formatIssuePath,
  type IssuePath,
  isCchcError,
} from './errors/CchcError.js';
// Errors
export { type CchcErrorCode, ERROR_CODES } from './errors/codes.js';
export { type ApportionOptions, apportion } from './numeric/apportion.js';
export { checkTarget, type Target, type TargetCheckResult } from './numeric/checkTarget.js';
export { type PercentOptions, percent } from './numeric/percent.js';
export { ratio } from './numeric/ratio.js';
// Numbers
export {
  type CountInput,
  CountSchema,
  type DecimalInput,
  DecimalInputSchema,
  NonNegativeDecimalSchema,
} from './numeric/schemas.js';
export { defineRuleSet } from './rules/defineRuleSet.js';
export { type CountTiersRule, CountTiersRuleSchema } from './rules/kinds/countTiers.js';
export { type DeductionRule, DeductionRuleSchema } from './rules/kinds/deduction.js';
export { type ManualRule, ManualRuleSchema } from './rules/kinds/manual.js';
export { type NormalizedToBestRule, NormalizedToBestRuleSchema } from './rules/kinds/normalizedToBest.js';
export { type OptionsRule, OptionsRuleSchema } from './rules/kinds/options.js';
export { type PerItemRule, PerItemRuleSchema } from './rules/kinds/perItem.js';
export { type ProportionalRule, ProportionalRuleSchema } from './rules/kinds/proportional.js';
export { type SurveyRule, SurveyRuleSchema } from './rules/kinds/survey.js';
export { type Tier, TierSchema, type TiersRule, TiersRuleSchema } from './rules/kinds/tiers.js';
export { type YesNoRule, YesNoRuleSchema } from './rules/kinds/yesNo.js';
export { MEASURES, type MeasureName } from './rules/measures.js';
export { type Rule, type RuleKind, RuleSchema } from './rules/Rule.js';
// Rules
export {
  AdjustmentSectionSchema,
  AssessorSchema,
  BandSchema,
  PrecisionSchema,
  type RuleNode,
  type RuleNodeInput,
  RuleNodeSchema,
  type RuleSet,
  type RuleSetInput,
  RuleSetSchema,
  type UnitLevel,
  UnitLevelSchema,
} from './rules/RuleSet.js';
export { type RuleSetJsonSchema, ruleSetJsonSchema } from './rules/ruleSetJsonSchema.js';
export { type ValidateRuleSetResult, validateRuleSet } from './rules/validateRuleSet.js';

// Scoring
export {
  type Assessment,
  type AssessmentInput,
  AssessmentSchema,
  type StageEntry,
  StageEntrySchema,
  StageSchema,
} from './scoring/Assessment.js';
export type {
  AdjustmentPart,
  Assessor,
  AssessorPart,
  BandResult,
  Explanation,
  LostPoints,
  MeasuredValue,
  NextStep,
  NodeScore,
  NodeStatus,
  ScorePart,
  ScoreReason,
  ScoreReport,
  ScoreSource,
  ScoreTotals,
  Stage,
} from './scoring/ScoreReport.js';
export { type ScoreUnitOptions, scoreUnit } from './scoring/scoreUnit.js';
