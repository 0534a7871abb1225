/**
 * What the fuzz suites (publicApi.test.ts, nodeApi.test.ts) check after every call, and how they
 * build mutated calls: a structural replacement inside an input, the first NaN or ±Infinity of a
 * result, and a snapshot of the built-in prototypes (compared before and after each call).
 */

/** A structural copy of `value` with the value at `path` replaced. */
export function replaceAt(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = replaceAt(value[head as number], rest, replacement);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  copy[head] = replaceAt((value as Record<string, unknown> | undefined)?.[head], rest, replacement);
  return copy;
}

/**
 * The first NaN or ±Infinity inside a result, as a path, or null. A walk with an explicit stack:
 * a result may hold a value of the hostile input thousands of levels deep (inspectable's copy),
 * which a recursive walk could not check without overflowing the call stack.
 */
export function nonFinitePath(value: unknown): string | null {
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
export const snapshot = () => PROTOTYPES.map((proto) => Reflect.ownKeys(proto).map(String).sort().join(','));

/**
 * Paths to every value inside `value` (the root is the empty path); values `leaf` accepts are not
 * entered (a stream given as an argument).
 */
export function pathsOf(
  value: unknown,
  leaf: (value: unknown) => boolean = () => false,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(prefix);
  if (leaf(value)) return out;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      pathsOf(item, leaf, [...prefix, i], out);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) pathsOf(item, leaf, [...prefix, key], out);
  }
  return out;
}
