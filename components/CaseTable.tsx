// A list of cases as a table on wide screens and as stacked summary cards on phones (WCAG 1.4.10: no sideways
// scroll at 320 px): below the `sm` breakpoint each row becomes a block and each cell shows its column's name.
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
    <table className="mb-4 w-full text-left" data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead className="max-sm:sr-only">
        <tr className="border-b-2 border-ink">
          {columns.map((c, i) => (
            <th key={c.header} scope="col" className={`py-2 ${i < columns.length - 1 ? "pr-3" : ""}`}>
              {c.srHeader ? <span className="sr-only">{c.header}</span> : c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-border align-top max-sm:block max-sm:py-2">
            {columns.map((c, i) => (
              <td
                key={c.header}
                data-label={c.srHeader ? undefined : c.header}
                className={`py-2 max-sm:block max-sm:py-0.5 ${i < columns.length - 1 ? "pr-3" : ""} ${i > 0 ? "max-sm:before:mr-1 max-sm:before:font-semibold max-sm:before:content-[attr(data-label)':']" : ""} ${c.className ?? ""}`}
              >
                {c.cell(r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
