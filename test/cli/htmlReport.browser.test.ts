/**
 * The HTML report opened in headless Chromium (Debian's chromium driven by playwright-core):
 * the SVG bars exist with the heights and labels their figures give, and a screenshot is kept
 * in test/.artifacts/ (git-ignored). Skipped, with the reason printed, only when chromium is
 * absent and CI is not 'true' (CI installs it with .ci/setup-chromium.sh).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/node/htmlReport.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ARTIFACTS = path.join(ROOT, 'test/.artifacts');
const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const run = available || process.env.CI === 'true';
if (!run) console.log(`skipping the browser test: ${CHROMIUM} is missing (run .ci/setup-chromium.sh)`);

const html = renderHtmlReport({
  title: 'Chỉ số CCHC 2024',
  subtitle: 'example-district-2025 (1), 2024',
  paragraphs: ['Tổng số TTHC được thực hiện rà soát: 07 TTHC.'],
  units: [
    {
      id: 'xa-a',
      name: 'UBND xã A',
      points: 89.5,
      max: 100,
      percent: 89.5,
      rank: 2,
      band: 'Tốt',
      fields: [
        { id: '1', points: 9, max: 10 },
        { id: '2', points: 72, max: 80 },
        { id: '9', points: 8.5, max: 10 },
      ],
    },
    {
      id: 'xa-c',
      name: 'UBND xã C',
      points: 92.5,
      max: 100,
      percent: 92.5,
      rank: 1,
      band: 'Tốt',
      fields: [
        { id: '1', points: 8, max: 10 },
        { id: '2', points: 75.5, max: 80 },
        { id: '9', points: 9, max: 10 },
      ],
    },
  ],
  timeliness: [{ label: 'UBND xã A', early: 52006, onTime: 9942, late: 5 }],
});

describe.runIf(run)('HTML report in headless Chromium', () => {
  it('renders the field, ranking and timeliness bars with the right sizes and labels', {
    timeout: 60_000,
  }, async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('data:') && r.url() !== 'about:blank') requests.push(r.url());
      });
      await page.setContent(html, { waitUntil: 'load' });
      expect(requests).toEqual([]); // self-contained: nothing fetched

      // Field bars: one scale, the largest maximum (80) = 160 units; rendered boxes follow it.
      const bars = await page.$$eval('figure.fields[data-unit="xa-a"] g.field rect.bar-points', (rects) =>
        rects.map((r) => ({
          field: r.getAttribute('data-field'),
          height: Number(r.getAttribute('height')),
          rendered: Math.round(r.getBoundingClientRect().height * 100) / 100,
        })),
      );
      expect(bars).toEqual([
        { field: '1', height: 18, rendered: 18 },
        { field: '2', height: 144, rendered: 144 },
        { field: '9', height: 17, rendered: 17 },
      ]);
      const maxima = await page.$$eval('figure.fields[data-unit="xa-a"] g.field rect.bar-max', (rects) =>
        rects.map((r) => r.getBoundingClientRect().height),
      );
      expect(maxima).toEqual([20, 160, 20]);
      const labels = await page.$$eval('figure.fields[data-unit="xa-a"] text.value', (t) =>
        t.map((x) => x.textContent),
      );
      expect(labels).toEqual(['9', '72', '8,5']);

      // Ranking: best first, 420 units at 100 %.
      const ranks = await page.$$eval('figure.ranking g.rank', (gs) =>
        gs.map((g) => ({
          label: g.querySelector('text.label')?.textContent,
          value: g.querySelector('text.value')?.textContent,
          width: Math.round(g.querySelector('rect')!.getBoundingClientRect().width * 100) / 100,
        })),
      );
      expect(ranks).toEqual([
        { label: '1. UBND xã C', value: '92,50%', width: 388.5 },
        { label: '2. UBND xã A', value: '89,50%', width: 375.9 },
      ]);

      // Timeliness (Thái Bình 2020): segments proportional to 52.006 / 9.942 / 05 of 61.953.
      const segs = await page.$$eval('figure.timeliness g.share rect', (rs) =>
        rs.map((r) => [r.getAttribute('data-kind'), Number(r.getAttribute('width'))]),
      );
      expect(segs).toEqual([
        ['early', 352.57],
        ['onTime', 67.4],
        ['late', 0.03],
      ]);
      expect(await page.textContent('table.ranking tbody tr:first-child')).toContain('UBND xã C');

      mkdirSync(ARTIFACTS, { recursive: true });
      const shot = path.join(ARTIFACTS, 'html-report.png');
      await page.screenshot({ path: shot, fullPage: true });
      writeFileSync(path.join(ARTIFACTS, 'html-report.html'), html);
      expect(existsSync(shot)).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
