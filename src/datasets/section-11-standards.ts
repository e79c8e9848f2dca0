/**
 * The eight key features of the statutory Section 11 guidance (Children Act 2004), which most Section
 * 11 audit tools use as their standards (domain.md §1.3). A returns file that names its standards is
 * shown with its own names; these are used for the common codes S11-1 … S11-8 when it does not.
 */
export const SECTION_11_STANDARDS: readonly (readonly [string, string])[] = [
  ['S11-1', 'Senior management commitment to safeguarding'],
  ['S11-2', 'A clear statement of responsibilities, available to all staff'],
  ['S11-3', 'A clear line of accountability for safeguarding'],
  ['S11-4', 'Services shaped by safeguarding and the views of children and families'],
  ['S11-5', 'Safeguarding training for all staff'],
  ['S11-6', 'Safer recruitment'],
  ['S11-7', 'Effective inter-agency working'],
  ['S11-8', 'Information sharing'],
];
