import { describe, expect, it } from 'vitest';
import { PAR_876_PROVINCIAL_FIELDS } from './par876Provincial.js';
import { PAR_2948_PROVINCIAL_FIELDS } from './par2948Provincial.js';
import { PAR_NATIONAL_GROUPS } from './parNationalGroups.js';

// The tables of shared/reference/par-index.md, copied here so that the data in src/indexes is
// checked against the research note, not against itself.

/** §2.1, Quyết định 2948/QĐ-BNV: field, name, criteria (TC), sub-criteria (TCTP), maximum. */
const QD_2948: [string, string, number, number, number][] = [
  ['1', 'Công tác chỉ đạo, điều hành CCHC', 6, 6, 10],
  ['2', 'Xây dựng và tổ chức thực hiện VBQPPL tại tỉnh', 4, 6, 10],
  ['3', 'Cải cách thủ tục hành chính', 5, 16, 14.5],
  ['4', 'Cải cách tổ chức bộ máy hành chính', 4, 10, 11],
  ['5', 'Xây dựng và nâng cao chất lượng đội ngũ CCVC', 9, 16, 16],
  ['6', 'Cải cách tài chính công', 3, 6, 7],
  ['7', 'Hiện đại hoá hành chính', 5, 18, 16],
  ['8', 'Tác động của CCHC đến người dân, tổ chức và phát triển KT-XH của tỉnh', 3, 3, 15.5],
];

/** §2.3, Quyết định 876/QĐ-BNV: the field names used in 2022+ results (maxima not found). */
const QD_876: [string, string][] = [
  ['1', 'Công tác chỉ đạo, điều hành CCHC'],
  ['2', 'Cải cách thể chế'],
  ['3', 'Cải cách TTHC'],
  ['4', 'Cải cách tổ chức bộ máy hành chính nhà nước'],
  ['5', 'Cải cách chế độ công vụ'],
  ['6', 'Cải cách tài chính công'],
  ['7', 'Xây dựng và phát triển chính quyền điện tử, chính quyền số'],
  ['8', 'Tác động của CCHC'],
];

describe('the PAR field tables against shared/reference/par-index.md', () => {
  it('2948/QĐ-BNV: names, criteria, sub-criteria and maxima of the 8 provincial fields', () => {
    expect(PAR_2948_PROVINCIAL_FIELDS.map((f) => [f.id, f.name, f.criteria, f.subCriteria, f.max])).toEqual(
      QD_2948,
    );
  });

  it('876/QĐ-BNV: the names of the 8 provincial fields, with no maximum or count', () => {
    expect(PAR_876_PROVINCIAL_FIELDS.map((f) => [f.id, f.name])).toEqual(QD_876);
    expect(PAR_876_PROVINCIAL_FIELDS.every((f) => f.max === null && f.criteria === null)).toBe(true);
  });

  it('each field cites its source', () => {
    for (const f of [...PAR_2948_PROVINCIAL_FIELDS, ...PAR_876_PROVINCIAL_FIELDS]) {
      expect(f.source).toMatch(/\p{L}{3}/u);
    }
  });

  it('the publication groups: A ≥ 90, B ≥ 80, C ≥ 70 (§1, PAR 2022)', () => {
    expect(PAR_NATIONAL_GROUPS.map((g) => [g.label, g.labelEn, g.minPercent])).toEqual([
      ['Nhóm A', 'Group A', 90],
      ['Nhóm B', 'Group B', 80],
      ['Nhóm C', 'Group C', 70],
    ]);
  });
});
