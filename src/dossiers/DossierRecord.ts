import { z } from 'zod';
import { choiceSchema, describeValue } from '../errors/fromZod.js';
import { parseTimestamp } from './summarize/timestamp.js';

const TIMESTAMP_FORMS = `a date 'YYYY-MM-DD', an ISO 8601 date-time such as '2024-03-05T14:30:00+07:00', or a Date`;

function describeTimestamp(value: unknown): string {
  if (value instanceof Date) return 'an invalid Date';
  return describeValue(value);
}

/**
 * A moment in a dossier's life, as exported by a one-stop system: a calendar date `'YYYY-MM-DD'`,
 * an ISO 8601 date-time (`'2024-03-05T14:30'`, `'2024-03-05 14:30:00'`, `'2024-03-05T07:30:00Z'`,
 * `'2024-03-05T14:30:00.123+07:00'`), or a `Date`. The output keeps the value as given.
 *
 * @remarks
 * Text without an offset is a local time of the one-stop system, read in Asia/Ho_Chi_Minh (UTC+7)
 * or the offset the caller passes to {@link summarizeDossiers}, never in the machine's time zone.
 * A bare date is the start of that day, except a due date (`dueAt`), which is the whole day: a
 * dossier finished at any time on its due date is on time. Impossible dates (`'2023-02-29'`),
 * times (`'24:00'`), other separators and other text (`'05/03/2024'`) are rejected.
 *
 * @example
 * ```ts
 * import { DossierTimestampSchema } from 'cchc-index';
 * DossierTimestampSchema.safeParse('2024-03-05 14:30').success;
 * // => true
 * DossierTimestampSchema.safeParse('05/03/2024').success;
 * // => false
 * ```
 * @category Dossiers
 */
export const DossierTimestampSchema = z
  .union([z.string(), z.date()], {
    error: (iss) => `expected ${TIMESTAMP_FORMS}, received ${describeTimestamp(iss.input)}.`,
  })
  .refine((value) => !Number.isNaN(parseTimestamp(value, 0)), {
    error: (iss) => `expected ${TIMESTAMP_FORMS}, received ${describeTimestamp(iss.input)}.`,
    abort: true,
  });

/**
 * A timestamp as accepted on input: `string | Date` (see {@link DossierTimestampSchema}).
 * @category Dossiers
 */
export type DossierTimestamp = z.output<typeof DossierTimestampSchema>;

/**
 * How a dossier was received (hình thức tiếp nhận): `'online'` (trực tuyến, DVCQG channel 2),
 * `'inPerson'` (trực tiếp tại Bộ phận Một cửa, channel 1) or `'postal'` (qua dịch vụ bưu chính công
 * ích, BCCI, channel 3).
 *
 * @remarks
 * Channel codes from the DVCQG technical description, dossier-index.md §1.2 row 3.3 (confidence M).
 *
 * @example
 * ```ts
 * import { DossierChannelSchema } from 'cchc-index';
 * DossierChannelSchema.options;
 * // => ['online', 'inPerson', 'postal']
 * ```
 * @category Dossiers
 */
export const DossierChannelSchema = choiceSchema(['online', 'inPerson', 'postal']);

/**
 * A reception channel: `'online' | 'inPerson' | 'postal'`.
 * @category Dossiers
 */
export type DossierChannel = z.output<typeof DossierChannelSchema>;

/**
 * The final (latest known) status of a dossier in the export:
 *
 * | status | Vietnamese | meaning |
 * | --- | --- | --- |
 * | `'processing'` | đang giải quyết (incl. chờ bổ sung) | not closed yet; has no `finishedAt` |
 * | `'resolved'` | đã giải quyết: đã xử lý xong / đã trả kết quả | closed with a result |
 * | `'withdrawn'` | công dân yêu cầu rút hồ sơ | closed at the applicant's request |
 * | `'returned'` | trả lại hồ sơ (không đủ điều kiện) | handed back without a result |
 * | `'rejected'` | từ chối / dừng xử lý | refused or stopped by the agency |
 *
 * @remarks
 * The closing states are those of the DVCQG rule, dossier-index.md §1.3 ("Đã xử lý xong" > "Đã trả
 * kết quả" > "Dừng xử lý / Từ chối"; "Công dân yêu cầu rút hồ sơ"), confidence M, and the extra
 * columns "CD rút hồ sơ" and "Hồ sơ trả lại" of §2.2 (confidence H). The statistics have one column
 * for dossiers handed back without a result, so `'returned'` and `'rejected'` both count as
 * `returned` there; {@link classifyDossier} keeps the status.
 *
 * @example
 * ```ts
 * import { DossierStatusSchema } from 'cchc-index';
 * DossierStatusSchema.options;
 * // => ['processing', 'resolved', 'withdrawn', 'returned', 'rejected']
 * ```
 * @category Dossiers
 */
export const DossierStatusSchema = choiceSchema([
  'processing',
  'resolved',
  'withdrawn',
  'returned',
  'rejected',
]);

/**
 * A final dossier status: `'processing' | 'resolved' | 'withdrawn' | 'returned' | 'rejected'`.
 * @category Dossiers
 */
export type DossierStatus = z.output<typeof DossierStatusSchema>;

function badId(iss: { input?: unknown }): string {
  return `expected a dossier id (a non-empty text or a whole number ≥ 0), received ${describeValue(iss.input)}.`;
}

