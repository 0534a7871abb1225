/**
 * Fuzzing of every function exported from `cchc-index/testing` (src/testing/index.ts), after
 * test/fuzz/publicApi.test.ts and test/fuzz/nodeApi.test.ts: hostile input must give either a
 * result without NaN or ±Infinity anywhere, or a `CchcError` (each issue with a path array and a
 * non-empty message), or, from the assertion helpers only (`assertValidRuleSet`, `assertScores`,
 * `scoreCases` and the `assert()` of the cases it returns), a `CchcAssertionError` when the input
 * is valid but the expectation fails; never another exception, a hang (a call slower than
 * CALL_LIMIT fails), a mutated input (every input is deep-frozen and fingerprinted before and after
 * the call) or a polluted prototype.
 *
 * A `CchcAssertionError` is accepted only when it is exactly that class (not a CchcError), with
 * `name`, a non-empty `message`, the `operator` its helper may use, frozen `issues` with paths and
 * messages, `actual`/`expected` shaped as its operator builds them, and only when an independent
 * check agrees that it is a failed expectation and not bad input: `validateRuleSet` finds problems
 * (or warnings, with `failOnWarnings`) for operator `assertValidRuleSet`; `scoreUnit` then
 * `compareScores` on the same inputs succeed with as many mismatches as issues for `assertScores`.
 *
 * The cases returned by `scoreCases` are run (`assert()` on each) and held to the same law.
 *
 * Runs: `FUZZ_RUNS` (default 100) runs per property. Each strategy has one property per argument
 * of each function (12 arguments in all), and strategy 1 one more per function with every argument
 * hostile, so each strategy makes at least FUZZ_RUNS runs per function: 28 properties, 2 800 calls
 * by default, about 5 s (`FUZZ_RUNS=500 npx vitest run test/fuzz/testingApi.test.ts`: 14 000
 * calls, about 20 s):
 * - hostile arguments: one argument of a valid call replaced by hostile JSON (wrong types, NaN,
 *   ±Infinity, -0, huge numbers, numeric-looking strings, `__proto__`/`constructor` own keys,
 *   null-prototype objects, sparse arrays, long strings, deep nesting), plus one property per
 *   function whose 0–4 arguments are all hostile;
 * - mutated valid calls: one value somewhere inside one argument of a valid call (or one of the
 *   known keys of the expectation, the options or a case, added when missing) replaced by a
 *   hostile one (replaceAt over a walk of the argument's paths).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AssessmentInput,
  defineRuleSet,
  isCchcError,
  scoreUnit,
  validateRuleSet,
} from '../../src/index.js';
import * as testing from '../../src/testing/index.js';
import { CchcAssertionError } from '../../src/testing/index.js';
import example from '../fixtures/rules/example-district.json' with { type: 'json' };
import { deepFreeze } from '../helpers/deepFreeze.js';
import { hostileArbitraries } from './hostile.js';
import { nonFinitePath, pathsOf, replaceAt, snapshot } from './laws.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
/** Generous: a property is a few hundred scorings on a loaded 2-core machine; a real hang still fails. */
const TIMEOUT = 120_000;
/** One synchronous call slower than this is taken for a hang. */
const CALL_LIMIT = 5_000;

type Fn = (...args: unknown[]) => unknown;
type Path = (string | number)[];

// ---------------------------------------------------------------------------------------------
// Valid inputs (after src/testing/*.test.ts and docs/testing.md)

/** A small rule set as JSON: a yes-no leaf and a manual leaf. */
const smallJson = {
  id: 'xa-2025',
  version: '1',
  legalBasis: 'illustrative',
  level: 'xa',
  total: 3,
  bands: [
    { label: 'Tốt', minPercent: 80 },
    { label: 'Khá', minPercent: 0 },
  ],
  children: [
    { id: '1', name: 'Báo cáo', max: 1, assessor: 'self', rule: { kind: 'yes-no' } },
    { id: '2', name: 'Kiểm tra', max: 2, assessor: 'self', rule: { kind: 'manual', step: 0.25 } },
  ],
};
/** The same, made with the core's defineRuleSet. */
const smallDefined = defineRuleSet(smallJson);
/** Valid, with a warning (no band starts at 0 %). */
const warnedJson = { ...smallJson, bands: [{ label: 'Đạt', minPercent: 50 }] };
/** Not valid: the maxima add up to 3, not 4. */
const badTotalJson = { ...smallJson, total: 4 };
/** Two manual leaves of 0.1 and 0.2 points (0.30000000000000004 in floats). */
const tenthsJson = {
  id: 'tenths',
  version: '1',
  legalBasis: 'illustrative',
  level: 'xa',
  total: 1,
  children: [
    { id: 'a', name: 'Phần a', max: 0.5, assessor: 'self', rule: { kind: 'manual' } },
    { id: 'b', name: 'Phần b', max: 0.5, assessor: 'self', rule: { kind: 'manual' } },
  ],
};
/** A normalized-to-best leaf, which needs the cohort's best value. */
const cohortJson = {
  id: 'cohort',
  version: '1',
  legalBasis: 'illustrative',
  level: 'xa',
  total: 2,
  children: [{ id: 'n', name: 'Tỷ lệ', max: 2, assessor: 'self', rule: { kind: 'normalized-to-best' } }],
};

