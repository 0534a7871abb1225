/**
 * A group (nhóm) of the national PAR INDEX ranking of provinces: its label and the lowest index %
 * (inclusive) that reaches it, up to the next group.
 * @category Indexes
 */
export interface ParGroup {
  readonly label: string;
  readonly labelEn: string;
  /** The lowest index % of the group, inclusive. */
  readonly minPercent: number;
}

/**
 * The groups in which MoHA publishes the provincial PAR INDEX: Nhóm A ≥ 90 %, Nhóm B 80 – < 90 %,
 * Nhóm C 70 – < 80 %, listed from the highest down (the shape of a rule set's `bands`).
 *
 * @remarks
 * Source: shared/reference/par-index.md §2.4: cut-offs "A ≥ 90; B 80 – < 90; C 70 – < 80" for
 * PAR 2022 (vietnambiz.vn, under QĐ 876/QĐ-BNV) and the same cut-offs for PAR 2015
 * (bqlkktcn.thuathienhue.gov.vn), confidence **H** for those years. That the same groups apply to
 * the years scored under QĐ 2948/QĐ-BNV (2017) is inferred from the cut-offs being the same before
 * and after (**M**).
 *
 * **No group below C is sourced**: there is no band from 0 %, so a province below 70 % gets
 * `band: null` from {@link scoreUnit} (and {@link validateRuleSet} warns that no band starts at 0 %).
 * A caller who knows the published wording for it adds it to their own rule set. In 2012 the groups
 * were described by data ranges, not fixed cut-offs (§2.4, H), so these groups are not for 2012.
 * @example
 * ```ts
 * import { PAR_NATIONAL_GROUPS } from 'cchc-index';
 * PAR_NATIONAL_GROUPS.map((g) => [g.label, g.minPercent]);
 * // => [['Nhóm A', 90], ['Nhóm B', 80], ['Nhóm C', 70]]
 * ```
 * @category Indexes
 */
export const PAR_NATIONAL_GROUPS: readonly ParGroup[] = Object.freeze([
  Object.freeze({ label: 'Nhóm A', labelEn: 'Group A', minPercent: 90 }),
  Object.freeze({ label: 'Nhóm B', labelEn: 'Group B', minPercent: 80 }),
  Object.freeze({ label: 'Nhóm C', labelEn: 'Group C', minPercent: 70 }),
]);
