// CSV as every export writes it (the ledger on the server, reports in the page): RFC 4180 cells
// that no spreadsheet runs as a formula.

// OWASP CSV injection: a cell starting with one of these may be run as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;
// Except a plain number ("-1.000", a debit): no spreadsheet reads it as a formula, and a quote
// in front would turn the amount into text.
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** One CSV cell: always quoted (RFC 4180); a would-be formula gets a leading `'`. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
