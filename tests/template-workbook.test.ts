import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { earlyHelpEpisodes } from '../src/datasets/early-help';
import { ETHNICITY_LABELS } from '../src/datasets/ethnicity';
import { DATASETS } from '../src/datasets/registry';
import { columnName, listValues, sheetName } from '../src/datasets/template-workbook';
import { templateWorkbook, templateWorkbookName } from '../src/datasets/template-workbook-file';
import { createTestSession } from './support/load-csv';

type Session = Awaited<ReturnType<typeof createTestSession>>;
let t: Session;
beforeAll(async () => {
  t = await createTestSession();
});
beforeEach(async () => {
  await t.reset();
});

/** Text as it stands in the workbook's XML. */
const inXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const parts = (bytes: Uint8Array) =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]));

/** A cell as Excel writes what was chosen or typed: text as an inline string, a date as a serial number. */
type Typed = string | { serial: number };
function filledRow(row: number, cells: Record<string, Typed>): string {
  const xml = earlyHelpEpisodes.fields
    .map((f, i) => {
      const value = cells[f.name];
      if (value === undefined) return '';
      const ref = `${columnName(i)}${row}`;
      return typeof value === 'string'
        ? `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`
        : `<c r="${ref}" s="2"><v>${value.serial}</v></c>`;
    })
    .join('');
  return `<row r="${row}">${xml}</row>`;
}

/** The template with rows filled in, as a partner would return it. */
function filledIn(rows: Record<string, Typed>[]): Uint8Array<ArrayBuffer> {
  const files = unzipSync(templateWorkbook(earlyHelpEpisodes));
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array);
  const filled = sheet.replace('</sheetData>', `${rows.map((r, i) => filledRow(i + 2, r)).join('')}</sheetData>`);
  files['xl/worksheets/sheet1.xml'] = strToU8(filled);
  return zipSync(files) as Uint8Array<ArrayBuffer>;
}

