import { z } from 'zod';
import { describeValue, parseWith } from '../errors/fromZod.js';
import { formatNumber } from '../format/formatNumber.js';
import { formatPercent } from '../format/formatPercent.js';

/**
 * One unit in an HTML report: its total, its rank and the points of each field (lĩnh vực).
 * @category Node
 */
export interface HtmlReportUnit {
  readonly id: string;
  readonly name?: string | null;
  /** Points achieved and the maximum of the whole index. */
  readonly points: number;
  readonly max: number;
  /** The index in percent (0–100), or `null` when it has no denominator. */
  readonly percent: number | null;
  /** Place in the cohort (1 = best), when ranked. */
  readonly rank?: number;
  /** The band reached (xếp loại), when there is one. */
  readonly band?: string | null;
  /** The top-level fields: points against maxima. */
  readonly fields: readonly {
    readonly id: string;
    readonly name?: string | null;
    readonly points: number;
    readonly max: number;
  }[];
}

/**
 * The content of an HTML report: titles and paragraphs, the units with their field scores, and
 * the timeliness of dossiers per group.
 * @category Node
 */
export interface HtmlReportInput {
  readonly title: string;
  /** `'vi'` (default) or `'en'`: the language of labels and the number format. */
  readonly lang?: 'vi' | 'en';
  /** A line under the title (rule set, period). */
  readonly subtitle?: string;
  /** Paragraphs of text shown before the charts. */
  readonly paragraphs?: readonly string[];
  /** Units scored; their field chart and the ranking. */
  readonly units?: readonly HtmlReportUnit[];
  /** Dossiers resolved per group: the timeliness chart (shares of early, on time, late). */
  readonly timeliness?: readonly {
    readonly label: string;
    readonly early: number;
    readonly onTime: number;
    readonly late: number;
  }[];
}

const str = (what: string) =>
  z.string({ error: (iss) => `expected ${what} (text), received ${describeValue(iss.input)}.` });
const num = (what: string) =>
  z.number({ error: (iss) => `expected ${what} (a finite number), received ${describeValue(iss.input)}.` });
const list = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item, { error: (iss) => `expected a list of ${what}, received ${describeValue(iss.input)}.` });

/** The shape of {@link HtmlReportInput}, checked before anything is written. */
const HtmlReportInputSchema = z.object(
  {
    title: str('a title'),
    lang: z
      .enum(['vi', 'en'], { error: (iss) => `expected 'vi' or 'en', received ${describeValue(iss.input)}.` })
      .optional(),
    subtitle: str('a subtitle').optional(),
    paragraphs: list(str('a paragraph'), 'paragraphs').optional(),
    units: list(
      z.object(
        {
          id: str('a unit id'),
          name: str('a unit name').nullable().optional(),
          points: num('points'),
          max: num('a maximum'),
          percent: num('a percentage').nullable(),
          rank: z
            .number({ error: (iss) => `expected a rank (1, 2, …), received ${describeValue(iss.input)}.` })
            .int({ error: 'expected a whole rank (1, 2, …).' })
            .min(1, { error: 'expected a rank from 1.' })
            .optional(),
          band: str('a band').nullable().optional(),
          fields: list(
            z.object(
              {
                id: str('a field id'),
                name: str('a field name').nullable().optional(),
                points: num('points'),
                max: num('a maximum'),
              },
              {
                error: (iss) => `expected a field { id, points, max }, received ${describeValue(iss.input)}.`,
              },
            ),
            'fields',
          ),
        },
        {
          error: (iss) =>
            `expected a unit { id, points, max, percent, fields }, received ${describeValue(iss.input)}.`,
        },
      ),
      'units',
    ).optional(),
    timeliness: list(
      z.object(
        {
          label: str('a label'),
          early: num('a count').min(0, { error: 'expected a count of 0 or more.' }),
          onTime: num('a count').min(0, { error: 'expected a count of 0 or more.' }),
          late: num('a count').min(0, { error: 'expected a count of 0 or more.' }),
        },
        {
          error: (iss) => `expected { label, early, onTime, late }, received ${describeValue(iss.input)}.`,
        },
      ),
      'timeliness groups',
    ).optional(),
  },
  {
    error: (iss) =>
      `expected the report's content { title, units, … }, received ${describeValue(iss.input)}.`,
  },
);

