import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDocx } from './report-docx';
import type { ReportDocument } from './report-model';

/** A 1 × 1 white PNG: the chart image's bytes are carried, never read. */
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC'),
  (c) => c.charCodeAt(0),
);

function documentOf(suppressed: boolean): ReportDocument {
  return {
    title: 'Yearly report 2024 to 2025',
    subtitle: '1 April 2024 to 31 March 2025',
    asAt: '30 April 2025',
    footer: 'Partnership Insight',
    suppressed,
    reviewCountsShown: false,
    indicators: [],
    sections: [
      {
        key: 'section-help',
        heading: 'The effectiveness of help',
        blocks: [
          { kind: 'words', heading: 'What the partnership did', text: 'Hubs & <doors>\nopened.' },
          { kind: 'words', heading: 'Evidence of impact', text: '' },
        ],
        parts: [
          {
            key: 'view-1',
            heading: 'Why early help episodes closed',
            blocks: [
              {
                kind: 'chart',
                chart: { key: 'view-1', title: 'Closures', description: 'Closures in each year by reason.' },
                table: {
                  caption: 'Closures by year',
                  head: ['Period', 'Needs met'],
                  numeric: [false, true],
                  rows: [{ header: '2024-25', cells: ['c'] }],
                },
              },
            ],
            parts: [],
          },
        ],
      },
    ],
  };
}

async function partsOf(doc: ReportDocument) {
  const bytes = await buildDocx(doc, new Map([['view-1', { png: PNG, width: 2000, height: 800 }]]));
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

describe('the Word document', () => {
  it('has the headings as Word heading styles, the words as paragraphs, escaped', async () => {
    const parts = await partsOf(documentOf(true));
    const body = parts['word/document.xml'] ?? '';
    expect(body).toMatch(/<w:pStyle w:val="Title"\/>.*Yearly report 2024 to 2025/);
    expect(body).toMatch(/<w:pStyle w:val="Heading1"\/>.*?The effectiveness of help/);
    expect(body).toMatch(/<w:pStyle w:val="Heading2"\/>.*?Why early help episodes closed/);
    // Words under a Heading 1 are Heading 2, as the web page's h3 under its h2: no level is skipped.
    expect(body).toMatch(/<w:pStyle w:val="Heading2"\/><\/w:pPr><w:r><w:t[^>]*>What the partnership did/);
    expect(body).not.toContain('Heading4');
    expect(body).toContain('Hubs &amp; &lt;doors&gt;');
    // A line end in the words stays a line end; words not written yet have a marked place.
    expect(body).toMatch(/&lt;doors&gt;<\/w:t><\/w:r><w:r><w:br\/><w:t[^>]*>opened\./);
    expect(body).toContain('[To be written by the partnership before sign-off.]');
  });

  it('has native tables with a repeated header row, and the chart as an image with alt text', async () => {
    const parts = await partsOf(documentOf(true));
    const body = parts['word/document.xml'] ?? '';
    expect(body).toContain('<w:tbl>');
    expect(body).toContain('<w:tblHeader/>');
    expect(body).toMatch(/<w:t[^>]*>c<\/w:t>/);
    expect(body).toMatch(/<wp:docPr [^>]*descr="Closures in each year by reason\."/);
    // 170 mm wide (the text column) at most: 6.69 in of EMU.
    const cx = Number(/<wp:extent cx="(\d+)"/.exec(body)?.[1]);
    expect(cx / 914400).toBeCloseTo(6.69, 1);
    expect(Object.keys(parts).some((n) => /^word\/media\/.+\.png$/.test(n))).toBe(true);
  });

  it('says on every page what the figures are, whether they are suppressed, and the page', async () => {
    const parts = await partsOf(documentOf(true));
    const footer = Object.entries(parts).find(([n]) => /^word\/footer\d*\.xml$/.test(n))?.[1] ?? '';
    expect(footer).toContain('figures as at 30 April 2025');
    expect(footer).toContain('Small numbers suppressed (c)');
    expect(footer).toMatch(/PAGE.*NUMPAGES/s);
    expect(Object.keys(parts).some((n) => /^word\/header\d*\.xml$/.test(n))).toBe(false);
    const open = await partsOf(documentOf(false));
    const header = Object.entries(open).find(([n]) => /^word\/header\d*\.xml$/.test(n))?.[1] ?? '';
    expect(header).toContain('NOT FOR PUBLICATION');
  });
});
