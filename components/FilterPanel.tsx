"use client";
// MoJ filter component on phones: below the md breakpoint the filters fold behind "Show filters" once JavaScript
// runs (open already when a filter is applied). Without JavaScript, and on wider screens, they are simply shown.
import { useState, type ReactNode } from "react";
import { useHydrated } from "./useHydrated";

export function FilterPanel({ id, active, children }: { id: string; active: boolean; children: ReactNode }) {
  const hydrated = useHydrated();
  const [open, setOpen] = useState(active);
  return (
    <div>
      {hydrated ? (
        <button
          type="button"
          className="btn-secondary mb-4 md:hidden"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
        >
          {open ? "Hide filters" : "Show filters"}
        </button>
      ) : null}
      <div id={id} className={hydrated && !open ? "max-md:hidden" : undefined}>
        {children}
      </div>
    </div>
  );
}