const NonEmptyText = z
  .string({ error: (iss) => `expected a text, received ${describeValue(iss.input)}.` })
  .min(1, {
    error: 'expected a non-empty text.',
  });

/**
 * One supplement request (yêu cầu bổ sung hồ sơ): when the agency asked the applicant for more
 * documents and, if it happened, when the applicant completed them. The processing clock stops in
 * between.
 *
 * @remarks
 * dossier-index.md §1.3 (confidence M): "end time −= (time supplement completed − time supplement
 * requested)"; more than one request makes the dossier late on the portal.
 *
 * @example
 * ```ts
 * import { DossierSupplementSchema } from 'cchc-index';
 * DossierSupplementSchema.safeParse({ requestedAt: '2024-03-04', completedAt: '2024-03-06' }).success;
 * // => true
 * ```
 * @category Dossiers
 */
export const DossierSupplementSchema = z.strictObject({
  requestedAt: DossierTimestampSchema,
  completedAt: DossierTimestampSchema.optional(),
});

/**
 * A supplement request, as validated.
 * @category Dossiers
 */
export type DossierSupplement = z.output<typeof DossierSupplementSchema>;

/**
 * One dossier (hồ sơ TTHC) as exported by a one-stop system (một cửa điện tử): one row per
 * dossier with its reception, due and closing times, channel and final status.
 *
 * Fields:
 * - `id`: the dossier code (mã hồ sơ), a non-empty text or a whole number ≥ 0; `12` and `'12'` are
 *   the same dossier.
 * - `procedureCode?`: the procedure (mã TTHC), e.g. `'1.001234'`.
 * - `unit?`: the agency or unit that handles it (đơn vị), any id the caller uses.
 * - `level?`: the administrative level of that unit, free text (e.g. `'tinh'`, `'huyen'`, `'xa'`).
 * - `channel`: `'online' | 'inPerson' | 'postal'`.
 * - `receivedAt`: reception (ngày tiếp nhận).
 * - `dueAt?`: the appointed return date (ngày hẹn trả); a bare date means the whole day.
 * - `finishedAt?`: when processing ended (ngày kết thúc xử lý / trả kết quả / rút / từ chối);
 *   required for every status except `'processing'`, forbidden for `'processing'`.
 * - `status`: see {@link DossierStatusSchema}.
 * - `returnedByPost?`: the result was returned through the public postal service (trả kết quả qua
 *   BCCI).
 * - `supplements?`: supplement requests, see {@link DossierSupplementSchema}.
 *
 * @remarks
 * Field set from dossier-index.md §1.2 (NgayTiepNhan, NgayHenTra, NgayKetThucXuLy, KenhThucHien;
 * confidence M) and §2.2 (confidence M-H). Unknown keys are errors, so a mistyped column never
 * passes silently. Checks that need the time zone (finished before received, supplement completed
 * before requested, due before received) are made by {@link summarizeDossiers} and
 * {@link classifyDossier}, which know the offset.
 *
 * @example
 * ```ts
 * import { DossierRecordSchema } from 'cchc-index';
 * DossierRecordSchema.safeParse({
 *   id: 'H01.2024.000123', unit: 'UBND-xa-A', channel: 'online', status: 'resolved',
 *   receivedAt: '2024-03-01T09:15:00+07:00', dueAt: '2024-03-05', finishedAt: '2024-03-04T16:00:00+07:00',
 * }).success;
 * // => true
 * DossierRecordSchema.safeParse({ id: 'x', channel: 'fax', status: 'processing', receivedAt: '2024-03-01' }).success;
 * // => false
 * ```
 * @category Dossiers
 */
export const DossierRecordSchema = z
  .strictObject({
    id: z.union(
      [z.string().min(1, { error: badId }), z.number().int({ error: badId }).min(0, { error: badId })],
      {
        error: badId,
      },
    ),
    procedureCode: NonEmptyText.optional(),
    unit: NonEmptyText.optional(),
    level: NonEmptyText.optional(),
    channel: DossierChannelSchema,
    receivedAt: DossierTimestampSchema,
    dueAt: DossierTimestampSchema.optional(),
    finishedAt: DossierTimestampSchema.optional(),
    status: DossierStatusSchema,
    returnedByPost: z
      .boolean({ error: (iss) => `expected true or false, received ${describeValue(iss.input)}.` })
      .optional(),
    supplements: z
      .array(DossierSupplementSchema, {
        error: (iss) => `expected a list of supplement requests, received ${describeValue(iss.input)}.`,
      })
      .optional(),
  })
  .superRefine((record, ctx) => {
    if (record.status === 'processing') {
      if (record.finishedAt !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['finishedAt'],
          message: `a dossier with status "processing" has no finishedAt: remove it or give the closing status.`,
          input: record.finishedAt,
        });
      }
    } else if (record.finishedAt === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['finishedAt'],
        message: `is required for status "${record.status}": expected the time the dossier was closed.`,
        input: undefined,
      });
    }
  });

/**
 * A validated dossier record (timestamps kept as given).
 * @category Dossiers
 */
export type DossierRecord = z.output<typeof DossierRecordSchema>;

/**
 * A dossier record as accepted on input.
 * @category Dossiers
 */
export type DossierRecordInput = z.input<typeof DossierRecordSchema>;