const smallAssessment = (id: string, report: boolean, checks: number) => ({
  unit: { id },
  period: '2025',
  entries: { '1': { self: { value: report } }, '2': { self: { value: checks } } },
});
const tenthsAssessment = {
  unit: { id: 'x' },
  period: '2025',
  entries: { a: { self: { value: 0.1 } }, b: { self: { value: 0.2 } } },
};
const cohortAssessment = { unit: { id: 'c' }, period: '2025', entries: { n: { self: { value: 0.49 } } } };
const cohort = { best: { n: 0.98 } };
/** The golden case of assertScores.test.ts: 84.5 points, Tốt. */
const goldenAssessment: AssessmentInput = {
  unit: { id: 'u1', name: 'Huyện A', level: 'huyen' },
  period: '2025',
  ruleSet: { id: 'example-district-2025', version: '1' },
  data: {
    plan: { done: 41, total: 57 },
    dossiers: { received: { online: 8535, inPerson: 138 }, resolved: { early: 8000, onTime: 600, late: 73 } },
    procedures: [{ before: 91.5, after: 63 }],
  },
  entries: {
    '1.1': { self: { value: 'kip-thoi' }, 'appraisal-1': { value: 'khong-kip-thoi', note: 'ban hành chậm' } },
    '1.3': { self: { value: true } },
    '1.4': { self: { value: 5.5 }, 'appraisal-1': { value: 5 }, 'appraisal-2': { value: 5.25 } },
    '2.4': { self: { value: 60 } },
    '9': { superior: { value: 8.5 } },
    B1: { superior: { value: 3 } },
    T1: { superior: { value: 2 } },
  },
};
const smallReport = scoreUnit(smallDefined, smallAssessment('xa-a', true, 1.25));
const goldenReport = scoreUnit(defineRuleSet(example), goldenAssessment);

// ---------------------------------------------------------------------------------------------
// Targets: every function of src/testing/index.ts, with valid calls

interface Seed {
  readonly args: readonly unknown[];
  /** Whether the call is valid but its expectation fails (a CchcAssertionError, or a failing case). */
  readonly fails?: true;
}

interface Target {
  readonly fn: Fn;
  /** The number of parameters (options included), for the per-argument strategies. */
  readonly arity: number;
  readonly seeds: readonly Seed[];
  /** The operators of the CchcAssertionError this function may throw (none: it must not throw one). */
  readonly operators: readonly string[];
  /** Known keys, as paths into the argument list, added to a seed when it lacks them (strategy 2). */
  readonly keys: readonly Path[];
}

const EXPECTED_KEYS = ['total', 'percent', 'band', 'points'];

