/**
 * Rows of a dossier export → dossier records: the header row, the column map, value maps and the
 * record check, with problems named by file, row and column.
 * @internal
 * @module
 */
import type { DossierChannel, DossierRecordInput, DossierStatus } from '../dossiers/DossierRecord.js';
import { newScratch, readRecord } from '../dossiers/summarize/readRecord.js';
import { CchcError } from '../errors/CchcError.js';
import {
  type Cell,
  cellBoolean,
  cellText,
  cellTimestamp,
  UNREADABLE_CELL,
  UNREADABLE_MESSAGE,
  utf8Of,
} from './cells.js';
import {
  columnLetter,
  DEFAULT_CHANNEL_VALUES,
  DEFAULT_DOSSIER_COLUMNS,
  DEFAULT_STATUS_VALUES,
  type DossierColumnMap,
  type DossierField,
  locateColumns,
  mergeColumns,
  normalizeLabel,
} from './columns.js';
import { type RowProblem, rowError } from './RowProblem.js';

/**
 * How the columns and values of a dossier export are read; options of {@link readDossierFile},
 * {@link parseDossierCsv} and {@link summarizeDossierFile}.
 * @category Node
 */
export interface DossierTableOptions {
  /** Headers per field, replacing the defaults of the fields given (see {@link DEFAULT_DOSSIER_COLUMNS}). */
  columns?: { [F in DossierField]?: string | readonly string[] };
  /** Extra channel texts, merged over {@link DEFAULT_CHANNEL_VALUES} (keys compared like headers). */
  channelValues?: Readonly<Record<string, DossierChannel>>;
  /** Extra status texts, merged over {@link DEFAULT_STATUS_VALUES}. */
  statusValues?: Readonly<Record<string, DossierStatus>>;
  /**
   * The offset (minutes) used to check that dates are in order (finished after received, …).
   * Default 420 (Asia/Ho_Chi_Minh).
   */
  utcOffsetMinutes?: number;
}

/** The columns found in the header row. @internal */
export interface DossierLayout {
  readonly headerRow: number;
  readonly header: readonly string[];
  readonly index: Partial<Record<DossierField, number>>;
}

const REQUIRED: readonly DossierField[] = ['id', 'channel', 'receivedAt'];

/** Rows before the header that may be titles ("BÁO CÁO …"). */
export const MAX_TITLE_ROWS = 50;

function label(layout: DossierLayout, field: DossierField): string {
  const i = layout.index[field]!;
  return `"${layout.header[i] ?? field}" (${columnLetter(i)})`;
}

/**
 * Finds the header: the first row (within {@link MAX_TITLE_ROWS}) naming the required columns.
 * Returns `null` when `cells` is not it.
 * @internal
 */
export function tryLayout(cells: readonly Cell[], row: number, map: DossierColumnMap): DossierLayout | null {
  const index = locateColumns<DossierField>(cells, map);
  if (REQUIRED.some((f) => index[f] === undefined)) return null;
  return { headerRow: row, header: cells.map((c) => cellText(c)), index };
}

/** The error when no header row was found. @internal */
export function noHeader(file: string, firstCells: readonly Cell[] | null, map: DossierColumnMap): CchcError {
  const missing = REQUIRED.map((f) => `${f} (${(map[f] ?? []).map((h) => `"${h}"`).join(', ')})`);
  const seen = firstCells ? firstCells.map((c) => JSON.stringify(cellText(c))).join(', ') : 'nothing';
  return new CchcError('INVALID_INPUT', [
    {
      path: [file, 1],
      message: `${file}: no header row with the columns ${missing.join('; ')} in the first ${MAX_TITLE_ROWS} rows (the first row has ${seen}); pass columns to map the export's headers.`,
    },
  ]);
}

/** The column map in force. @internal */
export function dossierColumnMap(options: DossierTableOptions | undefined): DossierColumnMap {
  return mergeColumns<DossierField>(DEFAULT_DOSSIER_COLUMNS, options?.columns);
}

