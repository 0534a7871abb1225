/**
 * The `cchc` command: argument parsing (node:util parseArgs), the sub-commands, and their output.
 * `run` takes the arguments and the output streams and returns the exit code, so tests can call
 * it in-process as well as through `main.ts` as a child process.
 * @internal
 * @module
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { channelShares } from '../dossiers/channelShares.js';
import type { DossierStats } from '../dossiers/DossierStats.js';
import { dossierTotals } from '../dossiers/dossierTotals.js';
import type { DossierGroupBy } from '../dossiers/summarizeDossiers.js';
import { type TimelinessBasis, timeliness } from '../dossiers/timeliness.js';
import { isCchcError, issueLine } from '../errors/CchcError.js';
import { formatCount } from '../format/formatCount.js';
import { formatNumber } from '../format/formatNumber.js';
import { formatPercent } from '../format/formatPercent.js';
import { type HtmlReportInput, type HtmlReportUnit, renderHtmlReport } from '../node/htmlReport.js';
import { problemIssue, type RowProblem } from '../node/RowProblem.js';
import { readAssessmentFile } from '../node/readAssessmentFile.js';
import { readProcedureFile } from '../node/readProcedureFile.js';
import { type DossierFileSummary, summarizeDossierFile } from '../node/summarizeDossierFile.js';
import { type TimeReductionResult, timeReduction } from '../procedures/timeReduction.js';
import { writeDossierReport } from '../report/writeDossierReport.js';
import { writeReductionReport } from '../report/writeReductionReport.js';
import type { RuleSet } from '../rules/RuleSet.js';
import { validateRuleSet } from '../rules/validateRuleSet.js';
import type { AssessmentInput } from '../scoring/Assessment.js';
import type { ScoreReport } from '../scoring/ScoreReport.js';
import { type CohortResult, scoreCohort } from '../scoring/scoreCohort.js';
import { type OutputFormat, renderTable, type TextTable } from './format.js';
import { HELP, type Lang, T } from './i18n.js';

/** Where the command writes. @internal */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
}

/** A usage error: printed with a hint, exit code 2. */
class UsageError extends Error {}

const COMMON = {
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
  format: { type: 'string' },
} as const;

function langOf(value: unknown): Lang {
  if (value === undefined) return 'vi';
  if (value === 'vi' || value === 'en') return value;
  throw new UsageError(`--lang: expected vi or en, received ${JSON.stringify(value)}.`);
}

function formatOf(value: unknown, allowed: readonly OutputFormat[]): OutputFormat {
  if (value === undefined) return 'table';
  if (allowed.includes(value as OutputFormat)) return value as OutputFormat;
  throw new UsageError(`--format: expected ${allowed.join(', ')}, received ${JSON.stringify(value)}.`);
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${file}: cannot read it (${(error as { code?: string }).code ?? String(error)}).`);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message}).`);
  }
}

/**
 * A percentage cell. CSV is for machines and spreadsheets: JS notation whatever the language
 * (`92.50%`) and an empty cell for a rate without a denominator; the other formats write it the
 * language's way (`92,50%`, `—`).
 */
const pct = (ratio: number | null, lang: Lang, format: OutputFormat, decimals = 2) => {
  if (ratio === null) return format === 'csv' ? '' : '—';
  return formatPercent(ratio, { locale: format === 'csv' ? 'en' : lang, decimals });
};
/** A percentage cell from a percentage (0–100) such as `ScoreReport.total.roundedPercent`. */
const pctOf100 = (percent: number | null, lang: Lang, format: OutputFormat) =>
  pct(percent === null ? null : percent / 100, lang, format);
/**
 * A number cell: in CSV the exact value in JS notation (`92.5`, `1234.5`, never grouped or
 * rounded); otherwise formatted the language's way, rounded to `decimals` when given (`92,5`).
 */
const num = (n: number, lang: Lang, format: OutputFormat, decimals?: number) =>
  format === 'csv'
    ? String(n)
    : formatNumber(n, { locale: lang, ...(decimals === undefined ? {} : { decimals, trimZeros: true }) });

function printProblems(io: CliIo, lang: Lang, problems: readonly RowProblem[]): void {
  if (problems.length === 0) return;
  io.stderr.write(`${T[lang].badRows(problems.length)}\n`);
  for (const p of problems.slice(0, 50)) io.stderr.write(`  ${problemIssue(p).message}\n`);
  if (problems.length > 50) io.stderr.write(`  … ${problems.length - 50} more\n`);
}

// ───────────────────────────────────────────── validate

