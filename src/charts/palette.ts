/**
 * The charts' colours, in one place so the charts cannot drift apart (the SPC chart's axes were once a
 * navy of their own). Text colours are checked for contrast in contrast.test.tsx.
 */

/** Text, ticks and the strongest lines: GOV.UK's text colour. */
export const INK = '#0b0c0c';
/** Axis names and secondary lines: GOV.UK's secondary text colour (7:1 on white). */
export const SECONDARY_INK = '#505a5f';
export const WHITE = '#ffffff';
/** The value grid behind a chart: light enough to read past. */
export const GRID = '#e5e5e5';
/** The mean of an SPC chart, lighter than the values drawn over it. */
export const CENTRE_LINE = '#6f777b';
