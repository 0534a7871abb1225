/**
 * One valid call of every public function, for the fuzz test to start from: it replaces a value
 * somewhere inside these arguments with a hostile one and checks what comes out. A function exported
 * from `src/index.ts` without a seed here fails the fuzz test, so a new export cannot skip fuzzing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type AssessmentInput,
  type PlanTaskInput,
  type RuleSetInput,
  scoreCohort,
  scoreUnit,
  taskCompletion,
  timeReduction,
} from '../../src/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const exampleRuleSet: unknown = JSON.parse(
  readFileSync(path.join(ROOT, 'test/fixtures/rules/example-district.json'), 'utf8'),
);

const stats = {
  received: { carriedOver: 3, online: 8535, inPerson: 138, postal: 2 },
  resolved: { early: 52006, onTime: 9942, late: 5 },
  pending: { withinDeadline: 4, overdue: 1 },
  returnedByPost: 7,
  withdrawn: 1,
  returned: 2,
};

const record = {
  id: 'C2',
  channel: 'online',
  status: 'resolved',
  receivedAt: '2024-03-01',
  dueAt: '2024-03-05',
  finishedAt: '2024-03-08',
  supplements: [{ requestedAt: '2024-03-02', completedAt: '2024-03-05' }],
};
const period = { from: '2024-03-01', to: '2024-03-31' };

const smallRuleSet: RuleSetInput = {
  id: 'demo',
  version: '1',
  legalBasis: 'illustrative',
  level: 'huyen',
  total: 100,
  children: [
    { id: '1', max: 90, assessor: 'self', rule: { kind: 'manual', step: 0.25 } },
    { id: '2', max: 10, assessor: 'superior', rule: { kind: 'manual', step: 0.25 } },
  ],
};
const assessment: AssessmentInput = {
  unit: { id: 'dak-song' },
  period: '2023-H1',
  entries: { '1': { self: { value: 61 } } },
};

const assessmentB: AssessmentInput = {
  unit: { id: 'cu-jut', name: 'Huyện Cư Jút' },
  period: '2023-H1',
  entries: { '1': { self: { value: 72.5 } }, '2': { superior: { value: 8 } } },
};

/** Score reports and cohort results, built by the library at module load (plain JSON data). */
const report = scoreUnit(smallRuleSet, assessment);
const reportB = scoreUnit(smallRuleSet, assessmentB);
const reports = [report, reportB];
const previousReports = [
  scoreUnit(smallRuleSet, { ...assessment, period: '2022-H1' }),
  scoreUnit(smallRuleSet, { ...assessmentB, period: '2022-H1', entries: { '1': { self: { value: 50 } } } }),
];
const cohort = scoreCohort(smallRuleSet, [assessment, assessmentB]);
const previousCohort = scoreCohort(
  smallRuleSet,
  previousReports.map((r) => ({
    unit: { id: r.unit.id },
    period: '2022-H1',
    entries: { '1': { self: { value: r.total.points } } },
  })),
);
const completion = taskCompletion({ done: 41, total: 57 });
const tasks: PlanTaskInput[] = [
  {
    id: '1',
    title: 'Ban hành kế hoạch CCHC',
    status: 'done',
    deadline: '2024-01-31',
    completedOn: '2024-01-31',
  },
  { id: '2', title: 'Báo cáo CCHC quý I', status: 'done', deadline: '2024-03-15', completedOn: '2024-03-20' },
  { id: '3', title: 'Rà soát TTHC', status: 'in-progress', deadline: '2024-05-31' },
  { id: '4', title: 'Kiểm tra CCHC', status: 'cancelled', deadline: '2024-04-30' },
];
const reduction = timeReduction([
  { before: 20, after: 5 },
  { before: 3, after: 2 },
]);

/** A PAR field scored as one leaf with points entered by hand. */
const parLeaf = { rule: { kind: 'manual', step: 0.25 } };
const par876Self = (max: number) => ({ max, rule: { kind: 'manual' } });

