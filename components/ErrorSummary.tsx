"use client";
// GOV.UK error summary: a list of problems, each linking to its field. Focused when shown.
import { useEffect, useRef } from "react";

export type ErrorItem = { field?: string; message: string };

export function ErrorSummary({ errors, title = "There is a problem" }: { errors: ErrorItem[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  // GOV.UK: the page title says there is an error while the summary is shown.
  const shown = errors.length > 0;
  useEffect(() => {
    if (!shown) return;
    if (!document.title.startsWith("Error: ")) document.title = `Error: ${document.title}`;
    return () => {
      document.title = document.title.replace(/^Error: /, "");
    };
  }, [shown]);
  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="mb-8 border-4 border-error p-4 focus:outline-3 focus:outline-focus"
    >
      <h2 id="error-summary-title" className="h3">
        {title}
      </h2>
      <ul className="list-none space-y-2">
        {errors.map((e, i) => (
          <li key={`${e.field ?? ""}-${i}`}>
            {e.field ? (
              <a href={`#${e.field}`} className="font-semibold text-error">
                {e.message}
              </a>
            ) : (
              <span className="font-semibold text-error">{e.message}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
