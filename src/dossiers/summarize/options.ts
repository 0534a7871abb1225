/**
 * Options of `summarizeDossiers` / `classifyDossier`: schema and their resolved, trusted form.
 * @internal
 * @module
 */
import { z } from 'zod';
import { CchcError } from '../../errors/CchcError.js';
import { choiceSchema as choice, describeValue, parseWith } from '../../errors/fromZod.js';
import { DossierTimestampSchema } from '../DossierRecord.js';
import {
  DAY_MS,
  formatMonth,
  isDateOnly,
  localDay,
  parseTimestamp,
  VIETNAM_OFFSET_MINUTES,
} from './timestamp.js';

/** A grouping dimension. @internal */
export type GroupDimension = 'unit' | 'procedure' | 'month';

const PeriodDateSchema = z
  .union([z.string(), z.date()], {
    error: (iss) => `expected a date 'YYYY-MM-DD' or a Date, received ${describeValue(iss.input)}.`,
  })
  .refine((v) => (typeof v === 'string' ? v.length === 10 : true) && !Number.isNaN(parseTimestamp(v, 0)), {
    error: (iss) =>
      `expected a date 'YYYY-MM-DD' or a Date, received ${iss.input instanceof Date ? 'an invalid Date' : describeValue(iss.input)}.`,
    abort: true,
  });

const GroupDimensionSchema = z.enum(['unit', 'procedure', 'month'], {
  error: (iss) => `expected "unit", "procedure" or "month", received ${describeValue(iss.input)}.`,
});

/** A UTC offset in whole minutes (-840 to 840), as the summary options and the CSV readers take it. @internal */
export const UtcOffsetMinutesSchema = z
  .number({ error: (iss) => `expected a whole number of minutes, received ${describeValue(iss.input)}.` })
  .int({ error: 'expected a whole number of minutes, such as 420 for UTC+7.' })
  .min(-840, { error: 'expected an offset of at least -840 minutes (UTC-14).' })
  .max(840, { error: 'expected an offset of at most 840 minutes (UTC+14).' });

/** Options shared by `summarizeDossiers` and `classifyDossier`, as validated. @internal */
export const ClassifyOptionsSchema = z.strictObject({
  period: z.strictObject(
    { from: PeriodDateSchema, to: PeriodDateSchema },
    {
      error: (iss) =>
        iss.input === undefined
          ? `is required: expected { from, to } with dates 'YYYY-MM-DD'.`
          : `expected { from, to } with dates 'YYYY-MM-DD', received ${describeValue(iss.input)}.`,
    },
  ),
  asOf: DossierTimestampSchema.optional(),
  granularity: choice(['date', 'exact'] as const).optional(),
  utcOffsetMinutes: UtcOffsetMinutesSchema.optional(),
  pauseForSupplements: z
    .boolean({ error: (iss) => `expected true or false, received ${describeValue(iss.input)}.` })
    .optional(),
  multipleSupplements: choice(['late', 'pause'] as const).optional(),
  withdrawnAndReturned: choice(['separate', 'onTime', 'byDueDate'] as const).optional(),
  missingDueAt: choice(['onTime', 'error'] as const).optional(),
});

/** Options of `summarizeDossiers`, as validated. @internal */
export const SummarizeOptionsSchema = ClassifyOptionsSchema.extend({
  groupBy: z
    .union([GroupDimensionSchema, z.array(GroupDimensionSchema)], {
      error: (iss) =>
        `expected "unit", "procedure", "month" or a list of them, received ${describeValue(iss.input)}.`,
    })
    .optional(),
  duplicateIds: choice(['error', 'first', 'unchecked'] as const).optional(),
});

const ClassifyArgsSchema = z.object({ options: ClassifyOptionsSchema });
const SummarizeArgsSchema = z.object({ options: SummarizeOptionsSchema });

/** The options after validation and defaults: instants as epoch ms, flags as booleans. @internal */
export interface ResolvedOptions {
  readonly offset: number;
  /** First instant of the period (local midnight of `from`). */
  readonly startMs: number;
  /** Last millisecond of the period (local 23:59:59.999 of `to`). */
  readonly endMs: number;
  readonly asOfMs: number;
  readonly asOfDay: number;
  readonly fromDay: number;
  readonly toDay: number;
  readonly exact: boolean;
  readonly pause: boolean;
  readonly multipleLate: boolean;
  /** 0 separate, 1 counted as resolved on time, 2 classified by the due date like resolved ones. */
  readonly closedOther: 0 | 1 | 2;
  readonly missingDueError: boolean;
  /** 0 error, 1 first occurrence counts, 2 unchecked. */
  readonly duplicates: 0 | 1 | 2;
  readonly groupBy: readonly GroupDimension[];
  /** Month key of the period's first day, where carried-over dossiers are attributed. */
  readonly firstMonth: string;
}

function dayOf(value: string | Date, offset: number): number {
  return typeof value === 'string'
    ? localDay(parseTimestamp(value, 0), 0)
    : localDay(value.getTime(), offset);
}

/**
 * Validates and resolves options. Paths start with `options`.
 * @throws {@link CchcError} `INVALID_OPTIONS`.
 * @internal
 */
export function resolveOptions(options: unknown, withGrouping: boolean): ResolvedOptions {
  const schema = withGrouping ? SummarizeArgsSchema : ClassifyArgsSchema;
  const opts = (
    parseWith(schema, { options }, 'INVALID_OPTIONS') as { options: z.output<typeof SummarizeOptionsSchema> }
  ).options;
  const offset = opts.utcOffsetMinutes ?? VIETNAM_OFFSET_MINUTES;
  const fromDay = dayOf(opts.period.from, offset);
  const toDay = dayOf(opts.period.to, offset);
  if (toDay < fromDay) {
    throw new CchcError('INVALID_OPTIONS', [
      { path: ['options', 'period', 'to'], message: 'expected the end of the period on or after its start.' },
    ]);
  }
  const startMs = fromDay * DAY_MS - offset * 60_000;
  const endMs = (toDay + 1) * DAY_MS - offset * 60_000 - 1;
  let asOfMs = endMs;
  if (opts.asOf !== undefined) {
    const ms = parseTimestamp(opts.asOf, offset);
    // A bare date means the end of that day: everything that happened on it is known.
    asOfMs = isDateOnly(opts.asOf) ? ms + DAY_MS - 1 : ms;
    if (asOfMs < startMs || asOfMs > endMs) {
      throw new CchcError('INVALID_OPTIONS', [
        {
          path: ['options', 'asOf'],
          message:
            'expected a moment within the period (asOf cuts the period short; it cannot lie outside it).',
        },
      ]);
    }
  }
  const groupBy =
    opts.groupBy === undefined
      ? []
      : typeof opts.groupBy === 'string'
        ? [opts.groupBy]
        : [...new Set(opts.groupBy)];
  return {
    offset,
    startMs,
    endMs,
    asOfMs,
    asOfDay: localDay(asOfMs, offset),
    fromDay,
    toDay,
    exact: opts.granularity === 'exact',
    pause: opts.pauseForSupplements ?? true,
    multipleLate: (opts.multipleSupplements ?? 'late') === 'late',
    closedOther:
      opts.withdrawnAndReturned === 'onTime' ? 1 : opts.withdrawnAndReturned === 'byDueDate' ? 2 : 0,
    missingDueError: opts.missingDueAt === 'error',
    duplicates: opts.duplicateIds === 'first' ? 1 : opts.duplicateIds === 'unchecked' ? 2 : 0,
    groupBy,
    firstMonth: formatMonth(fromDay),
  };
}
