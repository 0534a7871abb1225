/**
 * The check of a score report given to `compareScores`: the parts it reads must have the shape
 * `scoreUnit` gives them (a report read from JSON or edited by hand may not), so that a wrong one
 * is an `INVALID_INPUT` naming the place, never a TypeError or a NaN in the comparison.
 * @internal
 * @module
 */
import { CchcError, type CchcIssue, type IssuePath } from '../../index.js';
import { isRecord } from '../ExpectedScores.js';

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number') return String(value);
  if (value === null || value === undefined) return String(value);
  return Array.isArray(value) ? 'a list' : `a value of type ${typeof value}`;
}

/**
 * Checks the parts of a report that the comparison reads: `unit.id`, `period`, `ruleSet.id` and
 * `.version`, `total` (`points`, `roundedPercent`, `max`, `pendingMax`, `status`), `band.label`,
 * and each node's `id`, `name`, `points`, `status`, `reason` and `explanation`.
 * @throws {@link CchcError} `INVALID_INPUT`, paths starting with `root`.
 * @internal
 */
export function checkReport(report: unknown, root: IssuePath = ['report']): void {
  const issues: CchcIssue[] = [];
  const expect = (ok: boolean, at: IssuePath, what: string, value: unknown) => {
    if (!ok) issues.push({ path: [...root, ...at], message: `expected ${what}, received ${shown(value)}.` });
  };
  const text = (v: unknown) => typeof v === 'string';
  const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  if (!isRecord(report)) {
    expect(false, [], 'a score report (the result of scoreUnit)', report);
    throw new CchcError('INVALID_INPUT', issues);
  }
  const { unit, ruleSet, total, band, nodes } = report;
  expect(
    isRecord(unit) && text(unit.id),
    ['unit', 'id'],
    'the unit id (text)',
    isRecord(unit) ? unit.id : unit,
  );
  if (isRecord(unit) && unit.name !== undefined)
    expect(unit.name === null || text(unit.name), ['unit', 'name'], 'a unit name (text) or null', unit.name);
  expect(text(report.period), ['period'], 'the period (text)', report.period);
  for (const key of ['id', 'version'] as const)
    expect(
      isRecord(ruleSet) && text(ruleSet[key]),
      ['ruleSet', key],
      `the rule set ${key} (text)`,
      isRecord(ruleSet) ? ruleSet[key] : ruleSet,
    );
  if (!isRecord(total)) expect(false, ['total'], 'the total { points, roundedPercent, max, … }', total);
  else {
    for (const key of ['points', 'max', 'pendingMax'] as const)
      expect(finite(total[key]), ['total', key], 'a finite number', total[key]);
    expect(
      total.roundedPercent === null || finite(total.roundedPercent),
      ['total', 'roundedPercent'],
      'a finite number or null',
      total.roundedPercent,
    );
    expect(text(total.status), ['total', 'status'], 'a status (text)', total.status);
  }
  if (band !== undefined && band !== null)
    expect(
      isRecord(band) && text(band.label),
      ['band', 'label'],
      'the band label (text)',
      isRecord(band) ? band.label : band,
    );
  if (!Array.isArray(nodes)) expect(false, ['nodes'], 'the list of nodes', nodes);
  else {
    for (let i = 0; i < nodes.length; i++) {
      const node: unknown = nodes[i];
      if (!isRecord(node)) {
        expect(false, ['nodes', i], 'a node { id, points, status, … }', node);
        continue;
      }
      expect(text(node.id), ['nodes', i, 'id'], 'a node id (text)', node.id);
      expect(
        node.name === undefined || node.name === null || text(node.name),
        ['nodes', i, 'name'],
        'a node name (text) or null',
        node.name,
      );
      expect(finite(node.points), ['nodes', i, 'points'], 'a finite number', node.points);
      expect(text(node.status), ['nodes', i, 'status'], 'a status (text)', node.status);
      expect(text(node.reason), ['nodes', i, 'reason'], 'a reason code (text)', node.reason);
      const explanation = node.explanation;
      if (explanation !== undefined)
        expect(
          isRecord(explanation) && text(explanation.vi) && text(explanation.en),
          ['nodes', i, 'explanation'],
          'an explanation { vi, en } (texts)',
          explanation,
        );
    }
  }
  if (issues.length > 0)
    throw new CchcError('INVALID_INPUT', issues, { summary: 'the report is not the shape scoreUnit gives.' });
}
