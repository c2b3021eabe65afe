/**
 * Text in CSV files guarded against formula injection (OWASP, "CSV Injection":
 * https://owasp.org/www-community/attacks/CSV_Injection). Excel and LibreOffice run a cell that
 * begins with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula when the file is opened,
 * and member fields are typed by users: such a value is written with a leading apostrophe, the
 * spreadsheets' own "this is text" mark, and reading a CSV takes the apostrophe off again.
 *
 * A value that already begins with apostrophes before one of those characters (`'=x`) gets one
 * more, so reading removes exactly the one writing added: every text reads back as it was.
 */

const APOSTROPHE = 0x27;

/** `=` `+` `-` `@` tab, carriage return; NaN (past the end of the text) is not. */
function startsFormula(code: number): boolean {
  return code === 0x3d || code === 0x2b || code === 0x2d || code === 0x40 || code === 0x09 || code === 0x0d;
}

/** The position of the first character after the leading apostrophes. */
function afterApostrophes(text: string): number {
  let i = 0;
  while (text.charCodeAt(i) === APOSTROPHE) i += 1;
  return i;
}

/** The text as a CSV cell may hold it: a spreadsheet shows it as text, never runs it. */
export function guardCsvText(text: string): string {
  return startsFormula(text.charCodeAt(afterApostrophes(text))) ? `'${text}` : text;
}

/** The text a CSV cell written by `guardCsvText` stood for (a cell without the mark is itself). */
export function unguardCsvText(cell: string): string {
  if (cell.charCodeAt(0) !== APOSTROPHE) return cell;
  return startsFormula(cell.charCodeAt(afterApostrophes(cell))) ? cell.slice(1) : cell;
}
