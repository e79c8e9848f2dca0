import { isDateFormat } from './number-formats';
import { damaged } from './workbook-damage';
import { attributes, decodeXmlText, startTags, stringItemText } from './xml-text';
import { type ExpansionBudget, readEntryText, type ZipEntry } from './zip-archive';

/**
 * The parts of an .xlsx (Office Open XML) package the reader needs: where the workbook is, its sheets
 * in order, whether it counts dates from 1904, which cell styles show dates, and the shared strings.
 */
export class XlsxPackage {
  private readonly parts: Map<string, ZipEntry>;

  constructor(
    private readonly blob: Blob,
    entries: readonly ZipEntry[],
    private readonly budget: ExpansionBudget,
  ) {
    this.parts = new Map(entries.map((e) => [normalisePath(e.name), e]));
  }

  part(path: string): ZipEntry | undefined {
    return this.parts.get(normalisePath(path));
  }

  async text(path: string): Promise<string | undefined> {
    const entry = this.part(path);
    return entry ? readEntryText(this.blob, entry, this.budget) : undefined;
  }

  /** Relationship id → target path, for the part at `source` (its `_rels/<name>.rels`). */
  async relationships(source: string): Promise<Map<string, { type: string; target: string }>> {
    const slash = source.lastIndexOf('/');
    const dir = slash >= 0 ? source.slice(0, slash + 1) : '';
    const xml = await this.text(`${dir}_rels/${source.slice(slash + 1)}.rels`);
    const out = new Map<string, { type: string; target: string }>();
    for (const tag of startTags(xml ?? '', 'Relationship')) {
      const a = attributes(tag);
      const id = a.get('Id');
      const target = a.get('Target');
      if (id && target && a.get('TargetMode') !== 'External') {
        out.set(id, { type: a.get('Type') ?? '', target: resolvePath(dir, target) });
      }
    }
    return out;
  }
}

export function normalisePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

/** A relationship target, relative to the folder of its source part (or absolute from the root). */
export function resolvePath(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${dir}${target}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

export interface WorkbookInfo {
  sheets: { name: string; path: string }[];
  date1904: boolean;
  /** Per cell style index: whether its number format shows a date. */
  dateStyles: boolean[];
  sharedStringsPath: string | undefined;
}

/** Sheets (in the workbook's order), the date system, date styles and where the shared strings are. */
export async function readWorkbookInfo(pkg: XlsxPackage): Promise<WorkbookInfo> {
  const root = await pkg.relationships('');
  const workbookPath = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbook = await pkg.text(workbookPath);
  if (workbook === undefined) throw damaged(`its workbook part (${workbookPath}) is missing`);
  const rels = await pkg.relationships(workbookPath);
  const sheets = startTags(workbook, 'sheet').flatMap((tag) => {
    const a = attributes(tag);
    const name = a.get('name') ?? 'Sheet';
    const rel = rels.get(a.get('id') ?? '');
    if (!rel) throw damaged(`it lists a sheet “${name}” but not where that sheet is`);
    // Chart sheets and dialog sheets hold no rows.
    if (!/\/worksheet$/.test(rel.type)) return [];
    if (!pkg.part(rel.target)) throw damaged(`sheet “${name}” (${rel.target}) is missing from it`);
    return [{ name, path: rel.target }];
  });
  const properties = attributes(startTags(workbook, 'workbookPr')[0] ?? '');
  const date1904 = ['1', 'true'].includes(properties.get('date1904') ?? '');
  const stylesPath = [...rels.values()].find((r) => r.type.endsWith('/styles'))?.target;
  const sharedStringsPath = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.target;
  if (sharedStringsPath !== undefined && !pkg.part(sharedStringsPath))
    throw damaged(`its shared text (${sharedStringsPath}) is missing`);
  const styles = stylesPath ? await pkg.text(stylesPath) : undefined;
  if (stylesPath !== undefined && styles === undefined) throw damaged(`its cell styles (${stylesPath}) are missing`);
  return { sheets, date1904, dateStyles: dateStyles(styles ?? ''), sharedStringsPath };
}

/** Per cellXfs entry: whether its number format is a date. */
export function dateStyles(styles: string): boolean[] {
  const formats = new Map<number, string>();
  for (const tag of startTags(styles, 'numFmt')) {
    const a = attributes(tag);
    formats.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
  }
  const start = styles.search(/<(?:\w+:)?cellXfs[\s>]/);
  const end = styles.search(/<\/(?:\w+:)?cellXfs>/);
  const cellXfs = start >= 0 && end > start ? styles.slice(start, end) : '';
  return startTags(cellXfs, 'xf').map((tag) => {
    const id = Number(attributes(tag).get('numFmtId') ?? 0);
    return isDateFormat(id, formats.get(id));
  });
}

/** The shared strings, streamed item by item (a sheet of a million ids can have a million of them). */
export async function readSharedStrings(
  entry: ZipEntry | undefined,
  inflateText: (entry: ZipEntry, onText: (text: string) => void) => Promise<void>,
): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  let buffer = '';
  const item = /<(?:[\w.-]+:)?si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
  await inflateText(entry, (text) => {
    buffer += text;
    item.lastIndex = 0;
    let consumed = 0;
    for (let m = item.exec(buffer); m !== null; m = item.exec(buffer)) {
      strings.push(stringText(m[1] ?? ''));
      consumed = item.lastIndex;
    }
    buffer = buffer.slice(consumed);
  });
  return strings;
}

function stringText(xml: string): string {
  // Fast path: a plain <t>…</t> item.
  const plain = /^<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>$/.exec(xml);
  if (plain) return decodeXmlText(plain[1] ?? '');
  return stringItemText(xml);
}
