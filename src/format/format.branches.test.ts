import { describe, expect, it } from 'vitest';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { parseNumber } from './parseNumber.js';
import { parsePercent } from './parsePercent.js';

describe('parsePercent: messages quote long texts shortened', () => {
  it('shortens a long text without "%" to 40 characters and an ellipsis', () => {
    const text = '98,41 '.repeat(10); // 60 characters, no percent sign
    const error = expectCchcError(() => parsePercent(text), 'INVALID_NUMBER_TEXT', ['text']);
    expect(error.issues[0]?.message).toContain(`received ${JSON.stringify(`${text.slice(0, 40)}…`)};`);
    expect(error.issues[0]?.message).toContain('"31,1%"');
  });

  it('quotes a text of exactly 40 characters in full', () => {
    const text = '9'.repeat(40);
    const error = expectCchcError(() => parsePercent(text, { locale: 'en' }), 'INVALID_NUMBER_TEXT', [
      'text',
    ]);
    expect(error.issues[0]?.message).toContain(`received "${text}";`);
    expect(error.issues[0]?.message).toContain('"31.1%"');
  });

  it('refuses a percentage whose ratio underflows, quoting it shortened', () => {
    // 1e-322 % is a JS number, but 1e-324 (its ratio) is not.
    const text = `0,${'0'.repeat(321)}1%`;
    expect(parseNumber(text.slice(0, -1))).toBe(1e-322);
    const error = expectCchcError(() => parsePercent(text), 'INVALID_NUMBER_TEXT', ['text']);
    expect(error.issues[0]?.message).toBe(
      `expected a percentage whose ratio a JS number can hold, received ${JSON.stringify(`${text.slice(0, 40)}…`)}, which is too small (the smallest JS number is 5e-324).`,
    );
  });

  it('reads the text before "%" (an empty one is refused as empty)', () => {
    expect(parsePercent(' 31,1 % ')).toBe(0.311);
    expectCchcError(() => parsePercent('%'), 'INVALID_NUMBER_TEXT', ['text']);
  });
});

describe('parseNumber: dashes that are not a minus sign', () => {
  it.each([
    ['\u2212', 'U+2212'],
    ['\u2013', 'U+2013'],
    ['\uff0d', 'U+FF0D'],
  ])('names the dash %s by its code point %s', (dash, code) => {
    const error = expectCchcError(() => parseNumber(`${dash}5`), 'INVALID_NUMBER_TEXT', ['text']);
    expect(error.issues[0]?.message).toContain(`(${code})`);
  });
});
