/**
 * cchc-index: score Vietnam's administrative-reform indexes (Chỉ số CCHC, PAR INDEX) exactly.
 *
 * Every public export is named here, explicitly.
 * @packageDocumentation
 * @module cchc-index
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
export {
  type ChannelPercentages,
  type ChannelPercentagesOptions,
  type ChannelSharesResult,
  channelPercentages,
  channelShares,
} from './dossiers/channelShares.js';
export {
  type CheckDossierStatsOptions,
  type CheckDossierStatsResult,
  checkDossierStats,
  type DossierStatsProblem,
  type DossierStatsProblemCode,
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
// Dossier statistics
export { type DossierStats, type DossierStatsInput, DossierStatsSchema } from './dossiers/DossierStats.js';
export { type DossierTotals, dossierTotals } from './dossiers/dossierTotals.js';
export { emptyDossierStats } from './dossiers/emptyDossierStats.js';
export { mergeDossierStats } from './dossiers/mergeDossierStats.js';
export { postalReturnRate } from './dossiers/postalReturnRate.js';
export {
  type DossierStatsSql,
  type DossierStatsSqlColumns,
  type DossierStatsSqlOptions,
  type DossierStatsSqlSupplements,
  dossierStatsSql,
  type SqlColumnValue,
  type SqlDialect,
  type SqlTimeColumn,
  type SqlTimeType,
} from './dossiers/sql/dossierStatsSql.js';
export {
  type DossierStatsRow,
  type DossierStatsRowsQuery,
  rowsToDossierStats,
} from './dossiers/sql/rowsToDossierStats.js';
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
export { type FormatCountOptions, formatCount } from './format/formatCount.js';
// Formatting (vi-VN and en figures)
export { type FormatNumberOptions, formatNumber, type NumberLocale } from './format/formatNumber.js';
export { type FormatPercentOptions, formatPercent } from './format/formatPercent.js';
export { type ParseNumberOptions, parseNumber } from './format/parseNumber.js';
export { type ParsePercentOptions, parsePercent } from './format/parsePercent.js';
// Built-in indexes (national PAR INDEX)
export {
  buildPar876ProvincialRuleSet,
  PAR_876_PROVINCIAL_FIELDS,
  PAR_876_PROVINCIAL_STRUCTURE,
  type Par876FieldDefinition,
  type Par876ProvincialDefinition,
  type ParKnownPart,
  type ParStructure,
} from './indexes/par876Provincial.js';
export {
  buildPar2948ProvincialRuleSet,
  PAR_2948_PROVINCIAL_FIELDS,
  type Par2948ProvincialDefinition,
} from './indexes/par2948Provincial.js';
export type {
  ParField,
  ParFieldConfidence,
  ParFieldDefinition,
  ParFieldId,
} from './indexes/parFields.js';
export { PAR_NATIONAL_GROUPS, type ParGroup } from './indexes/parNationalGroups.js';
export {
  buildPortal766Assessment,
  type Portal766AssessmentMeta,
} from './indexes/portal766/buildPortal766Assessment.js';
export {
  PORTAL_766_GROUPS,
  PORTAL_766_INDICATORS,
  type Portal766GroupId,
  type Portal766IndicatorDefinition,
  type Portal766IndicatorId,
  type Portal766Scoring,
} from './indexes/portal766/definitions.js';
export {
  type Portal766Data,
  type Portal766Input,
  Portal766InputSchema,
} from './indexes/portal766/Portal766Input.js';
export {
  buildPortal766RuleSet,
  PORTAL_766_RULE_SET,
  type Portal766RuleSetOptions,
} from './indexes/portal766/ruleSet.js';
// Built-in indexes (QĐ 766/QĐ-TTg, Cổng DVCQG)
export {
  type Portal766GroupResult,
  type Portal766IndicatorResult,
  type Portal766Options,
  type Portal766Reason,
  type Portal766Result,
  type Portal766Status,
  scorePortal766,
} from './indexes/portal766.js';
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
export { type Plan, type PlanInput, PlanSchema, PlanTaskListSchema } from './plans/Plan.js';
// Plans (kế hoạch CCHC)
export {
  type PlanTask,
  type PlanTaskInput,
  PlanTaskSchema,
  type PlanTaskStatus,
  PlanTaskStatusSchema,
} from './plans/PlanTask.js';
export {
  type ParsedTaskCompletionInput,
  type TaskCompletionInput,
  TaskCompletionInputSchema,
  type TaskCompletionOptions,
  type TaskCompletionResult,
  type TaskCounts,
  taskCompletion,
} from './plans/taskCompletion.js';
// Procedures (rà soát, cắt giảm thời gian giải quyết TTHC)
export {
  type ProcedureLevel,
  ProcedureLevelSchema,
  type ProcedureReview,
  type ProcedureReviewInput,
  ProcedureReviewSchema,
  type ProcedureTimeUnit,
  ProcedureTimeUnitSchema,
} from './procedures/ProcedureReview.js';
export {
  type TimeReductionInput,
  TimeReductionInputSchema,
  type TimeReductionItem,
  type TimeReductionMethod,
  type TimeReductionOptions,
  type TimeReductionResult,
  timeReduction,
} from './procedures/timeReduction.js';
// Reports (Vietnamese and English paragraphs, readable printing)
export { describeResult } from './report/describeResult.js';
export { inspectable } from './report/inspectable.js';
export type { ReportLanguage, ReportOptions } from './report/ReportLanguage.js';
export {
  type WriteDossierReportOptions,
  writeDossierReport,
} from './report/writeDossierReport.js';
export { type WriteIndexReportOptions, writeIndexReport } from './report/writeIndexReport.js';
export {
  type PlanReportInput,
  type WritePlanReportOptions,
  writePlanReport,
} from './report/writePlanReport.js';
export {
  type ReductionReportInput,
  type TimeReductionTotals,
  type WriteReductionReportOptions,
  writeReductionReport,
} from './report/writeReductionReport.js';
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
export {
  type CohortStatistics,
  type CohortStatisticsOptions,
  cohortStatistics,
  type FigureStatistics,
  type StatisticsSummary,
  type UnitPercentile,
} from './scoring/cohortStatistics.js';
export {
  type Change,
  type CompareReportsOptions,
  type ComparisonSide,
  compareReports,
  type NodeChange,
  type RankChange,
  type ReportComparison,
  type UnitComparison,
} from './scoring/compareReports.js';
export {
  type RankBy,
  type RankedUnit,
  type RankMethod,
  type RankUnitsOptions,
  rankUnits,
} from './scoring/rankUnits.js';
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
export { type CohortResult, type ScoreCohortOptions, scoreCohort } from './scoring/scoreCohort.js';
export { type ScoreUnitOptions, scoreUnit } from './scoring/scoreUnit.js';