const TARGETS: Record<string, Target> = {
  assertValidRuleSet: {
    fn: testing.assertValidRuleSet as Fn,
    arity: 2,
    operators: ['assertValidRuleSet'],
    keys: [[1, 'failOnWarnings']],
    seeds: [
      { args: [smallJson] },
      { args: [smallDefined] },
      { args: [example, { failOnWarnings: true }] },
      { args: [warnedJson, { failOnWarnings: false }] },
      { args: [tenthsJson, {}] },
      { args: [cohortJson] },
      { args: [warnedJson, { failOnWarnings: true }], fails: true },
      { args: [badTotalJson], fails: true },
    ],
  },
  assertScores: {
    fn: testing.assertScores as Fn,
    arity: 4,
    operators: ['assertScores', 'assertValidRuleSet'],
    keys: [...EXPECTED_KEYS.map((key) => [2, key]), [3, 'tolerance'], [3, 'cohort']],
    seeds: [
      { args: [tenthsJson, tenthsAssessment, { total: 0.3, points: { a: '0.1', b: 0.2 } }] },
      {
        args: [
          example,
          goldenAssessment,
          {
            total: 84.5,
            percent: '84.5',
            band: 'Tốt',
            points: { '1.1': 0.5, '1.4': '5.25', '9': 8.5, B1: 3 },
          },
        ],
      },
      {
        args: [smallDefined, smallAssessment('a', true, 2), { total: 2.9, percent: 100 }, { tolerance: 0.1 }],
      },
      { args: [smallJson, smallAssessment('b', false, 0), { percent: 0, band: 'Khá', total: '0' }, {}] },
      { args: [cohortJson, cohortAssessment, { total: 1, points: { n: '1' } }, { cohort, tolerance: '0' }] },
      { args: [tenthsJson, tenthsAssessment, { total: 0.1 + 0.2 }], fails: true },
      {
        args: [smallJson, smallAssessment('c', true, 0.5), { total: 3, band: 'Tốt', points: { '2': 2 } }],
        fails: true,
      },
      { args: [badTotalJson, smallAssessment('d', true, 1), { total: 2 }], fails: true },
    ],
  },
  compareScores: {
    fn: testing.compareScores as Fn,
    arity: 3,
    operators: [],
    keys: [...EXPECTED_KEYS.map((key) => [1, key]), [2, 'tolerance']],
    seeds: [
      { args: [smallReport, { points: { '2': 1.5, '1': 1 }, band: 'Tốt', percent: 75, total: '2.25' }] },
      { args: [smallReport, { total: 2.25, points: { '2': 1.25 } }] },
      { args: [smallReport, { percent: 75.5, points: { '2': 1 }, band: 'Tốt' }, { tolerance: 0.5 }] },
      { args: [goldenReport, { total: 84.5, band: 'Tốt', points: { '1.1': 0.5, '9': 8.5 } }, {}] },
      { args: [goldenReport, { percent: null, band: null }, { tolerance: '0.25' }] },
    ],
  },
  scoreCases: {
    fn: testing.scoreCases as Fn,
    arity: 3,
    operators: ['assertValidRuleSet'],
    keys: [
      [2, 'tolerance'],
      [1, 0, 'name'],
      [1, 0, 'tolerance'],
      [1, 0, 'cohort'],
    ],
    seeds: [
      {
        args: [
          smallJson,
          [
            {
              name: 'xã A: đủ báo cáo',
              assessment: smallAssessment('a', true, 2),
              expected: { total: 3, percent: 100 },
            },
            {
              assessment: smallAssessment('b', false, 1.25),
              expected: { total: 1.25, points: { '1': 0, '2': 1.25 } },
            },
            { assessment: smallAssessment('c', true, 0.5), expected: { total: '1.5' } },
          ],
        ],
      },
      {
        args: [
          example,
          {
            'huyện trống': {
              assessment: { unit: { id: 'h' }, period: '2025' },
              expected: { total: 0, band: 'Yếu' },
            },
            'huyện A': { assessment: goldenAssessment, expected: { total: 84.5, band: 'Tốt' } },
          },
        ],
      },
      {
        args: [
          smallDefined,
          [
            { name: 'table', assessment: smallAssessment('a', true, 2), expected: { total: 2.9 } },
            {
              name: 'own',
              assessment: smallAssessment('a', true, 2),
              expected: { total: 2.9 },
              tolerance: 0,
            },
          ],
          { tolerance: 0.1 },
        ],
        fails: true,
      },
      {
        args: [
          cohortJson,
          [{ name: 'cohort', assessment: cohortAssessment, expected: { points: { n: 1 } }, cohort }],
          {},
        ],
      },
      {
        args: [badTotalJson, [{ assessment: smallAssessment('d', true, 1), expected: { total: 2 } }]],
        fails: true,
      },
    ],
  },
};

/** Every function exported from src/testing/index.ts (the error class is checked, not called). */
const EXPORTED = Object.entries(testing)
  .filter(([name, value]) => typeof value === 'function' && name !== 'CchcAssertionError')
  .map(([name]) => name)
  .sort();
const NAMES = Object.keys(TARGETS).sort();

// ---------------------------------------------------------------------------------------------
// Hostile values

