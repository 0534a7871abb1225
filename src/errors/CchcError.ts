import type { CchcErrorCode } from './codes.js';

/**
 * Where in the input a problem was found: object keys and array indexes from the root of the
 * argument, e.g. `['received', 'online']` or `['tasks', 3, 'status']`.
 *
 * @category Errors
 */
export type IssuePath = readonly (string | number)[];

/**
 * One problem found in an input: where it is and what was expected there.
 *
 * @category Errors
 */
export interface CchcIssue {
  /** Keys and indexes from the root of the argument to the offending value. */
  readonly path: IssuePath;
  /** One sentence saying what was wrong and what was expected. */
  readonly message: string;
}

/**
 * Writes an issue path the way a reader looks for it: `received.online`, `tasks[3].status`, or
 * `(root)` for the argument itself.
 *
 * @param path - keys and indexes from the root of the argument.
 * @returns the dotted path.
 * @example
 * ```ts
 * import { formatIssuePath } from 'cchc-index';
 * formatIssuePath(['tasks', 3, 'status']);
 * // => 'tasks[3].status'
 * formatIssuePath([]);
 * // => '(root)'
 * ```
 * @category Errors
 */
export function formatIssuePath(path: IssuePath): string {
  if (!Array.isArray(path)) {
    throw new CchcError('INVALID_INPUT', [
      { path: ['path'], message: 'expected an array of keys (strings) and indexes (numbers).' },
    ]);
  }
  const bad = path.findIndex((key) => typeof key !== 'string' && !Number.isSafeInteger(key));
  if (bad !== -1) {
    throw new CchcError('INVALID_INPUT', [
      { path: ['path', bad], message: 'expected a key (a string) or an index (a whole number).' },
    ]);
  }
  if (path.length === 0) return '(root)';
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * One issue as a line: its path, then its sentence ("tasks[3].status: expected …"). A sentence
 * that already starts by naming the first key of its path, as the file readers' do ("export.csv,
 * row 3: …", "export.csv: cannot read it …"), is shown alone, so the file is not named twice.
 * Internal: used by `CchcError`'s message and the `cchc` command.
 */
export function issueLine(issue: CchcIssue): string {
  const first = issue.path[0];
  const own =
    typeof first === 'string' &&
    first !== '' &&
    (issue.message.startsWith(`${first}: `) || issue.message.startsWith(`${first}, `));
  return own ? issue.message : `${formatIssuePath(issue.path)}: ${issue.message}`;
}

/**
 * The one error class of the library: bad input, malformed rule sets and impossible requests.
 * Domain outcomes (not applicable, pending, capped, a zero denominator) are never errors: they
 * are reason codes or `null` inside results.
 *
 * @remarks
 * `code` is stable and meant for programs; `issues` lists every problem found (path + sentence);
 * `cause` holds the underlying error (usually zod's) when there is one. The `message` joins the
 * first issues into one readable paragraph.
 *
 * @example
 * ```ts
 * import { CchcError, timeReduction } from 'cchc-index';
 * try {
 *   timeReduction({ before: -1, after: 2 });
 * } catch (error) {
 *   error instanceof CchcError;
 *   // => true
 *   (error as CchcError).code;
 *   // => 'INVALID_INPUT'
 *   (error as CchcError).issues[0]?.path;
 *   // => ['input', 'before']
 * }
 * ```
 * @category Errors
 */
export class CchcError extends Error {
  /** Stable, machine-readable code: one of {@link ERROR_CODES}. */
  readonly code: CchcErrorCode;
  /** Every problem found, each with its path and a sentence. Never empty. */
  readonly issues: readonly CchcIssue[];

  /**
   * @param code - the stable error code.
   * @param issues - the problems found (at least one).
   * @param options - `cause`: the underlying error, if any; `summary`: a sentence put before the
   *   issues in the message.
   */
  constructor(
    code: CchcErrorCode,
    issues: readonly CchcIssue[],
    options: { cause?: unknown; summary?: string } = {},
  ) {
    const list = issues.length > 0 ? issues : [{ path: [], message: options.summary ?? code }];
    const shown = list.slice(0, 5).map((issue) => issueLine(issue).replace(/\.$/, ''));
    if (list.length > 5) shown.push(`… and ${list.length - 5} more`);
    const head = options.summary ? `${options.summary} ` : '';
    super(`${head}${shown.join('; ')}.`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CchcError';
    this.code = code;
    this.issues = Object.freeze(
      list.map((issue) => Object.freeze({ path: Object.freeze([...issue.path]), message: issue.message })),
    );
  }
}

/**
 * Tells whether a value is a {@link CchcError}, also across realms and duplicate package copies
 * (it checks the name and shape, not only `instanceof`).
 *
 * @param value - anything caught.
 * @returns `true` for a `CchcError`.
 * @example
 * ```ts
 * import { isCchcError, ratio } from 'cchc-index';
 * let caught: unknown;
 * try { ratio('abc', 2); } catch (error) { caught = error; }
 * isCchcError(caught);
 * // => true
 * ```
 * @category Errors
 */
export function isCchcError(value: unknown): value is CchcError {
  if (value instanceof CchcError) return true;
  return (
    Object.prototype.toString.call(value) === '[object Error]' &&
    (value as Error).name === 'CchcError' &&
    typeof (value as { code?: unknown }).code === 'string' &&
    Array.isArray((value as { issues?: unknown }).issues)
  );
}
