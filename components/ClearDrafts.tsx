"use client";
// Rendered on the page that follows a successful send: the drafts kept for that form are no longer needed.
import { useEffect } from "react";
import { removeDrafts } from "./drafts";

export function ClearDrafts({ path }: { path: string }) {
  useEffect(() => removeDrafts(path), [path]);
  return null;
}
