import { z } from 'zod';
import { CchcError, type CchcIssue } from '../errors/CchcError.js';
import { issueFromZod, parseWith, safeParse } from '../errors/fromZod.js';
import {
  type Dec,
  roundHalfUp as roundHalfUpImport,
  toDec as toDecImport,
  toNum as toNumImport,
} from '../numeric/decimal.js';
import { DecimalInputSchema } from '../numeric/schemas.js';
import type { Plan, PlanNode } from '../rules/compile.js';
import { planOf } from '../rules/defineRuleSet.js';
import type { Env, Outcome, Pts } from '../rules/kinds/common.js';
import { decOrNull as decOrNullImport } from '../rules/kinds/common.js';
import {
  checkCountValue as checkCountValueImport,
  evaluateCountTiers as evaluateCountTiersImport,
} from '../rules/kinds/countTiers.js';
import {
  checkDeductionValue as checkDeductionValueImport,
  evaluateDeduction as evaluateDeductionImport,
} from '../rules/kinds/deduction.js';
import {
  checkManualValue as checkManualValueImport,
  evaluateManual as evaluateManualImport,
} from '../rules/kinds/manual.js';
import { evaluateNormalized as evaluateNormalizedImport } from '../rules/kinds/normalizedToBest.js';
import {
  checkOptionsValue as checkOptionsValueImport,
  evaluateOptions as evaluateOptionsImport,
} from '../rules/kinds/options.js';
import {
  checkPerItemValue as checkPerItemValueImport,
  evaluatePerItem as evaluatePerItemImport,
} from '../rules/kinds/perItem.js';
import { evaluateProportional as evaluateProportionalImport } from '../rules/kinds/proportional.js';
import {
  checkSurveyValue as checkSurveyValueImport,
  evaluateSurvey as evaluateSurveyImport,
  type SurveyValue,
} from '../rules/kinds/survey.js';
import { evaluateTiers as evaluateTiersImport } from '../rules/kinds/tiers.js';
import {
  checkYesNoValue as checkYesNoValueImport,
  evaluateYesNo as evaluateYesNoImport,
} from '../rules/kinds/yesNo.js';
import { computeMeasures, type MeasureValues } from '../rules/measures.js';
import type { RuleSet, RuleSetInput } from '../rules/RuleSet.js';
import {
  POW10 as POW10Import,
  ptsCmp as ptsCmpImport,
  ptsDec as ptsDecImport,
  ptsNum as ptsNumImport,
  ZERO_PTS as ZERO_PTS_IMPORT,
} from '../rules/text.js';
import { type Assessment, type AssessmentInput, AssessmentSchema, type StageEntry } from './Assessment.js';
import type {
  AdjustmentPart,
  AssessorPart,
  LostPoints,
  MeasuredValue,
  NextStep,
  NodeScore,
  NodeStatus,
  ScoreReason,
  ScoreReport,
  ScoreSource,
} from './ScoreReport.js';

// Hot imports bound once: under a CommonJS transform (tsx, the benchmark) every read of an
// imported binding goes through a getter of the exporting module.
const checkCountValue = checkCountValueImport;
const evaluateCountTiers = evaluateCountTiersImport;
const checkDeductionValue = checkDeductionValueImport;
const evaluateDeduction = evaluateDeductionImport;
const checkManualValue = checkManualValueImport;
const evaluateManual = evaluateManualImport;
const evaluateNormalized = evaluateNormalizedImport;
const checkOptionsValue = checkOptionsValueImport;
const evaluateOptions = evaluateOptionsImport;
const checkPerItemValue = checkPerItemValueImport;
const evaluatePerItem = evaluatePerItemImport;
const evaluateProportional = evaluateProportionalImport;
const evaluateTiers = evaluateTiersImport;
const checkYesNoValue = checkYesNoValueImport;
const evaluateYesNo = evaluateYesNoImport;
const checkSurveyValue = checkSurveyValueImport;
const evaluateSurvey = evaluateSurveyImport;
const POW10 = POW10Import;
const ptsCmp = ptsCmpImport;
const ptsDec = ptsDecImport;
const ptsNum = ptsNumImport;
const decOrNull = decOrNullImport;
const roundHalfUp = roundHalfUpImport;
const toDec = toDecImport;
const toNum = toNumImport;
const ZERO_PTS = ZERO_PTS_IMPORT;

/**
 * Options of {@link scoreUnit}.
 * @category Scoring
 */
export interface ScoreUnitOptions {
  /**
   * The cohort context for `normalized-to-best` leaves: the best value of each such leaf among
   * the units scored together (computed by `scoreCohort`). Without it those leaves are pending
   * (`NEEDS_COHORT`).
   */
  cohort?: { best: Record<string, number | string | null> };
  /** Build the Vietnamese and English sentences (default `true`); `false` for bulk scoring. */
  explanations?: boolean;
}

const ScoreUnitOptionsSchema = z
  .strictObject({
    cohort: z.strictObject({ best: z.record(z.string(), DecimalInputSchema.nullable()) }).optional(),
    explanations: z.boolean().optional(),
  })
  .optional();

/** `undefined` or `{ explanations?: boolean }` as a plain object, read once; else `null` (zod decides). */
function quickOptions(options: unknown): { explanations: boolean | undefined } | null {
  if (options === undefined) return { explanations: undefined };
  if (!plainStrict(options)) return null;
  for (const k in options) if (k !== 'explanations') return null;
  if (!Object.hasOwn(options, 'explanations'))
    return Object.keys(options).length === 0 ? { explanations: undefined } : null;
  const e = options.explanations;
  return typeof e === 'boolean' || e === undefined ? { explanations: e } : null;
}

function checkValue(node: PlanNode, value: unknown): string | null {
  const r = node.rule!;
  switch (r.kind) {
    case 'manual':
      return checkManualValue(value, r.c);
    case 'yes-no':
      return checkYesNoValue(value);
    case 'options':
      return checkOptionsValue(value, r.c);
    case 'tiers':
    case 'proportional':
    case 'normalized-to-best':
      return value === null ||
        (typeof value === 'number' && Number.isFinite(value)) ||
        decOrNull(value) !== null
        ? null
        : 'expected a number (rates as ratios, e.g. 0.975) or a JS-notation numeric string, or null when nothing arose.';
    case 'count-tiers':
      return value === null ? null : checkCountValue(value);
    case 'per-item':
      return value === null ? null : checkPerItemValue(value, r.c);
    case 'deduction':
      return checkDeductionValue(value, r.c);
    case 'survey':
      return checkSurveyValue(value, r.c);
  }
}

// The fast reader: a hand-written check that accepts only what AssessmentSchema accepts (and whose
// output the engine reads the same way), so bulk scoring does not pay for zod on every unit.
// Anything unusual (numeric strings that the schema trims, survey values, symbol or inherited keys,
// non-plain objects) returns null and goes through the schema, so error issues are always zod's.

const STAGE_NAMES: ReadonlySet<string> = new Set([
  'self',
  'superior',
  'survey',
  'appraisal-1',
  'appraisal-2',
  'appraisal-3',
  'appraisal-4',
  'appraisal-5',
  'appraisal-6',
  'appraisal-7',
  'appraisal-8',
  'appraisal-9',
]);

