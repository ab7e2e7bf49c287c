// A readable difference between two versions of a report: words added and removed, in order. Pure.
import { diffWords } from "diff";

export type DiffPart = { text: string; change: "same" | "added" | "removed" };

/** Word-level difference (jsdiff's Myers algorithm, O(ND)): unchanged runs, then what was removed and added. */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((p) => ({
    text: p.value,
    change: p.added ? "added" : p.removed ? "removed" : "same",
  }));
}

/** Whether anything changed at all (so the page can say "No change" instead of an empty comparison). */
export const changed = (parts: DiffPart[]) => parts.some((p) => p.change !== "same");
