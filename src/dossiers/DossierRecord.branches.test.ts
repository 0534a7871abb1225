import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { summarizeDossiers } from './summarizeDossiers.js';

const period = { from: '2024-03-01', to: '2024-03-31' };
const good = {
  id: 'HS-1',
  channel: 'online',
  status: 'resolved',
  receivedAt: '2024-03-01',
  finishedAt: '2024-03-04',
} as const;

describe('DossierRecordSchema: free texts', () => {
  it.each([
    ['unit', 5, 'expected a text, received the number 5.'],
    ['procedureCode', 1.001234, 'expected a text, received the number 1.001234.'],
    ['level', null, 'expected a text, received null.'],
    ['unit', '', 'expected a non-empty text.'],
  ] as const)('%s = %j: INVALID_INPUT at the field', (field, value, message) => {
    const error = expectCchcError(
      () => summarizeDossiers([good, { ...good, [field]: value }] as never, { period }),
      'INVALID_INPUT',
      ['records', 1, field],
    );
    expect(error.issues[0]?.message).toBe(message);
  });
});
