import { z } from 'zod';
import { CountSchema } from '../numeric/schemas.js';

const count = CountSchema.default(0);

const ReceivedSchema = z
  .strictObject({
    /** Kỳ trước chuyển qua (tồn kỳ trước): carried over from the previous period. II.06a col. 6. */
    carriedOver: count,
    /** Mới tiếp nhận trực tuyến: newly received online in the period. II.06a col. 4. */
    online: count,
    /** Mới tiếp nhận trực tiếp: newly received in person at the one-stop desk. Part of II.06a col. 5. */
    inPerson: count,
    /** Mới tiếp nhận qua dịch vụ bưu chính công ích (BCCI): newly received by post. Part of II.06a col. 5. */
    postal: count,
  })
  .default({ carriedOver: 0, online: 0, inPerson: 0, postal: 0 });

const ResolvedSchema = z
  .strictObject({
    /** Đã giải quyết trước hạn (sớm hạn): resolved before the due date. II.06a col. 8. */
    early: count,
    /** Đã giải quyết đúng hạn: resolved on the due date. II.06a col. 9. */
    onTime: count,
    /** Đã giải quyết quá hạn (trễ hạn): resolved after the due date. II.06a col. 10. */
    late: count,
  })
  .default({ early: 0, onTime: 0, late: 0 });

const PendingSchema = z
  .strictObject({
    /** Đang giải quyết trong hạn: still open at the end of the period, not yet due. II.06a col. 12. */
    withinDeadline: count,
    /** Đang giải quyết quá hạn: still open at the end of the period and past due. II.06a col. 13. */
    overdue: count,
  })
  .default({ withinDeadline: 0, overdue: 0 });

/**
 * Dossier statistics of one unit and period, the shape every dossier function takes and returns.
 *
 * @remarks
 * Mirrors the periodic report form Biểu số II.06a/VPCP/KSTT "Tình hình, kết quả giải quyết TTHC"
 * (shared/reference/dossier-index.md §2.2, confidence M-H for the column structure) with the
 * postal channel split out, as one-stop systems report it (§2.2 "BCCI split out", confidence H):
 *
 * | field | Vietnamese | II.06a column |
 * | --- | --- | --- |
 * | `received.carriedOver` | kỳ trước chuyển qua | 6 |
 * | `received.online` | mới tiếp nhận trực tuyến | 4 |
 * | `received.inPerson` | mới tiếp nhận trực tiếp | 5 (with postal) |
 * | `received.postal` | mới tiếp nhận qua bưu chính công ích (BCCI) | 5 (with in person) |
 * | `resolved.early` | đã giải quyết trước hạn | 8 |
 * | `resolved.onTime` | đã giải quyết đúng hạn | 9 |
 * | `resolved.late` | đã giải quyết quá hạn | 10 |
 * | `pending.withinDeadline` | đang giải quyết trong hạn | 12 |
 * | `pending.overdue` | đang giải quyết quá hạn | 13 |
 * | `returnedByPost` | trả kết quả qua BCCI | not on the form |
 * | `withdrawn` | công dân rút hồ sơ | not on the form ("CD rút hồ sơ" in older portals) |
 * | `returned` | hồ sơ trả lại / từ chối | not on the form ("Hồ sơ trả lại" in older portals) |
 *
 * The totals the form prints (col. 3 received, col. 7 resolved, col. 11 pending) are not stored:
 * {@link dossierTotals} derives them and {@link checkDossierStats} checks printed ones. Some systems
 * count withdrawn and returned dossiers inside col. 9 "đúng hạn" (§2.2 note on col. 9); this model
 * keeps them apart.
 *
 * Every group and every count is optional on input (default 0); a count is a whole number ≥ 0, as
 * a number or a digit string (see {@link CountSchema}). Unknown keys are errors at every level, so a
 * typo such as `recieved` never passes silently.
 *
 * @example
 * ```ts
 * import { DossierStatsSchema } from 'cchc-index';
 * DossierStatsSchema.parse({ received: { online: 8535, inPerson: '138' } }).received; // Lộc Bình 2024
 * // => { carriedOver: 0, online: 8535, inPerson: 138, postal: 0 }
 * DossierStatsSchema.parse({}).pending;
 * // => { withinDeadline: 0, overdue: 0 }
 * DossierStatsSchema.safeParse({ recieved: {} }).success;
 * // => false
 * ```
 * @category Dossiers
 */
export const DossierStatsSchema = z.strictObject({
  /** Tiếp nhận: dossiers received, by origin (II.06a col. 3 = 4 + 5 + 6). */
  received: ReceivedSchema,
  /** Đã giải quyết: dossiers resolved in the period, by timeliness (II.06a col. 7 = 8 + 9 + 10). */
  resolved: ResolvedSchema,
  /** Đang giải quyết: dossiers still open at the end of the period (II.06a col. 11 = 12 + 13). */
  pending: PendingSchema,
  /** Trả kết quả qua dịch vụ bưu chính công ích (BCCI): results returned by post. Not on II.06a. */
  returnedByPost: count,
  /** Công dân rút hồ sơ: dossiers withdrawn by the applicant. Not on II.06a. */
  withdrawn: count,
  /** Hồ sơ trả lại, từ chối giải quyết: dossiers returned or refused. Not on II.06a. */
  returned: count,
});

/**
 * Dossier statistics with every group and count present, as numbers (the output of
 * {@link DossierStatsSchema}). Field meanings and II.06a columns are listed there.
 * @category Dossiers
 */
export type DossierStats = z.output<typeof DossierStatsSchema>;

/**
 * Dossier statistics as accepted on input: every group and count optional, counts as numbers or
 * digit strings.
 * @category Dossiers
 */
export type DossierStatsInput = z.input<typeof DossierStatsSchema>;