function valueMap<T>(defaults: Readonly<Record<string, T>>, extra: Readonly<Record<string, T>> | undefined) {
  const m = new Map<string, T>();
  for (const [k, v] of Object.entries(defaults)) m.set(normalizeLabel(k), v);
  if (extra) for (const [k, v] of Object.entries(extra)) m.set(normalizeLabel(k), v);
  return m;
}

/**
 * Builds the row → record function of a layout. It returns the record, or `null` after pushing
 * the row's problems.
 * @internal
 */
export function dossierMapper(
  file: string,
  layout: DossierLayout,
  options: DossierTableOptions | undefined,
  check: boolean,
): (
  cells: readonly Cell[],
  row: number,
  problems: RowProblem[],
  binary: boolean,
) => DossierRecordInput | null {
  const ix = layout.index;
  const channels = valueMap<DossierChannel>(DEFAULT_CHANNEL_VALUES, options?.channelValues);
  const statuses = valueMap<DossierStatus>(DEFAULT_STATUS_VALUES, options?.statusValues);
  // Raw cell text → value; exports use a handful of texts, so each is normalised once.
  const channelCache = new Map<string, DossierChannel | null>();
  const statusCache = new Map<string, DossierStatus | null | 'empty'>();
  const offset = options?.utcOffsetMinutes ?? 420;
  const scratch = newScratch();
  const iId = ix.id!;
  const iChannel = ix.channel!;
  const iReceived = ix.receivedAt!;
  const iUnit = ix.unit ?? -1;
  const iProcedure = ix.procedureCode ?? -1;
  const iLevel = ix.level ?? -1;
  const iDue = ix.dueAt ?? -1;
  const iFinished = ix.finishedAt ?? -1;
  const iStatus = ix.status ?? -1;
  const iPost = ix.returnedByPost ?? -1;
  const channelList = [...new Set(channels.keys())].map((k) => `"${k}"`).join(', ');
  const statusList = [...new Set(statuses.keys())].map((k) => `"${k}"`).join(', ');

  const problem = (row: number, field: DossierField | null, message: string): RowProblem => ({
    file,
    row,
    column: field === null || ix[field] === undefined ? null : label(layout, field),
    field,
    message,
  });

  // The columns used, for the check of unreadable cells (XLSX).
  const used = (Object.keys(ix) as DossierField[]).map((field) => [field, ix[field]!] as const);

  return (cells, row, problems, binary) => {
    if (!binary) {
      let unreadable = false;
      for (const [field, i] of used) {
        if (cells[i] !== UNREADABLE_CELL) continue;
        problems.push(problem(row, field, UNREADABLE_MESSAGE));
        unreadable = true;
      }
      if (unreadable) return null;
    }
    const before = problems.length;
    const text = binary ? binaryText : cellText;
    const id = text(cells[iId]);
    if (id === '') problems.push(problem(row, 'id', 'is empty: expected the dossier code (mã hồ sơ).'));
    const record: Record<string, unknown> = { id };
    if (iProcedure >= 0) {
      const v = text(cells[iProcedure]);
      if (v !== '') record.procedureCode = v;
    }
    if (iUnit >= 0) {
      const v = text(cells[iUnit]);
      if (v !== '') record.unit = v;
    }
    if (iLevel >= 0) {
      const v = text(cells[iLevel]);
      if (v !== '') record.level = v;
    }
    // The cache is keyed by the cell as read (a byte string untrimmed, else the trimmed text).
    const rawChannel = binary ? rawOf(cells[iChannel]) : cellText(cells[iChannel]);
    let channel = channelCache.get(rawChannel);
    if (channel === undefined) {
      channel = channels.get(normalizeLabel(text(rawChannel))) ?? null;
      channelCache.set(rawChannel, channel);
    }
    if (channel === null) {
      problems.push(
        problem(
          row,
          'channel',
          `expected a channel (${channelList}), received ${JSON.stringify(text(rawChannel))}; pass channelValues to map other texts.`,
        ),
      );
    } else record.channel = channel;
    const received = cellTimestamp(text(cells[iReceived]));
    if (received === '')
      problems.push(problem(row, 'receivedAt', 'is empty: expected the reception date (ngày tiếp nhận).'));
    record.receivedAt = received;
    if (iDue >= 0) {
      const v = cellTimestamp(text(cells[iDue]));
      if (v !== '') record.dueAt = v;
    }
    let finished = '';
    if (iFinished >= 0) {
      finished = cellTimestamp(text(cells[iFinished]));
      if (finished !== '') record.finishedAt = finished;
    }
    let status: DossierStatus | null = null;
    const rawStatus = iStatus < 0 ? '' : binary ? rawOf(cells[iStatus]) : cellText(cells[iStatus]);
    // Cached per cell as read: a status, `null` (unknown) or 'empty' (blank once trimmed).
    let cached = rawStatus === '' ? 'empty' : statusCache.get(rawStatus);
    if (cached === undefined) {
      const t = text(rawStatus);
      cached = t === '' ? 'empty' : (statuses.get(normalizeLabel(t)) ?? null);
      statusCache.set(rawStatus, cached);
    }
    if (cached === 'empty') {
      status = finished === '' ? 'processing' : 'resolved';
    } else {
      status = cached;
      if (status === null) {
        problems.push(
          problem(
            row,
            'status',
            `expected a status (${statusList}), received ${JSON.stringify(text(rawStatus))}; pass statusValues to map other texts.`,
          ),
        );
      }
    }
    if (status !== null) record.status = status;
    if (iPost >= 0) {
      const b = cellBoolean(text(cells[iPost]));
      if (b === null) {
        problems.push(
          problem(
            row,
            'returnedByPost',
            `expected yes or no ("có"/"không", "x"/empty, 1/0), received ${JSON.stringify(text(cells[iPost]))}.`,
          ),
        );
      } else if (b) record.returnedByPost = true;
    }
    if (problems.length > before) return null;
    if (check) {
      try {
        readRecord(record, offset, scratch, 'row', row);
      } catch (error) {
        if (!(error instanceof CchcError)) throw error;
        for (const issue of error.issues) {
          const field = (issue.path[2] as DossierField | undefined) ?? null;
          const raw = field !== null && ix[field] !== undefined ? text(cells[ix[field]!]) : null;
          const shown =
            raw !== null && raw !== record[field!] ? ` (the cell reads ${JSON.stringify(raw)})` : '';
          problems.push(problem(row, field, `${issue.message.replace(/\.$/, '')}${shown}.`));
        }
        return null;
      }
    }
    return record as unknown as DossierRecordInput;
  };
}

