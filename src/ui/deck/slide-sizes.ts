/** How a slide is drawn: projected full screen, printed on A4 landscape, or on the builder's page. */
export type SlideMode = 'present' | 'print' | 'screen';

/** A chart's size on the printed page: the printable width of A4 landscape at 96 px to the inch. */
export const PRINT_CHART = { width: 1000, height: 390 };

/** Chart text on a projected slide, in pixels: read from the back of a room. */
export const PRESENT_CHART_TEXT = 20;