const { hostileValue, deepValue } = hostileArbitraries({
  extraStrings: [
    ...EXPECTED_KEYS,
    'tolerance',
    'cohort',
    'failOnWarnings',
    'best',
    'self',
    'superior',
    '1',
    '1.1',
    'n',
    'kip-thoi',
    'Tốt',
    '84.5',
    '-0.1',
  ],
  nullPrototypes: true,
});
const hostile = fc.oneof({ weight: 9, arbitrary: hostileValue }, { weight: 1, arbitrary: deepValue });

// ---------------------------------------------------------------------------------------------
// The law

/**
 * Every own property of a value and what is reachable from it, with its prototype, as text: two
 * equal fingerprints mean an unchanged input. An explicit stack (inputs are thousands of levels
 * deep), and each entry names its parent object by number, so that the text grows with the size of
 * the value, not with its depth.
 */
function fingerprint(value: unknown): string {
  const seen = new Map<object, number>();
  const out: string[] = [];
  const stack: { value: unknown; at: string }[] = [{ value, at: '$' }];
  while (stack.length > 0) {
    const { value: v, at } = stack.pop()!;
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) {
      out.push(`${at}=${typeof v}:${Object.is(v, -0) ? '-0' : String(v)}`);
      continue;
    }
    const known = seen.get(v);
    if (known !== undefined) {
      out.push(`${at}=#${known}`);
      continue;
    }
    const id = seen.size;
    seen.set(v, id);
    const proto: unknown = Object.getPrototypeOf(v);
    const protoName =
      proto === null ? 'null' : String((proto as { constructor?: { name?: unknown } }).constructor?.name);
    out.push(`${at}=${typeof v}#${id}<${protoName}>${Object.isFrozen(v) ? 'frozen' : ''}`);
    for (const key of Reflect.ownKeys(v).reverse()) {
      const descriptor = Object.getOwnPropertyDescriptor(v, key)!;
      const child = `#${id}.${String(key)}${descriptor.enumerable ? '' : '(hidden)'}`;
      if ('value' in descriptor) stack.push({ value: descriptor.value, at: child });
      else out.push(`${child}=accessor`);
    }
  }
  return out.join('\n');
}

const BEFORE = snapshot();

/** Calls slower than CALL_LIMIT, collected by timed() and reported (as a failure) by check(). */
const slowCalls: string[] = [];