const TEXT = {
  vi: {
    fields: 'Điểm theo lĩnh vực so với điểm tối đa',
    ranking: 'Xếp hạng',
    timeliness: 'Tỷ lệ giải quyết hồ sơ',
    points: 'điểm đạt',
    max: 'điểm tối đa',
    early: 'Trước hạn',
    onTime: 'Đúng hạn',
    late: 'Quá hạn',
    unit: 'Đơn vị',
    index: 'Chỉ số',
    band: 'Xếp loại',
  },
  en: {
    fields: 'Field scores against maxima',
    ranking: 'Ranking',
    timeliness: 'Dossier timeliness',
    points: 'points',
    max: 'maximum',
    early: 'Early',
    onTime: 'On time',
    late: 'Late',
    unit: 'Unit',
    index: 'Index',
    band: 'Band',
  },
} as const;

/** Escapes text for HTML content and attribute values. */
function esc(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A length in the SVG, two decimals. */
function px(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Chart heights (bar area) and widths, in SVG units. */
const BAR_AREA = 160;
const RANK_WIDTH = 420;
const SHARE_WIDTH = 420;

function fieldChart(unit: HtmlReportUnit, scaleMax: number, lang: 'vi' | 'en'): string {
  const t = TEXT[lang];
  const slot = 56;
  const top = 20;
  const width = Math.max(240, unit.fields.length * slot + 40);
  const height = top + BAR_AREA + 44;
  const parts: string[] = [];
  unit.fields.forEach((f, i) => {
    const x = 30 + i * slot;
    const hMax = scaleMax > 0 ? (f.max / scaleMax) * BAR_AREA : 0;
    const hPts = scaleMax > 0 ? (Math.max(0, Math.min(f.points, f.max)) / scaleMax) * BAR_AREA : 0;
    const label = `${f.id}${f.name ? ` ${f.name}` : ''}: ${formatNumber(f.points, { locale: lang, decimals: 2, trimZeros: true })}/${formatNumber(f.max, { locale: lang, decimals: 2, trimZeros: true })}`;
    parts.push(
      `<g class="field" data-field="${esc(f.id)}"><title>${esc(label)}</title>` +
        `<rect class="bar-max" data-field="${esc(f.id)}" data-value="${f.max}" x="${x}" y="${px(top + BAR_AREA - hMax)}" width="36" height="${px(hMax)}"/>` +
        `<rect class="bar-points" data-field="${esc(f.id)}" data-value="${f.points}" x="${x + 6}" y="${px(top + BAR_AREA - hPts)}" width="24" height="${px(hPts)}"/>` +
        `<text class="value" x="${x + 18}" y="${px(top + BAR_AREA - hMax - 4)}" text-anchor="middle">${esc(formatNumber(f.points, { locale: lang, decimals: 2, trimZeros: true }))}</text>` +
        `<text class="label" x="${x + 18}" y="${top + BAR_AREA + 16}" text-anchor="middle">${esc(f.id)}</text></g>`,
    );
  });
  const title = `${unit.name ?? unit.id}`;
  return (
    `<figure class="chart fields" data-unit="${esc(unit.id)}"><figcaption>${esc(title)}: ${esc(t.fields)}</figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(`${title}: ${t.fields}`)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<line class="axis" x1="24" y1="${top + BAR_AREA}" x2="${width - 4}" y2="${top + BAR_AREA}"/>` +
    parts.join('') +
    `<g class="legend"><rect class="bar-max" x="30" y="${top + BAR_AREA + 26}" width="10" height="10"/><text x="44" y="${top + BAR_AREA + 35}">${esc(t.max)}</text>` +
    `<rect class="bar-points" x="130" y="${top + BAR_AREA + 26}" width="10" height="10"/><text x="144" y="${top + BAR_AREA + 35}">${esc(t.points)}</text></g>` +
    `</svg></figure>`
  );
}

function rankingChart(units: readonly HtmlReportUnit[], lang: 'vi' | 'en'): string {
  const t = TEXT[lang];
  const ranked = [...units].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  const row = 26;
  const left = 170;
  const height = ranked.length * row + 10;
  const width = left + RANK_WIDTH + 80;
  const bars = ranked.map((u, i) => {
    const pct = u.percent ?? 0;
    const w = (Math.max(0, Math.min(100, pct)) / 100) * RANK_WIDTH;
    const y = 5 + i * row;
    const shown = u.percent === null ? '—' : formatPercent(u.percent / 100, { locale: lang, decimals: 2 });
    const label = `${u.rank ?? i + 1}. ${u.name ?? u.id}`;
    return (
      `<g class="rank" data-unit="${esc(u.id)}" data-rank="${u.rank ?? i + 1}"><title>${esc(`${label}: ${shown}`)}</title>` +
      `<text class="label" x="${left - 8}" y="${y + 15}" text-anchor="end">${esc(label)}</text>` +
      `<rect class="bar-rank" data-unit="${esc(u.id)}" data-value="${pct}" x="${left}" y="${y}" width="${px(w)}" height="20"/>` +
      `<text class="value" x="${px(left + w + 6)}" y="${y + 15}">${esc(shown)}</text></g>`
    );
  });
  return (
    `<figure class="chart ranking"><figcaption>${esc(t.ranking)}</figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(t.ranking)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    bars.join('') +
    `</svg></figure>`
  );
}

function timelinessChart(groups: NonNullable<HtmlReportInput['timeliness']>, lang: 'vi' | 'en'): string {
  const t = TEXT[lang];
  const row = 26;
  const left = 170;
  const height = groups.length * row + 40;
  const width = left + SHARE_WIDTH + 20;
  const kinds = [
    ['early', t.early],
    ['onTime', t.onTime],
    ['late', t.late],
  ] as const;
  const bars = groups.map((g, i) => {
    const total = g.early + g.onTime + g.late;
    const y = 5 + i * row;
    let x = left;
    const segs = kinds.map(([k, name]) => {
      const n = g[k];
      const w = total > 0 ? (n / total) * SHARE_WIDTH : 0;
      const share =
        total > 0 ? formatPercent(n / total, { locale: lang, decimals: 2, trimZeros: true }) : '—';
      const s = `<rect class="seg seg-${k}" data-kind="${k}" data-count="${n}" x="${px(x)}" y="${y}" width="${px(w)}" height="20"><title>${esc(`${g.label}: ${name} ${formatNumber(n, { locale: lang })} (${share})`)}</title></rect>`;
      x += w;
      return s;
    });
    return `<g class="share" data-group="${esc(g.label)}"><text class="label" x="${left - 8}" y="${y + 15}" text-anchor="end">${esc(g.label)}</text>${segs.join('')}</g>`;
  });
  const ly = groups.length * row + 20;
  const legend = kinds
    .map(
      ([k, name], i) =>
        `<rect class="seg seg-${k}" x="${left + i * 110}" y="${ly}" width="10" height="10"/><text x="${left + i * 110 + 14}" y="${ly + 9}">${esc(name)}</text>`,
    )
    .join('');
  return (
    `<figure class="chart timeliness"><figcaption>${esc(t.timeliness)}</figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(t.timeliness)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    bars.join('') +
    `<g class="legend">${legend}</g></svg></figure>`
  );
}

const STYLE = `body{font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;margin:2rem;color:#1b1f24;max-width:1100px}
h1{font-size:1.5rem;margin-bottom:.2rem}.subtitle{color:#555;margin-top:0}
figure{margin:1.5rem 0}figcaption{font-weight:600;margin-bottom:.4rem}
svg text{font-size:12px;fill:#1b1f24}.axis{stroke:#888}
.bar-max{fill:#d5dbe3}.bar-points{fill:#1f6feb}.bar-rank{fill:#2da44e}
.seg-early{fill:#2da44e}.seg-onTime{fill:#54aeff}.seg-late{fill:#cf222e}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccd;padding:.25rem .6rem;text-align:right}
td:first-child,th:first-child{text-align:left}.fields-grid{display:flex;flex-wrap:wrap;gap:1rem}`;

/**
 * Builds a self-contained HTML report (one file, no scripts, no network, no external assets)
 * with inline SVG charts: field scores against maxima per unit, the cohort ranking, and the
 * timeliness shares of dossiers.
 *
 * @remarks
 * Pure string building: the caller writes the file. Bars carry `data-*` attributes with their
 * values (`data-field`, `data-value`, `data-unit`, `data-rank`, `data-kind`, `data-count`) so a
 * test or a reader's script can check them; field bars share one scale (the largest field
 * maximum = 160 SVG units), ranking bars are 420 units at 100 %. Figures are vi-VN by default.
 *
 * @param input - title, paragraphs, units, timeliness groups.
 * @returns the HTML document as a string.
 * @example
 * ```ts
 * import { renderHtmlReport } from 'cchc-index/node';
 * const html = renderHtmlReport({
 *   title: 'Chỉ số CCHC 2024',
 *   units: [{ id: 'xa-A', points: 8, max: 10, percent: 80, rank: 1, fields: [{ id: '1', points: 8, max: 10 }] }],
 * });
 * html.includes('<rect class="bar-points" data-field="1" data-value="8"');
 * // => true
 * /\b(src|href)=/.test(html); // nothing to fetch
 * // => false
 * ```
 * @throws {@link cchc-index!CchcError} `INVALID_INPUT` when the content is not of the shape above (paths
 *   start with `input`).
 * @category Node
 */
export function renderHtmlReport(input: HtmlReportInput): string {
  parseWith(z.object({ input: HtmlReportInputSchema }), { input }, 'INVALID_INPUT');
  const lang = input.lang ?? 'vi';
  const t = TEXT[lang];
  const units = input.units ?? [];
  const scaleMax = Math.max(0, ...units.flatMap((u) => u.fields.map((f) => f.max)));
  const body: string[] = [];
  body.push(`<h1>${esc(input.title)}</h1>`);
  if (input.subtitle) body.push(`<p class="subtitle">${esc(input.subtitle)}</p>`);
  for (const p of input.paragraphs ?? []) body.push(`<p class="paragraph">${esc(p)}</p>`);
  if (units.length > 0) {
    const ranked = [...units].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
    body.push(
      `<table class="ranking"><thead><tr><th>#</th><th>${esc(t.unit)}</th><th>${esc(t.points)}</th><th>${esc(t.index)}</th><th>${esc(t.band)}</th></tr></thead><tbody>` +
        ranked
          .map(
            (u) =>
              `<tr><td>${u.rank ?? ''}</td><td>${esc(u.name ?? u.id)}</td><td>${esc(formatNumber(u.points, { locale: lang, decimals: 2, trimZeros: true }))}/${esc(formatNumber(u.max, { locale: lang, decimals: 2, trimZeros: true }))}</td><td>${u.percent === null ? '—' : esc(formatPercent(u.percent / 100, { locale: lang, decimals: 2 }))}</td><td>${esc(u.band ?? '')}</td></tr>`,
          )
          .join('') +
        `</tbody></table>`,
    );
    body.push(rankingChart(units, lang));
    body.push(`<div class="fields-grid">${units.map((u) => fieldChart(u, scaleMax, lang)).join('')}</div>`);
  }
  if (input.timeliness && input.timeliness.length > 0) body.push(timelinessChart(input.timeliness, lang));
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(input.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