async function validate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: COMMON, allowPositionals: true, strict: true });
  const lang = langOf(values.lang);
  if (values.help) return help(io, 'validate', lang);
  const format = formatOf(values.format, ['table', 'json']);
  const file = positionals[0];
  if (file === undefined) throw new UsageError(T[lang].missingArg('<rule-set.json>'));
  const result = validateRuleSet(await readJson(file));
  if (format === 'json') {
    io.stdout.write(
      `${JSON.stringify(result.ok ? { ok: true, warnings: result.warnings } : { ok: false, issues: result.issues, warnings: result.warnings }, null, 2)}\n`,
    );
    return result.ok ? 0 : 1;
  }
  if (result.ok) io.stdout.write(`${T[lang].valid(result.ruleSet.id, result.ruleSet.version)}\n`);
  else {
    io.stdout.write(`${T[lang].invalid(result.issues.length)}\n`);
    for (const issue of result.issues) io.stdout.write(`  ${issueLine(issue)}\n`);
  }
  if (result.warnings.length > 0) {
    io.stdout.write(`${T[lang].warnings(result.warnings.length)}\n`);
    for (const w of result.warnings) io.stdout.write(`  ${issueLine(w)}\n`);
  }
  return result.ok ? 0 : 1;
}

// ───────────────────────────────────────────── score

async function loadRuleSet(file: string, lang: Lang): Promise<RuleSet> {
  const result = validateRuleSet(await readJson(file));
  if (!result.ok) {
    const lines = result.issues.map((i) => `  ${issueLine(i)}`).join('\n');
    throw new UsageError(`${file}: ${T[lang].invalid(result.issues.length)}\n${lines}`);
  }
  return result.ruleSet;
}

async function loadAssessments(files: string[], period: string | undefined, io: CliIo, lang: Lang) {
  const all: AssessmentInput[] = [];
  for (const file of files) {
    const { assessments, problems } = await readAssessmentFile(file, period ? { period } : {});
    printProblems(io, lang, problems);
    all.push(...assessments);
  }
  return all;
}

function topFields(report: ScoreReport) {
  return report.nodes.filter((n) => n.parentId === null && n.section === 'criteria');
}

function scoreTables(
  cohort: CohortResult,
  lang: Lang,
  format: OutputFormat,
): { title: string; table: TextTable }[] {
  const t = T[lang];
  const out: { title: string; table: TextTable }[] = [];
  for (const report of cohort.reports) {
    const rows = topFields(report).map((n) => [
      n.id,
      n.name ?? '',
      num(n.points, lang, format, 2),
      num(n.max, lang, format, 2),
      pctOf100(n.percent, lang, format),
    ]);
    rows.push([
      t.total,
      '',
      num(report.total.points, lang, format, 2),
      num(report.total.max, lang, format, 2),
      pctOf100(report.total.roundedPercent, lang, format),
    ]);
    out.push({
      title: `${report.unit.name ?? report.unit.id} (${report.unit.id}), ${report.period}${report.band ? `: ${report.band.label}` : ''}`,
      table: {
        headers: ['#', t.field, t.points, t.max, t.percent],
        rows,
        numeric: [false, false, true, true, true],
      },
    });
  }
  out.push({
    title: t.ranking,
    table: {
      headers: [t.rank, t.unit, t.points, t.index, t.band],
      rows: cohort.ranking.map((r) => [
        String(r.rank),
        r.unit.name ? `${r.unit.name} (${r.unit.id})` : r.unit.id,
        num(r.points, lang, format, 2),
        pctOf100(r.roundedPercent, lang, format),
        r.band ?? '',
      ]),
      numeric: [true, false, true, true, false],
    },
  });
  return out;
}

async function score(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { ...COMMON, period: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const lang = langOf(values.lang);
  if (values.help) return help(io, 'score', lang);
  const format = formatOf(values.format, ['table', 'json', 'csv', 'md']);
  const [ruleFile, ...assessmentFiles] = positionals;
  if (ruleFile === undefined) throw new UsageError(T[lang].missingArg('<rule-set.json>'));
  if (assessmentFiles.length === 0) throw new UsageError(T[lang].missingArg('<assessments...>'));
  const ruleSet = await loadRuleSet(ruleFile, lang);
  const assessments = await loadAssessments(assessmentFiles, values.period, io, lang);
  const cohort = scoreCohort(ruleSet, assessments, { explanations: false });
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify({ ranking: cohort.ranking, reports: cohort.reports }, null, 2)}\n`);
    return 0;
  }
  const tables = scoreTables(cohort, lang, format);
  for (const [i, { title, table }] of tables.entries()) {
    if (format === 'md') io.stdout.write(`${i > 0 ? '\n' : ''}### ${title}\n\n`);
    else if (format === 'table') io.stdout.write(`${i > 0 ? '\n' : ''}${title}\n`);
    else if (i > 0) io.stdout.write('\n');
    io.stdout.write(renderTable(table, format));
  }
  return 0;
}

