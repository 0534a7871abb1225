import type { DossierChannel, DossierStatus } from '../dossiers/DossierRecord.js';

/**
 * A field of {@link cchc-index!DossierRecordInput} that a column of an export can fill.
 * @category Node
 */
export type DossierField =
  | 'id'
  | 'procedureCode'
  | 'unit'
  | 'level'
  | 'channel'
  | 'receivedAt'
  | 'dueAt'
  | 'finishedAt'
  | 'status'
  | 'returnedByPost';

/**
 * Which column headers fill which field: for each field, the header texts accepted (any one of
 * them). Headers are compared after trimming, Unicode NFC normalisation, lower-casing and
 * collapsing spaces, so `"Ngày  tiếp nhận "` matches `'ngày tiếp nhận'`.
 * @category Node
 */
export type DossierColumnMap = { readonly [F in DossierField]?: readonly string[] };

/**
 * The default headers of dossier exports of one-stop systems (một cửa điện tử, DVCQG, province
 * portals), in Vietnamese and English, plus the field names themselves.
 *
 * | field | default headers (any of) |
 * | --- | --- |
 * | `id` | Mã hồ sơ, Số hồ sơ, Mã số hồ sơ, id |
 * | `procedureCode` | Mã TTHC, Mã thủ tục, Mã thủ tục hành chính, procedure |
 * | `unit` | Đơn vị, Đơn vị giải quyết, Cơ quan giải quyết, Cơ quan, unit |
 * | `level` | Cấp, Cấp thực hiện, level |
 * | `channel` | Kênh nộp, Hình thức, Hình thức tiếp nhận, Hình thức nộp, Kênh tiếp nhận, channel |
 * | `receivedAt` | Ngày tiếp nhận, Ngày nhận, Thời gian tiếp nhận, received |
 * | `dueAt` | Ngày hẹn trả, Ngày hẹn trả kết quả, Hạn xử lý, Hạn giải quyết, due |
 * | `finishedAt` | Ngày trả kết quả, Ngày kết thúc xử lý, Ngày hoàn thành, Ngày xử lý xong, finished |
 * | `status` | Trạng thái, Trạng thái hồ sơ, Tình trạng |
 * | `returnedByPost` | Trả kết quả qua BCCI, Trả qua BCCI, Trả kết quả qua bưu chính |
 *
 * @remarks
 * Column names after the II.06a form and the DVCQG fields (NgayTiepNhan, NgayHenTra,
 * NgayKetThucXuLy, KenhThucHien; shared/reference/dossier-index.md §1.2, confidence M). Pass
 * `columns` to {@link readDossierFile} to replace the headers of any field.
 * @example
 * ```ts
 * import { DEFAULT_DOSSIER_COLUMNS } from 'cchc-index/node';
 * DEFAULT_DOSSIER_COLUMNS.receivedAt?.[0];
 * // => 'ngày tiếp nhận'
 * ```
 * @category Node
 */
export const DEFAULT_DOSSIER_COLUMNS: Required<DossierColumnMap> = {
  id: ['mã hồ sơ', 'số hồ sơ', 'mã số hồ sơ', 'id'],
  procedureCode: ['mã tthc', 'mã thủ tục', 'mã thủ tục hành chính', 'procedurecode', 'procedure'],
  unit: ['đơn vị', 'đơn vị giải quyết', 'cơ quan giải quyết', 'cơ quan', 'unit'],
  level: ['cấp', 'cấp thực hiện', 'level'],
  channel: [
    'kênh nộp',
    'hình thức',
    'hình thức tiếp nhận',
    'hình thức nộp',
    'kênh tiếp nhận',
    'kênh',
    'channel',
  ],
  receivedAt: ['ngày tiếp nhận', 'ngày nhận', 'thời gian tiếp nhận', 'receivedat', 'received'],
  dueAt: ['ngày hẹn trả', 'ngày hẹn trả kết quả', 'hạn xử lý', 'hạn giải quyết', 'dueat', 'due'],
  finishedAt: [
    'ngày trả kết quả',
    'ngày kết thúc xử lý',
    'ngày hoàn thành',
    'ngày xử lý xong',
    'finishedat',
    'finished',
  ],
  status: ['trạng thái', 'trạng thái hồ sơ', 'tình trạng', 'status'],
  returnedByPost: ['trả kết quả qua bcci', 'trả qua bcci', 'trả kết quả qua bưu chính', 'returnedbypost'],
};

/**
 * The default texts of the channel column (compared like headers): Trực tuyến / Trực tiếp / Bưu
 * chính (BCCI) and their common variants, the English names, and the DVCQG channel codes `1`
 * (in person), `2` (online), `3` (postal).
 *
 * @remarks
 * Channel codes from the DVCQG technical description, dossier-index.md §1.2 row 3.3 (confidence M).
 * @example
 * ```ts
 * import { DEFAULT_CHANNEL_VALUES } from 'cchc-index/node';
 * DEFAULT_CHANNEL_VALUES['bưu chính công ích'];
 * // => 'postal'
 * ```
 * @category Node
 */
