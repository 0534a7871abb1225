/**
 * The parts of an XLSX package (ECMA-376 Part 2, Open Packaging Conventions) that a row reader
 * needs: the workbook's sheets and date system, the shared strings, which cell styles show dates.
 *
 * The zip is read through its central directory (yauzl), so each part is found by name whatever
 * order the writer stored the parts in, and every part's text is decoded as one UTF-8 stream.
 * exceljs's streaming reader, used before, did neither: it decoded each chunk on its own (a
 * Vietnamese letter split by a chunk boundary became two U+FFFD, silently) and read the parts in
 * stored order through a loop that could drop entries (exceljs issue #3064: "Cannot read
 * properties of undefined (reading 'sheets')").
 * @internal
 * @module
 */
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/** An open XLSX package: its zip and its entries by lower-cased name (OPC names ignore case). @internal */
export interface XlsxPackage {
  readonly zip: ZipFile;
  readonly entries: ReadonlyMap<string, Entry>;
}

/** A sheet as the workbook part lists it, in the order Excel shows the tabs. @internal */
export interface SheetInfo {
  readonly name: string;
  /** The part holding it (`xl/worksheets/sheet1.xml`), `null` when its relationship is missing. */
  readonly part: string | null;
  /** Whether it is a worksheet (a chart sheet or dialog sheet has no cells). */
  readonly worksheet: boolean;
}

/** What the rows of any sheet are read with. @internal */
export interface WorkbookInfo {
  readonly sheets: readonly SheetInfo[];
  /** The 1904 date system (`<workbookPr date1904="1"/>`, Excel for Mac before 2011). */
  readonly date1904: boolean;
  /** The shared strings (`t="s"` cells hold an index into it). */
  readonly sharedStrings: readonly string[];
  /** For each cell format (`s="3"` is `cellXfs[3]`), whether its number format shows a date. */
  readonly dateStyles: readonly boolean[];
}

const ZIP_OPTIONS = {
  autoClose: false,
  decodeStrings: true,
  validateEntrySizes: true,
  strictFileNames: false,
};

/**
 * Opens a package from a path (read where needed) or a stream (held in memory: a zip's index is
 * at its end). Throws yauzl's error for a file that is not a zip.
 * @internal
 */
export async function openXlsxPackage(input: string | AsyncIterable<Uint8Array>): Promise<XlsxPackage> {
  let zip: ZipFile;
  try {
    if (typeof input === 'string') zip = await yauzl.openPromise(input, ZIP_OPTIONS);
    else {
      const chunks: Uint8Array[] = [];
      for await (const chunk of input) chunks.push(chunk);
      zip = await yauzl.fromBufferPromise(Buffer.concat(chunks), ZIP_OPTIONS);
    }
  } catch (error) {
    // yauzl's words for the usual case: a file that is not a workbook at all.
    if (
      error instanceof Error &&
      error.message.startsWith('End of central directory record signature not found')
    )
      throw new Error('it is not a zip archive, or it is cut short', { cause: error });
    throw error;
  }
  const entries = new Map<string, Entry>();
  try {
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName.toLowerCase(), entry);
  } catch (error) {
    zip.close();
    throw error;
  }
  return { zip, entries };
}

/**
 * The text of a part as it is read, decoded as one UTF-8 stream (a character split between two
 * chunks stays whole); bytes that are not UTF-8 throw.
 * @internal
 */
export async function* partText(pkg: XlsxPackage, name: string): AsyncGenerator<string> {
  const entry = pkg.entries.get(name.toLowerCase());
  if (entry === undefined) throw new Error(`its part ${name} is missing`);
  const stream: Readable = await pkg.zip.openReadStreamPromise(entry);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of stream) {
      const text = decoder.decode(chunk as Uint8Array, { stream: true });
      if (text !== '') yield text;
    }
  } catch (error) {
    if (error instanceof TypeError) throw new Error(`its part ${name} is not UTF-8 text`, { cause: error });
    throw error;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/** Handlers of {@link xmlParser}'s events; element and attribute names without their prefix. @internal */
export interface XmlHandlers {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** An element's or attribute's name without its namespace prefix (`x:c` → `c`, `r:id` → `id`). */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * A strict XML parser (saxes) that calls the handlers with local element names, so parts written
 * with a prefix (`<x:row>`, as some exporters do) read like the usual ones. Attributes are given as
 * written (`r:id` keeps its prefix: see {@link prefixedAttribute}).
 * @internal
 */
export function xmlParser(handlers: XmlHandlers): SaxesParser {
  // Without position tracking saxes reads about a third faster; errors then name no line.
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag: SaxesTagPlain) => handlers.open(localName(tag.name), tag.attributes));
  const text = handlers.text;
  if (text !== undefined) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  const close = handlers.close;
  if (close !== undefined) parser.on('closetag', (tag) => close(localName(tag.name)));
  return parser;
}

/** The value of an attribute in a namespace, whatever its prefix (`r:id`, `rel:id`). @internal */
export function prefixedAttribute(
  attributes: Readonly<Record<string, string>>,
  local: string,
): string | undefined {
  for (const key of Object.keys(attributes)) if (key.endsWith(`:${local}`)) return attributes[key];
  return undefined;
}

/** Parses a whole part. */
async function parsePart(pkg: XlsxPackage, name: string, handlers: XmlHandlers): Promise<void> {
  const parser = xmlParser(handlers);
  for await (const text of partText(pkg, name)) parser.write(text);
  parser.close();
}

