import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { timeReduction } from './timeReduction.js';

describe('timeReduction: optional texts', () => {
  it.each<[string, unknown, (string | number)[], string]>([
    [
      'a code given as a number',
      { before: 20, after: 5, code: 1001234 },
      ['input', 'code'],
      'expected a procedure code (mã TTHC) as text, received the number 1001234.',
    ],
    [
      'a name given as a list',
      [{ before: 3, after: 2, name: ['x'] }],
      ['input', 0, 'name'],
      'expected a procedure name as text, received an array.',
    ],
    [
      'an empty name',
      { before: 3, after: 2, name: '' },
      ['input', 'name'],
      'expected a procedure name as non-empty text; leave the key out when there is none.',
    ],
  ])('%s', (_what, input, path, message) => {
    const error = expectCchcError(() => timeReduction(input as never), 'INVALID_INPUT', path);
    expect(error.issues[0]?.message).toBe(message);
  });

  it('accepts the Bắc Ninh procedures with their codes and names (20 → 5 and 3 → 2 days)', () => {
    const r = timeReduction([
      { before: 20, after: 5, code: '1.001234', name: 'Cấp giấy phép' },
      { before: 3, after: 2 },
    ]);
    expect(r).toMatchObject({ before: 23, after: 7, reduced: 16 });
  });
});
