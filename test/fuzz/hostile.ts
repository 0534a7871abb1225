/**
 * The hostile values of the fuzz suites (publicApi.test.ts, nodeApi.test.ts): numbers at and past
 * every edge, strings that look like numbers, dates or keys, very long strings, arrays and sparse
 * arrays, objects with `__proto__`/`constructor` as own keys (built by JSON.parse, as a parsed
 * file would hold them), optionally objects without a prototype, and values nested thousands of
 * levels deep.
 */
import fc from 'fast-check';

const NUMBERS = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  0,
  1,
  -1,
  0.5,
  2,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER,
  1e21,
  1e-7,
];

const STRINGS = [
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
];

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

/** Rebuilds an object through JSON.parse so that a `__proto__` key becomes an own property. */
function withOwnProto(object: Record<string, unknown>): Record<string, unknown> {
  if (!Object.hasOwn(object, '__proto__')) return object;
  const copy: Record<string, unknown> = JSON.parse('{"__proto__": null}');
  for (const key of Object.keys(object)) copy[key] = object[key];
  return copy;
}

/** The same entries in an object without a prototype. */
function nullPrototype(object: Record<string, unknown>): Record<string, unknown> {
  const copy = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(object)) copy[key] = object[key];
  return copy;
}

/**
 * The arbitraries: `extraStrings` join the strings (option-like texts for the readers), and
 * `nullPrototypes` makes half of the objects prototype-less.
 */
export function hostileArbitraries(
  options: { extraStrings?: readonly string[]; nullPrototypes?: boolean } = {},
) {
  const hostileNumber = fc.oneof(fc.constantFrom(...NUMBERS), fc.double(), fc.integer());
  const hostileString = fc.oneof(
    fc.constantFrom(...STRINGS, ...(options.extraStrings ?? [])),
    fc.string({ maxLength: 20 }),
    fc.string({ minLength: 10_000, maxLength: 20_000 }),
  );
  const { value: hostileValue } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      hostileNumber,
      hostileString,
      fc.constantFrom(null, undefined, true, false),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.sparseArray(tie('value'), { maxLength: 6 }),
      fc
        .tuple(
          fc.dictionary(
            fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 8 })),
            tie('value'),
            {
              maxKeys: 4,
            },
          ),
          options.nullPrototypes ? fc.boolean() : fc.constant(false),
        )
        .map(([object, bare]) => (bare ? nullPrototype(object) : withOwnProto(object))),
    ),
  }));
  /** A deeply nested value (thousands of levels), which must not overflow the stack unhandled. */
  const deepValue = fc.integer({ min: 1_000, max: 5_000 }).map((depth) => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? [value] : { a: value };
    return value;
  });
  return { hostileValue, deepValue };
}
