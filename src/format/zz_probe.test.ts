import { it } from 'vitest';
import { formatNumber } from '/work/main/src/format/formatNumber.js';
import { formatPercent } from '/work/main/src/format/formatPercent.js';
import { parseNumber } from '/work/main/src/format/parseNumber.js';
import { parsePercent } from '/work/main/src/format/parsePercent.js';
function t(f: () => unknown) { try { const r = f(); return typeof r === 'string' && r.length > 80 ? `len ${r.length}` : r; } catch (e) { return `ERR ${(e as any).code}: ${(e as Error).message}`; } }
it('probe', () => {
  const out: unknown[] = [];
  out.push(t(() => formatNumber('1e-400')));
  out.push(t(() => formatNumber('1e-9000000000000000')));
  out.push(t(() => formatNumber('1e-9000000000000000', { decimals: 2 })));
  out.push(t(() => formatNumber(5e-324)));
  out.push(t(() => formatNumber(Number.MAX_VALUE)));
  out.push(t(() => formatPercent(Number.MAX_VALUE)));
  out.push(t(() => formatNumber('-0.000')));
  out.push(t(() => formatNumber('1.')));
  out.push(t(() => parseNumber('0.123')));
  out.push(t(() => parseNumber('Infinity')));
  out.push(t(() => parseNumber('NaN')));
  out.push(t(() => parseNumber('−5')));
  out.push(t(() => parseNumber('1.234.567', { locale: 'en' })));
  out.push(t(() => parseNumber('0,' + '0'.repeat(400) + '1')));
  out.push(t(() => parseNumber('1,5e3')));
  out.push(t(() => parsePercent('1e-9000000000000000%', {locale:'en'})));
  console.log(out.join('\n'));
});
