import { describe, expect, it } from 'vitest';
import { deepFreeze, isDeepFrozen } from './deepFreeze.js';

describe('deepFreeze', () => {
  it('freezes nested objects and arrays and returns the same value', () => {
    const value = { received: { online: 8535, list: [1, { x: 2 }] } };
    const frozen = deepFreeze(value);
    expect(frozen).toBe(value);
    expect(isDeepFrozen(frozen)).toBe(true);
    expect(() => {
      (frozen.received.list[1] as { x: number }).x = 3;
    }).toThrow(TypeError);
    expect(() => {
      frozen.received.list.push(3);
    }).toThrow(TypeError);
  });

  it('handles cycles and primitives', () => {
    const a: { self?: unknown } = {};
    a.self = a;
    expect(isDeepFrozen(deepFreeze(a))).toBe(true);
    expect(deepFreeze(5)).toBe(5);
    expect(deepFreeze(null)).toBeNull();
  });

  it('freezes values far deeper than the call stack allows a recursive walk (the fuzz test)', () => {
    let value: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) value = i % 2 === 0 ? [value] : { a: value };
    const frozen = deepFreeze(value);
    expect(frozen).toBe(value);
    let inner = frozen;
    for (let i = 0; i < 100_000; i += 1) {
      expect(Object.isFrozen(inner)).toBe(true);
      inner = Array.isArray(inner) ? inner[0] : (inner as { a: unknown }).a;
    }
    expect(inner).toBe(1);
  });

  it('isDeepFrozen sees an unfrozen part', () => {
    expect(isDeepFrozen(Object.freeze({ inner: {} }))).toBe(false);
  });
});
