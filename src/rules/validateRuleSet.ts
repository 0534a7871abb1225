import type { CchcIssue } from '../errors/CchcError.js';
import { issueFromZod, safeParse } from '../errors/fromZod.js';
import { type Dec, ZERO } from '../numeric/decimal.js';
import { planScale } from './compile.js';
import { decOrNull, obj, type Path, type Push } from './kinds/common.js';
import { checkCountTiersRule } from './kinds/countTiers.js';
import { checkDeductionRule } from './kinds/deduction.js';
import { checkManualRule } from './kinds/manual.js';
import { checkOptionsRule } from './kinds/options.js';
import { checkPerItemRule } from './kinds/perItem.js';
import { checkProportionalRule } from './kinds/proportional.js';
import { checkSurveyRule } from './kinds/survey.js';
import { checkTiersRule } from './kinds/tiers.js';
import { checkYesNoRule } from './kinds/yesNo.js';
import { isKnownMeasure, MEASURE_KINDS, MEASURES } from './measures.js';
import { type RuleSet, RuleSetSchema } from './RuleSet.js';
import { mkPts } from './text.js';

/**
 * The outcome of {@link validateRuleSet}: the validated rule set and its warnings, or every
 * problem found.
 * @category Rules
 */
export type ValidateRuleSetResult =
  | { readonly ok: true; readonly ruleSet: RuleSet; readonly warnings: readonly CchcIssue[] }
  | { readonly ok: false; readonly issues: readonly CchcIssue[]; readonly warnings: readonly CchcIssue[] };

const RULE_CHECKS: Record<
  string,
  (rule: Record<string, unknown>, max: Dec | null, path: Path, push: Push) => void
> = {
  manual: checkManualRule,
  'yes-no': checkYesNoRule,
  options: checkOptionsRule,
  tiers: checkTiersRule,
  proportional: checkProportionalRule,
  'count-tiers': checkCountTiersRule,
  'per-item': checkPerItemRule,
  deduction: checkDeductionRule,
  survey: checkSurveyRule,
};

/**
 * Checks a rule set written as JSON and lists every problem at once, each with its path from the
 * rule set's root: schema errors, children whose maxima do not add up to their parent (exact
 * decimal comparison), top-level maxima that do not add up to `total`, overlapping or gapped
 * tiers, tiers or options worth more than the node's maximum, duplicate node ids, unknown
 * measures, bands out of order, a manual step that does not divide the maximum, and more.
 *
 * @remarks
 * The shapes checked are those of par-index.md §5 and §7. Nothing is evaluated: there are no
 * formula strings. Warnings (e.g. bands with no band from 0 %) do not make a rule set invalid.
 *
 * @param json - the rule set, e.g. `JSON.parse` of a province's file.
 * @returns `{ ok: true, ruleSet, warnings }`, or `{ ok: false, issues, warnings }` listing every problem.
 * @example
 * ```ts
 * import { validateRuleSet } from 'cchc-index';
 * const result = validateRuleSet({ id: 'x', version: '1', legalBasis: 'illustrative', level: 'xa', total: 3,
 *   children: [{ id: '1', max: 2, assessor: 'self', rule: { kind: 'yes-no', yes: 5 } }] });
 * result.ok;
 * // => false
 * result.ok ? [] : result.issues.map((issue) => issue.path.join('.'));
 * // => ['children.0.rule.yes', 'total']
 * ```
 * @category Rules
 */
export function validateRuleSet(json: unknown): ValidateRuleSetResult {
  const issues: CchcIssue[] = [];
  const warnings: CchcIssue[] = [];
  const parsed = safeParse(RuleSetSchema, json);
  if (!parsed.success) for (const issue of parsed.error.issues) issues.push(issueFromZod(issue, json));
  checkSemantics(
    json,
    parsed.success ? planScale(parsed.data) : null,
    (path, message) => issues.push({ path, message }),
    (path, message) => warnings.push({ path, message }),
  );
  const unique = dedupe(issues);
  if (unique.length > 0 || !parsed.success) return { ok: false, issues: unique, warnings };
  return { ok: true, ruleSet: parsed.data, warnings };
}

