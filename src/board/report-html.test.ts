import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { getIndicator } from '../indicators/registry';
import { inlineSvg, reportHtml } from './report-html';
import type { ReportDocument } from './report-model';

/** A small document by hand: one heading with words, a table and a chart; the about heading. */
function documentOf(suppressed: boolean, words = 'Family hubs opened.\n\nThe front door moved.'): ReportDocument {
  return {
    title: 'Yearly report 2024 to 2025',
    subtitle: '1 April 2024 to 31 March 2025 · figures as at 30 April 2025',
    asAt: '30 April 2025',
    footer: 'Partnership Insight · Small numbers suppressed (c)',
    suppressed,
    reviewCountsShown: false,
    indicators: [],
    sections: [
      {
        key: 'section-help',
        heading: 'The effectiveness of help',
        blocks: [
          { kind: 'text', tone: 'lead', text: 'Partners use data.' },
          { kind: 'words', heading: 'What the partnership did', text: words },
          { kind: 'words', heading: 'Evidence of impact', text: '' },
          {
            kind: 'table',
            table: {
              caption: 'The year against the year before',
              head: ['Indicator', 'Year', 'Value'],
              numeric: [false, false, true],
              rows: [{ header: 'PR1 Serious incident notifications', cells: ['2024-25', 'c'] }],
            },
          },
        ],
        parts: [
          {
            key: 'view-help-EHP1',
            heading: 'Why early help episodes closed',
            blocks: [
              {
                kind: 'chart',
                chart: { key: 'view-help-EHP1', title: 'Closures', description: 'By reason.' },
                table: null,
              },
            ],
            parts: [],
          },
        ],
      },
      { key: '_about', heading: 'About these figures', blocks: [{ kind: 'csv' }], parts: [] },
    ],
  };
}

const SVG =
  '<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg" width="800" height="300" viewBox="0 0 800 300"><rect width="100%" height="100%" fill="#ffffff"/><svg x="0" y="8" tabindex="0" role="application" class="recharts-surface"><title/><desc/><text>2024-25</text></svg></svg>';

describe('the published web page', () => {
  it('is one page in British English whose headings mirror the document, with a contents list', () => {
    const html = reportHtml(documentOf(true), new Map([['view-help-EHP1', SVG]]));
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect([...html.matchAll(/<h(\d) id="[^"]+">([^<]+)</g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      '2 Contents',
      '2 The effectiveness of help',
      '3 Why early help episodes closed',
      '2 About these figures',
    ]);
    expect(html).toContain(
      '<li><a href="#s-section-help">The effectiveness of help</a></li><li><a href="#s-_about">About these figures</a></li>',
    );
    // Words under a heading are one level below it; words not written are left out.
    expect(html).toContain('<h3>What the partnership did</h3><p>Family hubs opened.</p><p>The front door moved.</p>');
    expect(html).not.toContain('Evidence of impact');
    expect(html).toContain('<th scope="col">Indicator</th>');
    expect(html).toContain('<th scope="row">PR1 Serious incident notifications</th>');
    expect(html).toContain(
      '<div class="table-wrap" role="group" tabindex="0" aria-labelledby="table-1"><table><caption id="table-1">The year against the year before</caption>',
    );
  });

  it('is valid HTML by the WHATWG rules, suppressed or not', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
    for (const suppressed of [true, false]) {
      const report = await validator.validateString(
        reportHtml(documentOf(suppressed), new Map([['view-help-EHP1', SVG]])),
      );
      expect(report.results.flatMap((r) => r.messages.map((m) => m.message))).toEqual([]);
    }
  });

  it('asks for nothing: no script, no source, and a policy that allows no request', () => {
    const html = reportHtml(documentOf(true), new Map([['view-help-EHP1', SVG]]));
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<script|\ssrc=|url\(|@import/);
  });

  it('escapes the partnership’s words: what they type is only ever text', () => {
    const html = reportHtml(documentOf(true, '<script>alert(1)</script> & "quotes"'), new Map());
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
  });

  it('says NOT FOR PUBLICATION on screen and on every printed page only when small numbers are shown', () => {
    expect(reportHtml(documentOf(true), new Map())).not.toContain('NOT FOR PUBLICATION');
    const open = reportHtml(documentOf(false), new Map());
    expect(open).toContain('<p class="nfp" data-nfp=""><strong>NOT FOR PUBLICATION</strong>');
    expect(open).toContain('@top-center { content: "NOT FOR PUBLICATION"');
  });

  it('links the figures as CSV through the safe writer', () => {
    const doc = documentOf(true);
    const eh1 = getIndicator('EH1');
    const point = {
      label: '2024-25',
      periodStart: '2024-04-01',
      periodEnd: '2025-03-31',
      effectiveEnd: '2025-03-31',
      partial: false,
    };
    doc.indicators = [
      {
        indicator: { ...eh1, title: '=HYPERLINK("x")' },
        points: [
          {
            ...point,
            value: 12,
            numerator: null,
            denominator: null,
            suppressed: false,
            numeratorHidden: false,
            denominatorHidden: false,
          },
        ],
        spc: { points: [{ type: 'common_cause' }] },
      } as never,
    ];
    const href = /href="data:text\/csv;charset=utf-8,([^"]+)"/.exec(reportHtml(doc, new Map()))?.[1] ?? '';
    const csv = decodeURIComponent(href);
    expect(csv.startsWith('\uFEFFindicator_id,indicator,period')).toBe(true);
    // A formula-like cell is made inert (a leading apostrophe), as in every CSV the app writes.
    expect(csv).toContain(
      `EH1,"'=HYPERLINK(""x"")",2024-25,2024-04-01,2025-03-31,yes,z,z,12,count,Common cause variation`,
    );
  });
});

describe('a chart as inline SVG', () => {
  it('is an image named by its title, described by its description, sized by its view box, nothing in it focusable', () => {
    const svg = inlineSvg(SVG, { key: 'k', title: 'Closures <by reason>', description: 'Counts & reasons.' }, 'c1');
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="chart" viewBox="0 0 800 300" role="img" aria-labelledby="c1-title" aria-describedby="c1-desc"/,
    );
    expect(svg).toContain(
      '<title id="c1-title">Closures &lt;by reason&gt;</title><desc id="c1-desc">Counts &amp; reasons.</desc>',
    );
    expect(svg).not.toMatch(/tabindex|role="application"|<\?xml|<title\/>|<desc\/>/);
    expect(svg).toContain('<text>2024-25</text>');
  });
});
