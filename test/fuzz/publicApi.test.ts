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
import { hostileArbitraries } from './hostile.js';
import { nonFinitePath, pathsOf, replaceAt, snapshot } from './laws.js';
import { SEEDS } from './seeds.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
/** Generous: a run is a few hundred calls on a loaded 2-core machine; a real hang still fails. */
const TIMEOUT = 120_000;

/** The exported functions: everything callable but the error class and the zod schemas. */
const FUNCTIONS = Object.entries(api)
  .filter(([name, value]) => typeof value === 'function' && name !== 'CchcError' && !('safeParse' in value))
  .map(([name, value]) => [name, value as (...args: unknown[]) => unknown] as const)
  .sort(([a], [b]) => a.localeCompare(b));

const { hostileValue, deepValue } = hostileArbitraries();

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