function dedupe(issues: CchcIssue[]): CchcIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${JSON.stringify(i.path)}|${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const ASSESSORS = new Set(['self', 'superior', 'survey']);

/**
 * Pushes an issue when `value` (a maximum, the total or a cap) is not a whole number of points ×
 * `scale` within 2^53: the scorer adds those up as exact integers at the plan's scale.
 */
function checkScaled(value: Dec | null, scale: number | null, path: Path, what: string, push: Push): void {
  if (value === null || scale === null || mkPts(value, scale).scaled !== null) return;
  const decimals = Math.round(Math.log10(scale));
  push(
    path,
    value.decimalPlaces() > decimals
      ? `${what} ${value.toString()} has more decimals than points can be scored with exactly in this rule set: expected at most ${decimals} decimal places.`
      : `${what} ${value.toString()} is too large to score exactly: expected at most ${Math.floor(Number.MAX_SAFE_INTEGER / scale)} points.`,
  );
}

function checkSemantics(json: unknown, scale: number | null, push: Push, warn: Push): void {
  const root = obj(json);
  if (root === null) return;
  const ids = new Map<string, string>();
  const rootAssessor = typeof root.assessor === 'string' ? root.assessor : null;

  const walk = (raw: unknown, path: Path, inherited: string | null, section: string): Dec | null => {
    const node = obj(raw);
    if (node === null) return null;
    if (typeof node.id === 'string') {
      const prev = ids.get(node.id);
      if (prev !== undefined)
        push([...path, 'id'], `duplicate node id "${node.id}" (also at ${prev}): expected every id once.`);
      else ids.set(node.id, path.join('.'));
    }
    const assessor =
      typeof node.assessor === 'string' && ASSESSORS.has(node.assessor) ? node.assessor : inherited;
    const max = node.max === undefined ? null : decOrNull(node.max);
    checkScaled(max, scale, [...path, 'max'], 'the maximum', push);
    const children = node.children;
    if (Array.isArray(children)) {
      if (node.rule !== undefined)
        push([...path, 'rule'], 'a group (with "children") cannot have a "rule": put the rule on a leaf.');
      let sum: Dec | null = ZERO;
      children.forEach((child, i) => {
        const m = walk(child, [...path, 'children', i], assessor, section);
        sum = sum === null || m === null ? null : sum.plus(m);
      });
      if (node.appraisalRounds !== undefined && assessor !== 'self' && assessor !== null)
        warn(
          [...path, 'appraisalRounds'],
          `"appraisalRounds" only applies to self-assessed nodes; this node is assessed by "${assessor}".`,
        );
      if (sum === null) return max;
      if (max !== null && !max.eq(sum) && section === 'criteria')
        push(
          [...path, 'max'],
          `the children's maxima add up to ${(sum as Dec).toString()}, not to this node's maximum ${max.toString()}.`,
        );
      return max ?? sum;
    }
    // A leaf.
    if (node.max === undefined) push([...path, 'max'], 'a leaf needs its maximum points ("max").');
    if (assessor === null)
      push(
        path,
        'no assessor: expected "assessor" ("self", "superior" or "survey") on this node, an ancestor or the rule set.',
      );
    if (node.appraisalRounds !== undefined && assessor !== null && assessor !== 'self')
      warn(
        [...path, 'appraisalRounds'],
        `"appraisalRounds" only applies to self-assessed nodes; this node is assessed by "${assessor}".`,
      );
    const rule = obj(node.rule);
    if (rule === null) {
      if (node.rule === undefined)
        push([...path, 'rule'], 'a leaf needs a "rule" (or "children" for a group).');
      return max;
    }
    const rulePath = [...path, 'rule'];
    if (max?.isZero()) warn([...path, 'max'], 'this leaf is worth 0 points.');
    const kind = rule.kind;
    if (typeof kind === 'string') {
      // Own keys only: a kind such as "__proto__" or "toString" is unknown, not Object.prototype's.
      if (Object.hasOwn(RULE_CHECKS, kind)) RULE_CHECKS[kind]?.(rule, max, rulePath, push);
      if (kind === 'survey' && assessor !== null && assessor !== 'survey')
        warn(rulePath, `a survey rule on a node assessed by "${assessor}": expected assessor "survey".`);
    }
    if (typeof rule.measure === 'string') {
      if (!isKnownMeasure(rule.measure))
        push(
          [...path, 'rule', 'measure'],
          `unknown measure "${rule.measure}": expected one of ${Object.keys(MEASURES).join(', ')}, or "values.<name>".`,
        );
      else if (rule.basis !== undefined && !MEASURES[rule.measure as keyof typeof MEASURES]?.basis)
        push(
          [...path, 'rule', 'basis'],
          `measure "${rule.measure}" takes no "basis"; only the dossiers timeliness measures do.`,
        );
      if (typeof kind === 'string' && !MEASURE_KINDS.has(kind))
        push([...path, 'rule', 'measure'], `a "${kind}" rule takes no measure.`);
    } else if (rule.basis !== undefined) push([...path, 'rule', 'basis'], '"basis" needs a "measure".');
    return max;
  };

  let sum: Dec | null = ZERO;
  if (Array.isArray(root.children)) {
    root.children.forEach((child, i) => {
      const m = walk(child, ['children', i], rootAssessor, 'criteria');
      sum = sum === null || m === null ? null : sum.plus(m);
    });
    const total = decOrNull(root.total);
    checkScaled(total, scale, ['total'], 'the total', push);
    if (sum !== null && total !== null && !total.eq(sum))
      push(
        ['total'],
        `the top-level maxima add up to ${(sum as Dec).toString()}, not to the total ${total.toString()}.`,
      );
  }
  for (const key of ['bonus', 'deductions'] as const) {
    const section = obj(root[key]);
    if (section === null) continue;
    checkScaled(decOrNull(section.cap), scale, [key, 'cap'], 'the cap', push);
    if (!Array.isArray(section.children)) continue;
    section.children.forEach((child, i) => {
      walk(child, [key, 'children', i], rootAssessor, key);
    });
  }
  if (Array.isArray(root.bands)) {
    const labels = new Map<string, number>();
    let prev: number | null = null;
    root.bands.forEach((raw, i) => {
      const band = obj(raw);
      if (band === null) return;
      if (typeof band.label === 'string') {
        const j = labels.get(band.label);
        if (j !== undefined)
          push(['bands', i, 'label'], `duplicate band label "${band.label}" (also band ${j + 1}).`);
        else labels.set(band.label, i);
      }
      if (typeof band.minPercent !== 'number') return;
      if (prev !== null && band.minPercent >= prev)
        push(
          ['bands', i, 'minPercent'],
          band.minPercent === prev
            ? `bands ${i} and ${i + 1} overlap: both start at ${prev} %.`
            : `bands out of order: expected bands from the highest "minPercent" down, but ${band.minPercent} follows ${prev}.`,
        );
      prev = band.minPercent;
    });
    const last = root.bands[root.bands.length - 1];
    const lastMin = obj(last)?.minPercent;
    if (typeof lastMin === 'number' && lastMin > 0)
      warn(['bands'], `no band starts at 0 %: a unit below ${lastMin} % gets no band.`);
  }
}
