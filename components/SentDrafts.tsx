"use client";
// On the page a successful send leads to (its address carries `?done=`), the draft of the form just sent is deleted,
// wherever that form was: an organisation item added on one page and shown on its own, a meeting scheduled from the
// list. Without this, the next visit to the form would bring back words already saved.
import { useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { clearSentDraft } from "./drafts";

export function SentDrafts() {
  const done = useSearchParams().get("done");
  // After every render while `done` is set (the same address twice in a row is still a new send); it only acts
  // once per send, as clearing takes the note of the sent form with it.
  useEffect(() => {
    if (done) clearSentDraft();
  });
  return null;
}
