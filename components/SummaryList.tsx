// Summary list (GOV.UK): key/value rows.
import type { ReactNode } from "react";

export function SummaryList({ rows }: { rows: { key: string; value: ReactNode }[] }) {
  return (
    <dl className="mb-8 max-w-3xl">
      {rows.map((r) => (
        <div key={r.key} className="border-b border-border py-2 md:flex md:gap-4">
          <dt className="font-semibold md:w-1/3">{r.key}</dt>
          <dd className="md:w-2/3">{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
