import { z } from 'zod';
import { DossierStatsSchema } from '../../dossiers/DossierStats.js';
import { toDec } from '../../numeric/decimal.js';
import { CountSchema, NonNegativeDecimalSchema } from '../../numeric/schemas.js';
import { DEFINITION, type Portal766IndicatorId } from './definitions.js';

type Counts<K extends string> = { [P in K]: typeof CountSchema };

/** A numerator/denominator pair of counts where the numerator is a part of the denominator. */
function part<const N extends string, const D extends string>(num: N, den: D) {
  const shape = { [num]: CountSchema, [den]: CountSchema } as Counts<N | D>;
  return z
    .strictObject(shape)
    .refine((v) => (v as Record<string, number>)[num]! <= (v as Record<string, number>)[den]!, {
      path: [num],
      error: (iss) => {
        const v = iss.input as Record<string, number>;
        return `expected "${num}" (${v[num]}) to be at most "${den}" (${v[den]}): it counts part of them.`;
      },
    });
}

/** A count that cannot exceed the total `den` ("unsatisfied" of "received"). */
function shortfall<const N extends string, const D extends string>(num: N, den: D) {
  return part(num, den);
}

/** Points supplied by the caller for an indicator whose scoring is unknown, with optional counts. */
function given<const K extends string>(id: Portal766IndicatorId, counts: readonly K[]) {
  const max = DEFINITION[id].max;
  const shape = Object.fromEntries(counts.map((k) => [k, CountSchema.optional()])) as {
    [P in K]: z.ZodOptional<typeof CountSchema>;
  };
  return z.strictObject({
    /** The points as the portal shows them, from 0 to the indicator's maximum. */
    points: NonNegativeDecimalSchema.refine((p) => toDec(p).lte(max), {
      error: (iss) => `expected points from 0 to ${max}, received ${String(iss.input)}.`,
      abort: true,
    }),
    ...shape,
  });
}

const PreviousYearSchema = z.strictObject({
  /** Dossiers received in the whole previous year. */
  total: CountSchema,
  /** 12 when the period is a month, 4 when it is a quarter. */
  periodsPerYear: z.union([z.literal(12), z.literal(4)], {
    error: 'expected 12 (a monthly period) or 4 (a quarterly period).',
  }),
});

/** The counts of each computed indicator. @internal */
export const INDICATOR_SCHEMAS = {
  publishOnTime: part('onTime', 'announced'),
  publicUpdateOnTime: part('onTime', 'due'),
  publicContentFull: part('complete', 'published'),
  dossierSync: z.strictObject({
    synced: CountSchema,
    receivedNational: CountSchema,
    receivedPortal: CountSchema,
    previousYear: PreviousYearSchema.optional(),
  }),
  processingOnTime: z.strictObject({ onTime: CountSchema, received: CountSchema }),
  fullOnlineDossiers: given('fullOnlineDossiers', ['fullOnline', 'eligible']),
  electronicResult: part('withResult', 'required'),
  digitisedDossiers: part('digitised', 'total'),
  electronicCertifiedCopy: part('offering', 'communes'),
  reusedData: part('reused', 'received'),
  personalStorage: given('personalStorage', ['linked', 'received']),
  citizenDataProcedures: part('connected', 'citizenProcedures'),
  citizenDataDossiers: part('using', 'dossiers'),
  onlinePaymentDossiers: part('paidOnline', 'withFee'),
  onlinePaymentProcedures: z.strictObject({
    withOnlinePayment: CountSchema,
    withFee: CountSchema,
    withFeeDossiers: CountSchema.optional(),
  }),
  feeIntegratedProcedures: part('withFeeDossiers', 'withFee'),
  petitionOnTime: part('onTime', 'received'),
  petitionSatisfaction: shortfall('unsatisfied', 'received'),
  dossierSatisfaction: shortfall('unsatisfied', 'dossiers'),
} as const satisfies Record<Portal766IndicatorId, z.ZodType>;

/** Validated counts of each indicator. @internal */
export type IndicatorCounts = {
  readonly [K in Portal766IndicatorId]: z.output<(typeof INDICATOR_SCHEMAS)[K]>;
};