const portal766Input = {
  publishOnTime: { onTime: 9, announced: 10 },
  processingOnTime: { onTime: 8673, received: 8673 },
  dossierSatisfaction: { unsatisfied: 100, dossiers: 1000 },
  petitionOnTime: { onTime: 0, received: 0 },
  onlinePaymentProcedures: { withOnlinePayment: 3, withFee: 10, withFeeDossiers: 5 },
  personalStorage: { points: 3 },
  fullOnlineDossiers: { points: 9.5, fullOnline: 40, eligible: 50 },
};

const sqlCounts = {
  carried_over: '0',
  online: '1',
  in_person: '0',
  postal: '0',
  early: '0',
  on_time: '1',
  late: '0',
  pending_within_deadline: '0',
  pending_overdue: '0',
  returned_by_post: '0',
  withdrawn: '0',
  returned: '0',
  records: '1',
  received_after_as_of: '0',
  closed_before_period: '0',
  without_due_at: '0',
  more_than_one_supplement: '0',
  invalid_values: '0',
  invalid_order: '0',
  duplicate_ids: '0',
};
const sqlQuery = {
  groupBy: ['unit'],
  period: { from: '2024-03-01', to: '2024-03-31' },
  asOf: '2024-03-31T23:59:59.999+07:00',
  missingDueAtIsError: false,
  checksDuplicateIds: true,
};

