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

/** A value met in the walk of {@link nonFinite}, linked to its parent so paths are built only once. */
interface Visit {
  readonly value: unknown;
  readonly key: string | number | null;
  readonly parent: Visit | null;
}

/**
 * The first NaN or ±Infinity (with its path) reachable from `value` through own enumerable keys,
 * or `null`. A walk with an explicit stack (results can be deep) that visits each object once
 * (cycles).
 */
function nonFinite(value: object): { path: (string | number)[]; value: number } | null {
  const seen = new WeakSet<object>();
  const stack: Visit[] = [{ value, key: null, parent: null }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const v = visit.value;
    if (typeof v === 'number') {
      if (Number.isFinite(v)) continue;
      const path: (string | number)[] = [];
      for (let at: Visit | null = visit; at?.key != null; at = at.parent) path.push(at.key);
      return { path: path.reverse(), value: v };
    }
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    // Object.keys, not a loop to `length`: a sparse array is walked by its items only.
    const isArray = Array.isArray(v);
    for (const key of Object.keys(v))
      stack.push({
        value: (v as Record<string, unknown>)[key],
        key: isArray && /^\d+$/.test(key) ? Number(key) : key,
        parent: visit,
      });
  }
  return null;
}

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
 * @throws {@link CchcError} `INVALID_INPUT` when `result` is not an object (path `['result']`) or
 *   holds NaN or ±Infinity, which no result of the library does (path `['result', …]` to the
 *   number); `INVALID_OPTIONS` for bad options (path `['options', …]`).
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
  const bad = nonFinite(result);
  if (bad !== null) {
    throw new CchcError('INVALID_INPUT', [
      {
        path: ['result', ...bad.path],
        message: `expected a result of the library, whose numbers are always finite, received ${describeValue(bad.value)}.`,
      },
    ]);
  }
  const lang = opts?.lang ?? 'vi';
  // Defined, not assigned (Object.assign): an own "__proto__" key (JSON.parse makes them) would
  // otherwise set the copy's prototype, and a frozen one could then refuse the other keys.
  const copy = Object.create(Object.getPrototypeOf(result) as object | null) as T;
  for (const key of Reflect.ownKeys(result)) {
    if (!Object.prototype.propertyIsEnumerable.call(result, key)) continue;
    Object.defineProperty(copy, key, {
      value: (result as Record<PropertyKey, unknown>)[key],
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
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
