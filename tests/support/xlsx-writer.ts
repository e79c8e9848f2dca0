import { strToU8, type Zippable, zipSync } from 'fflate';
import { columnLetters } from '../../src/shared/column-letters';

/**
 * Writes small .xlsx workbooks by hand for the reader's tests: exactly the XML under test (shared and
 * inline strings, styles, formulas with and without saved values, namespace prefixes), nothing more.
 */
export type XCell =
  | string
  | number
  | null
  | { shared: string }
  | { inline: string }
  | { date: number; style?: number }
  | { formula: string; value?: string | number; type?: 'str' | 'n' }
  | { raw: string };

export interface XSheet {
  name: string;
  /** Row number (1-based) → cells; rows not listed are absent from the XML. */
  rows: Map<number, XCell[]> | XCell[][];
  /** Writes `<x:row>` and `<x:c>` with a namespace prefix, as some generators do. */
  prefixed?: boolean;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export { columnLetters };

function cellXml(cell: XCell, ref: string, p: string, strings: string[]): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return `<${p}c r="${ref}"><${p}v>${cell}</${p}v></${p}c>`;
  if (typeof cell === 'string') {
    strings.push(cell);
    return `<${p}c r="${ref}" t="s"><${p}v>${strings.length - 1}</${p}v></${p}c>`;
  }
  if ('shared' in cell) {
    strings.push(cell.shared);
    return `<${p}c r="${ref}" t="s"><${p}v>${strings.length - 1}</${p}v></${p}c>`;
  }
  if ('inline' in cell)
    return `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t>${escapeXml(cell.inline)}</${p}t></${p}is></${p}c>`;
  if ('date' in cell) return `<${p}c r="${ref}" s="${cell.style ?? 1}"><${p}v>${cell.date}</${p}v></${p}c>`;
  if ('formula' in cell) {
    const t = cell.type === 'str' ? ' t="str"' : '';
    const v = cell.value === undefined ? '' : `<${p}v>${cell.value}</${p}v>`;
    return `<${p}c r="${ref}"${t}><${p}f>${escapeXml(cell.formula)}</${p}f>${v}</${p}c>`;
  }
  return cell.raw;
}

function sheetXml(sheet: XSheet, strings: string[]): string {
  const p = sheet.prefixed ? 'x:' : '';
  const rows = sheet.rows instanceof Map ? [...sheet.rows] : sheet.rows.map((r, i) => [i + 1, r] as const);
  const body = rows
    .map(
      ([n, cells]) =>
        `<${p}row r="${n}">${cells.map((c, i) => cellXml(c, `${columnLetters(i)}${n}`, p, strings)).join('')}</${p}row>`,
    )
    .join('');
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  return sheet.prefixed
    ? `<?xml version="1.0"?><x:worksheet xmlns:x="${ns}"><x:sheetData>${body}</x:sheetData></x:worksheet>`
    : `<?xml version="1.0"?><worksheet xmlns="${ns}"><sheetData>${body}</sheetData></worksheet>`;
}

/** Style 0: General; 1: built-in 14 (a date); 2: custom dd/mm/yyyy; 3: a number with two decimals. */
const STYLES = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="0.00"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"><alignment horizontal="left"/></xf><xf numFmtId="165"/></cellXfs>
</styleSheet>`;

export function writeXlsx(
  sheets: XSheet[],
  options: { date1904?: boolean; level?: number } = {},
): Uint8Array<ArrayBuffer> {
  const strings: string[] = [];
  const files: Zippable = {};
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet, strings));
  });
  const rel = (type: string) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}`;
  files['[Content_Types].xml'] = strToU8(
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  files['_rels/.rels'] = strToU8(
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel('officeDocument')}" Target="xl/workbook.xml"/></Relationships>`,
  );
  files['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${options.date1904 ? ' date1904="1"' : ''}/><sheets>${sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (_, i) => `<Relationship Id="rId${i + 1}" Type="${rel('worksheet')}" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join(
        '',
      )}<Relationship Id="rIdS" Type="${rel('styles')}" Target="styles.xml"/><Relationship Id="rIdT" Type="${rel('sharedStrings')}" Target="/xl/sharedStrings.xml"/></Relationships>`,
  );
  files['xl/styles.xml'] = strToU8(STYLES);
  files['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('')}</sst>`,
  );
  return zipSync(files, { level: (options.level ?? 6) as 6 });
}
