/**
 * Freezes a value and everything reachable from it (own properties, array items, Map/Set entries
 * are left as they are: freeze does not reach inside them), so a test proves that a function does
 * not mutate its input: any write throws a TypeError in strict-mode code (all ES modules).
 *
 * Returns the same value, typed as given, so it can be passed where a mutable type is expected.
 *
 * @example
 * const stats = deepFreeze({ received: { online: 8535 } });
 * // stats.received.online = 1;  → TypeError: Cannot assign to read only property
 */
export function deepFreeze<T>(value: T, seen: WeakSet<object> = new WeakSet()): T {
  // An explicit stack, not recursion: the fuzz test freezes values thousands of levels deep, and a
  // recursive walk overflows the call stack there before the function under test is even called.
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if ((typeof item !== 'object' && typeof item !== 'function') || item === null) continue;
    const object = item as object;
    if (seen.has(object)) continue;
    seen.add(object);
    for (const key of Reflect.ownKeys(object)) {
      const descriptor = Object.getOwnPropertyDescriptor(object, key);
      if (descriptor && 'value' in descriptor) stack.push(descriptor.value);
    }
    Object.freeze(object);
  }
  return value;
}

/** Whether a value and everything reachable from it is frozen (used to test `deepFreeze` itself). */
export function isDeepFrozen(value: unknown, seen: WeakSet<object> = new WeakSet()): boolean {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return true;
  if (seen.has(value)) return true;
  seen.add(value);
  if (!Object.isFrozen(value)) return false;
  return Reflect.ownKeys(value).every((key) => {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    return !descriptor || !('value' in descriptor) || isDeepFrozen(descriptor.value, seen);
  });
}
