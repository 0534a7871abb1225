/**
 * What a generated example module calls: `__example.check(actual, expected, index)` records the
 * outcome of each `// =>` line without throwing, so that an example's own `try { } catch` cannot
 * swallow a failed assertion, and so that an assertion that never ran can be reported.
 */
import { expect } from 'vitest';

export interface CheckOutcome {
  /** Times the check ran (a `// =>` inside a loop runs more than once). */
  runs: number;
  /** The first failure, as vitest words it (with its diff). */
  failure: string | null;
}

export interface ExampleContext {
  /** The value of the last asserted statement. */
  v: unknown;
  check(actual: unknown, expected: unknown, index: number): void;
  readonly outcomes: Map<number, CheckOutcome>;
}

const contexts = new Map<string, ExampleContext>();

/**
 * Deep equality used for `// =>`: vitest's `toStrictEqual`. Results are plain JSON-safe objects, so
 * the strict form is the right one: it fails when a result carries a key whose value is `undefined`
 * that the literal does not show, when a class instance stands where the literal shows a plain
 * object, and on sparse arrays; `-0` vs `0` and `NaN` compare with `Object.is` in both forms.
 */
export function compare(actual: unknown, expected: unknown): string | null {
  try {
    expect(actual).toStrictEqual(expected);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function exampleContext(id: string): ExampleContext {
  const outcomes = new Map<number, CheckOutcome>();
  const context: ExampleContext = {
    v: undefined,
    outcomes,
    check(actual, expected, index) {
      const outcome = outcomes.get(index) ?? { runs: 0, failure: null };
      outcome.runs += 1;
      if (outcome.failure === null) outcome.failure = compare(actual, expected);
      outcomes.set(index, outcome);
    },
  };
  contexts.set(id, context);
  return context;
}

/** The context an example module created when it ran, if it ran. */
export function contextOf(id: string): ExampleContext | undefined {
  return contexts.get(id);
}