/**
 * The data of one unit and period for the 766 index: the counts of each indicator (all optional:
 * an indicator left out is reported without points, `NO_DATA`), or, for processing progress, the
 * unit's dossier statistics.
 *
 * @remarks
 * Keys are the indicator ids of {@link PORTAL_766_INDICATORS}; counts are whole numbers ≥ 0
 * (numbers or digit strings), a part never exceeding its whole. Definitions from
 * shared/reference/dossier-index.md §1.2 (D, M, R; confidence M):
 *
 * | key | fields | portal field / meaning |
 * | --- | --- | --- |
 * | `publishOnTime` (1.1) | `onTime`, `announced` | procedures announced on time / announced in the period |
 * | `publicUpdateOnTime` (1.2) | `onTime`, `due` | published on the CSDL QG in time / had to be published |
 * | `publicContentFull` (1.3) | `complete`, `published` | published with all components / published |
 * | `dossierSync` (1.4) | `synced`, `receivedNational`, `receivedPortal`, `previousYear?` | synced dossiers / max(BCQG count, DVCQG count); `previousYear: { total, periodsPerYear: 12 or 4 }` is the fallback when both are 0 |
 * | `processingOnTime` (2.1) | `onTime`, `received` | `totalOnTime` (closed early or on time + open within deadline) / `totalReceived` |
 * | `dossiers` | dossier statistics | instead of `processingOnTime`: 2.1 from the II.06a counts (`timeliness` basis `portal766`) |
 * | `fullOnlineDossiers` (12 points) | `points`, `fullOnline?`, `eligible?` | points as shown by the portal; counts for the ratio only |
 * | `electronicResult` (4.1) | `withResult`, `required` | dossiers with a synced result file / dossiers of procedures needing a paper result |
 * | `digitisedDossiers` (4.2) | `digitised`, `total` | digitised dossiers / dossiers under the authority |
 * | `electronicCertifiedCopy` | `offering`, `communes` | communes offering e-certified copies / communes |
 * | `reusedData` (4.3) | `reused`, `received` | dossiers with a reused component / dossiers received |
 * | `personalStorage` (4.4) | `points`, `linked?`, `received?` | points as shown by the portal; counts for the ratio only |
 * | `citizenDataProcedures` (4.5a) | `connected`, `citizenProcedures` | procedures using population data / procedures for citizens |
 * | `citizenDataDossiers` (4.5b) | `using`, `dossiers` | dossiers using population data / dossiers |
 * | `onlinePaymentDossiers` (3.6) | `paidOnline`, `withFee` | `totalDossierOnlinePaymentSuccess` / `totalDossierFinancialObligation` |
 * | `onlinePaymentProcedures` (3.5b) | `withOnlinePayment`, `withFee`, `withFeeDossiers?` | `totalDossierOnlineFormalityPaymentSuccess` / `totalFeeFormality` (or `totalFeeDossierFormalityDistinct`) |
 * | `feeIntegratedProcedures` (3.5) | `withFeeDossiers`, `withFee` | `totalFeeDossierFormality` / `totalFeeFormality` |
 * | `petitionOnTime` (5.2) | `onTime`, `received` | petitions handled on time or in progress within time / received |
 * | `petitionSatisfaction` (5.3) | `unsatisfied`, `received` | petitions with more dislikes than likes, follow-up complaints or overdue (each once) / first received |
 * | `dossierSatisfaction` (5.4) | `unsatisfied`, `dossiers` | dossiers rated unsatisfied, complained about or overdue (each once) / dossiers |
 *
 * `processingOnTime` and `dossiers` are alternatives: give one. In `processingOnTime` the numerator
 * may exceed `received` (the portal's numerator holds carried-over dossiers); points stay within 20.
 * @example
 * ```ts
 * import { Portal766InputSchema } from 'cchc-index';
 * Portal766InputSchema.parse({ processingOnTime: { onTime: '8673', received: 8673 } }).processingOnTime;
 * // => { onTime: 8673, received: 8673 }
 * Portal766InputSchema.safeParse({ publishOnTime: { onTime: 5, announced: 4 } }).success;
 * // => false
 * ```
 * @category Indexes
 */
export const Portal766InputSchema = z
  .strictObject({
    ...(Object.fromEntries(Object.entries(INDICATOR_SCHEMAS).map(([k, s]) => [k, s.optional()])) as {
      [K in Portal766IndicatorId]: z.ZodOptional<(typeof INDICATOR_SCHEMAS)[K]>;
    }),
    dossiers: DossierStatsSchema.optional(),
  })
  .refine((v) => v.dossiers === undefined || v.processingOnTime === undefined, {
    path: ['dossiers'],
    error: 'give either "processingOnTime" (the portal counts) or "dossiers" (dossier statistics), not both.',
  });

/**
 * The 766 data after validation, see {@link Portal766InputSchema}.
 * @category Indexes
 */
export type Portal766Data = z.output<typeof Portal766InputSchema>;

/**
 * The 766 data as written, see {@link Portal766InputSchema}.
 * @category Indexes
 */
export type Portal766Input = z.input<typeof Portal766InputSchema>;