/** Runs `work`, noting it in slowCalls when it took longer than CALL_LIMIT (a synchronous call cannot be cut short). */
function timed<T>(what: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    const elapsed = performance.now() - start;
    if (elapsed > CALL_LIMIT) slowCalls.push(`${what}: ${Math.round(elapsed)} ms`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Checks a thrown CchcError: issues with a path array and a non-empty message. */
function checkCchcError(what: string, error: unknown): void {
  if (!isCchcError(error)) return;
  expect(error.issues.length, `${what}: a CchcError without issues`).toBeGreaterThan(0);
  for (const issue of error.issues) {
    expect(Array.isArray(issue.path), `${what}: an issue path that is not an array`).toBe(true);
    expect(typeof issue.message === 'string' && issue.message.length > 0, `${what}: an empty message`).toBe(
      true,
    );
  }
}

/** What a CchcAssertionError must be justified by: the inputs of its comparison, or its rule set. */
interface Justification {
  readonly ruleSet: unknown;
  readonly failOnWarnings?: boolean;
  /** For operator `assertScores`: the defined rule set's scoring inputs. */
  readonly assessment?: unknown;
  readonly expected?: unknown;
  readonly tolerance?: unknown;
  readonly cohort?: unknown;
}

/** Checks a thrown CchcAssertionError: exactly that class and shape, and a real failed expectation. */
function checkAssertionError(
  what: string,
  error: CchcAssertionError,
  operators: readonly string[],
  why: Justification,
): void {
  expect(Object.getPrototypeOf(error), `${what}: a subclass of CchcAssertionError`).toBe(
    CchcAssertionError.prototype,
  );
  expect(isCchcError(error), `${what}: a CchcAssertionError that is also a CchcError`).toBe(false);
  expect(error.name).toBe('CchcAssertionError');
  expect(typeof error.message === 'string' && error.message.length > 0, `${what}: an empty message`).toBe(
    true,
  );
  expect(operators, `${what}: operator ${error.operator} not expected`).toContain(error.operator);
  expect(Object.isFrozen(error.issues) && error.issues.length > 0, `${what}: issues`).toBe(true);
  for (const issue of error.issues) {
    expect(Array.isArray(issue.path), `${what}: an issue path that is not an array`).toBe(true);
    expect(
      typeof issue.message === 'string' && issue.message.length > 0,
      `${what}: an empty issue message`,
    ).toBe(true);
  }
  const bad = nonFinitePath({ actual: error.actual, expected: error.expected });
  expect(bad, `${what}: a CchcAssertionError with a non-finite number at ${bad}`).toBeNull();
  if (error.operator === 'assertValidRuleSet') {
    expect(error.expected).toEqual([]);
    expect(error.actual).toEqual(error.issues.map(() => expect.any(String)));
    const result = validateRuleSet(why.ruleSet);
    const failing = result.ok ? (why.failOnWarnings === true ? result.warnings : []) : result.issues;
    expect(failing.length, `${what}: failed assertValidRuleSet on a rule set without problems`).toBe(
      error.issues.length,
    );
    return;
  }
  // assertScores: the differing checks only, shaped like the expectation.
  for (const side of [error.actual, error.expected]) {
    expect(isRecord(side), `${what}: actual/expected not an object`).toBe(true);
    for (const key of Object.keys(side as object)) expect(EXPECTED_KEYS).toContain(key);
  }
  for (const issue of error.issues) expect(EXPECTED_KEYS).toContain(issue.path[0]);
  // The same inputs must score and compare (they were valid), with as many mismatches as issues.
  const report = scoreUnit(
    defineRuleSet(why.ruleSet),
    why.assessment as never,
    why.cohort === undefined ? undefined : { cohort: why.cohort as never },
  );
  const comparison = testing.compareScores(
    report,
    why.expected as never,
    why.tolerance === undefined ? undefined : { tolerance: why.tolerance as never },
  );
  expect(comparison.ok, `${what}: failed assertScores on scores that match`).toBe(false);
  expect(comparison.mismatches.length).toBe(error.issues.length);
}

/** What justifies an assertion error of each function, from its (frozen) arguments. */
function justification(name: string, args: readonly unknown[]): Justification {
  if (name === 'assertValidRuleSet') {
    const o = isRecord(args[1]) ? args[1] : {};
    return { ruleSet: args[0], failOnWarnings: o.failOnWarnings === true };
  }
  if (name === 'assertScores') {
    const o = isRecord(args[3]) ? args[3] : {};
    return {
      ruleSet: args[0],
      assessment: args[1],
      expected: args[2],
      tolerance: o.tolerance,
      cohort: o.cohort,
    };
  }
  return { ruleSet: args[0] };
}

/**
 * One call under the law: a result without NaN or ±Infinity, a CchcError, or an accepted
 * CchcAssertionError. Returns whether the call or one of its cases failed as an assertion.
 */
function check(name: string, args: readonly unknown[]): boolean {
  const { fn, operators } = TARGETS[name]!;
  const frozen = args.map((arg) => deepFreeze(arg));
  const before = fingerprint(frozen);
  let result: unknown;
  let failed = false;
  try {
    try {
      result = timed(name, () => fn(...frozen));
    } catch (error) {
      if (error instanceof CchcAssertionError) {
        checkAssertionError(name, error, operators, justification(name, frozen));
        return true;
      }
      if (!isCchcError(error)) {
        throw new Error(`${name} threw ${String(error)} instead of a CchcError`, { cause: error });
      }
      checkCchcError(name, error);
      return false;
    }
    // scoreCases' cases carry the caller's assessment and expectation as given (checked in runCases).
    const own =
      name === 'scoreCases' && Array.isArray(result)
        ? result.map((c: testing.ScoreCase) => ({ ...c, assessment: null, expected: null }))
        : result;
    const bad = nonFinitePath(own);
    expect(bad, `${name} returned a non-finite number at ${bad}`).toBeNull();
    if (name === 'scoreCases') failed = runCases(result, frozen);
    if (name === 'compareScores') {
      const comparison = result as testing.ScoreComparison;
      expect(typeof comparison.message === 'string' && comparison.message.length > 0).toBe(true);
      expect(comparison.ok).toBe(comparison.mismatches.length === 0);
    }
    return failed;
  } finally {
    expect(snapshot(), `${name} polluted a prototype`).toEqual(BEFORE);
    expect(fingerprint(frozen) === before, `${name} changed its input`).toBe(true);
    expect(slowCalls.splice(0), `${name}: calls slower than ${CALL_LIMIT} ms (a hang?)`).toEqual([]);
  }
}

/** Runs every case returned by scoreCases under the law; returns whether one failed as an assertion. */
function runCases(result: unknown, args: readonly unknown[]): boolean {
  expect(Array.isArray(result), 'scoreCases returned no array').toBe(true);
  const cases = result as readonly testing.ScoreCase[];
  // The cases in table order (as scoreCases walks them: an array's holes are not cases).
  const entries = Object.values(args[1] as object) as Record<string, unknown>[];
  expect(cases.length, 'scoreCases returned a case per table entry').toBe(entries.length);
  const tableTolerance = isRecord(args[2]) ? args[2].tolerance : undefined;
  let failed = false;
  cases.forEach((c, index) => {
    const what = `scoreCases → case ${index} assert()`;
    expect(typeof c.name === 'string' && c.name.length > 0, 'a case without a name').toBe(true);
    const raw = entries[index]!;
    // A case passes its assessment and expectation through as given (hostile numbers included).
    expect(
      Object.is(c.assessment, raw.assessment) && Object.is(c.expected, raw.expected),
      'a case not passed through',
    ).toBe(true);
    try {
      const report = timed(what, () => c.assert());
      const bad = nonFinitePath(report);
      expect(bad, `${what} returned a non-finite number at ${bad}`).toBeNull();
    } catch (error) {
      if (error instanceof CchcAssertionError) {
        checkAssertionError(what, error, ['assertScores'], {
          ruleSet: args[0],
          assessment: raw.assessment,
          expected: raw.expected,
          tolerance: raw.tolerance ?? tableTolerance,
          cohort: raw.cohort,
        });
        failed = true;
        return;
      }
      if (!isCchcError(error)) {
        throw new Error(`${what} threw ${String(error)} instead of a CchcError`, { cause: error });
      }
      checkCchcError(what, error);
    }
  });
  return failed;
}

// ---------------------------------------------------------------------------------------------

/** [name, argument index] for every parameter of every target. */
const ARGUMENTS = NAMES.flatMap((name) =>
  Array.from({ length: TARGETS[name]!.arity }, (_, index) => [name, index] as const),
);

describe('fuzzing of cchc-index/testing', () => {
  it('has a target for every exported function', () => {
    expect(NAMES).toEqual(EXPORTED);
    expect(NAMES.length).toBeGreaterThanOrEqual(4);
    expect(typeof testing.CchcAssertionError).toBe('function');
  });

  it.each(NAMES)('valid calls of %s pass the law, and fail as an assertion exactly when expected', (name) => {
    for (const seed of TARGETS[name]!.seeds) {
      expect(check(name, seed.args), `${name} seed ${JSON.stringify(seed.args).slice(0, 120)}`).toBe(
        seed.fails === true,
      );
    }
  });

  it.each(ARGUMENTS)(
    '%s: hostile argument %i gives a result, a CchcError or a justified CchcAssertionError',
    (name, index) => {
      const call = fc
        .tuple(fc.constantFrom(...TARGETS[name]!.seeds), hostile)
        .map(([seed, value]) => replaceAt([...seed.args], [index], value) as unknown[]);
      fc.assert(
        fc.property(call, (args) => {
          check(name, args);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it.each(NAMES)(
    '%s: all-hostile arguments give a result, a CchcError or a justified CchcAssertionError',
    (name) => {
      fc.assert(
        fc.property(fc.array(hostile, { maxLength: TARGETS[name]!.arity }), (args) => {
          check(name, args);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it.each(ARGUMENTS)(
    '%s: mutated valid calls (inside argument %i) give a result, a CchcError or a justified CchcAssertionError',
    (name, index) => {
      const { seeds, keys } = TARGETS[name]!;
      const call = fc
        .constantFrom(...seeds)
        .chain((seed) => {
          const args = [...seed.args];
          // A value inside the argument, or a known key of it added when missing.
          const inside = pathsOf(args[index])
            .filter((p) => p.length > 0)
            .map((p) => [index, ...p]);
          const added = keys.filter(
            (p) => p[0] === index && !pathsOf(args).some((q) => q.join('\u0000') === p.join('\u0000')),
          );
          const paths = [...inside, ...added];
          // An argument without any value inside (absent options) is replaced whole.
          return fc.tuple(
            fc.constant(args),
            fc.constantFrom(...(paths.length > 0 ? paths : [[index]])),
            hostile,
          );
        })
        .map(([args, path, value]) => replaceAt(args, path, value) as unknown[]);
      fc.assert(
        fc.property(call, (args) => {
          check(name, args);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
