import { columnLetters } from '../../shared/column-letters';
/**
 * A workbook that cannot be read as it is, in the user's words: damaged (a cell pointing at text or a
 * style the file does not hold, a part listed but missing, a cell beyond Excel's own grid) or protected
 * with a password. The whole file is refused with the reason and what to do; nothing is read in part.
 */
export class WorkbookRefusal extends Error {
  constructor(
    message: string,
    /** What the user can do about it (replaces the usual "save it as .xlsx or CSV" advice). */
    readonly advice: string,
  ) {
    super(message);
  }
}

/** Excel's own grid: nothing Excel writes lies beyond row 1,048,576 or column XFD. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

export const DAMAGED_ADVICE =
  'Open it in Excel (which repairs what it can), save it, and load it again; or ask whoever sent it for a new copy.';
export const PASSWORD_ADVICE = 'Save an unprotected copy (in Excel: File › Info › Protect Workbook) and load that.';

export function damaged(what: string): WorkbookRefusal {
  return new WorkbookRefusal(`${what}, so the file is damaged`, DAMAGED_ADVICE);
}

export function passwordProtected(): WorkbookRefusal {
  return new WorkbookRefusal('this workbook is password-protected', PASSWORD_ADVICE);
}

/** A cell in words a user finds it by: cell C4 of sheet “Early help”. */
export function cellName(sheet: string, column: number, row: number): string {
  return cellAt(sheet, `${columnLetters(column)}${row}`);
}

/** A cell named by its reference as written in the file (which may be beyond Excel's grid). */
export function cellAt(sheet: string, reference: string): string {
  return `cell ${reference} of sheet “${sheet}”`;
}

// Written out, not formatted when the module loads: the first toLocaleString loads the locale data,
// which every start of the command line would otherwise pay for.
export const EXCEL_LIMITS_TEXT = 'Excel’s own limits are 1,048,576 rows and 16,384 columns (A to XFD)';
