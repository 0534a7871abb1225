import {
  CchcError,
  type CchcIssue,
  type DecimalInput,
  DecimalInputSchema,
  type IssuePath,
} from '../index.js';
import { type Exact, exact } from './internal/exact.js';

/**
 * The scores a test expects of one unit: any of the total, the index percentage, the band and the
 * points of given nodes. Only what is given is checked, and at least one check is required (a test
 * that cannot fail is a defect).
 *
 * @remarks
 * Numbers are finite JS numbers or numeric strings in JS notation (`"0.75"`); they are compared
 * exactly, as decimals, unless a tolerance is given. Points are unrounded, as in the report, so an
 * exact third is written `0.3333333333333333` (the nearest double) or checked with a tolerance.
 * @category Testing
 */
export interface ExpectedScores {
  /** Total points of the unit: `report.total.points` (criteria + bonus − deductions). */
  readonly total?: DecimalInput;
  /**
   * The index percentage as the rule set rounds it: `report.total.roundedPercent` (e.g. `84.5`), or
   * `null` when nothing applicable was scored.
   */
  readonly percent?: DecimalInput | null;
  /** The label of the band reached (`'Tốt'`), or `null` for none: `report.band?.label`. */
  readonly band?: string | null;
  /** Points by node id (groups, leaves, bonus and deduction items): `node.points`. */
  readonly points?: Readonly<Record<string, DecimalInput>>;
}

/** Expected scores as validated: numbers as exact decimals. @internal */
export interface CheckedExpectation {
  readonly total?: Exact;
  readonly percent?: Exact | null;
  readonly band?: string | null;
  readonly points: ReadonlyArray<readonly [string, Exact]>;
}

const KEYS = new Set(['total', 'percent', 'band', 'points']);

function decimal(value: unknown, path: IssuePath, issues: CchcIssue[]): Exact | undefined {
  const parsed = DecimalInputSchema.safeParse(value);
  if (parsed.success) return exact(parsed.data);
  issues.push({ path, message: parsed.error.issues[0]?.message ?? 'expected a number.' });
  return undefined;
}

/** An object that is not an array. @internal */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Validates expected scores and a tolerance, collecting every problem; throws `INVALID_INPUT`.
 * `root` is the path of `expected` in the caller's arguments (e.g. `['cases', 2, 'expected']`).
 * @internal
 */
export function checkExpectation(
  expected: unknown,
  tolerance: unknown,
  root: IssuePath = ['expected'],
  toleranceRoot: IssuePath = ['options', 'tolerance'],
): { expectation: CheckedExpectation; tolerance: Exact } {
  const issues: CchcIssue[] = [];
  let tol = exact(0);
  if (tolerance !== undefined) {
    const t = decimal(tolerance, toleranceRoot, issues);
    if (t?.isNegative())
      issues.push({ path: toleranceRoot, message: `expected a tolerance ≥ 0, received ${t.toString()}.` });
    else if (t !== undefined) tol = t;
  }
  if (!isRecord(expected)) {
    issues.push({
      path: root,
      message: 'expected an object with "total", "percent", "band" and/or "points".',
    });
    throw new CchcError('INVALID_INPUT', issues, { summary: 'the expected scores are not valid.' });
  }
  const unknown = Object.keys(expected).filter((key) => !KEYS.has(key));
  for (const key of unknown)
    issues.push({
      path: [...root, key],
      message: `unknown key "${key}": expected "total", "percent", "band" or "points".`,
    });
  const out: { total?: Exact; percent?: Exact | null; band?: string | null; points: [string, Exact][] } = {
    points: [],
  };
  if (expected.total !== undefined) {
    const total = decimal(expected.total, [...root, 'total'], issues);
    if (total !== undefined) out.total = total;
  }
  if (expected.percent === null) out.percent = null;
  else if (expected.percent !== undefined) {
    const percent = decimal(expected.percent, [...root, 'percent'], issues);
    if (percent !== undefined) out.percent = percent;
  }
  if (expected.band === null || typeof expected.band === 'string') out.band = expected.band;
  else if (expected.band !== undefined)
    issues.push({ path: [...root, 'band'], message: 'expected a band label (a string) or null.' });
  if (isRecord(expected.points)) {
    for (const [id, value] of Object.entries(expected.points)) {
      const points = decimal(value, [...root, 'points', id], issues);
      if (points !== undefined) out.points.push([id, points]);
    }
  } else if (expected.points !== undefined)
    issues.push({
      path: [...root, 'points'],
      message: 'expected an object of points by node id, e.g. { "1.1": 0.5 }.',
    });
  const checks =
    (expected.total !== undefined ? 1 : 0) +
    (expected.percent !== undefined ? 1 : 0) +
    (expected.band !== undefined ? 1 : 0) +
    (isRecord(expected.points) ? Object.keys(expected.points).length : 0);
  if (checks === 0 && unknown.length === 0)
    issues.push({
      path: root,
      message:
        'nothing to check: give at least one of "total", "percent", "band" or "points" (a test that cannot fail is a defect).',
    });
  if (issues.length > 0)
    throw new CchcError('INVALID_INPUT', issues, { summary: 'the expected scores are not valid.' });
  return { expectation: out, tolerance: tol };
}

/**
 * Checks that an options argument is an object (or absent) with only the given keys, so that a
 * misspelt option (`tolerence`) is an error rather than a check silently skipped.
 * @internal
 */
export function checkOptions(
  options: unknown,
  allowed: readonly string[],
  root: IssuePath = ['options'],
): void {
  if (options === undefined) return;
  if (!isRecord(options))
    throw new CchcError('INVALID_OPTIONS', [{ path: root, message: 'expected an options object.' }]);
  const unknown = Object.keys(options).filter((key) => !allowed.includes(key));
  if (unknown.length > 0)
    throw new CchcError(
      'INVALID_OPTIONS',
      unknown.map((key) => ({
        path: [...root, key],
        message: `unknown option "${key}": expected ${allowed.map((k) => `"${k}"`).join(' or ')}.`,
      })),
    );
}
