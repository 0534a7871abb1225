/**
 * Fuzzing of every public entry point (issue 7): random and hostile JSON must give either a valid
 * result or a `CchcError`, never another exception, NaN or Infinity in a result, a mutated input or
 * a polluted prototype. Hangs are caught by the test timeout.
 *
 * Two strategies per function, `FUZZ_RUNS` runs each (default 200; `FUZZ_RUNS=2000 npx vitest run
 * test/fuzz` for a longer session):
 * - hostile arguments: 0–3 arguments drawn from hostile JSON (wrong types, huge and tiny numbers,
 *   NaN, ±Infinity, -0, `__proto__`/`constructor`/`prototype` keys, deep nesting, long strings,
 *   sparse arrays);
 * - mutated seeds: a valid call from `seeds.ts` with one value somewhere inside it replaced by a
 *   hostile one, so the fuzzing reaches past the first check into the models.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { SEEDS } from './seeds.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
/** Generous: a run is a few hundred calls on a loaded 2-core machine; a real hang still fails. */
const TIMEOUT = 120_000;

/** The exported functions: everything callable but the error class and the zod schemas. */
const FUNCTIONS = Object.entries(api)
  .filter(([name, value]) => typeof value === 'function' && name !== 'CchcError' && !('safeParse' in value))
  .map(([name, value]) => [name, value as (...args: unknown[]) => unknown] as const)
  .sort(([a], [b]) => a.localeCompare(b));

const hostileNumber = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0,
    1,
    -1,
    0.5,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    -Number.MAX_SAFE_INTEGER,
    1e21,
    1e-7,
  ),
  fc.double(),
  fc.integer(),
);

const hostileString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'NaN',
    'Infinity',
    '-0',
    '1e309',
    '1e-400',
    '0x10',
    '91,5',
    '8.673',
    '2024-02-30',
    '2024-13-01',
    '9999-12-31',
    '__proto__',
    'constructor',
    '\u0000',
    '\ud800',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ minLength: 10_000, maxLength: 20_000 }),
);

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

/** Hostile JSON-like values, with objects built by JSON.parse so that `__proto__` is an own key. */
const { value: hostileValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileNumber,
    hostileString,
    fc.constantFrom(null, undefined, true, false),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.sparseArray(tie('value'), { maxLength: 6 }),
    fc
      .dictionary(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 8 })), tie('value'), {
        maxKeys: 4,
      })
      .map((object) => withOwnProto(object)),
  ),
}));

/** A deeply nested value (thousands of levels), which must not overflow the stack unhandled. */
const deepValue = fc.integer({ min: 1_000, max: 5_000 }).map((depth) => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? [value] : { a: value };
  return value;
});

/** Rebuilds an object through JSON.parse so that a `__proto__` key becomes an own property. */
function withOwnProto(object: Record<string, unknown>): Record<string, unknown> {
  if (!Object.hasOwn(object, '__proto__')) return object;
  const copy: Record<string, unknown> = JSON.parse('{"__proto__": null}');
  for (const key of Object.keys(object)) copy[key] = object[key];
  return copy;
}

/** Paths to every value inside `value` (the root is the empty path). */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      pathsOf(item, [...prefix, i], out);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out);
  }
  return out;
}

/** A structural copy of `value` with the value at `path` replaced. */
function replaceAt(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = replaceAt(value[head as number], rest, replacement);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  copy[head] = replaceAt((value as Record<string, unknown>)[head], rest, replacement);
  return copy;
}

/**
 * The first NaN or ±Infinity inside a result, as a path, or null. A walk with an explicit stack:
 * a result may hold a value of the hostile input thousands of levels deep (inspectable's copy),
 * which a recursive walk could not check without overflowing the call stack.
 */
function nonFinitePath(value: unknown): string | null {
  const seen = new WeakSet<object>();
  const stack: { value: unknown; path: string }[] = [{ value, path: '$' }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === 'number') {
      if (!Number.isFinite(item.value)) return item.path;
      continue;
    }
    if (item.value === null || typeof item.value !== 'object' || seen.has(item.value)) continue;
    seen.add(item.value);
    const entries = Object.entries(item.value);
    // Pushed in reverse so that the first entry is checked first, as a recursive walk would.
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [key, child] = entries[i]!;
      stack.push({ value: child, path: `${item.path}.${key}` });
    }
  }
  return null;
}

const PROTOTYPES = [
  Object.prototype,
  Array.prototype,
  Function.prototype,
  String.prototype,
  Number.prototype,
];
const snapshot = () => PROTOTYPES.map((proto) => Reflect.ownKeys(proto).map(String).sort().join(','));
const BEFORE = snapshot();

/** Calls `fn` and checks the law: a valid result or a CchcError, nothing else. */
async function check(name: string, fn: (...args: unknown[]) => unknown, args: unknown[]): Promise<void> {
  const frozen = args.map((arg) => deepFreeze(arg));
  let result: unknown;
  try {
    result = fn(...frozen);
    if (result instanceof Promise) result = await result;
    if (result !== null && typeof result === 'object' && Symbol.asyncIterator in result) {
      for await (const _ of result as AsyncIterable<unknown>);
    }
  } catch (error) {
    if (!api.isCchcError(error)) {
      throw new Error(`${name} threw ${String(error)} instead of a CchcError`, { cause: error });
    }
    for (const issue of error.issues) {
      expect(Array.isArray(issue.path)).toBe(true);
      expect(typeof issue.message).toBe('string');
    }
    return;
  } finally {
    expect(snapshot(), `${name} polluted a prototype`).toEqual(BEFORE);
  }
  const bad = nonFinitePath(result);
  expect(bad, `${name} returned a non-finite number at ${bad}`).toBeNull();
}

describe('fuzzing of the public API', () => {
  it('has a seed for every exported function', () => {
    const missing = FUNCTIONS.map(([name]) => name).filter((name) => !(name in SEEDS));
    expect(missing).toEqual([]);
    expect(FUNCTIONS.length).toBeGreaterThan(30);
  });

  it.each(FUNCTIONS)('seeds of %s are valid calls', async (name, fn) => {
    for (const args of SEEDS[name] ?? []) {
      let result = fn(...args.map((arg) => structuredClone(arg)));
      if (result instanceof Promise) result = await result;
      expect(nonFinitePath(result)).toBeNull();
    }
  });

  it.each(FUNCTIONS)(
    '%s: hostile arguments give a result or a CchcError',
    async (name, fn) => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.oneof(hostileValue, deepValue), { maxLength: 3 }), (args) =>
          check(name, fn, args),
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it.each(FUNCTIONS)(
    '%s: mutated valid calls give a result or a CchcError',
    async (name, fn) => {
      const seeds = SEEDS[name] ?? [];
      if (seeds.length === 0) throw new Error(`no seed for ${name}`);
      const call = fc
        .constantFrom(...seeds)
        .chain((args) => {
          // A call without arguments gets one extra, hostile argument instead.
          const paths = args.length === 0 ? [[0]] : pathsOf([...args]).filter((p) => p.length > 0);
          return fc.tuple(fc.constant(args), fc.constantFrom(...paths));
        })
        .chain(([args, path]) =>
          hostileValue.map((replacement) => replaceAt([...args], path, replacement) as unknown[]),
        );
      await fc.assert(
        fc.asyncProperty(call, (args) => check(name, fn, args)),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
