/**
 * cchc-index/node: file readers for dossier exports, assessments and procedure reviews (CSV,
 * XLSX, JSON, NDJSON), a one-pass file summary, and the self-contained HTML report. Node only;
 * everything here reads files and then calls the pure core of `cchc-index`.
 * @packageDocumentation
 * @module cchc-index/node
 */

export {
  DEFAULT_CHANNEL_VALUES,
  DEFAULT_DOSSIER_COLUMNS,
  DEFAULT_STATUS_VALUES,
  type DossierColumnMap,
  type DossierField,
} from './columns.js';
export type { CsvParserChoice } from './csvRows.js';
export type { DossierTableOptions } from './dossierTable.js';
export {
  type HtmlReportInput,
  type HtmlReportUnit,
  renderHtmlReport,
} from './htmlReport.js';
export type { BadRowPolicy, RowProblem } from './RowProblem.js';
export {
  type AssessmentField,
  type AssessmentFile,
  DEFAULT_ASSESSMENT_COLUMNS,
  type ReadAssessmentOptions,
  readAssessmentFile,
} from './readAssessmentFile.js';
export {
  DossierRecords,
  parseDossierCsv,
  type ReadDossierOptions,
  readDossierFile,
} from './readDossierFile.js';
export {
  DEFAULT_PROCEDURE_COLUMNS,
  type ProcedureField,
  type ProcedureFile,
  type ReadProcedureOptions,
  readProcedureFile,
} from './readProcedureFile.js';
export type { FileFormat, FileReadOptions } from './sources.js';
export {
  type DossierFileSummary,
  type SummarizeDossierFileOptions,
  summarizeDossierFile,
} from './summarizeDossierFile.js';
