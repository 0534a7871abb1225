/**
 * The checks of the node readers' arguments: the file (a path, or a stream where one is taken) and
 * the options, each refused with `INVALID_OPTIONS` (or `INVALID_INPUT` for the file) and a
 * sentence, before anything is read. Only the options the readers know are checked; others
 * (internal ones of the tests) pass. The caller's options object is used as given, never the
 * parsed copy (it holds functions and may be frozen).
 * @internal
 * @module
 */
import { z } from 'zod';
import { DossierChannelSchema, DossierStatusSchema } from '../dossiers/DossierRecord.js';
import { UtcOffsetMinutesSchema } from '../dossiers/summarize/options.js';
import { CchcError } from '../errors/CchcError.js';
import { choiceSchema as choice, describeValue, parseWith } from '../errors/fromZod.js';
import { DEFAULT_DOSSIER_COLUMNS, type DossierField } from './columns.js';

function text(what: string) {
  return z
    .string({ error: (iss) => `expected ${what} (text), received ${describeValue(iss.input)}.` })
    .min(1, { error: `expected ${what}, not an empty text.` });
}

/** Headers per field: a header or a list of headers. */
function columns(fields: readonly [string, ...string[]]) {
  const header = text('a column header');
  return z
    .partialRecord(
      choice(fields),
      z.union([header, z.array(header).min(1, { error: 'expected at least one header.' })], {
        error: (iss) => `expected a header or a list of headers, received ${describeValue(iss.input)}.`,
      }),
      {
        error: (iss) =>
          (iss.code as string) === 'unrecognized_keys'
            ? `expected headers for the fields ${fields.map((f) => `'${f}'`).join(', ')} only, received ${(iss as { keys?: string[] }).keys?.map((k) => JSON.stringify(k)).join(', ')}.`
            : `expected an object of headers per field, received ${describeValue(iss.input)}.`,
      },
    )
    .optional();
}

const FILE_READ = {
  format: choice(['csv', 'xlsx', 'json', 'ndjson']).optional(),
  delimiter: text('a delimiter such as "," ";" "\\t" or "auto"')
    .refine((d) => !/["\r\n]/.test(d), { error: 'expected a delimiter without quotes or line breaks.' })
    .optional(),
  encoding: text("an encoding such as 'utf8' or 'windows-1258'").optional(),
  parser: choice(['auto', 'fast', 'csv-parse']).optional(),
  sheet: z
    .union([text('a sheet name'), z.number().int().min(1)], {
      error: (iss) =>
        `expected a sheet name or its position (1, 2, …), received ${describeValue(iss.input)}.`,
    })
    .optional(),
  onProgress: z
    .custom<(bytes: number, total: number | null) => void>((v) => typeof v === 'function', {
      error: (iss) => `expected a function (bytes read, total), received ${describeValue(iss.input)}.`,
    })
    .optional(),
  onBadRow: choice(['throw', 'collect']).optional(),
  name: text('a name for messages').optional(),
};

/** The dossier fields, as the default column map names them. */
const DOSSIER_FIELDS = Object.keys(DEFAULT_DOSSIER_COLUMNS) as [DossierField, ...DossierField[]];

const OPTIONS_ERROR = (iss: { input?: unknown }) =>
  `expected an options object, received ${describeValue(iss.input)}.`;

/** The options of `readDossierFile`, `parseDossierCsv` and the reading part of `summarizeDossierFile`. */
const DossierReadOptionsSchema = z
  .looseObject(
    {
      ...FILE_READ,
      columns: columns(DOSSIER_FIELDS),
      channelValues: z.record(z.string(), DossierChannelSchema, { error: OPTIONS_ERROR }).optional(),
      statusValues: z.record(z.string(), DossierStatusSchema, { error: OPTIONS_ERROR }).optional(),
      utcOffsetMinutes: UtcOffsetMinutesSchema.optional(),
    },
    { error: OPTIONS_ERROR },
  )
  .optional();

const AssessmentReadOptionsSchema = z
  .looseObject(
    {
      ...FILE_READ,
      columns: columns([
        'unit',
        'unitName',
        'period',
        'criterion',
        'stage',
        'value',
        'notApplicable',
        'note',
      ]),
      period: text('a period such as "2024"').optional(),
    },
    { error: OPTIONS_ERROR },
  )
  .optional();

const ProcedureReadOptionsSchema = z
  .looseObject(
    { ...FILE_READ, columns: columns(['code', 'name', 'level', 'before', 'after', 'unit']) },
    { error: OPTIONS_ERROR },
  )
  .optional();

const SCHEMAS = {
  dossiers: DossierReadOptionsSchema,
  assessments: AssessmentReadOptionsSchema,
  procedures: ProcedureReadOptionsSchema,
};

/**
 * Checks a reader's options (paths start with `options`).
 * @throws {@link CchcError} `INVALID_OPTIONS`.
 * @internal
 */
export function checkReadOptions(kind: keyof typeof SCHEMAS, options: unknown): void {
  parseWith(z.object({ options: SCHEMAS[kind] }), { options }, 'INVALID_OPTIONS');
}

/** Whether a value is a byte stream the readers take (a Readable, any async iterable). */
function isStream(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function'
  );
}

/**
 * Checks the file argument: a path (non-empty text), or a stream where `streams` says one is taken.
 * @throws {@link CchcError} `INVALID_INPUT` at path `['file']` (or `['stream']`).
 * @internal
 */
export function checkFileArgument(file: unknown, accepts: 'path' | 'path or stream' | 'stream'): void {
  const ok =
    accepts === 'stream'
      ? isStream(file)
      : (typeof file === 'string' && file.length > 0) || (accepts === 'path or stream' && isStream(file));
  if (ok) return;
  const expected =
    accepts === 'path'
      ? 'a file path (text)'
      : accepts === 'stream'
        ? 'a stream of bytes or text (a Readable or an async iterable)'
        : 'a file path (text) or a stream of bytes (a Readable)';
  throw new CchcError('INVALID_INPUT', [
    {
      path: [accepts === 'stream' ? 'stream' : 'file'],
      message: `expected ${expected}, received ${describeValue(file)}.`,
    },
  ]);
}
