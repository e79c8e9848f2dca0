import { columnLetters } from '../shared/column-letters';
import { codeLabel } from './code-values';
import type { DatasetDefinition, FieldDefinition } from './dataset-definition';
import { describeType } from './template';

/**
 * A dataset's template as an Excel workbook, as XML parts (zipped by the caller, see
 * template-workbook-file.ts): a sheet to fill in, its header the dataset's column names, where each
 * coded column offers a drop-down of its values in words (the app reads the words back as codes),
 * Y/N columns offer Yes and No, dates and whole numbers are checked as they are typed; a Guidance
 * sheet; and a hidden Lists sheet the drop-downs read from. Written by hand: SpreadsheetML is plain
 * XML, and only these few parts are needed.
 */
type WorkbookParts = Record<string, string>;

/** Rows of the data sheet the checks and drop-downs cover (Excel stores a range, not one per cell). */
const TEMPLATE_ROWS = 5000;

/** Styles: 0 default, 1 bold header, 2 date dd/mm/yyyy, 3 text (Excel keeps "007" as typed), 4 wrapped text. */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A (0-based) column's letters: 0 → A, 26 → AA. */
export const columnName = columnLetters;

/** A row of text cells (inline strings: no shared-string table to keep). */
function textRow(row: number, cells: readonly string[], style = 0): string {
  const s = style === 0 ? '' : ` s="${style}"`;
  const xml = cells
    .map((text, i) =>
      text === ''
        ? ''
        : `<c r="${columnName(i)}${row}" t="inlineStr"${s}><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`,
    )
    .join('');
  return `<row r="${row}">${xml}</row>`;
}

/** The drop-down's words for a field: its values in words, or Yes and No. */
export function listValues(field: FieldDefinition): string[] | null {
  if (field.type.kind === 'code') return field.type.values.map((value) => codeLabel(field.type, value));
  if (field.type.kind === 'flag') return ['Yes', 'No'];
  return null;
}

/** The defined name the drop-down of a field reads (Lists!$X$2:$X$n). */
const listName = (field: FieldDefinition) => `list_${field.name}`;

/** A column's check as it is typed: a drop-down, a date, or a whole number in range. */
function validation(field: FieldDefinition, column: string): string | null {
  const sqref = `${column}2:${column}${TEMPLATE_ROWS + 1}`;
  const common = `allowBlank="1" showInputMessage="1" showErrorMessage="1" errorStyle="warning" sqref="${sqref}"`;
  const prompt = (title: string, text: string) =>
    `promptTitle="${escapeXml(title.slice(0, 32))}" prompt="${escapeXml(text.slice(0, 255))}"`;
  const error = (text: string) => `errorTitle="Check this value" error="${escapeXml(text.slice(0, 255))}"`;
  const type = field.type;
  if (listValues(field)) {
    return `<dataValidation type="list" ${common} ${prompt(field.label, 'Choose from the list.')} ${error(
      'This is not one of the values in the list. Choose one from the list, or keep it if your service uses its own value: it can be mapped when the file is loaded.',
    )}><formula1>${listName(field)}</formula1></dataValidation>`;
  }
  if (type.kind === 'date') {
    return `<dataValidation type="date" operator="between" ${common} ${prompt(field.label, 'A date, for example 14/05/2024.')} ${error(
      'Enter a date between 1900 and 2099, for example 14/05/2024.',
    )}><formula1>1</formula1><formula2>73050</formula2></dataValidation>`;
  }
  if (type.kind === 'integer' && type.min !== undefined && type.max !== undefined) {
    return `<dataValidation type="whole" operator="between" ${common} ${prompt(field.label, `A whole number from ${type.min} to ${type.max}.`)} ${error(
      `Enter a whole number from ${type.min} to ${type.max}.`,
    )}><formula1>${type.min}</formula1><formula2>${type.max}</formula2></dataValidation>`;
  }
  return null;
}

/** A column's style: dates as dd/mm/yyyy, text kept as typed, numbers as numbers. */
function columnStyle(field: FieldDefinition): number {
  if (field.type.kind === 'date') return 2;
  if (field.type.kind === 'integer') return 0;
  return 3;
}