const LEVELS: ReadonlySet<string> = new Set(['bo', 'tinh', 'so', 'huyen', 'xa', 'phong']);

/** A plain data object: `{}` literal or JSON.parse output, without symbol keys. */
function plain(v: unknown): v is Record<string, unknown> {
  return (
    v !== null &&
    typeof v === 'object' &&
    Object.getPrototypeOf(v) === Object.prototype &&
    Object.getOwnPropertySymbols(v).length === 0
  );
}

/**
 * A plain data object, symbol keys allowed: for the shapes the schema reads with `z.strictObject`,
 * which ignores symbol keys (records reject them, so records are checked with {@link plain}). The
 * engine never reads symbol keys, so accepting them here gives the schema's result.
 */
function plainStrict(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
}

function optString(v: unknown): boolean {
  return v === undefined || typeof v === 'string';
}

function optBool(v: unknown): boolean {
  return v === undefined || typeof v === 'boolean';
}

function stringArray(v: unknown): boolean {
  if (!Array.isArray(v) || Object.getPrototypeOf(v) !== Array.prototype) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
  return true;
}

function fastEntry(e: unknown): boolean {
  if (!plainStrict(e)) return false;
  for (const k in e) {
    switch (k) {
      case 'value':
      case 'notApplicable':
      case 'note':
      case 'evidence':
      case 'explanationRequested':
      case 'explanation':
        break;
      default:
        return false;
    }
  }
  const v = e.value;
  if (
    v !== undefined &&
    v !== null &&
    typeof v !== 'string' &&
    typeof v !== 'boolean' &&
    !(typeof v === 'number' && Number.isFinite(v)) &&
    !stringArray(v)
  )
    return false;
  return (
    optBool(e.notApplicable) &&
    optString(e.note) &&
    optString(e.explanation) &&
    optBool(e.explanationRequested) &&
    (e.evidence === undefined || stringArray(e.evidence))
  );
}

/**
 * Whether the entries have the schema's shape (else `null`), and then whether they also fit the
 * plan: every id a leaf, every stage one of its stages, values of its rule's type, as the checks
 * of {@link prepareAssessment} find (which then need not run; when they would find a problem
 * they run and say what it is).
 */
function fastEntries(entries: unknown, plan: Plan): { fits: boolean } | null {
  if (!plain(entries)) return null;
  // Own keys only, read once (an entries object of a hundred ids is a dictionary, where a for-in
  // pays a look-up per key); an inherited enumerable key, which a for-in would see, goes to the schema.
  if (!bareObjectPrototype()) return null;
  const ids = Object.keys(entries);
  let fits = true;
  for (let j = 0; j < ids.length; j++) {
    const id = ids[j]!;
    if (id === '__proto__') return null;
    const stages = entries[id];
    if (!plain(stages)) return null;
    const node = fits ? plan.byId.get(id) : undefined;
    if (node === undefined || node.rule === null) fits = false;
    // Own keys: `stages` is a plain object and Object.prototype has no enumerable key.
    for (const stage in stages) {
      if (!STAGE_NAMES.has(stage)) return null;
      const entry = stages[stage];
      if (!fastEntry(entry)) return null;
      if (fits) {
        const e = entry as StageEntry;
        if (
          !node!.stages.includes(stage) ||
          (e.value !== undefined && (e.notApplicable === true || checkValue(node!, e.value) !== null))
        )
          fits = false;
      }
    }
  }
  return fits ? FITS : FITS_NOT;
}

/** Whether Object.prototype has no enumerable key (then a for-in over a plain object sees its own keys only). */
function bareObjectPrototype(): boolean {
  for (const _ in Object.prototype) return false;
  return true;
}

const FITS = Object.freeze({ fits: true });
const FITS_NOT = Object.freeze({ fits: false });

function fastData(data: unknown): boolean {
  if (data === undefined) return true;
  if (!plainStrict(data)) return false;
  for (const k in data) {
    if (k !== 'dossiers' && k !== 'plan' && k !== 'procedures' && k !== 'values') return false;
  }
  const values = data.values;
  if (values === undefined) return true;
  if (!plain(values)) return false;
  for (const k in values) {
    if (k === '__proto__' || !Object.hasOwn(values, k)) return false;
    const v = values[k];
    // Numeric strings are trimmed by the schema: leave them to it.
    if (v !== null && !(typeof v === 'number' && Number.isFinite(v))) return false;
  }
  return true;
}

/**
 * The assessment as the schema would output it, or `null` when the fast check is not sure; `fits`
 * when its entries also fit the plan (see {@link fastEntries}).
 */
function readAssessmentFast(input: unknown, plan: Plan): { assessment: Assessment; fits: boolean } | null {
  if (!plainStrict(input)) return null;
  for (const k in input) {
    switch (k) {
      case 'unit':
      case 'period':
      case 'ruleSet':
      case 'data':
      case 'entries':
        break;
      default:
        return null;
    }
  }
  const unit = input.unit;
  if (!plainStrict(unit)) return null;
  for (const k in unit) if (k !== 'id' && k !== 'name' && k !== 'level') return null;
  if (typeof unit.id !== 'string' || unit.id.length === 0 || !optString(unit.name)) return null;
  if (unit.level !== undefined && !(typeof unit.level === 'string' && LEVELS.has(unit.level))) return null;
  if (typeof input.period !== 'string' || input.period.length === 0) return null;
  const rs = input.ruleSet;
  if (rs !== undefined) {
    if (!plainStrict(rs)) return null;
    for (const k in rs) if (k !== 'id' && k !== 'version') return null;
    if (typeof rs.id !== 'string' || typeof rs.version !== 'string') return null;
  }
  if (!fastData(input.data)) return null;
  const entries = input.entries === undefined ? {} : input.entries;
  const fit = fastEntries(entries, plan);
  if (fit === null) return null;
  const out: Record<string, unknown> = { unit, period: input.period };
  if (rs !== undefined) out.ruleSet = rs;
  if (input.data !== undefined) out.data = input.data;
  out.entries = entries;
  return { assessment: out as Assessment, fits: fit.fits };
}

/**
 * The measures of a plan whose measures all read `data.values`, from data the fast reader accepted
 * (values are finite numbers or null, no other data to check): what `computeMeasures` returns for
 * them (`toNum(toDec(v))` of a finite number is the number, `-0` made `0`), or `null` to let it run.
 */
function valueMeasures(plan: Plan, data: Assessment['data']): MeasureValues | null {
  const list = plan.valueMeasures;
  if (list === null) return null;
  const out = new Map<string, number | null>();
  if (list.length === 0) return out;
  if (
    data !== undefined &&
    (data.dossiers !== undefined || data.plan !== undefined || data.procedures !== undefined)
  )
    return null;
  const values = data?.values;
  for (const [key, name] of list) {
    const v: unknown = values?.[name];
    if (v === undefined) continue;
    if (v === null) out.set(key, null);
    else if (typeof v === 'number' && Number.isFinite(v)) out.set(key, v === 0 ? 0 : v);
    else return null;
  }
  return out;
}

/**
 * Validates an assessment against a compiled rule set, collecting every issue. Internal: the
 * engine (scoreUnit, scoreCohort) calls it once per assessment.
 * @internal
 */
