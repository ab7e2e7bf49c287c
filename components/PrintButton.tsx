"use client";
// "Print this page": a button only once JavaScript runs (without it, the browser's own print command works). The
// print styles in app/globals.css hide it, with the other controls, on paper.
import { useHydrated } from "./useHydrated";

export function PrintButton() {
  if (!useHydrated()) return null;
  return (
    <button type="button" className="btn-secondary mb-6" onClick={() => window.print()}>
      Print this page
    </button>
  );
}
