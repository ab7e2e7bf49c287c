// CSV for spreadsheets (RFC 4180), with formula injection neutralised: a cell that a spreadsheet would run as a
// formula (=, +, -, @, tab, CR at the start) is prefixed with an apostrophe.
export function csvCell(v: string | number | boolean | null | undefined): string {
  let s = v === null || v === undefined ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRow = (cells: (string | number | boolean | null | undefined)[]) =>
  `${cells.map(csvCell).join(",")}\r\n`;
