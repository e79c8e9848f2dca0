import { cssString } from '../shared/css-string';

/**
 * The web page's own stylesheet (inline: the page fetches nothing). GOV.UK-like type at 19 px, black on
 * white (contrast well over 4.5:1), one column that reflows down to 320 px, wide tables scrolling in
 * their own box, and print on A4 with "Page x of y" and the page footer in the margins.
 */
export function reportCss(options: { notForPublication: boolean; footer: string }): string {
  const nfp = options.notForPublication;
  return `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%;${nfp ? ' scroll-padding-top: 4.5rem;' : ''} }
body { margin: 0 auto; max-width: 62rem; padding: ${nfp ? '4rem' : '1.5rem'} 1rem 2rem; font: 1.1875rem/1.45 Arial, Helvetica, sans-serif; color: #0b0c0c; background: #fff; overflow-wrap: break-word; }
h1 { font-size: 2.25rem; line-height: 1.15; margin: 0.25rem 0 0.75rem; }
h2 { font-size: 1.75rem; line-height: 1.2; margin: 2.5rem 0 0.75rem; padding-top: 0.5rem; border-top: 2px solid #b1b4b6; }
h3 { font-size: 1.375rem; margin: 1.75rem 0 0.5rem; }
h4 { font-size: 1.1875rem; margin: 1.25rem 0 0.25rem; }
p, dd { margin: 0 0 0.9rem; max-width: 46em; }
a { color: #1d70b8; text-decoration-thickness: max(1px, 0.0625rem); text-underline-offset: 0.1em; }
a:visited { color: #4c2c92; }
a:focus { outline: 3px solid transparent; color: #0b0c0c; background: #fd0; box-shadow: 0 -2px #fd0, 0 4px #0b0c0c; text-decoration: none; }
.kicker { color: #505a5f; margin: 0; }
.subtitle, .lead { font-size: 1.3rem; }
.note { border-left: 5px solid #b1b4b6; padding: 0.25rem 0 0.25rem 0.9rem; }
nav ol { padding-left: 1.5rem; }
nav li { margin: 0.3rem 0; }
figure { margin: 1rem 0 0.5rem; }
svg.chart { display: block; width: 100%; height: auto; max-width: 100%; }
.table-wrap { overflow-x: auto; margin: 0.5rem 0 1.5rem; }
.table-wrap:focus { outline: 3px solid #fd0; }
table { border-collapse: collapse; width: 100%; font-size: 1rem; }
caption { text-align: left; font-weight: 700; padding-bottom: 0.5rem; }
th, td { text-align: left; vertical-align: top; padding: 0.5rem 0.75rem 0.5rem 0; border-bottom: 1px solid #b1b4b6; }
thead th { border-bottom-width: 2px; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.short { white-space: nowrap; }
dt { font-weight: 700; margin-top: 0.75rem; }
dd { margin-left: 0; }
footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid #b1b4b6; font-size: 0.9rem; color: #0b0c0c; }
.nfp { position: fixed; top: 0; left: 0; right: 0; z-index: 1; margin: 0; max-width: none; padding: 0.6rem 1rem; background: #d4351c; color: #fff; font-weight: 700; text-align: center; }
@media (max-width: 40rem) {
  body { font-size: 1rem; padding-left: 0.75rem; padding-right: 0.75rem; }
  h1 { font-size: 1.75rem; } h2 { font-size: 1.4rem; } h3 { font-size: 1.2rem; }
  .nfp span { display: none; }
  th, td { padding-right: 0.5rem; }
}
@page {
  size: A4;
  margin: 16mm 14mm 20mm;
  ${nfp ? `@top-center { content: "NOT FOR PUBLICATION"; font: 700 11pt Arial, sans-serif; color: #d4351c; }` : ''}
  @bottom-left { content: ${cssString(options.footer)}; width: 150mm; font: 7pt Arial, sans-serif; color: #0b0c0c; vertical-align: top; padding-top: 3mm; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); width: 30mm; white-space: nowrap; font: 8pt Arial, sans-serif; text-align: right; vertical-align: top; padding-top: 3mm; }
}
@media print {
  html { font-size: 11pt; }
  body { max-width: none; padding: 0; font-size: 1rem; }
  .nfp span { display: inline; }
  /* Where a browser draws no page margins (the warning and the footer above are margin boxes), the
     warning bar still opens the document and the footer still closes it. */
  .nfp { position: static; margin-bottom: 1rem; }
  a { color: #0b0c0c; }
  h2 { border-top: 0; }
  main > section > h2 { break-before: page; margin-top: 0; }
  h2, h3, h4, caption { break-after: avoid; }
  figure, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
}
`;
}