function dataSheet(dataset: DatasetDefinition): string {
  const cols = dataset.fields
    .map((f, i) => {
      const width = Math.min(40, Math.max(12, f.name.length + 4, ...(listValues(f) ?? []).map((v) => v.length + 3)));
      return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1" style="${columnStyle(f)}"/>`;
    })
    .join('');
  const checks = dataset.fields.flatMap((f, i) => validation(f, columnName(i)) ?? []);
  return `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">
<sheetViews><sheetView workbookViewId="0" tabSelected="1"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>
<sheetFormatPr defaultRowHeight="15"/>
<cols>${cols}</cols>
<sheetData>${textRow(
    1,
    dataset.fields.map((f) => f.name),
    1,
  )}</sheetData>
<dataValidations count="${checks.length}">${checks.join('')}</dataValidations>
<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>
</worksheet>`;
}

function guidanceSheet(dataset: DatasetDefinition, dataSheetName: string): string {
  const header = ['Column', 'What it holds', 'Required', 'Type and allowed values', 'Example', 'Also recognised as'];
  const rows = dataset.fields.map((f) => [
    f.name,
    f.description,
    f.required ? 'Required' : '',
    describeType(f),
    f.example,
    f.aliases.join('; '),
  ]);
  const notes = [
    `${dataset.title}: ${dataset.description}`,
    `Fill in the sheet “${dataSheetName}”, one row per record, below its header (keep the header as it is).`,
    'Where a column offers a drop-down list, choose from it: the words are read as the codes the app uses. The app also reads the codes themselves.',
    'Dates: dd/mm/yyyy. Leave a cell empty when the value is not known.',
  ];
  const body = [
    textRow(1, header, 1),
    ...rows.map((cells, i) => textRow(i + 2, cells, 4)),
    ...notes.map((note, i) => textRow(rows.length + 3 + i, [note])),
  ].join('');
  const widths = [24, 60, 10, 60, 22, 40];
  return `${XML_HEAD}<worksheet xmlns="${MAIN_NS}">
<sheetFormatPr defaultRowHeight="15"/>
<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>
<sheetData>${body}</sheetData>
</worksheet>`;
}

/** The hidden sheet the drop-downs read: one column per listed field, its words below a heading. */
function listsSheet(listed: readonly { field: FieldDefinition; values: string[] }[]): string {
  const height = Math.max(0, ...listed.map((l) => l.values.length));
  const rows = [
    textRow(
      1,
      listed.map((l) => `Allowed: ${l.field.label}`),
      1,
    ),
  ];
  for (let r = 0; r < height; r += 1)
    rows.push(
      textRow(
        r + 2,
        listed.map((l) => l.values[r] ?? ''),
      ),
    );
  return `${XML_HEAD}<worksheet xmlns="${MAIN_NS}"><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

/** The data sheet's name: the dataset's title where Excel takes it (31 characters, none of \ / ? * [ ] :). */
export function sheetName(title: string): string {
  return title.length <= 31 && !/[\\/?*[\]:]/.test(title) ? title : 'Data';
}

/** Every part of the template workbook of a dataset, by path in the zip. */
export function templateWorkbookParts(dataset: DatasetDefinition): WorkbookParts {
  const dataName = sheetName(dataset.title);
  const listed = dataset.fields.flatMap((field) => {
    const values = listValues(field);
    return values ? [{ field, values }] : [];
  });
  const names = listed
    .map(
      (l, i) =>
        `<definedName name="${listName(l.field)}">Lists!$${columnName(i)}$2:$${columnName(i)}$${l.values.length + 1}</definedName>`,
    )
    .join('');
  const sheets = [
    { name: dataName, state: '' },
    { name: 'Guidance', state: '' },
    { name: 'Lists', state: ' state="hidden"' },
  ];
  const rel = (type: string) => `${REL_NS}/${type}`;
  const sheetType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
  return {
    '[Content_Types].xml': `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${sheetType}"/>`).join('\n')}
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>`,
    '_rels/.rels': `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel('officeDocument')}" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">
<bookViews><workbookView activeTab="0"/></bookViews>
<sheets>${sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state} r:id="rId${i + 1}"/>`).join('')}</sheets>
<definedNames>${names}</definedNames>
</workbook>`,
    'xl/_rels/workbook.xml.rels': `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (_, i) => `<Relationship Id="rId${i + 1}" Type="${rel('worksheet')}" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join(
        '',
      )}<Relationship Id="rId${sheets.length + 1}" Type="${rel('styles')}" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': STYLES,
    'xl/worksheets/sheet1.xml': dataSheet(dataset),
    'xl/worksheets/sheet2.xml': guidanceSheet(dataset, dataName),
    'xl/worksheets/sheet3.xml': listsSheet(listed),
  };
}