export function prepareAssessment(
  plan: Plan,
  input: unknown,
): { assessment: Assessment; measures: MeasureValues } {
  const read = readAssessmentFast(input, plan);
  const fast = read !== null;
  let a = read?.assessment ?? null;
  if (a === null) {
    const parsed = safeParse(AssessmentSchema, input);
    if (!parsed.success) {
      throw new CchcError(
        'INVALID_ASSESSMENT',
        parsed.error.issues.map((i) => issueFromZod(i, input)),
        { cause: parsed.error, summary: 'the assessment is not valid.' },
      );
    }
    a = parsed.data;
  }
  const issues: CchcIssue[] = [];
  const rs = plan.ruleSet;
  if (a.ruleSet && (a.ruleSet.id !== rs.id || a.ruleSet.version !== rs.version))
    issues.push({
      path: ['ruleSet'],
      message: `the assessment is for rule set "${a.ruleSet.id}" version "${a.ruleSet.version}", not "${rs.id}" version "${rs.version}".`,
    });
  if (a.unit.level !== undefined && a.unit.level !== rs.level)
    issues.push({
      path: ['unit', 'level'],
      message: `the unit level "${a.unit.level}" differs from the rule set's level "${rs.level}".`,
    });
  const entries = a.entries;
  // The fast reader has run these checks when it says the entries fit.
  if (!read?.fits)
    for (const id in entries) {
      const stages = entries[id]!;
      const node = plan.byId.get(id);
      if (node === undefined) {
        issues.push({
          path: ['entries', id],
          message: `unknown node id "${id}": no node of rule set "${rs.id}" has it.`,
        });
        continue;
      }
      if (node.rule === null) {
        issues.push({
          path: ['entries', id],
          message: `"${id}" is a group: enter values on its leaves (${node.childIds.join(', ')}).`,
        });
        continue;
      }
      for (const stage in stages) {
        const entry = stages[stage]!;
        if (!node.stages.includes(stage)) {
          const path = ['entries', id, stage];
          issues.push({
            path,
            message: `stage "${stage}" does not apply to "${id}" (assessed by "${node.assessor}"): expected ${node.stages.map((s) => `"${s}"`).join(', ')}.`,
          });
          continue;
        }
        if (entry.notApplicable === true && entry.value !== undefined) {
          issues.push({
            path: ['entries', id, stage, 'value'],
            message: 'give either a value or "notApplicable: true", not both.',
          });
          continue;
        }
        if (entry.value !== undefined) {
          const problem = checkValue(node, entry.value);
          if (problem !== null)
            issues.push({
              path: ['entries', id, stage, 'value'],
              message: `${problem} (rule "${node.kind}")`,
            });
        }
      }
    }
  const measures = (fast && valueMeasures(plan, a.data)) || computeMeasures(plan.measures, a.data, issues);
  if (issues.length > 0)
    throw new CchcError('INVALID_ASSESSMENT', issues, {
      summary: 'the assessment does not fit the rule set.',
    });
  return { assessment: a, measures };
}

// Aggregates live in columns of typed arrays (one row per plan node, then rows for the three
// assessors, the criteria, the bonus and the deductions), reused from call to call of a plan:
// `pts`, `self` and `delta` hold points × scale summed as exact integers, with a Decimal part
// (`*Dec`, usually null) for points that are not whole at the scale, exactly as the previous
// per-node accumulator objects did.

const ASSESSORS = ['self', 'superior', 'survey'] as const;

interface Columns {
  readonly rows: number;
  readonly pts: Float64Array;
  readonly naMax: Float64Array;
  readonly pendingMax: Float64Array;
  readonly scored: Float64Array;
  readonly pending: Float64Array;
  readonly na: Float64Array;
  readonly self: Float64Array;
  readonly delta: Float64Array;
  /** Bit 1: has a self part; bit 2: has an appraisal difference. */
  readonly flags: Uint8Array;
  readonly ptsDec: (Dec | null)[];
  readonly selfDec: (Dec | null)[];
  readonly deltaDec: (Dec | null)[];
  /** Whether some Decimal part was set since the last reset. */
  dirty: boolean;
  /** Per leaf row, the report parts shared between calls (see {@link Memo}), without and with explanations. */
  readonly memos: (LeafMemos | undefined)[];
  readonly memosExplained: (LeafMemos | undefined)[];
  /** Per-call scratch of the leaf loop, reused from call to call (see scoreWithPlan). */
  readonly leafOutcome: (Outcome | undefined)[];
  readonly leafNext: (NextStep | undefined)[];
  readonly leafEntry: (NodeEntry | undefined)[];
  /** The report's `ruleSet` part, the same for every report of the plan (frozen, shared). */
  ruleSetPart: ScoreReport['ruleSet'] | null;
}

const COLUMNS = new WeakMap<Plan, Columns>();

function columnsOf(plan: Plan): Columns {
  let c = COLUMNS.get(plan);
  const rows = plan.nodes.length + 6;
  if (c === undefined) {
    c = {
      rows,
      pts: new Float64Array(rows),
      naMax: new Float64Array(rows),
      pendingMax: new Float64Array(rows),
      scored: new Float64Array(rows),
      pending: new Float64Array(rows),
      na: new Float64Array(rows),
      self: new Float64Array(rows),
      delta: new Float64Array(rows),
      flags: new Uint8Array(rows),
      ptsDec: new Array<Dec | null>(rows).fill(null),
      selfDec: new Array<Dec | null>(rows).fill(null),
      deltaDec: new Array<Dec | null>(rows).fill(null),
      dirty: false,
      memos: new Array<LeafMemos | undefined>(rows),
      memosExplained: new Array<LeafMemos | undefined>(rows),
      ruleSetPart: null,
      leafOutcome: new Array<Outcome | undefined>(rows).fill(undefined),
      leafNext: new Array<NextStep | undefined>(rows).fill(undefined),
      leafEntry: new Array<NodeEntry | undefined>(rows).fill(undefined),
    };
    COLUMNS.set(plan, c);
    return c;
  }
  c.pts.fill(0);
  c.naMax.fill(0);
  c.pendingMax.fill(0);
  c.scored.fill(0);
  c.pending.fill(0);
  c.na.fill(0);
  c.self.fill(0);
  c.delta.fill(0);
  c.flags.fill(0);
  if (c.dirty) {
    c.ptsDec.fill(null);
    c.selfDec.fill(null);
    c.deltaDec.fill(null);
    c.dirty = false;
  }
  return c;
}

/** Entries kept per memo: a leaf of a discrete kind takes a few dozen distinct forms. */
const MEMO_LIMIT = 64;

/**
 * Frozen report parts of one leaf, shared between the reports of a plan when equal: entries in
 * hash chains, compared field by field (no string keys). A memo whose hit rate stays under a half
 * after {@link MEMO_LIMIT} look-ups (a leaf on a continuous measured value) switches itself off,
 * so such leaves pay nothing more.
 */
