import type { IndicatorFigures } from './pack-figures';
import type { ReportTable } from './report-tables';

/**
 * A deck (the yearly report, a board pack) as a document to publish or edit: headings in order, the
 * words and figures under each, and every chart with its table. The web page and the Word document are
 * written from this one model, from the deck's figures as published — so neither shows what the other
 * hides, and both say the same.
 */
export interface ReportChart {
  /** The slide's key: its image or SVG, captured when the deck is drawn, is found by it. */
  key: string;
  title: string;
  /** What the chart shows, in words (the SVG's description; the image's alt text). */
  description: string;
}

export type ReportBlock =
  | { kind: 'text'; text: string; tone: 'lead' | 'body' | 'note' }
  /** The partnership's own words under their heading; '' while not written. */
  | { kind: 'words'; heading: string; text: string }
  | { kind: 'table'; table: ReportTable }
  | { kind: 'chart'; chart: ReportChart; table: ReportTable | null }
  | { kind: 'definitions'; items: readonly { term: string; detail: string }[] }
  /** Where the web page links its figures as CSV (the Word document says where to find them). */
  | { kind: 'csv' };

export interface ReportSection {
  key: string;
  heading: string;
  blocks: ReportBlock[];
  /** Headings one level down (a yearly report heading's views; the comparisons). */
  parts: ReportSection[];
}

export interface ReportDocument {
  title: string;
  /** The period in words ("1 April 2024 to 31 March 2025") and the as-at date. */
  subtitle: string;
  asAt: string;
  /** What every page says about itself (page-footer.ts). */
  footer: string;
  suppressed: boolean;
  sections: ReportSection[];
  /** The indicators the document shows, for its definitions and its CSV. */
  indicators: IndicatorFigures[];
}