export const DEFAULT_CHANNEL_VALUES: Readonly<Record<string, DossierChannel>> = {
  'trực tuyến': 'online',
  'nộp trực tuyến': 'online',
  'dịch vụ công trực tuyến': 'online',
  'qua mạng': 'online',
  online: 'online',
  '2': 'online',
  'trực tiếp': 'inPerson',
  'nộp trực tiếp': 'inPerson',
  'tại quầy': 'inPerson',
  'một cửa': 'inPerson',
  inperson: 'inPerson',
  'in person': 'inPerson',
  '1': 'inPerson',
  'bưu chính': 'postal',
  'bưu chính công ích': 'postal',
  'qua bưu chính': 'postal',
  'qua bưu chính công ích': 'postal',
  'qua dịch vụ bưu chính công ích': 'postal',
  bcci: 'postal',
  'qua bcci': 'postal',
  postal: 'postal',
  '3': 'postal',
};

/**
 * The default texts of the status column (compared like headers), in Vietnamese and English.
 * An empty status reads as `'resolved'` when the row has a finishing date, `'processing'` otherwise.
 *
 * @remarks
 * States after dossier-index.md §1.3 ("Đã xử lý xong", "Đã trả kết quả", "Dừng xử lý / Từ chối",
 * "Công dân yêu cầu rút hồ sơ"; confidence M) and §2.2 ("CD rút hồ sơ", "Hồ sơ trả lại"; H).
 * @example
 * ```ts
 * import { DEFAULT_STATUS_VALUES } from 'cchc-index/node';
 * DEFAULT_STATUS_VALUES['đã trả kết quả'];
 * // => 'resolved'
 * ```
 * @category Node
 */
export const DEFAULT_STATUS_VALUES: Readonly<Record<string, DossierStatus>> = {
  'đã giải quyết': 'resolved',
  'đã xử lý xong': 'resolved',
  'đã trả kết quả': 'resolved',
  'hoàn thành': 'resolved',
  'đã hoàn thành': 'resolved',
  resolved: 'resolved',
  'đang giải quyết': 'processing',
  'đang xử lý': 'processing',
  'chờ bổ sung': 'processing',
  'chờ bổ sung hồ sơ': 'processing',
  'đang bổ sung': 'processing',
  'mới tiếp nhận': 'processing',
  processing: 'processing',
  'rút hồ sơ': 'withdrawn',
  'đã rút': 'withdrawn',
  'cd rút hồ sơ': 'withdrawn',
  'công dân rút hồ sơ': 'withdrawn',
  'công dân yêu cầu rút hồ sơ': 'withdrawn',
  withdrawn: 'withdrawn',
  'trả lại': 'returned',
  'hồ sơ trả lại': 'returned',
  'trả lại hồ sơ': 'returned',
  returned: 'returned',
  'từ chối': 'rejected',
  'dừng xử lý': 'rejected',
  'từ chối giải quyết': 'rejected',
  rejected: 'rejected',
};

/** Texts read as `true` / `false` in yes-no columns (compared like headers). @internal */
export const YES_TEXTS = new Set(['có', 'x', '1', 'true', 'yes', 'đạt', 'co']);
/** @internal */
export const NO_TEXTS = new Set(['không', '0', 'false', 'no', '', 'không đạt', 'khong']);

/**
 * How headers and coded values are compared: trimmed, NFC, lower-case, runs of spaces as one.
 * @internal
 */
export function normalizeLabel(text: string): string {
  return text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Column letter of a 0-based index: 0 → A, 26 → AA. @internal */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Finds, for each field, the index of its column in a header row. The first header matching any
 * alias wins. @internal
 */
export function locateColumns<F extends string>(
  header: readonly unknown[],
  map: { readonly [K in F]?: readonly string[] },
): Partial<Record<F, number>> {
  const normalized = header.map((h) => (h === null || h === undefined ? '' : normalizeLabel(String(h))));
  const out: Partial<Record<F, number>> = {};
  for (const field of Object.keys(map) as F[]) {
    const aliases = (map[field] ?? []).map(normalizeLabel);
    const index = normalized.findIndex((h) => h !== '' && aliases.includes(h));
    if (index >= 0) out[field] = index;
  }
  return out;
}

/** Merges caller's column overrides over defaults (a field given replaces its aliases). @internal */
export function mergeColumns<F extends string>(
  defaults: { readonly [K in F]?: readonly string[] },
  overrides: { readonly [K in F]?: string | readonly string[] } | undefined,
): { [K in F]?: readonly string[] } {
  const out: { [K in F]?: readonly string[] } = { ...defaults };
  if (overrides) {
    for (const key of Object.keys(overrides) as F[]) {
      const v = overrides[key];
      if (v !== undefined) out[key] = (typeof v === 'string' ? [v] : v) as readonly string[];
    }
  }
  return out;
}
