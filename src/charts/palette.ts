/**
 * The charts' colours, in one place so the charts cannot drift apart (the SPC chart's axes once had a
 * "navy" of their own beside the other charts' ink). contrast.test.tsx checks every colour here against
 * the role it is given: text 4.5:1 on white, lines and marks that carry meaning 3:1, decoration none.
 * The SPC point colours are Making Data Count's, kept with the rules in src/indicators/spc.ts.
 */

/** Text, ticks and the strongest lines: GOV.UK's text colour. */
export const INK = '#0b0c0c';
/** Axis names and secondary lines: GOV.UK's secondary text colour (7:1 on white). */
export const SECONDARY_INK = '#505a5f';
export const WHITE = '#ffffff';

/** Our authority, the bars, the sparkline: GOV.UK blue. */
export const BLUE = '#1d70b8';
/** A bar not selected: the blue faded, so the selected one stands out. */
export const FADED_BLUE = '#a7c4e0';
/** The statistical neighbours' line: GOV.UK red. */
export const RED = '#d4351c';
/** The region's line: GOV.UK green. */
export const GREEN = '#00703c';
/** A late step on the review timeline (the same orange as an SPC concern). */
export const ORANGE = '#e46c0a';
/** An SPC chart's target line. */
export const TARGET = '#de1b1b';
/** The mean of an SPC chart, lighter than the values drawn over it. */
export const CENTRE_LINE = '#6f777b';

/** The value grid behind a chart: light enough to read past. */
export const GRID = '#e5e5e5';
/** Guide lines and the disc of an icon with nothing to say: GOV.UK's mid grey. */
export const MID_GREY = '#b1b4b6';
/** The band behind periods still filling from the start of the data (warm-up). */
export const FILLING = '#e8e6e3';

/** Okabe–Ito: categories most people with colour-vision deficiency can tell apart. */
export const CATEGORY_COLOURS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#CC79A7',
  '#56B4E9',
  '#F0E442',
  '#000000',
  '#999999',
] as const;
/** The categories' last colour, grey: for a category with no colour of its own. */
export const CATEGORY_GREY = CATEGORY_COLOURS[8];

/** Colours that write words: each must read on white at 4.5:1. */
export const TEXT_COLOURS = { INK, SECONDARY_INK } as const;
/**
 * Lines and marks a reader must see to read the chart (WCAG 1.4.11): each must stand out from white at
 * 3:1. The categories are not among them: a stacked bar's segments are told apart by the key and by
 * their order, and each is labelled in the tooltip and the table beside the chart.
 */
export const MEANING_COLOURS = { INK, SECONDARY_INK, BLUE, RED, GREEN, ORANGE, TARGET, CENTRE_LINE } as const;
/**
 * Backgrounds and guides, drawn behind what is read: no contrast asked of them. A bar not selected is
 * faded on purpose; its figure is written in ink beside it.
 */
export const DECORATION_COLOURS = { WHITE, FADED_BLUE, GRID, MID_GREY, FILLING } as const;