class Memo<E extends { chain: E | null }> {
  /** Whether the memo is on. */
  on = true;
  /** Hash chains in {@link MEMO_BUCKETS} buckets (the low bits of the hash; entries are compared in full). */
  private readonly buckets: (E | null)[] = new Array<E | null>(MEMO_BUCKETS).fill(null);
  private size = 0;
  private lookups = 0;
  private hits = 0;
  /** The first entry of the chain of a hash (the memo is on). */
  chain(hash: number): E | null {
    return this.buckets[hash & (MEMO_BUCKETS - 1)]!;
  }
  /** Counts a look-up; switches the memo off when it does not pay. */
  count(hit: boolean): void {
    this.lookups += 1;
    if (hit) this.hits += 1;
    else if (this.lookups >= MEMO_LIMIT && this.hits * 2 < this.lookups) {
      this.on = false;
      this.buckets.fill(null);
    }
  }
  add(hash: number, entry: E): void {
    if (!this.on || this.size >= MEMO_LIMIT) return;
    const b = hash & (MEMO_BUCKETS - 1);
    entry.chain = this.buckets[b]!;
    this.buckets[b] = entry;
    this.size += 1;
  }
}

/** Buckets of a memo (a power of two). */
const MEMO_BUCKETS = 64;

interface NodeEntry {
  readonly node: NodeScore;
  /** The leaf's row when the node was built: scaled points, flags, self points, difference. */
  readonly pts: number;
  readonly flags: number;
  readonly self: number;
  readonly delta: number;
  readonly next: NextStep | undefined;
  /** The node's lost-points item and its lost points × scale, once known (`null`: none). */
  lost: LostPoints | null | undefined;
  lostScaled: number;
  chain: NodeEntry | null;
}

interface NextEntry {
  readonly next: NextStep;
  chain: NextEntry | null;
}

interface LostEntry {
  readonly item: LostPoints;
  readonly pts: number;
  chain: LostEntry | null;
}

/**
 * The memos of one leaf: its report node (bulk only), its next step and its lost-points item,
 * apart for bulk reports and reports with explanations (whose next steps carry sentences).
 */
interface LeafMemos {
  readonly node: Memo<NodeEntry>;
  readonly next: Memo<NextEntry>;
  readonly lost: Memo<LostEntry>;
}

function memosOf(c: Columns, i: number, explain: boolean): LeafMemos {
  const list = explain ? c.memosExplained : c.memos;
  let m = list[i];
  if (m === undefined) {
    m = { node: new Memo(), next: new Memo(), lost: new Memo() };
    list[i] = m;
  }
  return m;
}

/** A small integer from a few numbers (a hash: equal inputs, equal result; entries are compared). */
function mix(a: number, b: number, c: number, d: number): number {
  return ((a * 31 + b * 17 + c * 7 + d) % 1_000_000_007) | 0;
}

function textHash(t: string): number {
  return t.length === 0 ? 0 : t.length * 131 + t.charCodeAt(0) * 7 + t.charCodeAt(t.length - 1);
}

function measuredHash(m: MeasuredValue): number {
  if (m === null) return 1;
  switch (typeof m) {
    case 'number':
      return m * 1009;
    case 'string':
      return textHash(m);
    case 'boolean':
      return m ? 2 : 3;
    default:
      return m.length * 5 + 4;
  }
}

