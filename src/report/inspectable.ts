import { z } from 'zod';
import { CchcError } from '../errors/CchcError.js';
import { describeValue, parseWith } from '../errors/fromZod.js';
import { describeResult } from './describeResult.js';
import { LangSchema } from './internal.js';
import type { ReportOptions } from './ReportLanguage.js';

/** The well-known symbol `node:util` looks up for a custom inspection (no `node:` import needed). */
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

const OptionsSchema = z.strictObject({ lang: LangSchema.optional() }).optional();

type Inspect = (value: unknown, options?: unknown) => string;

/**
 * Returns a copy of a result that prints readably in the Node REPL and in `console.log`: the key
 * figures in one line ({@link describeResult}), then the object as usual.
 *
 * @remarks
 * The copy has the same own enumerable properties as the result (a shallow copy, frozen when the
 * result is) and, in addition, a **non-enumerable** method under the well-known symbol
 * `Symbol.for('nodejs.util.inspect.custom')`, which `node:util` calls; no `node:` module is
 * imported, so this stays usable in browsers, where the symbol is simply never looked up. Being
 * non-enumerable, it is invisible to `JSON.stringify`, `Object.keys`, spreading and deep equality
 * (`toStrictEqual` still holds between the copy and the result). The calculators do not attach it
 * themselves, so that their results stay plain data; wrap what you want to look at, or use
 * `npm run repl`, which prints every result this way. A value that is not a known result still
 * prints, without the summary line.
 *
 * @param result - a result object (not an array).
 * @param options - `lang` of the summary line (default `'vi'`).
 * @returns the copy, typed as the result.
 * @throws {@link CchcError} `INVALID_INPUT` when `result` is not an object (path `['result']`);
 *   `INVALID_OPTIONS` for bad options (path `['options', …]`).
 * @example
 * ```ts
 * import { inspectable, timeReduction } from 'cchc-index';
 * const result = timeReduction({ before: 91.5, after: 63 });
 * const shown = inspectable(result); // console.log(shown) starts with 'Cắt giảm thời gian: …'
 * shown.rate;
 * // => 0.3114754098360656
 * JSON.stringify(shown) === JSON.stringify(result);
 * // => true
 * Object.keys(shown).length === Object.keys(result).length;
 * // => true
 * ```
 * @category Reports
 */
export function inspectable<T extends object>(result: T, options?: ReportOptions): T {
  const opts = parseWith(z.object({ options: OptionsSchema }), { options }, 'INVALID_OPTIONS').options;
  if (result === null || typeof result !== 'object' || Array.isArray(result)) {
    throw new CchcError('INVALID_INPUT', [
      {
        path: ['result'],
        message: `expected a result object, received ${describeValue(result)}.`,
      },
    ]);
  }
  const lang = opts?.lang ?? 'vi';
  const copy = Object.assign(
    Object.create(Object.getPrototypeOf(result) as object | null) as object,
    result,
  ) as T;
  Object.defineProperty(copy, INSPECT, {
    enumerable: false,
    writable: false,
    configurable: false,
    value(this: object, _depth: number, inspectOptions: unknown, inspect?: Inspect): string {
      const plain = { ...this };
      const body = inspect === undefined ? JSON.stringify(plain, null, 2) : inspect(plain, inspectOptions);
      const summary = describeResult(plain, { lang });
      return summary === null ? body : `${summary}\n${body}`;
    },
  });
  return Object.isFrozen(result) ? Object.freeze(copy) : copy;
}
