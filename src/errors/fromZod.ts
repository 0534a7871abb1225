import { z } from 'zod';
import { CchcError, type CchcIssue } from './CchcError.js';
import type { CchcErrorCode } from './codes.js';

/**
 * A zod enum of texts whose error lists the accepted values, each in double quotes as the other
 * messages quote text: `expected one of "csv", "xlsx", received the string "xls".`
 * @internal
 */
export function choiceSchema<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: (iss) => expectedOneOf(values, iss.input) });
}

/** "expected one of "a", "b", received …": the sentence of a value outside a list, here and in {@link issueFromZod}. */
function expectedOneOf(values: readonly unknown[], received: unknown): string {
  return `expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}, received ${describeValue(received)}.`;
}

/**
 * Describes a received value in a few words for an error sentence: `NaN`, `the string "abc"`, `null`.
 * @internal
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return String(value);
    return `the number ${value}`;
  }
  if (typeof value === 'string')
    return value.length > 40 ? 'a long string' : `the string ${JSON.stringify(value)}`;
  if (typeof value === 'undefined') return 'nothing';
  return `a value of type ${typeof value}`;
}

const ZOD_DEFAULT = /^(Invalid|Too (big|small)|Unrecognized|Expected)/;

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/**
 * Turns one zod issue into a sentence of ours. Custom messages set by our schemas pass through.
 * @internal
 */
export function issueFromZod(issue: z.core.$ZodIssue, input: unknown): CchcIssue {
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  let received: unknown = input;
  for (const key of path) {
    if (received === null || typeof received !== 'object') {
      received = undefined;
      break;
    }
    received = (received as Record<string | number, unknown>)[key];
  }
  let message = issue.message;
  // Our schemas write their own sentences; only zod's generic defaults are rewritten.
  if (!ZOD_DEFAULT.test(message)) return { path, message };
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') message = `expected a whole number, received ${describeValue(received)}.`;
      else if (received === undefined && path.length > 0)
        message = `is required: expected ${article(issue.expected)}.`;
      else message = `expected ${article(issue.expected)}, received ${describeValue(received)}.`;
      break;
    case 'unrecognized_keys':
      message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove ${issue.keys.length > 1 ? 'them' : 'it'} or check the spelling.`;
      break;
    case 'invalid_value':
      message = expectedOneOf(issue.values, received);
      break;
    case 'invalid_union':
      if (!issue.message || issue.message === 'Invalid input')
        message = `does not match any accepted form (received ${describeValue(received)}).`;
      break;
    case 'not_multiple_of':
      message = `expected a multiple of ${String(issue.divisor)}, received ${describeValue(received)}.`;
      break;
    case 'invalid_format':
      message = `expected text in the format ${issue.format}, received ${describeValue(received)}.`;
      break;
    case 'too_small':
      message = `expected ${issue.origin === 'array' ? 'at least' : issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)}${issue.origin === 'array' ? (Number(issue.minimum) === 1 ? ' item' : ' items') : issue.origin === 'string' ? ' characters' : ''}, received ${describeValue(received)}.`;
      break;
    case 'too_big':
      message = `expected ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}${issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : ''}, received ${describeValue(received)}.`;
      break;
    default:
      message = `${message.replace(/\.$/, '')} (received ${describeValue(received)}).`;
      break;
  }
  return { path, message };
}

/**
 * Validates `input` with `schema`; returns the parsed output or throws a {@link CchcError} with every
 * issue. All public functions validate through this, once, at the boundary.
 * @internal
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  code: CchcErrorCode = 'INVALID_INPUT',
  summary?: string,
): z.output<S> {
  const result = safeParse(schema, input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => issueFromZod(issue, input));
  throw new CchcError(code, issues, { cause: result.error, ...(summary ? { summary } : {}) });
}

/**
 * `schema.safeParse(input)` that never throws. zod 4.6.7 runs a string's or array's length check
 * on any value with a `length` property, even after the type check failed, and that check throws a
 * TypeError when `length` cannot be converted to a number (e.g. `{ length: Object.create(null) }`).
 * Such an input is not plain data; it gets one issue at the root instead of an exception.
 * Every `safeParse` of caller input in the library goes through this.
 * @internal
 */
export function safeParse<S extends z.ZodType>(schema: S, input: unknown): z.ZodSafeParseResult<z.output<S>> {
  try {
    return schema.safeParse(input) as z.ZodSafeParseResult<z.output<S>>;
  } catch {
    const issue = {
      code: 'custom' as const,
      path: [],
      input,
      message:
        'expected plain data (JSON values: numbers, strings, booleans, null, arrays and objects), received a value whose properties cannot be read as numbers or text.',
    };
    return { success: false, error: new z.ZodError([issue]) } as z.ZodSafeParseResult<z.output<S>>;
  }
}
