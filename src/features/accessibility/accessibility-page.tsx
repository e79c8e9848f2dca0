/** The accessibility statement the Public Sector Bodies Accessibility Regulations 2018 ask for. */
export function AccessibilityPage() {
  return (
    <div className="prose" data-testid="accessibility-statement">
      <h1 className="heading-xl">Accessibility statement for Partnership Insight</h1>
      <p className="lead">
        Partnership Insight is meant to be used by as many people as possible, including people who use a keyboard only,
        a screen reader, speech recognition or screen magnification.
      </p>
      <h2 className="heading-l">How accessible this tool is</h2>
      <p>You should be able to:</p>
      <ul className="list">
        <li>use every control with a keyboard alone, and always see where the focus is;</li>
        <li>load files with the “Choose files” button instead of dragging them;</li>
        <li>read every chart as a table (“Show as table”), with a one-line summary in words above it;</li>
        <li>
          move through an SPC chart by keyboard — on area pages, board pack slides and in presentation mode; one tab
          stop; arrow keys between periods, Page Up and Page Down between signals, changes and events, T for its table,
          Esc to leave — with each period said in words as you go, and the chart summed up in words (mean, limits,
          target and assurance, signals and events) for screen readers;
        </li>
        <li>read a target, or a trajectory of targets, in each chart’s table and words, not only as a dotted line;</li>
        <li>tell special-cause points apart by shape as well as colour (improvement a triangle, concern a square);</li>
        <li>tell special-cause variation, assurance and RAG ratings apart by their text labels, not only by colour;</li>
        <li>zoom the page to 400% and use it on a 1366 × 768 laptop or a 1920 × 1080 projector;</li>
        <li>print any page: navigation is left out and charts are kept whole;</li>
        <li>
          publish the yearly report or board pack as a web page that meets WCAG 2.2 AA on its own (headings, contents,
          every chart described in words and followed by its table, reflow to 320 pixels wide), or as a Word document
          with real headings, tables and alt text for partners to edit.
        </li>
      </ul>
      <p>
        The colours follow NHS England’s “Making Data Count” palette (blue for improvement, orange for concern, purple
        where there is no direction of good), which is easier to tell apart for most people with colour-vision
        deficiency than red and green.
      </p>
      <h2 className="heading-l">Known limitations</h2>
      <ul className="list">
        <li>
          Hovering over a chart other than an SPC chart shows a tooltip that keyboard users cannot open; the same values
          are in the table view.
        </li>
        <li>Bars in breakdown charts are selected by keyboard only through the table view.</li>
        <li>Some coloured marks (the grey of common-cause points, lighter stacked segments) are below 3:1 contrast.</li>
        <li>
          The heatmap gives every cell its own tab stop, and its buttons are smaller than 44 pixels; on a printed slide
          the SPC chart has no table under it.
        </li>
        <li>
          Chart text does not follow a larger default font size set in the browser, and nobody has yet tested the tool
          with NVDA, JAWS or VoiceOver.
        </li>
      </ul>
      <p>
        The full audit of every chart type against the Chartability criteria, with the plan for each gap, is kept with
        the tool’s code (docs/accessibility.md).
      </p>
      <h2 className="heading-l">Technical information about this tool’s accessibility</h2>
      <p>
        This tool is designed to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 AA standard. Every
        page is checked automatically with axe-core in its browser tests, with sample data loaded, and a serious or
        critical problem fails the build. Automated checks find only some problems; the tool has not yet been tested by
        disabled users or audited by a specialist.
      </p>
      <h2 className="heading-l">Reporting problems</h2>
      <p>
        If you find a problem not listed here, tell your partnership’s business manager, who can raise it with the
        people who look after this tool. If your organisation publishes this tool, add your own contact details and the
        date of your last review here, and the enforcement procedure (the Equality and Human Rights Commission in
        England).
      </p>
      <p className="hint">This statement was prepared on 23 November 2026 and last reviewed on 8 December 2026.</p>
    </div>
  );
}
