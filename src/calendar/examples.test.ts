// Runs the @example blocks of src/calendar/*.ts: a statement followed by `// => <literal>` is
// asserted deep-equal. Imports from 'cchc-index' are bound to the source modules.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import * as errors from '../errors/CchcError.js';
import * as arrangementSchema from './ArrangementSchema.js';
import * as addWorkingDays from './addWorkingDays.js';
import * as createCalendar from './createCalendar.js';
import * as dates from './dates.js';
import * as dueDate from './dueDate.js';
import * as isHoliday from './isHoliday.js';
import * as isWorkingDay from './isWorkingDay.js';
import * as lunar from './lunar.js';
import * as official from './officialArrangements.js';
import * as vietnamHolidays from './vietnamHolidays.js';
import * as workingDaysBetween from './workingDaysBetween.js';

const lib: Record<string, unknown> = {
  ...errors,
  ...addWorkingDays,
  ...arrangementSchema,
  ...createCalendar,
  ...dates,
  ...dueDate,
  ...isHoliday,
  ...isWorkingDay,
  ...lunar,
  ...official,
  ...vietnamHolidays,
  ...workingDaysBetween,
};

const dir = import.meta.dirname;
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

interface Example {
  file: string;
  code: string;
  checks: number;
}

function extract(file: string): Example[] {
  const text = readFileSync(join(dir, file), 'utf8');
  const out: Example[] = [];
  for (const m of text.matchAll(/@example\s*\n\s*\* ```ts\n([\s\S]*?)\n\s*\* ```/g)) {
    const lines = m[1]!.split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
    const body: string[] = [];
    let checks = 0;
    for (const line of lines) {
      const expected = /^\s*\/\/ => (.*)$/.exec(line);
      if (expected) {
        const stmt = body.pop()!;
        const expr = stmt.replace(/\s*\/\/.*$/, '').replace(/;\s*$/, '');
        body.push(`__check((${expr}), (${expected[1]}), ${JSON.stringify(expr)});`);
        checks += 1;
        continue;
      }
      const imp = /^import \{([^}]*)\} from 'cchc-index';$/.exec(line.trim());
      if (imp) body.push(`const {${imp[1]}} = __lib;`);
      else body.push(line);
    }
    out.push({ file, code: body.join('\n'), checks });
  }
  return out;
}

const examples = files.flatMap(extract);

describe('TSDoc examples of src/calendar', () => {
  it('every exported function file has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(11);
  });
  for (const [n, ex] of examples.entries()) {
    it(`${ex.file} example ${n} (${ex.checks} checks)`, () => {
      expect(ex.checks).toBeGreaterThan(0);
      let ran = 0;
      const check = (actual: unknown, expected: unknown, label: string) => {
        ran += 1;
        expect(actual, label).toEqual(expected);
      };
      const fn = runInThisContext(`(function (__lib, __check) {\n${ex.code}\n})`) as (
        l: unknown,
        c: unknown,
      ) => void;
      fn(lib, check);
      expect(ran).toBe(ex.checks);
    });
  }
});
