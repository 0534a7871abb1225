import { z } from 'zod';
import { parseWith } from '../../errors/fromZod.js';
import { UnitLevelSchema } from '../../rules/RuleSet.js';
import type { AssessmentInput } from '../../scoring/Assessment.js';
import { PORTAL_766_INDICATORS } from './definitions.js';
import { type Portal766Input, Portal766InputSchema } from './Portal766Input.js';

/**
 * Who and when a 766 assessment is for: the assessment's `unit` and `period`.
 * @category Indexes
 */
export interface Portal766AssessmentMeta {
  /** The unit: id, optional name and level. */
  unit: { id: string; name?: string; level?: z.input<typeof UnitLevelSchema> };
  /** The period, e.g. `'2024-H1'` or `'2025-09'`. */
  period: string;
}

const MetaSchema = z.strictObject({
  unit: z.strictObject({
    id: z.string().min(1, { error: 'expected a non-empty unit id.' }),
    name: z.string().optional(),
    level: UnitLevelSchema.optional(),
  }),
  period: z.string().min(1, { error: 'expected a non-empty period, e.g. "2024-H1".' }),
});

function flatten(prefix: string, value: unknown, out: Record<string, number | string>): void {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(`${prefix}.${k}`, v, out);
  } else if (typeof value === 'number' || typeof value === 'string') out[prefix] = value;
}

/**
 * Turns 766 counts into an assessment for {@link PORTAL_766_RULE_SET}: the counts of computed
 * indicators go to `data.values` under `portal766.<indicator>.<field>` (read by the `portal766.*`
 * measures), dossier statistics to `data.dossiers`, and the given points of the two indicators of
 * unknown scoring to `entries.<indicator>.superior.value`.
 *
 * @remarks
 * Source of the indicators: QĐ 766/QĐ-TTg, shared/reference/dossier-index.md §1.2 (M). The input
 * is validated as {@link scorePortal766} validates it, so an assessment built here never fails on
 * its data; informational counts of given indicators are dropped (no rule reads them).
 * @param input - the unit's 766 counts, see {@link Portal766InputSchema}.
 * @param meta - the unit and the period.
 * @returns an assessment (input form) for {@link scoreUnit}.
 * @throws {@link CchcError} `INVALID_INPUT` for malformed counts (path `['input', …]`) or meta
 *   (path `['meta', …]`).
 * @example
 * ```ts
 * import { buildPortal766Assessment } from 'cchc-index';
 * const a = buildPortal766Assessment({ publishOnTime: { onTime: 9, announced: 10 }, personalStorage: { points: 3 } },
 *   { unit: { id: 'phu-tho' }, period: '2026-09' });
 * a.data?.values;
 * // => { 'portal766.publishOnTime.onTime': 9, 'portal766.publishOnTime.announced': 10 }
 * a.entries?.personalStorage;
 * // => { superior: { value: 3 } }
 * ```
 * @category Indexes
 */
export function buildPortal766Assessment(
  input: Portal766Input,
  meta: Portal766AssessmentMeta,
): AssessmentInput {
  const args = parseWith(z.object({ input: Portal766InputSchema, meta: MetaSchema }), { input, meta });
  const data = args.input;
  const values: Record<string, number | string> = {};
  const entries: Record<string, { superior: { value: number | string } }> = {};
  for (const d of PORTAL_766_INDICATORS) {
    const counts = data[d.id];
    if (counts === undefined) continue;
    if (d.scoring === 'given')
      entries[d.id] = { superior: { value: (counts as { points: number | string }).points } };
    else flatten(`portal766.${d.id}`, counts, values);
  }
  return {
    unit: { ...args.meta.unit },
    period: args.meta.period,
    data: {
      ...(Object.keys(values).length > 0 ? { values } : {}),
      ...(data.dossiers !== undefined ? { dossiers: data.dossiers } : {}),
    },
    entries,
  };
}