function sameMeasured(a: MeasuredValue, b: MeasuredValue): boolean {
  if (a === b) return true;
  return Array.isArray(a) && Array.isArray(b) && sameList(a, b);
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

function sameNext(a: NextStep | undefined, b: NextStep | undefined): boolean {
  if (a === b) return true;
  return (
    a !== undefined &&
    b !== undefined &&
    a.value === b.value &&
    a.comparison === b.comparison &&
    a.points === b.points &&
    a.gain === b.gain &&
    a.explanation.vi === b.explanation.vi &&
    a.explanation.en === b.explanation.en
  );
}

function nextHash(next: NextStep | undefined): number {
  return next === undefined
    ? 0
    : mix(next.value * 1009, next.points * 101, next.gain * 11, next.comparison.length);
}

/** The next step of a leaf, as the frozen one already in a report when equal (mkNext freezes). */
function sharedNext(m: LeafMemos, next: NextStep): NextStep {
  const memo = m.next;
  if (!memo.on) return next;
  const h = nextHash(next);
  let e = memo.chain(h);
  while (e !== null && !sameNext(e.next, next)) e = e.chain;
  memo.count(e !== null);
  if (e !== null) return e.next;
  memo.add(h, { next, chain: null });
  return next;
}

/** The list without repeats, as a new array. */
function uniqueCopy(list: readonly string[]): string[] {
  const out: string[] = [];
  for (const v of list) if (!out.includes(v)) out.push(v);
  return out;
}

function hasRepeats(list: readonly string[]): boolean {
  for (let k = 1; k < list.length; k++) if (list.indexOf(list[k]!) !== k) return true;
  return false;
}

/** Whether a leaf's row holds a Decimal part (its node is then not shared). */
function hasDec(c: Columns, i: number): boolean {
  return c.ptsDec[i] !== null || c.selfDec[i] !== null || c.deltaDec[i] !== null;
}

/**
 * The shared bulk report node of leaf `i` equal to the one about to be built, if any: equal in
 * everything that varies between two nodes of one leaf (the maxima follow from the status, the
 * percentage from the points and the status).
 */
function findNode(
  memo: Memo<NodeEntry>,
  hash: number,
  out: Outcome,
  source: ScoreSource | null,
  c: Columns,
  i: number,
  next: NextStep | undefined,
  note: string | undefined,
  evidence: readonly string[] | undefined,
  requested: boolean,
): NodeEntry | null {
  for (let e = memo.chain(hash); e !== null; e = e.chain) {
    const n = e.node;
    if (
      e.pts === c.pts[i] &&
      e.flags === c.flags[i] &&
      e.self === c.self[i] &&
      e.delta === c.delta[i] &&
      n.status === out.status &&
      n.reason === out.reason &&
      n.source === source &&
      sameMeasured(n.measured, out.measured) &&
      sameNext(e.next, next) &&
      n.note === note &&
      sameList(n.evidence, evidence) &&
      (n.explanationRequested === true) === requested
    ) {
      memo.count(true);
      return e;
    }
  }
  memo.count(false);
  return null;
}

function nodeHash(
  out: Outcome,
  source: ScoreSource | null,
  c: Columns,
  i: number,
  next: NextStep | undefined,
  note: string | undefined,
): number {
  return mix(
    c.pts[i]! + c.self[i]! * 3 + c.delta[i]! * 5 + c.flags[i]!,
    measuredHash(out.measured),
    nextHash(next),
    out.status.length +
      out.reason.length * 13 +
      (source === null ? 0 : textHash(source)) +
      (note === undefined ? 0 : textHash(note)),
  );
}

/** The fields every report node has, leaf or group, in their order. */
function nodeScore(
  node: PlanNode,
  c: Columns,
  i: number,
  scale: number,
  rebase: boolean,
  status: NodeStatus,
  reason: ScoreReason,
  source: ScoreSource | null,
  measured: MeasuredValue,
): Record<string, unknown> {
  const am = rebase ? node.maxScaled - c.naMax[i]! : node.maxScaled;
  const pd = c.dirty ? c.ptsDec[i]! : null;
  const f = c.flags[i]!;
  return {
    id: node.id,
    name: node.name,
    parentId: node.parentId,
    childIds: node.childIds,
    depth: node.depth,
    section: node.section,
    kind: node.kind,
    assessor: node.assessor,
    status,
    reason,
    points: sumNum(c.pts[i]!, pd, scale),
    max: node.maxNum,
    applicableMax: am / scale,
    pendingMax: c.pendingMax[i]! / scale,
    notApplicableMax: c.naMax[i]! / scale,
    percent: sumPercent(c.pts[i]!, pd, am, scale),
    source,
    measured,
    selfPoints: f & 1 ? sumNum(c.self[i]!, c.dirty ? c.selfDec[i]! : null, scale) : null,
    appraisalDelta: f & 2 ? sumNum(c.delta[i]!, c.dirty ? c.deltaDec[i]! : null, scale) : null,
  } satisfies NodeScore;
}

function addDec(list: (Dec | null)[], i: number, d: Dec): void {
  const cur = list[i]!;
  list[i] = cur === null ? d : cur.plus(d);
}

/** Adds row `from` into row `into`, as the previous `merge` of two accumulators. */
function merge(c: Columns, into: number, from: number): void {
  c.pts[into]! += c.pts[from]!;
  c.naMax[into]! += c.naMax[from]!;
  c.pendingMax[into]! += c.pendingMax[from]!;
  c.scored[into]! += c.scored[from]!;
  c.pending[into]! += c.pending[from]!;
  c.na[into]! += c.na[from]!;
  const f = c.flags[from]!;
  if (f !== 0) {
    c.flags[into]! |= f;
    if (f & 1) c.self[into]! += c.self[from]!;
    if (f & 2) c.delta[into]! += c.delta[from]!;
  }
  if (c.dirty) {
    const pd = c.ptsDec[from]!;
    if (pd !== null) addDec(c.ptsDec, into, pd);
    const sd = c.selfDec[from]!;
    if (sd !== null) addDec(c.selfDec, into, sd);
    const dd = c.deltaDec[from]!;
    if (dd !== null) addDec(c.deltaDec, into, dd);
  }
}

/** The points of a sum as before: scaled when whole and safe, else an exact Decimal. */
function sumPts(scaled: number, dec: Dec | null, scale: number): Pts {
  if (dec === null && Number.isSafeInteger(scaled)) return { scaled, dec: null };
  return {
    scaled: null,
    dec: toDec(scaled)
      .div(scale)
      .plus(dec ?? 0),
  };
}

/** The nearest number of a sum (as `ptsNum(sumPts(…))`, without the object). */
function sumNum(scaled: number, dec: Dec | null, scale: number): number {
  if (dec === null && Number.isSafeInteger(scaled)) return scaled / scale || 0;
  return ptsNum(sumPts(scaled, dec, scale), scale);
}

function statusOf(c: Columns, i: number): NodeStatus {
  const pending = c.pending[i]!;
  const scored = c.scored[i]!;
  if (pending === 0) return scored === 0 && c.na[i]! > 0 ? 'not-applicable' : 'scored';
  return scored === 0 ? 'pending' : 'partial';
}

function isScoring(node: PlanNode, entry: StageEntry | undefined): entry is StageEntry {
  return (
    entry !== undefined &&
    (entry.value !== undefined || entry.notApplicable === true || node.measure !== null)
  );
}

const NO_DATA_TEXT = { vi: 'Chưa có số liệu để tính', en: 'No data to compute the value yet' };
const NOT_ASSESSED_TEXT = { vi: 'Chưa chấm điểm', en: 'Not scored yet' };
const ZERO_TEXT = {
  vi: 'Không phát sinh: tính 0 điểm theo quy định',
  en: 'Did not arise: scores 0 by the rule',
};
const NO_VALUE_TEXT = {
  vi: 'Không phát sinh (không có số liệu để tính tỷ lệ)',
  en: 'Did not arise (nothing to compute the rate on)',
};
const NOT_APPLICABLE_TEXT = { vi: 'Không áp dụng', en: 'Not applicable' };

function evaluate(
  node: PlanNode,
  entry: StageEntry | undefined,
  measures: MeasureValues,
  best: Record<string, number | string | null> | undefined,
  env: Env,
): Outcome {
  if (entry?.notApplicable === true) return naOutcome(env, 'NOT_APPLICABLE');
  let value: unknown;
  if (entry !== undefined && entry.value !== undefined) value = entry.value;
  else if (node.measure !== null) {
    const m = measures.get(node.measureKey);
    if (m === undefined) return fixedOutcome(env, null, 'pending', 'NO_DATA', NO_DATA_TEXT);
    value = m;
  } else return fixedOutcome(env, null, 'pending', 'NOT_ASSESSED', NOT_ASSESSED_TEXT);
  if (value === null) {
    if (node.whenNoValue === 'zero') {
      return fixedOutcome(env, ZERO_PTS, 'scored', 'ZERO_WHEN_NO_VALUE', ZERO_TEXT);
    }
    return naOutcome(env, 'NO_VALUE');
  }
  const r = node.rule!;
  switch (r.kind) {
    case 'manual':
      return evaluateManual(r.c, value as number | string, env);
    case 'yes-no':
      return evaluateYesNo(r.c, value as boolean, env);
    case 'options':
      return evaluateOptions(r.c, value as string, env);
    case 'tiers':
      return evaluateTiers(r.c, value as number | string, env);
    case 'proportional':
      return evaluateProportional(r.c, value as number | string, env);
    case 'count-tiers':
      return evaluateCountTiers(r.c, value as number | string, env);
    case 'per-item':
      return evaluatePerItem(r.c, value as number | string | readonly string[], env);
    case 'deduction':
      return evaluateDeduction(r.c, value as number | string, env);
    case 'normalized-to-best':
      return evaluateNormalized(
        r.c,
        value as number | string,
        best === undefined ? undefined : best[node.id],
        env,
      );
    case 'survey':
      return evaluateSurvey(r.c, value as SurveyValue, env);
  }
}

/**
 * An outcome that no rule evaluated (pending, not applicable, zero for no value), with a fresh
 * explanation object each time (reports never share objects).
 */
function fixedOutcome(
  env: Env,
  points: Pts | null,
  status: Outcome['status'],
  reason: Outcome['reason'],
  text: { readonly vi: string; readonly en: string },
): Outcome {
  if (!env.explain) return { points, status, reason, measured: null };
  return { points, status, reason, measured: null, explanation: { vi: text.vi, en: text.en } };
}

function naOutcome(env: Env, reason: 'NOT_APPLICABLE' | 'NO_VALUE'): Outcome {
  return fixedOutcome(
    env,
    null,
    'not-applicable',
    reason,
    reason === 'NO_VALUE' ? NO_VALUE_TEXT : NOT_APPLICABLE_TEXT,
  );
}

function num(p: Pts, scale: number): number {
  return ptsNum(p, scale);
}

function percentOf(p: Pts, amScaled: number, scale: number): number | null {
  if (amScaled <= 0) return null;
  if (p.scaled !== null && Number.isSafeInteger(p.scaled * 100)) return (p.scaled * 100) / amScaled || 0;
  return toNum(
    ptsDec(p, scale)
      .times(100 * scale)
      .div(amScaled),
  );
}

/** {@link percentOf} of a sum, without building its points when they are whole. */
function sumPercent(scaled: number, dec: Dec | null, amScaled: number, scale: number): number | null {
  if (amScaled <= 0) return null;
  if (dec === null && Number.isSafeInteger(scaled) && Number.isSafeInteger(scaled * 100))
    return (scaled * 100) / amScaled || 0;
  return percentOf(sumPts(scaled, dec, scale), amScaled, scale);
}

const TWO_53 = 2 ** 53;

/**
 * points × 100 ÷ applicable max, rounded half-up to `decimals`. On whole scaled points ≥ 0 it is
 * computed on exact integers (BigInt): the quotient q of (points × scale × 100 × 10^d) by
 * (max × scale), plus one when twice the remainder reaches the divisor, then q ÷ 10^d as one
 * correctly rounded division while q is below 2^53. The Decimal path (kept for the rest) gives the
 * same: its 40-digit quotient of two such integers is never within a rounding step of a boundary
 * it is not on, and its decimal result read as a number is that same correctly rounded quotient.
 */
function roundedPercentOf(p: Pts, amScaled: number, scale: number, decimals: number): number | null {
  if (amScaled <= 0) return null;
  if (
    p.scaled !== null &&
    p.scaled >= 0 &&
    Number.isSafeInteger(p.scaled) &&
    Number.isSafeInteger(amScaled) &&
    decimals <= 22
  ) {
    const den = BigInt(amScaled);
    const n = BigInt(p.scaled) * 100n * BigInt(POW10[decimals]!);
    let q = n / den;
    if (2n * (n - q * den) >= den) q += 1n;
    if (q < BigInt(TWO_53)) return Number(q) / POW10[decimals]! || 0;
  }
  return toNum(
    roundHalfUp(
      ptsDec(p, scale)
        .times(100 * scale)
        .div(amScaled),
      decimals,
    ),
  );
}

/** Lost points × scale below this, with fewer than {@link RANK_SLOTS} items, rank on one number each. */
const RANK_LIMIT = 2 ** 44;
const RANK_SLOTS = 256;

/**
 * The lost-points items ranked largest first, ties in leaf order. On whole scaled points (below
 * 2^44, fewer than 256 items) each item is one exact number, −lost × 256 + its index, sorted as a
 * `Float64Array` (no comparator calls); else compared as before.
 */
function rankLost(
  items: readonly LostPoints[],
  scaled: readonly number[],
  pts: Pts[] | null,
  scale: number,
): LostPoints[] {
  const n = items.length;
  if (pts === null && n < RANK_SLOTS) {
    const keys = new Float64Array(n);
    let ok = true;
    for (let k = 0; k < n; k++) {
      const v = scaled[k]!;
      if (!(v > 0 && v < RANK_LIMIT && Number.isInteger(v))) {
        ok = false;
        break;
      }
      keys[k] = -v * RANK_SLOTS + k;
    }
    if (ok) {
      keys.sort();
      const out = new Array<LostPoints>(n);
      for (let j = 0; j < n; j++) out[j] = items[((keys[j]! % RANK_SLOTS) + RANK_SLOTS) % RANK_SLOTS]!;
      return out;
    }
  }
  const order = items.map((_, k) => k);
  if (pts === null) order.sort((a, b) => scaled[b]! - scaled[a]! || a - b);
  else order.sort((a, b) => ptsCmp(pts[b]!, pts[a]!, scale) || a - b);
  return order.map((k) => items[k]!);
}

/**
 * Scores a validated assessment against a compiled plan: the trusted core of {@link scoreUnit}.
 * @internal
 */
export function scoreWithPlan(
  plan: Plan,
  assessment: Assessment,
  measures: MeasureValues,
  options: { best?: Record<string, number | string | null>; explanations?: boolean } = {},
): ScoreReport {
  const rs = plan.ruleSet;
  const scale = plan.scale;
  const env: Env = {
    scale,
    pointDecimals: rs.precision.points,
    percentDecimals: rs.precision.percent,
    explain: options.explanations ?? true,
  };
  const quiet: Env = env.explain ? { ...env, explain: false } : env;
  const best = options.best;
  const rebase = rs.notApplicable === 'rebase';
  const nodes = plan.nodes;
  const n = nodes.length;
  const c = columnsOf(plan);
  // Extra rows: the three assessors, the criteria, the bonus, the deductions.
  const ROW_ASSESSOR = n;
  const ROW_CRIT = n + 3;
  const ROW_BONUS = n + 4;
  const ROW_DEDUCTIONS = n + 5;
  const maxByAssessor = [0, 0, 0];
  const seenAssessor = [false, false, false];
  // Per leaf, for the lost points: written for every leaf in the leaf loop before being read.
  const leafOutcome = c.leafOutcome;
  const leafNext = c.leafNext;
  const leafEntry = c.leafEntry;
  const reportNodes: NodeScore[] = new Array(n);
  const entries = assessment.entries;

  // Leaves: evaluate, keep the leaf's own aggregate in its row, and build its report node.
  for (const i of plan.leaves) {
    const node = nodes[i]!;
    const stages = entries[node.id];
    let source: ScoreSource | null = null;
    let effective: StageEntry | undefined;
    if (stages !== undefined) {
      for (let k = node.stages.length - 1; k >= 0; k--) {
        const s = node.stages[k]!;
        const e = stages[s];
        if (isScoring(node, e)) {
          effective = e;
          source = s as ScoreSource;
          break;
        }
      }
    }
    const out = evaluate(node, effective, measures, best, env);
    if (source === null && out.status !== 'pending' && node.measure !== null) source = 'data';
    if (out.status === 'scored') {
      const p = out.points!;
      if (p.scaled !== null) c.pts[i] = p.scaled;
      else {
        c.ptsDec[i] = p.dec;
        c.dirty = true;
      }
      c.scored[i] = 1;
    } else if (out.status === 'pending') {
      c.pending[i] = 1;
      c.pendingMax[i] = node.maxScaled;
    } else {
      c.na[i] = 1;
      c.naMax[i] = node.maxScaled;
    }
    // Self versus appraised.
    if (stages?.self !== undefined && isScoring(node, stages.self)) {
      const selfOut = source === 'self' ? out : evaluate(node, stages.self, measures, best, quiet);
      if (selfOut.status === 'scored') {
        c.flags[i] = 1;
        const sp = selfOut.points!;
        if (sp.scaled !== null) c.self[i] = sp.scaled;
        else {
          c.selfDec[i] = sp.dec;
          c.dirty = true;
        }
        if (source?.startsWith('appraisal-') && out.status === 'scored') {
          c.flags[i] = 3;
          const op = out.points!;
          if (op.scaled !== null && sp.scaled !== null) c.delta[i] = op.scaled - sp.scaled;
          else {
            const d = ptsDec(op, scale).minus(ptsDec(sp, scale));
            const s = d.times(scale);
            if (s.isInteger()) c.delta[i] = s.toNumber();
            else {
              c.deltaDec[i] = d;
              c.dirty = true;
            }
          }
        }
      }
    }
    leafOutcome[i] = out;
    // The evidence of every stage, each file once: while only one stage has any, its own list
    // (copied into the node only when a node is built), else a merged list built here.
    let evidence: readonly string[] | undefined;
    let ownList = false;
    let requested = false;
    if (stages !== undefined) {
      for (const s of node.stages) {
        const e = stages[s];
        if (e === undefined) continue;
        if (e.explanationRequested) requested = true;
        const list = e.evidence;
        if (list === undefined) continue;
        if (evidence === undefined) evidence = list;
        else {
          const merged = ownList ? (evidence as string[]) : uniqueCopy(evidence);
          for (const ev of list) if (!merged.includes(ev)) merged.push(ev);
          evidence = merged;
          ownList = true;
        }
      }
      if (evidence !== undefined && !ownList && hasRepeats(evidence)) {
        evidence = uniqueCopy(evidence);
        ownList = true;
      }
    }
    const memo = memosOf(c, i, env.explain);
    const note = effective?.note;
    // Bulk reports share identical leaf nodes (frozen): most leaves of discrete kinds take a few
    // dozen distinct forms over a cohort, and the nodes are most of a report's weight.
    const nodeMemo = memo.node;
    const share = !env.explain && nodeMemo.on && !(c.dirty && hasDec(c, i));
    const hash = share ? nodeHash(out, source, c, i, out.next, note) : 0;
    const found = share
      ? findNode(nodeMemo, hash, out, source, c, i, out.next, note, evidence, requested)
      : null;
    let next: NextStep | undefined;
    if (found !== null) {
      reportNodes[i] = found.node;
      next = found.next;
      leafEntry[i] = found;
    } else {
      next = out.next !== undefined ? sharedNext(memo, out.next) : undefined;
      const base = nodeScore(node, c, i, scale, rebase, out.status, out.reason, source, out.measured);
      // The leaf's optional fields after the common ones, in order.
      if (out.explanation) base.explanation = Object.freeze(out.explanation);
      if (next !== undefined && node.section !== 'deductions') base.next = next;
      if (note !== undefined) base.note = note;
      if (evidence) base.evidence = Object.freeze(ownList ? evidence : evidence.slice());
      if (requested) base.explanationRequested = true;
      const made = Object.freeze(base) as unknown as NodeScore;
      reportNodes[i] = made;
      if (Array.isArray(made.measured)) Object.freeze(made.measured);
      if (share) {
        const entry: NodeEntry = {
          node: made,
          pts: c.pts[i]!,
          flags: c.flags[i]!,
          self: c.self[i]!,
          delta: c.delta[i]!,
          next,
          lost: undefined,
          lostScaled: 0,
          chain: null,
        };
        nodeMemo.add(hash, entry);
        leafEntry[i] = entry;
      } else leafEntry[i] = undefined;
    }
    leafNext[i] = next;
    if (node.section === 'criteria') {
      const a = node.assessor === 'self' ? 0 : node.assessor === 'superior' ? 1 : 2;
      seenAssessor[a] = true;
      merge(c, ROW_ASSESSOR + a, i);
      maxByAssessor[a] = maxByAssessor[a]! + node.maxScaled;
    }
  }
  // Groups, bottom-up (children come after their parent in pre-order).
  for (let i = n - 1; i >= 0; i--) {
    const node = nodes[i]!;
    if (node.rule !== null) continue;
    for (const ch of node.children) merge(c, i, ch);
    reportNodes[i] = Object.freeze(
      nodeScore(node, c, i, scale, rebase, statusOf(c, i), 'AGGREGATED', null, null),
    ) as unknown as NodeScore;
  }

  // Totals.
  for (const i of plan.top) merge(c, ROW_CRIT, i);
  const rowPts = (row: number): Pts => sumPts(c.pts[row]!, c.dirty ? c.ptsDec[row]! : null, scale);
  const section = (
    idx: readonly number[],
    row: number,
    cap: Pts | null,
  ): { part: AdjustmentPart; applied: Pts } | null => {
    if (idx.length === 0) return null;
    for (const i of idx) merge(c, row, i);
    const raw = rowPts(row);
    const capped = cap !== null && ptsCmp(raw, cap, scale) > 0;
    const applied = capped ? cap : raw;
    return {
      applied,
      part: {
        raw: num(raw, scale),
        cap: cap === null ? null : num(cap, scale),
        applied: num(applied, scale),
        capped,
        status: statusOf(c, row),
      },
    };
  };
  const bonus = section(plan.bonus, ROW_BONUS, plan.bonusCap);
  const deductions = section(plan.deductions, ROW_DEDUCTIONS, plan.deductionCap);
  const basePts = rowPts(ROW_CRIT);
  let totalDec: Dec | null = null;
  let totalPts: Pts;
  if (
    basePts.scaled !== null &&
    (bonus === null || bonus.applied.scaled !== null) &&
    (deductions === null || deductions.applied.scaled !== null)
  ) {
    const s = basePts.scaled + (bonus?.applied.scaled ?? 0) - (deductions?.applied.scaled ?? 0);
    totalPts = { scaled: Math.max(0, s), dec: null };
  } else {
    totalDec = ptsDec(basePts, scale)
      .plus(bonus ? ptsDec(bonus.applied, scale) : 0)
      .minus(deductions ? ptsDec(deductions.applied, scale) : 0);
    if (totalDec.isNegative()) totalDec = toDec(0);
    totalPts = { scaled: null, dec: totalDec };
  }
  const totalMaxScaled = plan.total.scaled ?? 0;
  const critNaMax = c.naMax[ROW_CRIT]!;
  const totalAm = rebase ? totalMaxScaled - critNaMax : totalMaxScaled;
  const pd = rs.precision.percent;
  const totalRounded = roundedPercentOf(totalPts, totalAm, scale, pd);
  const totalStatus = statusOf(c, ROW_CRIT);
  const parts: AssessorPart[] = [];
  for (let a = 0; a < 3; a++) {
    if (!seenAssessor[a]) continue;
    const row = ROW_ASSESSOR + a;
    const p = rowPts(row);
    const max = maxByAssessor[a]!;
    const am = rebase ? max - c.naMax[row]! : max;
    parts.push(
      Object.freeze({
        assessor: ASSESSORS[a]!,
        points: num(p, scale),
        max: max / scale,
        applicableMax: am / scale,
        pendingMax: c.pendingMax[row]! / scale,
        notApplicableMax: c.naMax[row]! / scale,
        percent: percentOf(p, am, scale),
        roundedPercent: roundedPercentOf(p, am, scale, pd),
        status: statusOf(c, row),
      }),
    );
  }
  let band: ScoreReport['band'] = null;
  if (totalRounded !== null) {
    for (const b of plan.bands) {
      if (totalRounded >= b.minPercent) {
        band = Object.freeze({
          label: b.label,
          minPercent: b.minPercent,
          provisional: c.pending[ROW_CRIT]! > 0,
        });
        break;
      }
    }
  }
  // Lost points.
  // Items in leaf order with their lost points × scale (`lostPts` only once some are Decimals),
  // then ranked largest first, ties in leaf order.
  const lostItems: LostPoints[] = [];
  const lostScaled: number[] = [];
  let lostPts: Pts[] | null = null;
  for (const i of plan.leaves) {
    const shared = leafEntry[i];
    if (shared !== undefined && shared.lost !== undefined) {
      if (shared.lost !== null) {
        if (lostPts !== null) lostPts.push({ scaled: shared.lostScaled, dec: null });
        lostScaled.push(shared.lostScaled);
        lostItems.push(shared.lost);
      }
      continue;
    }
    const node = nodes[i]!;
    const out = leafOutcome[i]!;
    if (out.status !== 'scored' || node.section === 'bonus') {
      if (shared !== undefined) shared.lost = null;
      continue;
    }
    const p = out.points!;
    const l: Pts =
      node.section === 'deductions'
        ? p
        : p.scaled !== null
          ? { scaled: node.maxScaled - p.scaled, dec: null }
          : { scaled: null, dec: node.max.minus(p.dec as Dec) };
    if ((l.scaled !== null && l.scaled <= 0) || l.dec?.lte(0)) {
      if (shared !== undefined) shared.lost = null;
      continue;
    }
    const next = node.section !== 'deductions' ? leafNext[i] : undefined;
    const memo = memosOf(c, i, env.explain).lost;
    const share = memo.on && p.scaled !== null;
    const hash = share ? mix(p.scaled!, out.reason.length, nextHash(next), 0) : 0;
    let item: LostPoints | undefined;
    if (share) {
      let e = memo.chain(hash);
      while (
        e !== null &&
        !(e.pts === p.scaled && e.item.reason === out.reason && sameNext(e.item.next, next))
      )
        e = e.chain;
      memo.count(e !== null);
      item = e?.item;
    }
    if (item === undefined) {
      const made: Record<string, unknown> = {
        id: node.id,
        name: node.name,
        lost: num(l, scale),
        points: num(p, scale),
        max: node.maxNum,
        reason: out.reason,
        section: node.section,
      } satisfies LostPoints;
      if (next !== undefined) made.next = next;
      item = Object.freeze(made) as unknown as LostPoints;
      if (share) memo.add(hash, { item, pts: p.scaled!, chain: null });
    }
    if (l.scaled === null && lostPts === null)
      lostPts = lostScaled.map((v): Pts => ({ scaled: v, dec: null }));
    if (lostPts !== null) lostPts.push(l);
    lostScaled.push(l.scaled ?? 0);
    lostItems.push(item);
    if (shared !== undefined && l.scaled !== null) {
      shared.lost = item;
      shared.lostScaled = l.scaled;
    }
  }
  const lostPoints = rankLost(lostItems, lostScaled, lostPts, scale);
  let ruleSetPart = c.ruleSetPart;
  if (ruleSetPart === null) {
    ruleSetPart = Object.freeze({
      id: rs.id,
      version: rs.version,
      level: rs.level,
      notApplicable: rs.notApplicable,
    });
    c.ruleSetPart = ruleSetPart;
  }

  return Object.freeze({
    ruleSet: ruleSetPart,
    unit: Object.freeze({
      id: assessment.unit.id,
      name: assessment.unit.name ?? null,
      level: assessment.unit.level ?? null,
    }),
    period: assessment.period,
    total: Object.freeze({
      points: num(totalPts, scale),
      max: plan.totalNum,
      applicableMax: totalAm / scale,
      pendingMax: c.pendingMax[ROW_CRIT]! / scale,
      notApplicableMax: critNaMax / scale,
      percent: percentOf(totalPts, totalAm, scale),
      roundedPercent: totalRounded,
      status: totalStatus,
      base: num(basePts, scale),
      bonus: bonus ? num(bonus.applied, scale) : 0,
      deductions: deductions ? num(deductions.applied, scale) : 0,
    }),
    byAssessor: Object.freeze(parts),
    bonus: bonus ? Object.freeze(bonus.part) : null,
    deductions: deductions ? Object.freeze(deductions.part) : null,
    band,
    nodes: Object.freeze(reportNodes),
    lostPoints: Object.freeze(lostPoints),
  });
}

/**
 * Scores one unit's assessment against a rule set: points, maximum, applicable maximum and
 * percentage at every node, totals with bonus and deductions (capped), the split by assessor, the
 * band, the lost points ranked largest first with what it takes to gain more, and a Vietnamese and
 * English explanation for every leaf.
 *
 * @remarks
 * - The effective score of a self-assessed leaf is the latest appraisal round entered, else the
 *   self score (`source` says which); the self-versus-appraised difference is kept per node
 *   (`selfPoints`, `appraisalDelta`). Process: par-index.md §2.4 (H) and §6 (M).
 * - Pending (not yet scored), not applicable ("không phát sinh") and scored zero are kept apart.
 *   Under `notApplicable: 'rebase'` a node that did not arise leaves the denominator (Huế "% điểm
 *   phát sinh", Hà Nội's rescale to 100; §4, H); under `'keep'` it stays.
 * - Index % = points ÷ applicable maximum × 100 (§2.4, H); `roundedPercent` applies the rule set's
 *   precision, half-up, and the band is read from it.
 * - Đắk Song (Đắk Nông), 6 months 2023: 61 of the 90 self-assessed points, the province's 10 still
 *   pending → the self part is 67,78 % (DOMAIN.md worked figures).
 *
 * @param ruleSet - a rule set from {@link defineRuleSet} (fast: compiled once) or raw JSON (validated now).
 * @param assessment - the unit's assessment, see {@link AssessmentSchema}.
 * @param options - `cohort.best` for normalised-to-best leaves; `explanations: false` for bulk scoring.
 * @returns the score report: plain, readonly, JSON-safe.
 * @throws {@link CchcError} `INVALID_RULE_SET` for a raw rule set that fails validation;
 *   `INVALID_ASSESSMENT` listing every problem of the assessment (unknown node ids, stages that do
 *   not apply to a node's assessor, values of the wrong type for the rule kind, bad data);
 *   `INVALID_OPTIONS` for bad options.
 * @example
 * ```ts
 * import { defineRuleSet, scoreUnit } from 'cchc-index';
 * const ruleSet = defineRuleSet({ id: 'demo', version: '1', legalBasis: 'illustrative', level: 'huyen', total: 100,
 *   children: [
 *     { id: '1', max: 90, assessor: 'self', rule: { kind: 'manual', step: 0.25 } },
 *     { id: '2', max: 10, assessor: 'superior', rule: { kind: 'manual', step: 0.25 } },
 *   ] });
 * const report = scoreUnit(ruleSet, { unit: { id: 'dak-song' }, period: '2023-H1', entries: { '1': { self: { value: 61 } } } });
 * report.total.points;
 * // => 61
 * report.byAssessor[0]?.roundedPercent;
 * // => 67.78
 * report.byAssessor[1]?.status;
 * // => 'pending'
 * ```
 * @category Scoring
 */
export function scoreUnit(
  ruleSet: RuleSet | RuleSetInput,
  assessment: AssessmentInput,
  options?: ScoreUnitOptions,
): ScoreReport {
  const plan = planOf(ruleSet);
  // The common options (none, or only `explanations`) without zod; anything else goes through it.
  let explanations: boolean | undefined;
  let best: Record<string, number | string | null> | undefined;
  const quick = quickOptions(options);
  if (quick !== null) explanations = quick.explanations;
  else {
    const opts = parseWith(ScoreUnitOptionsSchema, options, 'INVALID_OPTIONS');
    explanations = opts?.explanations;
    best = opts?.cohort?.best;
  }
  const { assessment: a, measures } = prepareAssessment(plan, assessment);
  // scoreWithPlan reads an absent and an undefined option alike.
  return scoreWithPlan(plan, a, measures, { best, explanations });
}
