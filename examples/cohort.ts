/**
 * Scores the example cohorts of `examples/cohorts/` against the example rule sets of
 * `examples/rule-sets/` (EXAMPLES, not official rule sets) and prints a Vietnamese ranking table
 * with vi-VN figures, the cohort statistics and a year-on-year comparison.
 * Run: `npx tsx examples/cohort.ts`.
 */
import { readFileSync } from 'node:fs';
import {
  type AssessmentInput,
  type CohortResult,
  compareReports,
  defineRuleSet,
  formatNumber,
  formatPercent,
  scoreCohort,
} from '../src/index.js';

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const line = (text = '') => console.log(text);
const pts = (value: number | null) => formatNumber(value, { decimals: 2 });
const pct = (value: number | null) => formatPercent(value === null ? null : value / 100, { decimals: 2 });
const pad = (text: string, width: number) => text.padEnd(width);
const padStart = (text: string, width: number) => text.padStart(width);

function printRanking(title: string, cohort: CohortResult): void {
  line(title);
  line(`  ${cohort.ruleSet.name ?? cohort.ruleSet.id} (phiên bản ${cohort.ruleSet.version})`);
  line(`  Căn cứ: ${cohort.ruleSet.legalBasis}`);
  line();
  line(
    `  ${pad('Hạng', 5)}${pad('Đơn vị', 22)}${padStart('Điểm', 8)}${padStart('Tối đa', 9)}${padStart('Chỉ số', 10)}  Xếp loại`,
  );
  const byId = new Map(cohort.reports.map((r) => [r.unit.id, r]));
  for (const row of cohort.ranking) {
    const report = byId.get(row.unit.id)!;
    const rank = `${row.rank}${row.tied ? '=' : ''}`;
    line(
      `  ${pad(rank, 5)}${pad(row.unit.name ?? row.unit.id, 22)}${padStart(pts(row.points), 8)}${padStart(pts(report.total.applicableMax), 9)}${padStart(pct(row.percent), 10)}  ${row.band ?? '—'}`,
    );
  }
  const s = cohort.statistics.total.points;
  line();
  line(
    `  Thống kê tổng điểm (${s.count} đơn vị): thấp nhất ${pts(s.min)}; trung vị ${pts(s.median)}; P75 ${pts(s.p75)}; cao nhất ${pts(s.max)}; bình quân ${pts(s.mean)}.`,
  );
  for (const field of cohort.statistics.fields) {
    line(
      `    ${field.id}. ${field.name ?? ''}: trung vị ${pts(field.points.median)}, cao nhất ${pts(field.points.max)}`,
    );
  }
  line();
}

const district = defineRuleSet(read('./rule-sets/district-2025.example.json'));
const districtCohort = scoreCohort(district, read('./cohorts/district-2025.json') as AssessmentInput[]);
printRanking('BẢNG XẾP HẠNG CHỈ SỐ CCHC CẤP HUYỆN NĂM 2025 (VÍ DỤ)', districtCohort);

const department = defineRuleSet(read('./rule-sets/department-2025.example.json'));
const departmentCohort = scoreCohort(
  department,
  read('./cohorts/department-2025.json') as AssessmentInput[],
  {
    ranking: { by: 'percent' },
  },
);
printRanking(
  'BẢNG XẾP HẠNG CHỈ SỐ CCHC CÁC SỞ NĂM 2025 (VÍ DỤ, XẾP THEO % ĐIỂM PHÁT SINH)',
  departmentCohort,
);

// A year-on-year comparison: the 2025 district cohort against itself with one unit's appraisal
// changed, standing in for "2024".
const previous = (read('./cohorts/district-2025.json') as AssessmentInput[]).map((a) => ({
  ...a,
  period: '2024',
  ...(a.unit.id === 'huyen-e'
    ? { entries: { ...a.entries, '8.1': { superior: { value: 3 } }, '8.2': { superior: { value: 2 } } } }
    : {}),
}));
const comparison = compareReports(scoreCohort(district, previous), districtCohort);
line('SO SÁNH VỚI KỲ TRƯỚC (VÍ DỤ)');
for (const unit of comparison.units) {
  const change = unit.points.change;
  const sign = change !== null && change > 0 ? '+' : '';
  const why = unit.drivers
    .slice(0, 2)
    .map(
      (d) => `${d.id} (${d.points.change !== null && d.points.change > 0 ? '+' : ''}${pts(d.points.change)})`,
    )
    .join(', ');
  line(
    `  ${pad(unit.unit.name ?? unit.unit.id, 22)}${padStart(`${sign}${pts(change)}`, 8)} điểm; ${unit.rank.text.vi.toLowerCase()}${why ? `; do tiêu chí ${why}` : ''}`,
  );
}
