import type { Confidence } from '../calendar/ArrangementSchema.js';
import { CchcError, type CchcIssue } from '../errors/CchcError.js';
import { type Dec, ZERO } from '../numeric/decimal.js';
import { defineRuleSet } from '../rules/defineRuleSet.js';
import { decOrNull, obj } from '../rules/kinds/common.js';
import type { RuleNodeInput, RuleSet } from '../rules/RuleSet.js';
import { validateRuleSet } from '../rules/validateRuleSet.js';
import type { ParGroup } from './parNationalGroups.js';

/**
 * The id of a field (lĩnh vực) of the national provincial PAR index: `'1'` to `'8'`, in the order of
 * the decision's table.
 * @category Indexes
 */
export type ParFieldId = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8';

/**
 * How well each fact of a {@link ParField} is sourced, graded as in shared/reference/par-index.md:
 * `H` stated by a source close to the issuer, `M` secondary or derived, `L` weak; `null` when the
 * fact is not known (the value is then `null` too).
 * @category Indexes
 */
export interface ParFieldConfidence {
  readonly name: Confidence;
  readonly max: Confidence | null;
  readonly criteria: Confidence | null;
  readonly subCriteria: Confidence | null;
}

/**
 * One field (lĩnh vực) of a national PAR index table, as sourced: its id, Vietnamese name, maximum
 * points and the number of criteria (tiêu chí, TC) and sub-criteria (tiêu chí thành phần, TCTP), each
 * `null` when the sources do not give it, with the confidence of each fact and where it comes from.
 * @category Indexes
 */
export interface ParField {
  readonly id: ParFieldId;
  /** The name as the source writes it (abbreviations such as CCHC, TTHC, VBQPPL kept). */
  readonly name: string;
  /** Maximum points (điểm tối đa), or `null` when not known. */
  readonly max: number | null;
  /** Number of criteria (tiêu chí), or `null` when not known. */
  readonly criteria: number | null;
  /** Number of sub-criteria (tiêu chí thành phần), or `null` when not known. */
  readonly subCriteria: number | null;
  readonly confidence: ParFieldConfidence;
  /** Where the facts come from (decision, page, section of par-index.md). */
  readonly source: string;
}

/**
 * What the caller supplies for one field of a built-in PAR rule set: the parts the sources do not
 * give. Either `children` (the field's criteria and sub-criteria, with their maxima, assessors and
 * rules, any depth) or a `rule` that scores the whole field as one leaf (e.g. to enter published
 * field scores), plus optional `assessor`, `appraisalRounds`, `whenNoValue` and `description`.
 *
 * @remarks
 * The field's `id` and `name` (and, where sourced, its `max`) come from the decision's table; they
 * may be repeated only with the same value. The shapes of `children` and `rule` are those of
 * {@link RuleNodeInput}.
 * @category Indexes
 */
export interface ParFieldDefinition {
  description?: string;
  /** Who scores the field's leaves (inherited by the children): `self`, `superior` or `survey`. */
  assessor?: 'self' | 'superior' | 'survey';
  appraisalRounds?: number;
  whenNoValue?: 'not-applicable' | 'zero';
  /** The rule when the field is scored as one leaf. */
  rule?: RuleNodeInput['rule'];
  /** The field's criteria (tiêu chí) and sub-criteria (tiêu chí thành phần). */
  children?: RuleNodeInput[];
}

/** What differs between the built-in PAR rule sets. @internal */
export interface ParBuildSpec {
  /** Short decision name for messages, e.g. `QĐ 2948/QĐ-BNV`. */
  readonly decision: string;
  readonly id: string;
  readonly name: string;
  readonly legalBasis: string;
  readonly fields: readonly ParField[];
  readonly groups: readonly ParGroup[];
  /** `true` when the field maxima are not sourced and must come from the caller. */
  readonly maxFromCaller: boolean;
  /** The rule set's default assessor when the caller gives none, if the sources give one. */
  readonly defaultAssessor?: 'self' | 'superior' | 'survey';
  /** The points the survey-assessed leaves must add up to, when sourced. */
  readonly surveyPoints?: number;
  /** The summary sentence of the error. */
  readonly summary: string;
}

