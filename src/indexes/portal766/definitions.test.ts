import { describe, expect, it } from 'vitest';
import { PORTAL_766_INDICATORS } from './definitions.js';

/**
 * The 19 scored indicators as shared/reference/dossier-index.md §1.2 lists them (its ID column, the
 * metricCode in brackets, the Max column; "(M row 6)" and "–" are rows of the METRICS sheet without
 * an ID), and the group of §1.1 each belongs to, in the portal's order.
 */
const REFERENCE: [id: string, ref: string, metricCode: string | null, group: string, max: number][] = [
  ['publishOnTime', '1.1', 'PUBLISH_ON_TIME', 'transparency', 6],
  ['publicUpdateOnTime', '1.2', 'PUBLIC_UPDATE_ON_TIME', 'transparency', 4],
  ['publicContentFull', '1.3', 'PUBLIC_CONTENT_FULL', 'transparency', 2],
  ['dossierSync', '1.4', 'DOSSIER_SYNC', 'transparency', 6],
  ['processingOnTime', '2.1', null, 'progress', 20],
  ['fullOnlineDossiers', 'METRICS 6', null, 'onlineServices', 12],
  ['electronicResult', '4.1', 'ORIGINAL_RESULT_AVAILABLE', 'digitisation', 6],
  ['digitisedDossiers', '4.2', 'SO_HOA_GIAY_TO_GIAI_QUYET', 'digitisation', 4],
  ['electronicCertifiedCopy', 'METRICS', 'ELECTRONIC_CERTIFIED_COPY', 'digitisation', 2],
  ['reusedData', '4.3', 'REUSED_DIGITIZED_DATA', 'digitisation', 2],
  ['personalStorage', '4.4', 'SYNCED_WITH_DVCQG_PERSONAL_STORAGE', 'digitisation', 4],
  ['citizenDataProcedures', '4.5a', 'CITIZEN_DATA_CONNECTED_FORMALITY', 'digitisation', 2],
  ['citizenDataDossiers', '4.5b', 'CITIZEN_DATA_CONNECTED_DOSSIER', 'digitisation', 2],
  ['onlinePaymentDossiers', '3.6', null, 'payment', 6],
  ['onlinePaymentProcedures', '3.5b', null, 'payment', 2],
  ['feeIntegratedProcedures', '3.5', null, 'payment', 2],
  ['petitionOnTime', '5.2', 'PETITION_PROCESSING_ON_TIME', 'satisfaction', 6],
  ['petitionSatisfaction', '5.3', 'PETITION_HANDLING_SATISFACTION', 'satisfaction', 6],
  ['dossierSatisfaction', '5.4', 'DOSSIER_RECEIVING_SATISFACTION', 'satisfaction', 6],
];

describe('PORTAL_766_INDICATORS against the reference table', () => {
  it('lists the 19 indicators with their reference, metric code, group and maximum, in order', () => {
    expect(PORTAL_766_INDICATORS.map((d) => [d.id, d.ref, d.metricCode, d.group, d.max])).toEqual(REFERENCE);
  });

  it('adds up to 100 points', () => {
    expect(REFERENCE.reduce((sum, row) => sum + row[4], 0)).toBe(100);
  });

  it.each(PORTAL_766_INDICATORS.map((d) => [d.id, d]))(
    '%s is described in both languages, with its formula, counts and source',
    (_, d) => {
      for (const text of [d.name, d.nameEn, d.formula, d.source]) expect(text).toMatch(/\p{L}/u);
      expect(d.name).not.toBe(d.nameEn);
      // Given indicators (the portal's score is entered as it is) have no counts; the others name
      // the input fields (or a difference of them, "received − unsatisfied").
      const named = expect.stringMatching(/^\p{L}/u);
      expect([d.numerator, d.denominator]).toEqual(d.scoring === 'given' ? [null, null] : [named, named]);
    },
  );
});
