import { describe, expect, it } from 'vitest';
import { ruleProblems } from '../../../test/fixtures/rules/oneLeaf.js';

// Cases for mutants of src/rules/kinds/common.ts that survived the mutation run (docs/mutation.md):
// the message of an empty id in every rule kind that lists ids, and the timeliness bases a
// dossiers measure accepts.

describe('an empty id is "expected a non-empty id." in every rule kind that lists ids', () => {
  it.each([
    ['options', { kind: 'options', options: [{ id: '', points: 1 }] }, 'options.0.id'],
    ['survey', { kind: 'survey', options: [{ id: '', weight: 100 }] }, 'options.0.id'],
    ['per-item', { kind: 'per-item', items: [{ id: '', points: 0.5 }] }, 'items.0.id'],
    ['deduction', { kind: 'deduction', grades: [{ id: '', deduct: 0.5 }] }, 'grades.0.id'],
  ])('%s', (_, rule, path) => {
    expect(ruleProblems(rule, 1)).toStrictEqual([`children.0.rule.${path}: expected a non-empty id.`]);
  });
});

describe('the timeliness bases of a dossiers measure', () => {
  it.each([['resolved'], ['due'], ['toProcess'], ['portal766']])('"%s" is accepted', (basis) => {
    expect(ruleProblems({ kind: 'proportional', measure: 'dossiers.onTimeRate', basis }, 1)).toStrictEqual(
      [],
    );
  });

  it('an unknown basis lists the four', () => {
    expect(
      ruleProblems({ kind: 'proportional', measure: 'dossiers.onTimeRate', basis: 'onTime' }, 1),
    ).toStrictEqual([
      'children.0.rule.basis: expected one of "resolved", "due", "toProcess", "portal766", received the string "onTime".',
    ]);
  });
});
