/**
 * renderHtmlReport as pure string building: labels in both languages, bar heights and widths on
 * their scales, the ranking order, and escaping of hostile names (the report is opened in a
 * browser, so a unit called `<script>` must stay text).
 */
import { describe, expect, it } from 'vitest';
import { type HtmlReportInput, renderHtmlReport } from '../../src/node/htmlReport.js';
import { deepFreeze } from '../helpers/deepFreeze.js';

const INPUT: HtmlReportInput = {
  title: 'Chỉ số CCHC 2024',
  subtitle: 'Bộ tiêu chí huyện (1), 2024',
  paragraphs: ['Tổng số hồ sơ tiếp nhận: 07 hồ sơ.', 'Tỷ lệ cắt giảm: 31,1%.'],
  units: [
    {
      id: 'xa-b',
      name: 'UBND xã B',
      points: 76.25,
      max: 100,
      percent: 76.25,
      rank: 2,
      band: 'Khá',
      fields: [
        { id: '1', name: 'Chỉ đạo', points: 5.5, max: 10 },
        { id: '2', name: 'TTHC', points: 63.75, max: 80 },
      ],
    },
    {
      id: 'xa-a',
      name: 'UBND xã A',
      points: 89.5,
      max: 100,
      percent: 89.5,
      rank: 1,
      band: 'Tốt',
      fields: [
        { id: '1', points: 9, max: 10 },
        { id: '2', points: 90, max: 80 }, // more than the maximum: the bar stops at the maximum
      ],
    },
  ],
  timeliness: [
    { label: 'UBND xã A', early: 1, onTime: 2, late: 1 },
    { label: 'Trống', early: 0, onTime: 0, late: 0 },
  ],
};