/** The folder of a part (`xl/workbook.xml` → `xl/`). */
function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** The part a relationship targets, from the folder of its source (OPC: relative or absolute). */
function resolveTarget(folder: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

interface Relationship {
  readonly type: string;
  readonly part: string;
}

/** The internal relationships of a part, by id; none when it has no relationships part. */
async function relationships(pkg: XlsxPackage, source: string): Promise<Map<string, Relationship>> {
  const folder = folderOf(source);
  const relsPart = `${folder}_rels/${source.slice(folder.length)}.rels`;
  const rels = new Map<string, Relationship>();
  if (!pkg.entries.has(relsPart.toLowerCase())) return rels;
  await parsePart(pkg, relsPart, {
    open(name, a) {
      if (name !== 'Relationship' || a.Id === undefined || a.Target === undefined) return;
      if (a.TargetMode === 'External') return;
      rels.set(a.Id, { type: a.Type ?? '', part: resolveTarget(folder, a.Target) });
    },
  });
  return rels;
}

/** Whether a relationship type is the given kind, in transitional or strict OOXML (`…/worksheet`). */
function isType(rel: Relationship, kind: string): boolean {
  return rel.type.endsWith(`/${kind}`);
}

/** The workbook part: the package's office document (`_rels/.rels`), else `xl/workbook.xml`. */
async function workbookPart(pkg: XlsxPackage): Promise<string> {
  for (const rel of (await relationships(pkg, '')).values())
    if (isType(rel, 'officeDocument')) return rel.part;
  return 'xl/workbook.xml';
}

/** Whether an XML boolean (`xsd:boolean`) is true. */
function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

/**
 * Text of the string items of a shared strings part (`<si>`): its `<t>`, or the `<t>` of its
 * runs (`<r>`), without phonetic runs (`<rPh>`), OOXML escapes decoded ({@link decodeXstring}).
 */
async function sharedStrings(pkg: XlsxPackage, part: string | undefined): Promise<string[]> {
  const out: string[] = [];
  if (part === undefined) return out;
  let item: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  await parsePart(pkg, part, {
    open(name) {
      if (name === 'si') item = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && item !== null && phonetic === 0) inText = true;
    },
    text(text) {
      if (inText) item?.push(text);
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && item !== null) {
        out.push(decodeXstring(item.join('')));
        item = null;
      }
    },
  });
  return out;
}

/**
 * Ids of the built-in number formats that show a date or time (ECMA-376 Part 1, §18.8.30):
 * 14–22 and 45–47, and the East Asian date formats 27–36 and 50–58.
 */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/**
 * Whether a number format code shows a date or time: a `y`, `m`, `d`, `h`, `s` or `b` (Buddhist
 * year) outside quoted text, brackets (`[Red]`, `[$-42A]`; elapsed time `[h]`, `[mm]`, `[ss]` is a time)
 * and escaped characters (`\d`, `_d`, `*d`), as Excel reads format codes.
 * @internal
 */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string') return false;
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/[\\_*]./g, '')
    .replace(/\[(?:h+|m+|s+)]/gi, 'h')
    .replace(/\[[^\]]*]/g, '');
  return /[ymdhMsb]/.test(bare);
}

/** For each cell format of the styles part (`<cellXfs>`), whether it shows a date. */
async function dateStyles(pkg: XlsxPackage, part: string | undefined): Promise<boolean[]> {
  const out: boolean[] = [];
  if (part === undefined) return out;
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  await parsePart(pkg, part, {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId !== undefined && a.formatCode !== undefined)
        custom.set(Number(a.numFmtId), a.formatCode);
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formats.push(a.numFmtId === undefined ? 0 : Number(a.numFmtId));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  for (const id of formats) {
    const code = custom.get(id);
    out.push(code === undefined ? BUILT_IN_DATE_FORMATS.has(id) : isDateFormat(code));
  }
  return out;
}

/**
 * The workbook's sheets (in tab order), date system, shared strings and date styles.
 * @internal
 */
export async function readWorkbookInfo(pkg: XlsxPackage): Promise<WorkbookInfo> {
  const part = await workbookPart(pkg);
  const rels = await relationships(pkg, part);
  const listed: { name: string; id: string | undefined }[] = [];
  let date1904 = false;
  await parsePart(pkg, part, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = isTrue(a.date1904);
      else if (name === 'sheet' && a.name !== undefined)
        listed.push({ name: a.name, id: prefixedAttribute(a, 'id') });
    },
  });
  const sheets = listed.map(({ name, id }): SheetInfo => {
    const rel = id === undefined ? undefined : rels.get(id);
    return { name, part: rel?.part ?? null, worksheet: rel === undefined || isType(rel, 'worksheet') };
  });
  const find = (kind: string) => [...rels.values()].find((r) => isType(r, kind))?.part;
  return {
    sheets,
    date1904,
    sharedStrings: await sharedStrings(pkg, find('sharedStrings')),
    dateStyles: await dateStyles(pkg, find('styles')),
  };
}

const XSTRING_ESCAPE = /_x(D[89AB][0-9A-F]{2})__x(D[C-F][0-9A-F]{2})_|_x([0-9A-F]{4})_/gi;

/**
 * Text as Excel stores it (ST_Xstring, ECMA-376 Part 1 §22.9.2.19): `_xHHHH_` is the character
 * U+HHHH (`_x000D_` a carriage return, `_x005F_` an underscore). An escape of half a surrogate
 * pair is kept as written, so no cell can hold a lone surrogate.
 * @internal
 */
export function decodeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(XSTRING_ESCAPE, (whole, high?: string, low?: string, one?: string) => {
    if (high !== undefined && low !== undefined)
      return String.fromCharCode(Number.parseInt(high, 16), Number.parseInt(low, 16));
    const code = Number.parseInt(one as string, 16);
    return code >= 0xd800 && code <= 0xdfff ? whole : String.fromCharCode(code);
  });
}