const ARG = 'definition';
const TOTAL = 100;
const TOP_KEYS = new Set(['id', 'version', 'name', 'assessor', 'appraisalRounds', 'fields']);
const SOURCED_KEYS = new Set(['legalBasis', 'level', 'total', 'bands', 'notApplicable', 'children']);
const ASSESSORS = new Set(['self', 'superior', 'survey']);

function fieldLabel(field: ParField): string {
  return `field ${field.id} (${field.name})`;
}

/**
 * Builds a rule set of the national provincial PAR index from the sourced table of `spec` and the
 * caller's definition, listing every problem at once with a path from `definition`.
 * @internal
 */
export function buildParRuleSet(spec: ParBuildSpec, definition: unknown): RuleSet {
  const def = obj(definition);
  if (def === null)
    throw new CchcError(
      'INVALID_RULE_SET',
      [
        {
          path: [ARG],
          message: `expected an object with "fields" (one entry per field, "1" to "${spec.fields.length}").`,
        },
      ],
      { summary: spec.summary },
    );
  const issues: CchcIssue[] = [];
  for (const key of Object.keys(def)) {
    if (TOP_KEYS.has(key)) continue;
    issues.push({
      path: [ARG, key],
      message: SOURCED_KEYS.has(key)
        ? `"${key}" is set from ${spec.decision} and cannot be supplied: remove it.`
        : `unknown key "${key}": expected only ${[...TOP_KEYS].map((k) => `"${k}"`).join(', ')}.`,
    });
  }

  const fieldsIn = obj(def.fields);
  const nodes: Record<string, unknown>[] = [];
  const builtIds: string[] = [];
  let complete = fieldsIn !== null;
  if (fieldsIn === null) {
    issues.push({
      path: [ARG, 'fields'],
      message: `expected an object with one entry per field, "1" to "${spec.fields.length}", each giving the field's "children" or "rule".`,
    });
  } else {
    const known = new Set<string>(spec.fields.map((f) => f.id));
    for (const key of Object.keys(fieldsIn))
      if (!known.has(key))
        issues.push({
          path: [ARG, 'fields', key],
          message: `unknown field "${key}": ${spec.decision} has fields "1" to "${spec.fields.length}".`,
        });
    for (const field of spec.fields) {
      const path = [ARG, 'fields', field.id];
      const raw = fieldsIn[field.id];
      if (raw === undefined) {
        complete = false;
        issues.push({
          path,
          message: `${fieldLabel(field)} is not defined: expected its "children" (criteria and sub-criteria with their maxima, assessors and rules) or a "rule", which the sources of ${spec.decision} known to this library do not give.`,
        });
        continue;
      }
      const f = obj(raw);
      if (f === null) {
        complete = false;
        issues.push({
          path,
          message: `expected an object for ${fieldLabel(field)}, with "children" or a "rule".`,
        });
        continue;
      }
      const { id, name, max, ...rest } = f;
      if (id !== undefined && id !== field.id)
        issues.push({
          path: [...path, 'id'],
          message: `the id of ${fieldLabel(field)} is fixed as "${field.id}": remove "id".`,
        });
      if (name !== undefined && name !== field.name)
        issues.push({
          path: [...path, 'name'],
          message: `the name of field ${field.id} is "${field.name}" in ${spec.decision}: remove "name" or give that name.`,
        });
      let nodeMax: unknown;
      if (spec.maxFromCaller) {
        if (max === undefined) {
          complete = false;
          issues.push({
            path: [...path, 'max'],
            message: `the maximum points of ${fieldLabel(field)} under ${spec.decision} are not known to this library: expected "max" (from the decision's annex).`,
          });
        }
        nodeMax = max;
      } else {
        const sourced = decOrNull(field.max);
        const given = max === undefined ? null : decOrNull(max);
        if (max !== undefined && (given === null || sourced === null || !given.eq(sourced)))
          issues.push({
            path: [...path, 'max'],
            message: `the maximum of ${fieldLabel(field)} is ${String(field.max)} points in ${spec.decision}: remove "max" or give ${String(field.max)}.`,
          });
        nodeMax = field.max;
      }
      builtIds.push(field.id);
      nodes.push({
        id: field.id,
        name: field.name,
        ...(nodeMax === undefined ? {} : { max: nodeMax }),
        ...rest,
      });
    }
  }

  const assessor = def.assessor ?? spec.defaultAssessor;
  const json: Record<string, unknown> = {
    id: def.id ?? spec.id,
    version: def.version ?? '1',
    name: def.name ?? spec.name,
    legalBasis: spec.legalBasis,
    level: 'tinh',
    total: TOTAL,
    ...(assessor === undefined ? {} : { assessor }),
    ...(def.appraisalRounds === undefined ? {} : { appraisalRounds: def.appraisalRounds }),
    children: nodes,
    bands: spec.groups.map((g) => ({ label: g.label, labelEn: g.labelEn, minPercent: g.minPercent })),
    notApplicable: 'keep',
  };

  const result = validateRuleSet(json);
  if (!result.ok) {
    for (const issue of result.issues) {
      const [head, index, ...rest] = issue.path;
      if (head === 'children' && typeof index === 'number') {
        const fieldId = builtIds[index] ?? String(index);
        const tail = !spec.maxFromCaller && rest.length === 1 && rest[0] === 'max' ? ['children'] : rest;
        issues.push({ path: [ARG, 'fields', fieldId, ...tail], message: issue.message });
      } else if (head === 'children' && issue.path.length === 1) {
        // No field could be built: already reported above.
        if (nodes.length > 0) issues.push({ path: [ARG, 'fields'], message: issue.message });
      } else if (head === 'total') {
        // Reported below in terms of the fields (or moot while fields are missing).
      } else issues.push({ path: [ARG, ...issue.path], message: issue.message });
    }
  }

  if (complete) {
    const sum = sumMaxima(nodes);
    if (sum !== null && !sum.eq(TOTAL))
      issues.push({
        path: [ARG, 'fields'],
        message: `the fields' maxima add up to ${sum.toString()}, not to the ${TOTAL} points of ${spec.decision}.`,
      });
    if (spec.surveyPoints !== undefined) {
      const survey = surveyMaxima(nodes, typeof assessor === 'string' ? assessor : null);
      if (survey !== null && !survey.eq(spec.surveyPoints))
        issues.push({
          path: [ARG, 'fields'],
          message: `the leaves assessed by "survey" add up to ${survey.toString()} points, not to the ${spec.surveyPoints} points ${spec.decision} gives to the sociological survey (điều tra xã hội học).`,
        });
    }
  }

  if (issues.length > 0) throw new CchcError('INVALID_RULE_SET', issues, { summary: spec.summary });
  return defineRuleSet(json);
}

/** Σ of the top-level maxima, or `null` when one is not a number. */
function sumMaxima(nodes: readonly Record<string, unknown>[]): Dec | null {
  let sum: Dec = ZERO;
  for (const node of nodes) {
    const max = decOrNull(node.max);
    if (max === null) return null;
    sum = sum.plus(max);
  }
  return sum;
}

/** Σ of the maxima of leaves whose effective assessor is `survey`, or `null` when one is unreadable. */
function surveyMaxima(nodes: readonly unknown[], inherited: string | null): Dec | null {
  let sum: Dec = ZERO;
  for (const raw of nodes) {
    const node = obj(raw);
    if (node === null) return null;
    const assessor =
      typeof node.assessor === 'string' && ASSESSORS.has(node.assessor) ? node.assessor : inherited;
    if (Array.isArray(node.children)) {
      const part = surveyMaxima(node.children, assessor);
      if (part === null) return null;
      sum = sum.plus(part);
    } else if (assessor === 'survey') {
      const max = decOrNull(node.max);
      if (max === null) return null;
      sum = sum.plus(max);
    }
  }
  return sum;
}
