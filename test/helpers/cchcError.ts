import { expect } from 'vitest';
import { type CchcError, type CchcErrorCode, type IssuePath, isCchcError } from '../../src/index.js';

/**
 * Runs `fn`, asserts that it throws a {@link CchcError} with `code` and an issue at `path`, and
 * returns the error for further checks. Fails (never passes silently) when nothing is thrown or
 * something else is.
 *
 * @example
 * const error = expectCchcError(() => ratio(Number.NaN, 1), 'INVALID_INPUT', ['part']);
 * expect(error.issues[0]?.message).toMatch(/finite number/);
 */
export function expectCchcError(fn: () => unknown, code: CchcErrorCode, path: IssuePath): CchcError {
  let thrown: unknown;
  let threw = false;
  try {
    fn();
  } catch (error) {
    threw = true;
    thrown = error;
  }
  expect(threw, 'expected a CchcError to be thrown, but nothing was').toBe(true);
  expect(isCchcError(thrown), `expected a CchcError, got ${String(thrown)}`).toBe(true);
  const error = thrown as CchcError;
  expect(error.code).toBe(code);
  expect(error.issues.length).toBeGreaterThan(0);
  expect(
    error.issues.map((issue) => issue.path),
    `issue paths of: ${error.message}`,
  ).toContainEqual(path);
  return error;
}

/** What {@link issuesOf} returns: the code, and each issue's path (joined with `.`) and message. */
export interface IssueSummary {
  readonly code: string;
  readonly paths: string[];
  readonly messages: string[];
}

/**
 * Runs `run`, which must throw a {@link CchcError}, and returns its code with the issues' paths
 * (joined with `.`, e.g. `'definition.fields.3'`) and messages, for comparing whole lists at once.
 * Rethrows anything else that is thrown, and fails when nothing is.
 *
 * @example
 * const r = issuesOf(() => buildPar876ProvincialRuleSet({ fields: {} } as never));
 * expect(r.paths).toContain('definition.fields.1');
 */
export function issuesOf(run: () => unknown): IssueSummary {
  try {
    run();
  } catch (error) {
    if (!isCchcError(error)) throw error;
    return {
      code: error.code,
      paths: error.issues.map((i) => i.path.join('.')),
      messages: error.issues.map((i) => i.message),
    };
  }
  throw new Error('expected a CchcError');
}
