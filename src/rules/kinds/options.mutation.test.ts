import { describe, expect, it } from 'vitest';
import { ruleProblems } from '../../../test/fixtures/rules/oneLeaf.js';

// Cases for mutants of src/rules/kinds/options.ts that survived the mutation run
// (docs/mutation.md): option ids that are not strings are reported by the schema only, never
// also as duplicates of each other.

describe('options: ids that are not strings are not compared for duplicates', () => {
  it('two options with the number 7 as id: one schema issue each, no "duplicate option id"', () => {
    const options = [
      { id: 7, points: 1 },
      { id: 7, points: 0 },
    ];
    expect(ruleProblems({ kind: 'options', options })).toStrictEqual([
      'children.0.rule.options.0.id: expected a string, received the number 7.',
      'children.0.rule.options.1.id: expected a string, received the number 7.',
    ]);
  });

  it('two options without an id: "is required" for each, no duplicate of "undefined"', () => {
    expect(ruleProblems({ kind: 'options', options: [{ points: 1 }, { points: 0 }] })).toStrictEqual([
      'children.0.rule.options.0.id: is required: expected a string.',
      'children.0.rule.options.1.id: is required: expected a string.',
    ]);
  });
});