describe('the template as an Excel workbook', () => {
  it('has the sheet to fill in, a guidance sheet and a hidden sheet of lists', () => {
    const xml = parts(templateWorkbook(earlyHelpEpisodes));
    expect(templateWorkbookName(earlyHelpEpisodes)).toBe('early_help_episodes.xlsx');
    const workbook = xml['xl/workbook.xml'] ?? '';
    expect(workbook).toContain('<sheet name="Early help episodes" sheetId="1" r:id="rId1"/>');
    expect(workbook).toContain('<sheet name="Guidance" sheetId="2" r:id="rId2"/>');
    expect(workbook).toContain('<sheet name="Lists" sheetId="3" state="hidden" r:id="rId3"/>');
    // The header is the dataset's column names, as in the CSV template.
    for (const field of earlyHelpEpisodes.fields)
      expect(xml['xl/worksheets/sheet1.xml']).toContain(`<t xml:space="preserve">${field.name}</t>`);
    expect(sheetName('Training events')).toBe('Training events');
    // A title Excel would refuse (too long, or with a slash) gives "Data".
    expect(sheetName('Section 11 and Section 175/157 returns')).toBe('Data');
  });

  it('offers each coded column its values in words as a drop-down, read from the hidden list', () => {
    const xml = parts(templateWorkbook(earlyHelpEpisodes));
    const sheet = xml['xl/worksheets/sheet1.xml'] ?? '';
    const ethnicity = earlyHelpEpisodes.fields.findIndex((f) => f.name === 'ethnicity');
    const column = columnName(ethnicity);
    expect(sheet).toMatch(
      new RegExp(
        `<dataValidation type="list"[^>]*sqref="${column}2:${column}5001"[^>]*><formula1>list_ethnicity</formula1>`,
      ),
    );
    // Which column of the Lists sheet holds ethnicity: the order the listed fields come in.
    const listed = earlyHelpEpisodes.fields.filter((f) => listValues(f) !== null).map((f) => f.name);
    const listColumn = columnName(listed.indexOf('ethnicity'));
    expect(xml['xl/workbook.xml']).toContain(
      `<definedName name="list_ethnicity">Lists!$${listColumn}$2:$${listColumn}$21</definedName>`,
    );
    for (const words of Object.values(ETHNICITY_LABELS))
      expect(xml['xl/worksheets/sheet3.xml']).toContain(`>${inXml(words)}<`);
    const stepDown = earlyHelpEpisodes.fields.find((f) => f.name === 'step_down_from_csc');
    expect(stepDown && listValues(stepDown)).toEqual(['Yes', 'No']);
    // Dates and ages are checked as they are typed.
    expect(sheet).toContain('<dataValidation type="date" operator="between"');
    expect(sheet).toMatch(
      /<dataValidation type="whole" operator="between"[^>]*><formula1>0<\/formula1><formula2>25<\/formula2>/,
    );
  });

  it('every dataset’s workbook lists every coded value in words, one drop-down per coded or Y/N column', () => {
    for (const dataset of DATASETS) {
      const xml = parts(templateWorkbook(dataset));
      const listed = dataset.fields.filter((f) => f.type.kind === 'code' || f.type.kind === 'flag');
      expect((xml['xl/worksheets/sheet1.xml'] ?? '').match(/type="list"/g)?.length ?? 0, dataset.id).toBe(
        listed.length,
      );
      for (const field of listed) {
        for (const words of listValues(field) ?? []) {
          expect(xml['xl/worksheets/sheet3.xml'], `${dataset.id}.${field.name}`).toContain(`>${inXml(words)}<`);
        }
      }
    }
  });

  it('loads back through the app’s own reader, the words chosen from the lists read as the codes', async () => {
    const book = filledIn([
      {
        episode_id: 'EH1',
        child_id: 'C1',
        assessment_start_date: { serial: 45383 }, // 01/04/2024, typed into the date column
        episode_end_date: { serial: 45444 }, // 01/06/2024
        end_reason: 'Stepped up to social care',
        lead_agency: 'Police',
        step_down_from_csc: 'Yes',
        age_at_start: '7',
        gender: 'Female',
        ethnicity: 'White and Black Caribbean',
        locality: 'Riverside',
      },
      {
        episode_id: 'EH2',
        child_id: 'C2',
        assessment_start_date: '02/04/2024',
        ethnicity: 'Gypsy/Roma',
        step_down_from_csc: 'No',
      },
    ]);
    const report = await t.load('early_help_episodes.xlsx', book);
    // Only the data sheet is loaded: the guidance and the lists are not partnership data.
    expect(report.files.map((f) => f.fileName)).toEqual(['early_help_episodes.xlsx › Early help episodes']);
    expect(report).toMatchObject({ rowsRead: 2, rowsLoaded: 2, rowsRejected: 0, rowsWarned: 0 });
    expect(report.files[0]?.unmappedCodes).toEqual([]);
    const rows = await t.engine.query(
      `SELECT episode_id, strftime(assessment_start_date, '%d/%m/%Y') AS start, strftime(episode_end_date, '%d/%m/%Y') AS ended,
         end_reason, lead_agency, step_down_from_csc, gender, ethnicity, ethnicity_raw
       FROM early_help_episodes ORDER BY episode_id`,
      [],
      z.object({
        episode_id: z.string(),
        start: z.string(),
        ended: z.string().nullable(),
        end_reason: z.string().nullable(),
        lead_agency: z.string().nullable(),
        step_down_from_csc: z.boolean().nullable(),
        gender: z.string().nullable(),
        ethnicity: z.string().nullable(),
        ethnicity_raw: z.string().nullable(),
      }),
    );
    expect(rows).toEqual([
      {
        episode_id: 'EH1',
        start: '01/04/2024',
        ended: '01/06/2024',
        end_reason: 'STEP_UP_CSC',
        lead_agency: 'POLICE',
        step_down_from_csc: true,
        gender: 'FEMALE',
        ethnicity: 'MWBC',
        ethnicity_raw: 'White and Black Caribbean',
      },
      {
        episode_id: 'EH2',
        start: '02/04/2024',
        ended: null,
        end_reason: null,
        lead_agency: null,
        step_down_from_csc: false,
        gender: null,
        ethnicity: 'WROM',
        ethnicity_raw: 'Gypsy/Roma',
      },
    ]);
  });

  it('an empty template is reported as having no data rows, nothing else', async () => {
    const report = await t.load('early_help_episodes.xlsx', templateWorkbook(earlyHelpEpisodes));
    expect(report.files.map((f) => [f.fileName, f.status])).toEqual([
      ['early_help_episodes.xlsx › Early help episodes', 'empty'],
    ]);
  });
});
