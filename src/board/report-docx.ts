import type { FileChild, ISectionOptions, ParagraphChild } from 'docx';
import { SUPPRESSED } from '../indicators/suppression';
import {
  paragraphsOf,
  type ReportBlock,
  type ReportChart,
  type ReportDocument,
  type ReportSection,
} from './report-model';
import type { ReportTable } from './report-tables';

/**
 * A published document as a Word file for partners to edit and sign off (docx, loaded only when asked
 * for): its headings as Word's Heading styles (the navigation pane lists them), the partnership's words
 * as ordinary paragraphs (with a marked place where none are written yet), every table a native Word
 * table with its header row repeated across pages, every chart a PNG at print resolution with alt text,
 * and on every page a footer with the as-at date, whether small numbers are suppressed, and the page.
 */

/** A chart as captured for the document: PNG bytes at twice its drawn size, and that drawn size. */
export interface DocxImage {
  png: Uint8Array;
  width: number;
  height: number;
}

type Docx = typeof import('docx');

const INK = '0B0C0C';
const GREY = '505A5F';
/** A4 with 20 mm margins leaves 170 mm: charts are placed that wide (in px at 96 per inch). */
const CONTENT_PX = Math.round((170 / 25.4) * 96);
const CONTENT_TWIPS = Math.round((170 / 25.4) * 1440);

/**
 * Each column's width in twips, by what it holds: its longest text (headings and cells, within 8 to 40
 * characters) sets its share of the text column, so words get room and a year does not.
 */
function columnWidths(table: ReportTable): number[] {
  const longest = table.head.map((heading, i) => {
    const cells = table.rows.map((row) => (i === 0 ? row.header : (row.cells[i - 1] ?? '')));
    // Never narrower than the heading's longest word (bold), so no word of it breaks.
    const word = Math.max(...heading.split(/\s+/).map((w) => w.length)) + 2;
    return Math.min(40, Math.max(8, word, ...[heading, ...cells].map((text) => text.length)));
  });
  const total = longest.reduce((a, b) => a + b, 0);
  return longest.map((n) => Math.floor((n / total) * CONTENT_TWIPS));
}

function tableOf(d: Docx, table: ReportTable): FileChild[] {
  const cell = (text: string, options: { header?: boolean; numeric?: boolean }) =>
    new d.TableCell({
      children: [
        new d.Paragraph({
          alignment: options.numeric ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
          children: [new d.TextRun({ text, bold: options.header })],
        }),
      ],
      shading: options.header ? { fill: 'F3F2F1', type: d.ShadingType.CLEAR, color: 'auto' } : undefined,
    });
  const head = new d.TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.head.map((h, i) => cell(h, { header: true, numeric: table.numeric[i] })),
  });
  const rows = table.rows.map(
    (row) =>
      new d.TableRow({
        cantSplit: true,
        children: [
          cell(row.header, { header: true }),
          ...row.cells.map((c, i) => cell(c, { numeric: table.numeric[i + 1] })),
        ],
      }),
  );
  const widths = columnWidths(table);
  return [
    new d.Paragraph({ style: 'Caption', keepNext: true, text: table.caption }),
    new d.Table({
      rows: [head, ...rows],
      width: { size: CONTENT_TWIPS, type: d.WidthType.DXA },
      columnWidths: widths,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
    }),
    new d.Paragraph({ text: '' }),
  ];
}

function chartOf(d: Docx, chart: ReportChart, image: DocxImage | undefined): FileChild[] {
  if (!image) return [];
  const width = Math.min(CONTENT_PX, image.width);
  const height = Math.round((image.height / image.width) * width);
  return [
    new d.Paragraph({
      keepNext: true,
      children: [
        new d.ImageRun({
          type: 'png',
          data: image.png,
          transformation: { width, height },
          altText: { name: chart.title, title: chart.title, description: chart.description },
        }),
      ],
    }),
  ];
}

/** The partnership's words as paragraphs; where none are written yet, a marked place for them. */
function wordsOf(d: Docx, text: string): FileChild[] {
  if (text.trim() === '') {
    return [
      new d.Paragraph({
        children: [
          new d.TextRun({ text: '[To be written by the partnership before sign-off.]', italics: true, color: GREY }),
        ],
      }),
    ];
  }
  return paragraphsOf(text).map((lines) => {
    const runs: ParagraphChild[] = lines.map((line, i) => new d.TextRun({ text: line, break: i > 0 ? 1 : undefined }));
    return new d.Paragraph({ children: runs });
  });
}