/** A byte string as read by the CSV fast path (`''` for a missing cell). */
function rawOf(cell: Cell): string {
  return typeof cell === 'string' ? cell : '';
}

/**
 * The trimmed text of a byte string (see `RowBatch.binary`): decoded first, then trimmed, so that a
 * text ending in "à" (bytes C3 A0) keeps its last byte (0xA0 read as a char is a no-break space).
 * @internal
 */
export function binaryText(cell: Cell): string {
  return typeof cell === 'string' ? cellText(utf8Of(cell)) : cellText(cell);
}

/** A summariser error at `['records', row, field]` rewritten to name the file, row and column. @internal */
export function rewriteRecordError(error: unknown, file: string, layout: DossierLayout | null): unknown {
  if (!(error instanceof CchcError) || layout === null) return error;
  const problems: RowProblem[] = [];
  for (const issue of error.issues) {
    if (issue.path[0] !== 'records' || typeof issue.path[1] !== 'number') return error;
    const field = (issue.path[2] as DossierField | undefined) ?? null;
    problems.push({
      file,
      row: issue.path[1],
      column: field !== null && layout.index[field] !== undefined ? label(layout, field) : null,
      field,
      message: issue.message,
    });
  }
  return problems.length === 0 ? error : rowError(problems, error);
}
