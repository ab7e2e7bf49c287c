// A table that is also a bar chart: the numbers are in the table (what screen readers and the CSV use); the bars
// beside them are decoration (aria-hidden), scaled to the largest value.
/** `href`: the list behind the number (the number becomes a link to it). */
export type BarRow = { key: string; label: string; value: number; extra?: string[]; href?: string };

export function BarTable({
  caption,
  labelHeader,
  rows,
  valueHeader = "Requests",
  extraHeaders = [],
  id,
}: {
  caption: string;
  labelHeader: string;
  rows: BarRow[];
  valueHeader?: string;
  extraHeaders?: string[];
  id: string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  // On a phone a wide table scrolls inside its own box, never the page (WCAG 1.4.10 lets data tables do so).
  return (
    <div className="relative mb-8 max-w-full overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full text-left" data-testid={id}>
        <caption className="mb-2 text-left text-xl font-bold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-1 pr-3">
              {labelHeader}
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              {valueHeader}
            </th>
            {extraHeaders.map((h) => (
              <th key={h} scope="col" className="py-1 pr-3 text-right">
                {h}
              </th>
            ))}
            <th scope="col" className="w-1/3 py-1">
              <span className="sr-only">Chart</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={3 + extraHeaders.length} className="py-2">
                None.
              </td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr key={r.key} className="border-b border-border">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {r.label}
                </th>
                <td className="py-1 pr-3 text-right tabular-nums">
                  {r.href ? (
                    <a href={r.href}>
                      {r.value}
                      <span className="sr-only"> — list them</span>
                    </a>
                  ) : (
                    r.value
                  )}
                </td>
                {(r.extra ?? []).map((e, i) => (
                  <td key={i} className="py-1 pr-3 text-right tabular-nums">
                    {e}
                  </td>
                ))}
                <td className="py-1" aria-hidden="true">
                  <div
                    className="h-4 bg-brand"
                    style={{ width: `${Math.max(r.value ? 2 : 0, Math.round((r.value / max) * 100))}%` }}
                  />
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