/** A block under a heading; `level` is its own headings' level, one below the heading it is under. */
function blockOf(d: Docx, block: ReportBlock, images: ReadonlyMap<string, DocxImage>, level: 2 | 3): FileChild[] {
  const heading = (text: string) =>
    new d.Paragraph({ text, heading: level === 2 ? d.HeadingLevel.HEADING_2 : d.HeadingLevel.HEADING_3 });
  switch (block.kind) {
    case 'text':
      return [
        new d.Paragraph({
          children: [
            new d.TextRun({ text: block.text, bold: block.tone === 'lead', color: block.tone === 'note' ? GREY : INK }),
          ],
        }),
      ];
    case 'words':
      return [heading(block.heading), ...wordsOf(d, block.text)];
    case 'table':
      return tableOf(d, block.table);
    case 'chart':
      return [...chartOf(d, block.chart, images.get(block.chart.key)), ...(block.table ? tableOf(d, block.table) : [])];
    case 'definitions':
      return [
        heading('What each measure is'),
        ...block.items.flatMap((item) => [
          new d.Paragraph({ keepNext: true, children: [new d.TextRun({ text: item.term, bold: true })] }),
          new d.Paragraph({ text: item.detail }),
        ]),
      ];
    case 'csv':
      return [
        heading('The figures as a spreadsheet'),
        new d.Paragraph({
          text: 'Every figure in this report, one row per indicator and period with the same symbols, is a CSV link in the web page version of the report (“Download as a web page”).',
        }),
      ];
  }
}

function sectionOf(d: Docx, section: ReportSection, level: 1 | 2, images: ReadonlyMap<string, DocxImage>): FileChild[] {
  return [
    new d.Paragraph({
      text: section.heading,
      heading: level === 1 ? d.HeadingLevel.HEADING_1 : d.HeadingLevel.HEADING_2,
      pageBreakBefore: level === 1,
    }),
    ...section.blocks.flatMap((b) => blockOf(d, b, images, level === 1 ? 2 : 3)),
    ...section.parts.flatMap((p) => sectionOf(d, p, 2, images)),
  ];
}

function pageFurniture(d: Docx, doc: ReportDocument): Pick<ISectionOptions, 'headers' | 'footers'> {
  const small = { size: 16, color: INK };
  const reviews = doc.reviewCountsShown ? ', but for practice review numbers, shown as agreed by the partners' : '';
  const state = doc.suppressed
    ? `Small numbers suppressed (${SUPPRESSED})${reviews}`
    : 'NOT SUPPRESSED: NOT FOR PUBLICATION, for use inside the partnership only';
  const footer = new d.Footer({
    children: [
      new d.Paragraph({
        children: [new d.TextRun({ ...small, text: `${doc.title} · figures as at ${doc.asAt} · ${state}` })],
      }),
      new d.Paragraph({
        alignment: d.AlignmentType.RIGHT,
        children: [
          new d.TextRun({ ...small, children: ['Page ', d.PageNumber.CURRENT, ' of ', d.PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
  if (doc.suppressed) return { footers: { default: footer } };
  const header = new d.Header({
    children: [
      new d.Paragraph({
        alignment: d.AlignmentType.CENTER,
        children: [new d.TextRun({ text: 'NOT FOR PUBLICATION', bold: true, color: 'D4351C', size: 24 })],
      }),
    ],
  });
  return { headers: { default: header }, footers: { default: footer } };
}

const heading = (size: number) => ({
  run: { font: 'Arial', size, bold: true, color: INK },
  paragraph: { spacing: { before: 240, after: 120 } },
});

/** Builds the .docx; `images` holds each chart's PNG by its slide key. */
export async function buildDocx(doc: ReportDocument, images: ReadonlyMap<string, DocxImage>): Promise<Uint8Array> {
  const d = await import('docx');
  const cover: FileChild[] = [
    new d.Paragraph({ children: [new d.TextRun({ text: 'Safeguarding partnership', color: GREY })] }),
    new d.Paragraph({ text: doc.title, heading: d.HeadingLevel.TITLE }),
    new d.Paragraph({ text: doc.subtitle }),
    new d.Paragraph({ children: [new d.TextRun({ text: doc.footer, size: 18, color: GREY })] }),
    // The contents as text (Word's navigation pane lists the headings themselves).
    new d.Paragraph({
      spacing: { before: 480 },
      children: [new d.TextRun({ text: 'Contents', bold: true, size: 28 })],
    }),
    ...doc.sections.map((section, i) => new d.Paragraph({ text: `${i + 1}. ${section.heading}` })),
  ];
  const document = new d.Document({
    creator: 'Partnership Insight',
    title: doc.title,
    description: `${doc.title}: ${doc.subtitle}`,
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 22, color: INK } },
        title: { run: { font: 'Arial', size: 56, bold: true, color: INK } },
        heading1: heading(36),
        heading2: heading(30),
        heading3: heading(26),
        heading4: heading(23),
      },
      paragraphStyles: [
        {
          id: 'Caption',
          name: 'Caption',
          basedOn: 'Normal',
          next: 'Normal',
          run: { bold: true, size: 22 },
          paragraph: { spacing: { before: 120, after: 60 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: d.convertMillimetersToTwip(210), height: d.convertMillimetersToTwip(297) },
            margin: {
              top: d.convertMillimetersToTwip(20),
              bottom: d.convertMillimetersToTwip(20),
              left: d.convertMillimetersToTwip(20),
              right: d.convertMillimetersToTwip(20),
            },
          },
        },
        ...pageFurniture(d, doc),
        children: [...cover, ...doc.sections.flatMap((s) => sectionOf(d, s, 1, images))],
      },
    ],
  });
  return new Uint8Array(await (await d.Packer.toBlob(document)).arrayBuffer());
}