/** Valid argument lists per exported function name (one or more calls each). */
export const SEEDS: Readonly<Record<string, readonly (readonly unknown[])[]>> = {
  buildPar2948ProvincialRuleSet: [
    [
      {
        assessor: 'self',
        fields: {
          '1': parLeaf,
          '2': parLeaf,
          '3': parLeaf,
          '4': parLeaf,
          '5': parLeaf,
          '6': parLeaf,
          '7': parLeaf,
          '8': {
            children: [
              { id: '8.1', max: 10, rule: { kind: 'manual' } },
              { id: '8.2', max: 5.5, assessor: 'survey', rule: { kind: 'manual' } },
            ],
          },
        },
      },
    ],
  ],
  buildPar876ProvincialRuleSet: [
    [
      {
        fields: {
          '1': par876Self(9),
          '2': par876Self(9),
          '3': par876Self(10),
          '4': par876Self(8),
          '5': par876Self(9),
          '6': par876Self(8),
          '7': par876Self(9),
          '8': {
            max: 38,
            children: [
              { id: '8.1', max: 6, rule: { kind: 'manual' } },
              { id: '8.2', max: 32, assessor: 'survey', rule: { kind: 'manual' } },
            ],
          },
        },
      },
    ],
  ],
  buildPortal766Assessment: [
    [portal766Input, { unit: { id: 'phu-tho', name: 'Tỉnh Phú Thọ', level: 'tinh' }, period: '2026-09' }],
    [
      { dossiers: stats, personalStorage: { points: 3 } },
      { unit: { id: 'loc-binh' }, period: '2024-H1' },
    ],
  ],
  buildPortal766RuleSet: [[], [{ level: 'bo', digitisedScoring: 'threshold-80' }]],
  cohortStatistics: [[reports], [reports, { by: 'percent' }]],
  compareReports: [
    [previousReports, reports],
    [previousCohort, cohort, { method: 'competition', mapping: { '1': '1', '2': null } }],
    [previousReports[0], report],
  ],
  describeResult: [[report], [reduction, { lang: 'en' }], [completion]],
  dossierStatsSql: [
    [
      {
        dialect: 'postgres',
        table: 'mot_cua.ho_so',
        columns: {
          id: 'ma_ho_so',
          channel: 'kenh',
          status: 'trang_thai',
          receivedAt: 'ngay_tiep_nhan',
          dueAt: { column: 'ngay_hen_tra', type: 'date' },
          finishedAt: 'ngay_ket_thuc',
          unit: 'don_vi',
        },
        channelValues: { online: [2], inPerson: [1], postal: [3] },
        period: { from: '2024-03-01', to: '2024-03-31' },
        groupBy: 'unit',
      },
    ],
  ],
  inspectable: [[report], [completion, { lang: 'en' }]],
  rankUnits: [
    [reports],
    [reports, { method: 'competition', by: 'percent', tieBreakers: ['1'], ruleSet: smallRuleSet }],
  ],
  rowsToDossierStats: [
    [
      [
        { unit: 'xa-B', ...sqlCounts },
        { unit: 'xa-A', ...sqlCounts },
      ],
      sqlQuery,
    ],
  ],
  scoreCohort: [
    [smallRuleSet, [assessment, assessmentB]],
    [
      smallRuleSet,
      [assessment, assessmentB],
      {
        explanations: false,
        ranking: { method: 'competition', by: 'rounded-percent', tieBreakers: ['1'] },
        statisticsBy: 'percent',
      },
    ],
  ],
  scorePortal766: [
    [portal766Input],
    [
      { dossiers: stats, petitionSatisfaction: { unsatisfied: 0, received: 0 } },
      {
        includeCarriedOver: false,
        digitisedScoring: 'threshold-80',
        paymentProceduresDenominator: 'procedures-with-fee-dossiers',
        noPetitions: 'split',
      },
    ],
  ],
  writeDossierReport: [
    [stats],
    [stats, { lang: 'en', basis: 'portal766', includeCarriedOver: false, decimals: 1, trimZeros: false }],
  ],
  writeIndexReport: [[report], [reportB, { lang: 'en', decimals: 1, pointDecimals: 1, topFields: 2 }]],
  writePlanReport: [
    [{ done: 41, total: 57 }],
    [completion, { lang: 'en', decimals: 1 }],
    [tasks, { asOf: '2024-06-30', cancelled: 'include' }],
  ],
  writeReductionReport: [
    [{ count: 7, before: 91.5, after: 63 }],
    [reduction, { lang: 'en', decimals: 2, timeDecimals: 1 }],
    [[{ before: 20, after: 5 }], { method: 'mean' }],
  ],
  addWorkingDays: [
    ['2024-02-07', 1],
    ['2024-04-26', -3, {}],
  ],
  apportion: [[[52006, 9942, 5]], [[1, 1, 1], { decimals: 1 }]],
  channelPercentages: [[stats], [stats, { decimals: 1 }]],
  channelShares: [[stats]],
  checkDossierStats: [[stats], [stats, { totals: { resolved: 9 } }]],
  checkTarget: [[0.975, { min: 0.95 }]],
  classifyDossier: [[record, { period }]],
  createCalendar: [[{}]],
  defineRuleSet: [[smallRuleSet], [exampleRuleSet]],
  dossierTotals: [[stats]],
  dueDate: [[{ receivedAt: '2024-02-07T10:00', processingDays: 3 }]],
  emptyDossierStats: [[]],
  formatCount: [[7], [635593, { locale: 'en' }]],
  formatIssuePath: [[['stats', 'received', 0]]],
  formatNumber: [[8673], [1.005, { decimals: 2 }]],
  formatPercent: [[0.3114754098360656, { decimals: 1 }]],
  isCchcError: [[{}]],
  isHoliday: [['2024-09-03']],
  isWorkingDay: [['2024-02-17', {}]],
  lunarToSolar: [[{ year: 2024, month: 1, day: 1 }]],
  mergeDossierStats: [[stats, stats], []],
  parseNumber: [['8.673'], ['91.5', { locale: 'en' }]],
  parsePercent: [['31,1%']],
  percent: [[0.3114754098360656, { decimals: 1 }]],
  postalReturnRate: [[stats]],
  ratio: [
    [28.5, 91.5],
    [0, 0],
  ],
  ruleSetJsonSchema: [[]],
  scoreUnit: [
    [smallRuleSet, assessment],
    [smallRuleSet, assessment, { explanations: false }],
  ],
  summarizeDossiers: [[[record], { period }]],
  summarizeDossiersAsync: [[[record], { period }]],
  taskCompletion: [[{ done: 41, total: 57 }]],
  timeReduction: [
    [{ before: 91.5, after: 63 }],
    [
      [
        { before: 20, after: 5 },
        { before: 3, after: 2 },
      ],
      { method: 'mean' },
    ],
  ],
  timeliness: [[stats], [stats, { basis: 'due' }]],
  validateRuleSet: [[smallRuleSet], [exampleRuleSet]],
  vietnamHolidays: [[2024]],
  workingDaysBetween: [['2024-02-07', '2024-02-15']],
};
