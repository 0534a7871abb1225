import { describe, expect, it } from 'vitest';
import { LOC_BINH_2024, THAI_BINH_2020, VINH_PHUC_2021_08 } from '../../test/fixtures/dossiers/worked.js';
import { expectCchcError } from '../../test/helpers/cchcError.js';
import { deepFreeze } from '../../test/helpers/deepFreeze.js';
import { writeDossierReport } from './writeDossierReport.js';

describe('writeDossierReport', () => {
  it.each([
    [
      'Lộc Bình 6/2024',
      LOC_BINH_2024.stats,
      undefined,
      'Tổng số hồ sơ tiếp nhận: 8.673 hồ sơ (trực tuyến 8.535 hồ sơ, trực tiếp 138 hồ sơ); tỷ lệ hồ sơ tiếp nhận trực tuyến: 98,41%. Đã giải quyết: 8.673 hồ sơ, trong đó trước hạn 8.000 hồ sơ (92,24%), đúng hạn 673 hồ sơ (7,76%), không có hồ sơ quá hạn; tỷ lệ giải quyết trước hạn và đúng hạn: 100%.',
    ],
    [
      'Lộc Bình 6/2024 in English',
      LOC_BINH_2024.stats,
      { lang: 'en' },
      'Dossiers received: 8,673 (8,535 online, 138 in person); online share: 98.41%. Resolved: 8,673 dossiers: 8,000 early (92.24%), 673 on time (7.76%), none late; resolved early or on time: 100%.',
    ],
    [
      'Thái Bình 2020',
      THAI_BINH_2020.stats,
      undefined,
      'Đã giải quyết: 61.953 hồ sơ, trong đó trước hạn 52.006 hồ sơ (83,94%), đúng hạn 9.942 hồ sơ (16,05%), quá hạn 05 hồ sơ (0,01%); tỷ lệ giải quyết trước hạn và đúng hạn: 99,99%.',
    ],
    [
      'Thái Bình 2020 in English',
      THAI_BINH_2020.stats,
      { lang: 'en' },
      'Resolved: 61,953 dossiers: 52,006 early (83.94%), 9,942 on time (16.05%), 5 late (0.01%); resolved early or on time: 99.99%.',
    ],
    [
      'Vĩnh Phúc 8/2021 on dossiers due',
      VINH_PHUC_2021_08.stats,
      { basis: 'due' },
      'Đã giải quyết: 19.255 hồ sơ, trong đó trước hạn 10.000 hồ sơ, đúng hạn 9.255 hồ sơ, không có hồ sơ quá hạn; tỷ lệ giải quyết trước hạn và đúng hạn: 96,55% (trên 19.944 hồ sơ đến hạn giải quyết), tỷ lệ quá hạn: 3,45%. Đang giải quyết: 689 hồ sơ (quá hạn 689 hồ sơ).',
    ],
    [
      'Vĩnh Phúc 8/2021 on dossiers due, in English',
      VINH_PHUC_2021_08.stats,
      { basis: 'due', lang: 'en' },
      'Resolved: 19,255 dossiers: 10,000 early, 9,255 on time, none late; early or on time: 96.55% (of 19,944 dossiers due), late or overdue: 3.45%. Still open: 689 dossiers (689 overdue).',
    ],
  ] as const)('%s', (_what, stats, options, expected) => {
    expect(writeDossierReport(stats, options)).toBe(expected);
  });

  it('reproduces the published percentages of the worked figures', () => {
    expect(writeDossierReport(LOC_BINH_2024.stats)).toContain(
      `${LOC_BINH_2024.published.onlineSharePercent.toString().replace('.', ',')}%`,
    );
    const thaiBinh = writeDossierReport(THAI_BINH_2020.stats);
    for (const p of [THAI_BINH_2020.published.earlyPercent, THAI_BINH_2020.published.onTimePercent]) {
      expect(thaiBinh).toContain(`(${p.toString().replace('.', ',')}%)`);
    }
    expect(thaiBinh).toContain('quá hạn 05 hồ sơ (0,01%)');
  });

  it('lists carried-over dossiers, the postal channel, open, withdrawn, returned and postal returns', () => {
    const stats = {
      received: { carriedOver: 10, online: 90, postal: 5 },
      resolved: { onTime: 80 },
      pending: { withinDeadline: 15, overdue: 5 },
      withdrawn: 2,
      returned: 3,
      returnedByPost: 30,
    };
    expect(writeDossierReport(stats)).toBe(
      'Tổng số hồ sơ tiếp nhận: 105 hồ sơ (kỳ trước chuyển qua 10 hồ sơ; mới tiếp nhận 95 hồ sơ: trực tuyến 90 hồ sơ, qua dịch vụ bưu chính công ích 05 hồ sơ); tỷ lệ hồ sơ tiếp nhận trực tuyến: 94,74%. Đã giải quyết: 80 hồ sơ, trong đó đúng hạn 80 hồ sơ (100%), không có hồ sơ quá hạn; tỷ lệ giải quyết trước hạn và đúng hạn: 100%. Đang giải quyết: 20 hồ sơ (trong hạn 15 hồ sơ, quá hạn 05 hồ sơ). Công dân rút hồ sơ: 02 hồ sơ; trả lại, từ chối giải quyết: 03 hồ sơ. Trả kết quả qua dịch vụ bưu chính công ích: 30 hồ sơ (31,58% số hồ sơ mới tiếp nhận).',
    );
    expect(writeDossierReport(stats, { lang: 'en' })).toBe(
      'Dossiers received: 105 (10 carried over; 95 newly received: 90 online, 5 by post); online share: 94.74%. Resolved: 80 dossiers: 80 on time (100%), none late; resolved early or on time: 100%. Still open: 20 dossiers (15 within deadline, 5 overdue). Withdrawn by the applicant: 2; returned or refused: 3. Results returned by post: 30 dossiers (31.58% of those newly received).',
    );
  });

  it.each([
    // options, expected fragment
    [{ decimals: 1 }, 'tỷ lệ hồ sơ tiếp nhận trực tuyến: 98,4%'],
    [{ decimals: 3 }, 'tỷ lệ hồ sơ tiếp nhận trực tuyến: 98,409%'],
    [{ trimZeros: false }, 'tỷ lệ giải quyết trước hạn và đúng hạn: 100,00%'],
    [{ basis: 'portal766' }, '100% (trên 8.673 hồ sơ tiếp nhận, xử lý trong kỳ), tỷ lệ quá hạn: 0%'],
    [{ basis: 'toProcess', lang: 'en' }, '100% (of 8,673 dossiers to process), late or overdue: 0%'],
  ] as const)('Lộc Bình with %j contains %j', (options, expected) => {
    expect(writeDossierReport(LOC_BINH_2024.stats, options as never)).toContain(expected);
  });

  it('says "không phát sinh" / "none arose" for zero denominators, never a dash', () => {
    expect(writeDossierReport({})).toBe(
      'Không phát sinh hồ sơ tiếp nhận, giải quyết trong kỳ; tỷ lệ giải quyết trước hạn và đúng hạn: không phát sinh.',
    );
    expect(writeDossierReport({}, { lang: 'en' })).toBe(
      'No dossiers were received or resolved in the period; early or on time: none arose.',
    );
    expect(writeDossierReport({ received: { carriedOver: 12 } })).toBe(
      'Tổng số hồ sơ tiếp nhận: 12 hồ sơ (kỳ trước chuyển qua 12 hồ sơ); tỷ lệ hồ sơ tiếp nhận trực tuyến: không phát sinh. Không phát sinh hồ sơ đã giải quyết; tỷ lệ giải quyết trước hạn và đúng hạn: không phát sinh.',
    );
    expect(writeDossierReport({ received: { carriedOver: 1 }, returnedByPost: 1 }, { lang: 'en' })).toContain(
      'Results returned by post: 1 dossier (rate: none arose).',
    );
    for (const stats of [{}, { received: { carriedOver: 12 } }, { pending: { overdue: 3 } }]) {
      expect(writeDossierReport(stats)).not.toContain('—');
    }
  });

  it('does not mutate its input or options', () => {
    const stats = deepFreeze(structuredClone({ ...LOC_BINH_2024.stats }));
    const options = deepFreeze({ lang: 'en' as const, basis: 'resolved' as const });
    expect(writeDossierReport(stats, options)).toContain('98.41%');
  });

  it.each([
    [
      'a negative count',
      { received: { online: -1 } },
      undefined,
      'INVALID_INPUT',
      ['stats', 'received', 'online'],
    ],
    [
      'a fractional count',
      { resolved: { late: 0.5 } },
      undefined,
      'INVALID_INPUT',
      ['stats', 'resolved', 'late'],
    ],
    ['a typo', { recieved: {} }, undefined, 'INVALID_INPUT', ['stats']],
    [
      'Vietnamese text',
      { received: { online: '8.535' } },
      undefined,
      'INVALID_INPUT',
      ['stats', 'received', 'online'],
    ],
    ['an unknown basis', {}, { basis: 'x' }, 'INVALID_OPTIONS', ['options', 'basis']],
    [
      'includeCarriedOver alone',
      {},
      { includeCarriedOver: false },
      'INVALID_OPTIONS',
      ['options', 'includeCarriedOver'],
    ],
    ['an unknown language', {}, { lang: 'fr' }, 'INVALID_OPTIONS', ['options', 'lang']],
    ['too many decimals', {}, { decimals: 21 }, 'INVALID_OPTIONS', ['options', 'decimals']],
  ] as const)('rejects %s', (_what, stats, options, code, path) => {
    const error = expectCchcError(() => writeDossierReport(stats as never, options as never), code, path);
    expect(error.issues[0]?.path).toEqual(path);
  });
});
