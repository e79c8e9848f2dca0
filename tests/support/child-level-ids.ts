/**
 * Identifiers of children, cases, reviews and child protection records in the sample data: they link
 * records and count children, and none may reach a page, a board view, a file or the command line's
 * output. Early help episodes (EH), children (FSC, in early help and the child protection lists alike),
 * audited cases, rapid reviews; and the child protection lists' record ids — contacts (CT), referrals
 * (RF), assessments (AS), Section 47 enquiries (SF), children in need episodes (CN), plans (CP) and
 * plan visits (CV) — each with seven digits, so the templates' short examples ("CP000123") are not them.
 */
export const CHILD_LEVEL_IDS = [
  /EH\d{7}/,
  /FSC\d{6}/,
  /MACFA-\d+-C\d+/,
  /RR-20\d\d-\d\d/,
  /\b(?:CT|RF|AS|SF|CN|CP|CV)\d{7}\b/,
];