// ───────────────────────────────────────────── dossiers

function dossierRow(stats: DossierStats): number[] {
  const tot = dossierTotals(stats);
  return [
    tot.received,
    stats.received.carriedOver,
    stats.received.online,
    stats.received.inPerson,
    stats.received.postal,
    tot.resolved,
    stats.resolved.early,
    stats.resolved.onTime,
    stats.resolved.late,
    tot.pending,
    stats.pending.withinDeadline,
    stats.pending.overdue,
  ];
}

/** The dossier paragraph of the report, from the core's report writer (src/report). */
export function dossierParagraph(
  stats: DossierStats,
  lang: Lang,
  basis: TimelinessBasis = 'resolved',
): string {
  return writeDossierReport(stats, { lang, basis });
}

/**
 * The progress bar of long reads, on stderr when it is a terminal (`undefined` otherwise): it
 * redraws only when the whole percentage changes and clears the line at 100 %. @internal
 */
export function progressBar(io: CliIo): ((read: number, total: number | null) => void) | undefined {
  if (!io.stderr.isTTY) return undefined;
  let last = -1;
  return (read, total) => {
    if (total === null || total === 0) return;
    const p = Math.min(100, Math.floor((read / total) * 100));
    if (p === last) return;
    last = p;
    const width = 30;
    const filled = Math.round((p / 100) * width);
    io.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(p).padStart(3)}%`);
    if (p === 100) io.stderr.write('\r\u001b[K');
  };
}

interface DossierArgs {
  file: string;
  from: string;
  to: string;
  by?: DossierGroupBy;
  asOf?: string;
  basis: TimelinessBasis;
  delimiter?: string;
  encoding?: string;
  sheet?: string;
  duplicates?: 'error' | 'first' | 'unchecked';
  threads?: number;
  skipBadRows: boolean;
}

async function runDossierSummary(a: DossierArgs, io: CliIo, lang: Lang): Promise<DossierFileSummary> {
  const onProgress = progressBar(io);
  const summary = await summarizeDossierFile(a.file, {
    period: { from: a.from, to: a.to },
    ...(a.by ? { groupBy: a.by } : {}),
    ...(a.asOf ? { asOf: a.asOf } : {}),
    ...(a.delimiter ? { delimiter: a.delimiter === 'tab' ? '\t' : a.delimiter } : {}),
    ...(a.encoding ? { encoding: a.encoding } : {}),
    ...(a.sheet ? { sheet: /^\d+$/.test(a.sheet) ? Number(a.sheet) : a.sheet } : {}),
    ...(a.duplicates ? { duplicateIds: a.duplicates } : {}),
    ...(a.threads ? { threads: a.threads } : {}),
    ...(onProgress ? { onProgress } : {}),
    onBadRow: a.skipBadRows ? 'collect' : 'throw',
  });
  printProblems(io, lang, summary.problems);
  return summary;
}

const DOSSIER_OPTIONS = {
  ...COMMON,
  from: { type: 'string' },
  to: { type: 'string' },
  by: { type: 'string' },
  'as-of': { type: 'string' },
  basis: { type: 'string' },
  delimiter: { type: 'string' },
  encoding: { type: 'string' },
  sheet: { type: 'string' },
  duplicates: { type: 'string' },
  threads: { type: 'string' },
  'skip-bad-rows': { type: 'boolean' },
} as const;

function dossierArgs(
  file: string | undefined,
  values: { [K in keyof typeof DOSSIER_OPTIONS]?: unknown },
  lang: Lang,
): DossierArgs {
  if (file === undefined) throw new UsageError(T[lang].missingArg('<export>'));
  if (typeof values.from !== 'string' || typeof values.to !== 'string')
    throw new UsageError(T[lang].missingArg('--from YYYY-MM-DD --to YYYY-MM-DD'));
  const by = values.by as string | undefined;
  if (by !== undefined && !['unit', 'procedure', 'month'].includes(by))
    throw new UsageError(`--by: expected unit, procedure or month, received ${JSON.stringify(by)}.`);
  const basis = (values.basis as string | undefined) ?? 'resolved';
  if (!['resolved', 'due', 'toProcess', 'portal766'].includes(basis))
    throw new UsageError(
      `--basis: expected resolved, due, toProcess or portal766, received ${JSON.stringify(basis)}.`,
    );
  const duplicates = values.duplicates as string | undefined;
  if (duplicates !== undefined && !['error', 'first', 'unchecked'].includes(duplicates))
    throw new UsageError(
      `--duplicates: expected error, first or unchecked, received ${JSON.stringify(duplicates)}.`,
    );
  const threads = values.threads as string | undefined;
  if (threads !== undefined && !/^[1-9]\d{0,2}$/.test(threads))
    throw new UsageError(`--threads: expected a whole number from 1, received ${JSON.stringify(threads)}.`);
  return {
    file,
    from: values.from,
    to: values.to,
    basis: basis as TimelinessBasis,
    ...(threads ? { threads: Number(threads) } : {}),
    skipBadRows: values['skip-bad-rows'] === true,
    ...(by ? { by: by as DossierGroupBy } : {}),
    ...(typeof values['as-of'] === 'string' ? { asOf: values['as-of'] } : {}),
    ...(typeof values.delimiter === 'string' ? { delimiter: values.delimiter } : {}),
    ...(typeof values.encoding === 'string' ? { encoding: values.encoding } : {}),
    ...(typeof values.sheet === 'string' ? { sheet: values.sheet } : {}),
    ...(duplicates ? { duplicates: duplicates as 'error' } : {}),
  };
}

async function dossiers(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: DOSSIER_OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  const lang = langOf(values.lang);
  if (values.help) return help(io, 'dossiers', lang);
  const format = formatOf(values.format, ['table', 'json', 'csv', 'md']);
  const a = dossierArgs(positionals[0], values, lang);
  const summary = await runDossierSummary(a, io, lang);
  const t = T[lang];
  if (format === 'json') {
    const withRates = (stats: DossierStats) => ({
      stats,
      totals: dossierTotals(stats),
      timeliness: timeliness(stats, { basis: a.basis }),
      channels: channelShares(stats),
    });
    io.stdout.write(
      `${JSON.stringify(
        {
          meta: summary.meta,
          total: withRates(summary.total),
          groups: summary.groups.map((g) => ({ key: g.key, ...withRates(g.stats) })),
          problems: summary.problems,
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  const dim = a.by;
  const rows: string[][] = [];
  const line = (label: string, stats: DossierStats) => {
    const time = timeliness(stats, { basis: a.basis });
    const share = channelShares(stats);
    rows.push([
      label,
      ...dossierRow(stats).map((n) => num(n, lang, format)),
      pct(time.onTimeOrEarlyRate, lang, format),
      pct(share.onlineShare, lang, format),
    ]);
  };
  if (dim) {
    for (const g of summary.groups) {
      const key = (dim === 'month' ? g.key.month : dim === 'unit' ? g.key.unit : g.key.procedure) ?? t.none;
      line(key, g.stats);
    }
  }
  line(t.total, summary.total);
  const table: TextTable = {
    headers: [dim ? t.group[dim] : '', ...t.cols],
    rows,
    numeric: [false, ...t.cols.map(() => true)],
  };
  io.stdout.write(renderTable(table, format));
  if (format === 'table' || format === 'md')
    io.stdout.write(`\n${dossierParagraph(summary.total, lang, a.basis)}\n`);
  return 0;
}

// ───────────────────────────────────────────── reduction

function reductionTable(result: TimeReductionResult, lang: Lang, format: OutputFormat): TextTable {
  const t = T[lang];
  const n = (v: number) => num(v, lang, format);
  const rows = result.items.map((item) => [
    item.code ?? '',
    item.name ?? '',
    n(item.before),
    n(item.after),
    n(item.reduced),
    pct(item.rate, lang, format, 1),
  ]);
  rows.push([
    t.total,
    format === 'csv' ? String(result.count) : formatCount(result.count, { locale: lang }),
    n(result.before),
    n(result.after),
    n(result.reduced),
    pct(result.rate, lang, format, 1),
  ]);
  return { headers: [...t.reductionCols], rows, numeric: [false, false, true, true, true, true] };
}

async function reduction(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { ...COMMON, method: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const lang = langOf(values.lang);
  if (values.help) return help(io, 'reduction', lang);
  const format = formatOf(values.format, ['table', 'json', 'csv', 'md']);
  const file = positionals[0];
  if (file === undefined) throw new UsageError(T[lang].missingArg('<procedures.csv>'));
  const method = values.method ?? 'pooled';
  if (method !== 'pooled' && method !== 'mean')
    throw new UsageError(`--method: expected pooled or mean, received ${JSON.stringify(method)}.`);
  const { procedures } = await readProcedureFile(file);
  const result = timeReduction(procedures, { method });
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(renderTable(reductionTable(result, lang, format), format));
  if (format !== 'csv') io.stdout.write(`\n${writeReductionReport(result, { lang })}\n`);
  return 0;
}

// ───────────────────────────────────────────── report

async function report(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      ...DOSSIER_OPTIONS,
      html: { type: 'string' },
      dossiers: { type: 'string' },
      procedures: { type: 'string' },
      title: { type: 'string' },
      period: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const lang = langOf(values.lang);
  if (values.help) return help(io, 'report', lang);
  const out = values.html;
  if (out === undefined) throw new UsageError(T[lang].missingArg('--html out.html'));
  const [ruleFile, ...assessmentFiles] = positionals;
  const paragraphs: string[] = [];
  const input: { -readonly [K in keyof HtmlReportInput]: HtmlReportInput[K] } = {
    title: values.title ?? T[lang].title,
    lang,
  };
  if (ruleFile !== undefined && assessmentFiles.length > 0) {
    const ruleSet = await loadRuleSet(ruleFile, lang);
    const assessments = await loadAssessments(assessmentFiles, values.period, io, lang);
    const cohort = scoreCohort(ruleSet, assessments, { explanations: false });
    const rankOf = new Map(cohort.ranking.map((r) => [r.unit.id, r.rank]));
    input.subtitle = `${ruleSet.name ?? ruleSet.id} (${ruleSet.version}), ${[...new Set(cohort.reports.map((r) => r.period))].join(', ')}`;
    input.units = cohort.reports.map(
      (r): HtmlReportUnit => ({
        id: r.unit.id,
        name: r.unit.name,
        points: r.total.points,
        max: r.total.max,
        percent: r.total.roundedPercent,
        band: r.band?.label ?? null,
        // scoreCohort ranks every report it returns (unit ids are unique in a cohort).
        rank: rankOf.get(r.unit.id)!,
        fields: topFields(r).map((n) => ({ id: n.id, name: n.name, points: n.points, max: n.max })),
      }),
    );
  } else if (ruleFile !== undefined) {
    throw new UsageError(T[lang].missingArg('<assessments...>'));
  }
  if (values.dossiers !== undefined) {
    const a = dossierArgs(values.dossiers, { ...values, by: values.by ?? 'unit' }, lang);
    const summary = await runDossierSummary(a, io, lang);
    paragraphs.push(dossierParagraph(summary.total, lang, a.basis));
    input.timeliness = summary.groups.map((g) => ({
      label:
        (a.by === 'month' ? g.key.month : a.by === 'unit' ? g.key.unit : g.key.procedure) ?? T[lang].none,
      early: g.stats.resolved.early,
      onTime: g.stats.resolved.onTime,
      late: g.stats.resolved.late,
    }));
  }
  if (values.procedures !== undefined) {
    const { procedures } = await readProcedureFile(values.procedures);
    paragraphs.push(writeReductionReport(timeReduction(procedures), { lang }));
  }
  input.paragraphs = paragraphs;
  await writeFile(out, renderHtmlReport(input));
  io.stdout.write(`${T[lang].wrote(path.resolve(out))}\n`);
  return 0;
}

// ───────────────────────────────────────────── dispatch

function help(io: CliIo, command: string, lang: Lang): number {
  io.stdout.write(`${HELP[command]![lang]}\n`);
  return 0;
}

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  validate,
  score,
  dossiers,
  reduction,
  report,
};

/**
 * Runs the command line `args` (without `node` and the script) and returns the exit code: 0 on
 * success, 1 when the input has problems (an invalid rule set, bad rows), 2 for a usage error.
 * @internal
 */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const argv = [...args];
  const langAt = argv.indexOf('--lang');
  const lang: Lang = langAt >= 0 && argv[langAt + 1] === 'en' ? 'en' : 'vi';
  const command = argv[0];
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      return help(io, 'main', lang);
    }
    if (command === '--version' || command === '-v') {
      io.stdout.write('cchc-index\n');
      return 0;
    }
    const handler = COMMANDS[command];
    if (handler === undefined) {
      io.stderr.write(`${T[lang].unknownCommand(command)}\n`);
      return 2;
    }
    return await handler(argv.slice(1), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`cchc ${command}: ${error.message}\n`);
      return 2;
    }
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`cchc ${command}: ${(error as Error).message}\n`);
      return 2;
    }
    if (isCchcError(error)) {
      io.stderr.write(`cchc ${command}: ${error.code}\n`);
      for (const issue of error.issues.slice(0, 20)) {
        io.stderr.write(`  ${issueLine(issue)}\n`);
      }
      if (error.issues.length > 20) io.stderr.write(`  … ${error.issues.length - 20} more\n`);
      return 1;
    }
    throw error;
  }
}
