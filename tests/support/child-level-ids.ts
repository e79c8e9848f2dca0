/**
 * Identifiers of children, cases and child protection records in the sample data: they link records and
 * count children, and none may reach a page, a board view, a file or the command line's output. Early
 * help episodes (EH), children (FSC, in early help and the child protection lists alike), audited cases;
 * and the child protection lists' record ids — contacts (CT), referrals
 * (RF), assessments (AS), Section 47 enquiries (SF), children in need episodes (CN), plans (CP) and
 * plan visits (CV) — each with seven digits, so the templates' short examples ("CP000123") are not them.
 */
export const CHILD_IDS = [/EH\d{7}/, /FSC\d{6}/, /MACFA-\d+-C\d+/, /\b(?:CT|RF|AS|SF|CN|CP|CV)\d{7}\b/];

/**
 * And the practice reviews' references: the Practice reviews page lists each review by its reference on
 * its timeline, for the partnership's own use, but none may reach a board view, a file or the CLI.
 */
export const CHILD_LEVEL_IDS = [...CHILD_IDS, /RR-20\d\d-\d\d/];
