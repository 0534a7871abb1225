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
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return value;
  const object = value as object;
  if (seen.has(object)) return value;
  seen.add(object);
  for (const key of Reflect.ownKeys(object)) {
    const descriptor = Object.getOwnPropertyDescriptor(object, key);
    if (descriptor && 'value' in descriptor) deepFreeze(descriptor.value as unknown, seen);
  }
  return Object.freeze(value);
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
