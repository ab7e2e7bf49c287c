// A list of cases as a table on wide screens and as stacked summary cards on phones (WCAG 1.4.10: no sideways
// scroll at 320 px): below the `sm` breakpoint each row becomes a block and each cell shows its column's name.
// The styling lives in globals.css (.case-table), not in per-cell classes: a 25-row list stays small.
import type { ReactNode } from "react";

export type Column<T> = { header: string; cell: (row: T) => ReactNode; className?: string; srHeader?: boolean };

export function CaseTable<T extends { id: string }>({
  caption,
  columns,
  rows,
  testId,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  testId?: string;
}) {
  return (
    <table className="case-table" data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col">
              {c.srHeader ? <span className="sr-only">{c.header}</span> : c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            {columns.map((c) => (
              <td key={c.header} data-label={c.srHeader ? undefined : c.header} className={c.className}>
                {c.cell(r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
