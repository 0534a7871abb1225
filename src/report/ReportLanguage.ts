/**
 * The language a report paragraph is written in: `'vi'` (Vietnamese, the default, with vi-VN
 * figures "8.673", "31,1%" and zero-padded small counts "07 TTHC") or `'en'` (English, with
 * "8,673", "31.1%" and counts as they are, "7 procedures").
 *
 * @category Reports
 */
export type ReportLanguage = 'vi' | 'en';

/**
 * The options every report writer accepts.
 * @category Reports
 */
export interface ReportOptions {
  /** `'vi'` (default) or `'en'`. */
  lang?: ReportLanguage;
}
