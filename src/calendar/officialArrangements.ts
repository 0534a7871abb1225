import type { Arrangement } from './ArrangementSchema.js';

const VACANZA = 'vacanza/holidays VietnamStaticHolidays (snapshot 2026-07-23), dossier-index.md §4.2';

/**
 * The official yearly arrangements known to the library: the exceptions to the general holiday
 * rules, as data with their sources.
 *
 * @remarks
 * For 2022–2026 the general rules (Labour Code 2019 Art. 111(3), 112 and the post-2014 Tết shift)
 * already give every Tết span and substitute day listed in dossier-index.md §4.2 (vacanza column), so
 * only the swaps are listed:
 *
 * - 2024: off Mon 29/4, worked Sat 4/5 — Công văn 2450/VPCP-KGVX (**H**).
 * - 2025: off Fri 2/5, worked Sat 26/4 — reported, not in vacanza's table (**M** that it happened).
 * - 2010, 2012–2015, 2018–2019: vacanza's static swaps; 2018–2019 from Công văn 6519/VPCP-KGVX
 *   (**H** for what vacanza lists).
 *
 * Not verified from primary notices: the 2025–2026 arrangements (§7). Newer notices (for instance
 * the 2026 arrangements cited as Thông báo 9441/TB-BNV, **L**) are to be added as data: pass
 * `[...OFFICIAL_ARRANGEMENTS, ...yours]` to {@link createCalendar}; later entries override earlier
 * ones on the same date (a `tet-span` overrides for its year).
 *
 * @example
 * ```ts
 * import { OFFICIAL_ARRANGEMENTS } from 'cchc-index';
 * OFFICIAL_ARRANGEMENTS.filter((a) => a.kind === 'swap' && a.dayOff.startsWith('2024')).length;
 * // => 1
 * ```
 * @category Calendar
 */
export const OFFICIAL_ARRANGEMENTS: readonly Arrangement[] = Object.freeze(
  (
    [
      { kind: 'swap', dayOff: '2010-02-19', workedOn: '2010-02-27', source: VACANZA, confidence: 'H' },
      { kind: 'swap', dayOff: '2012-01-27', workedOn: '2012-02-04', source: VACANZA, confidence: 'H' },
      { kind: 'swap', dayOff: '2013-04-29', workedOn: '2013-05-04', source: VACANZA, confidence: 'H' },
      { kind: 'swap', dayOff: '2014-05-02', workedOn: '2014-04-26', source: VACANZA, confidence: 'H' },
      { kind: 'swap', dayOff: '2014-09-01', workedOn: '2014-09-06', source: VACANZA, confidence: 'H' },
      { kind: 'swap', dayOff: '2015-01-02', workedOn: '2014-12-27', source: VACANZA, confidence: 'H' },
      { kind: 'swap', dayOff: '2015-02-16', workedOn: '2015-02-14', source: VACANZA, confidence: 'H' },
      { kind: 'swap', dayOff: '2015-04-29', workedOn: '2015-04-25', source: VACANZA, confidence: 'H' },
      {
        kind: 'swap',
        dayOff: '2018-12-31',
        workedOn: '2019-01-05',
        source: `Công văn 6519/VPCP-KGVX (2018), via ${VACANZA}`,
        confidence: 'H',
      },
      { kind: 'swap', dayOff: '2019-04-29', workedOn: '2019-05-04', source: VACANZA, confidence: 'H' },
      {
        kind: 'swap',
        dayOff: '2024-04-29',
        workedOn: '2024-05-04',
        source: `Công văn 2450/VPCP-KGVX (2024), via ${VACANZA}`,
        confidence: 'H',
      },
      {
        kind: 'swap',
        dayOff: '2025-05-02',
        workedOn: '2025-04-26',
        source: 'reported 2025 swap, not in vacanza/holidays; dossier-index.md §4.2',
        confidence: 'M',
      },
    ] satisfies Arrangement[]
  ).map((a) => Object.freeze(a)),
);