/** The attributes of the first element matching `selector` (tag and one attribute=value). */
function attrs(html: string, tag: string, attr: string, value: string): Record<string, string> {
  const re = new RegExp(`<${tag}\\b[^>]*\\b${attr}="${value}"[^>]*>`);
  const m = re.exec(html);
  if (!m) throw new Error(`no <${tag} ${attr}="${value}">`);
  return Object.fromEntries([...m[0].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
}

describe('renderHtmlReport', () => {
  const html = renderHtmlReport(deepFreeze(INPUT));

  it('is one self-contained document in the language asked, with no scripts or links', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain('<title>Chỉ số CCHC 2024</title>');
    expect(html).toContain('<h1>Chỉ số CCHC 2024</h1>\n<p class="subtitle">Bộ tiêu chí huyện (1), 2024</p>');
    expect(html).toContain('<p class="paragraph">Tỷ lệ cắt giảm: 31,1%.</p>');
    expect(html).not.toMatch(/<script|\b(src|href)=/);
  });

  it('the ranking table is sorted by rank, with vi figures', () => {
    expect(html).toContain(
      '<thead><tr><th>#</th><th>Đơn vị</th><th>điểm đạt</th><th>Chỉ số</th><th>Xếp loại</th></tr></thead>' +
        '<tbody><tr><td>1</td><td>UBND xã A</td><td>89,5/100</td><td>89,50%</td><td>Tốt</td></tr>' +
        '<tr><td>2</td><td>UBND xã B</td><td>76,25/100</td><td>76,25%</td><td>Khá</td></tr></tbody>',
    );
  });

  it('field bars share one scale: the largest maximum is 160 units high; points stop at the maximum', () => {
    // Scale: the largest field maximum (80) = 160 units; a 10-point maximum is 20 units.
    const unitB = html.slice(html.indexOf('data-unit="xa-b"><figcaption'));
    expect(attrs(unitB, 'rect', 'class', 'bar-max')).toMatchObject({
      'data-value': '10',
      height: '20',
      y: '160',
    });
    expect(attrs(unitB, 'rect', 'class', 'bar-points')).toMatchObject({
      'data-value': '5.5',
      height: '11',
      y: '169',
    });
    const unitA = html.slice(html.indexOf('data-unit="xa-a"><figcaption'));
    const over = unitA.slice(unitA.indexOf('data-field="2"'));
    expect(attrs(over, 'rect', 'class', 'bar-max')).toMatchObject({ height: '160', y: '20' });
    expect(attrs(over, 'rect', 'class', 'bar-points')).toMatchObject({ 'data-value': '90', height: '160' });
    expect(unitB).toContain('<title>2 TTHC: 63,75/80</title>');
    expect(unitA).toContain('<title>1: 9/10</title>'); // a field without a name
    expect(html).toContain('<figcaption>UBND xã B: Điểm theo lĩnh vực so với điểm tối đa</figcaption>');
  });

  it('ranking bars: 420 units at 100 %, best first', () => {
    const a = attrs(html, 'rect', 'data-unit', 'xa-a');
    expect(a).toMatchObject({ class: 'bar-rank', width: '375.9', y: '5' }); // 89,5 % of 420
    expect(attrs(html, 'rect', 'data-unit', 'xa-b')).toMatchObject({ width: '320.25', y: '31' });
    expect(html).toContain('<title>1. UBND xã A: 89,50%</title>');
  });

  it('timeliness bars: shares of 420 units laid end to end; an empty group has empty bars', () => {
    const group = html.slice(html.indexOf('data-group="UBND xã A"'));
    expect(attrs(group, 'rect', 'data-kind', 'early')).toMatchObject({
      x: '170',
      width: '105',
      'data-count': '1',
    });
    expect(attrs(group, 'rect', 'data-kind', 'onTime')).toMatchObject({ x: '275', width: '210' });
    expect(attrs(group, 'rect', 'data-kind', 'late')).toMatchObject({ x: '485', width: '105' });
    expect(group).toContain('<title>UBND xã A: Đúng hạn 2 (50%)</title>');
    const empty = html.slice(html.indexOf('data-group="Trống"'));
    expect(attrs(empty, 'rect', 'data-kind', 'early')).toMatchObject({ width: '0' });
    expect(empty).toContain('<title>Trống: Trước hạn 0 (—)</title>');
    expect(html).toContain('<figcaption>Tỷ lệ giải quyết hồ sơ</figcaption>');
  });

  it('English labels and figures', () => {
    const en = renderHtmlReport({ ...INPUT, lang: 'en' });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<th>Unit</th><th>points</th><th>Index</th><th>Band</th>');
    expect(en).toContain('<td>76.25/100</td><td>76.25%</td>');
    expect(en).toContain('Field scores against maxima');
    expect(en).toContain('<figcaption>Dossier timeliness</figcaption>');
    expect(en).toContain('<title>UBND xã A: On time 2 (50%)</title>');
  });

  it('escapes hostile names, ids, labels and titles everywhere', () => {
    const evil = '<script>alert("x")</script>&\'';
    const out = renderHtmlReport({
      title: evil,
      subtitle: evil,
      paragraphs: [evil],
      units: [
        {
          id: evil,
          name: evil,
          points: 1,
          max: 2,
          percent: 50,
          band: evil,
          fields: [{ id: evil, name: evil, points: 1, max: 2 }],
        },
      ],
      timeliness: [{ label: evil, early: 1, onTime: 0, late: 0 }],
    });
    expect(out).not.toContain('<script');
    expect(out).not.toContain('alert("x")');
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;';
    expect(out).toContain(`<title>${escaped}</title>`);
    expect(out).toContain(`data-unit="${escaped}"`);
    expect(out).toContain(`data-field="${escaped}"`);
    expect(out).toContain(`data-group="${escaped}"`);
    expect(out).toContain(`<td>${escaped}</td>`);
  });

  it('ranked units come first in rank order, unranked ones after them in the order given', () => {
    const unit = (id: string, rank?: number) => ({
      id,
      points: 1,
      max: 1,
      percent: 100,
      fields: [],
      ...(rank ? { rank } : {}),
    });
    const out = renderHtmlReport({
      title: 't',
      units: [unit('n1'), unit('r2', 2), unit('n2'), unit('r1', 1), unit('n3')],
    });
    const order = [...out.matchAll(/<g class="rank" data-unit="(\w+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['r1', 'r2', 'n1', 'n2', 'n3']);
    const table = [...out.matchAll(/<tr><td>(\d*)<\/td><td>(\w+)<\/td>/g)].map((m) => `${m[1]}${m[2]}`);
    expect(table).toEqual(['1r1', '2r2', 'n1', 'n2', 'n3']);
  });

  it('units without rank, name, band or percent; no units and no timeliness: no charts', () => {
    const out = renderHtmlReport({
      title: 't',
      units: [
        { id: 'u2', points: 0, max: 0, percent: null, fields: [{ id: 'f', points: 0, max: 0 }] },
        { id: 'u1', name: null, points: 1, max: 2, percent: 150, band: null, rank: 1, fields: [] },
      ],
      timeliness: [],
    });
    // Ranked units first; an unranked one is numbered by its place.
    expect(out).toContain(
      '<tbody><tr><td>1</td><td>u1</td><td>1/2</td><td>150,00%</td><td></td></tr><tr><td></td><td>u2</td><td>0/0</td><td>—</td><td></td></tr>',
    );
    expect(attrs(out, 'g', 'data-unit', 'u2')).toMatchObject({ class: 'rank', 'data-rank': '2' });
    expect(attrs(out, 'rect', 'data-unit', 'u1')).toMatchObject({ width: '420' }); // capped at 100 %
    expect(attrs(out, 'rect', 'data-unit', 'u2')).toMatchObject({ width: '0', 'data-value': '0' });
    expect(out).toContain('<title>2. u2: —</title>');
    // Every field maximum 0: no scale, bars of height 0.
    expect(attrs(out, 'rect', 'class', 'bar-max')).toMatchObject({ height: '0' });
    expect(out).not.toContain('class="chart timeliness"');
    const bare = renderHtmlReport({ title: 'Trống' });
    expect(bare).not.toContain('<svg');
    expect(bare).not.toContain('class="subtitle"');
    expect(bare).toContain('<body>\n<h1>Trống</h1>\n</body>');
  });
});
