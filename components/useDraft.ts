"use client";
// Keeps a form's values as a draft in this browser while the person types (see ./drafts.ts).
import { useCallback, useEffect, useRef, useState } from "react";
import { draftKey, forgetSent, loadDraft, noteSent, saveDraft, type DraftValues } from "./drafts";

export function useDraft(
  form: string,
  values: DraftValues,
  restore: (v: DraftValues) => void,
): { restoredAt: string | null; discard: () => void } {
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const key = useRef("");
  const ready = useRef(false);
  useEffect(() => {
    key.current = draftKey(window.location.pathname, form);
    const d = loadDraft(key.current);
    if (d) {
      restore(d.values);
      setRestoredAt(d.at);
    }
    ready.current = true;
    // Restore once, on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form]);
  useEffect(() => {
    if (!ready.current) return;
    const t = setTimeout(() => saveDraft(key.current, values), 300);
    return () => clearTimeout(t);
  }, [values]);
  return {
    restoredAt,
    discard: () => {
      saveDraft(key.current, {});
      setRestoredAt(null);
    },
  };
}

/** The text fields of an uncontrolled form (passwords, files and hidden fields are never kept). */
export function formTextValues(form: HTMLFormElement): DraftValues {
  const out: DraftValues = {};
  for (const el of Array.from(form.elements)) {
    if (el instanceof HTMLTextAreaElement && el.name) out[el.name] = el.value;
    else if (el instanceof HTMLInputElement && el.name && ["text", "date", "number", "email"].includes(el.type))
      out[el.name] = el.value;
  }
  return out;
}

/** Puts a draft back into an uncontrolled form's empty text fields. */
export function fillForm(form: HTMLFormElement, values: DraftValues): void {
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) || !el.name) continue;
    const v = values[el.name];
    if (typeof v === "string" && !el.value) el.value = v;
  }
}

/**
 * The same for an uncontrolled form (server-action forms): attach `ref` to the <form>. When the page shows that the
 * form was just sent (`sent`, or a `done` parameter in the address), its draft is deleted instead of restored.
 */
export function useFormDraft(form: string, opts: { sent?: boolean } = {}) {
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const node = useRef<HTMLFormElement | null>(null);
  const sent = opts.sent;
  const ref = useCallback(
    (el: HTMLFormElement | null) => {
      if (!el) return;
      node.current = el;
      const key = draftKey(window.location.pathname, form);
      if (sent ?? new URLSearchParams(window.location.search).has("done")) saveDraft(key, {});
      else {
        const d = loadDraft(key);
        if (d) {
          fillForm(el, d.values);
          setRestoredAt(d.at);
        }
      }
      const save = () => saveDraft(key, formTextValues(el));
      const noteSend = () => noteSent(key);
      el.addEventListener("input", save);
      el.addEventListener("submit", noteSend);
      return () => {
        el.removeEventListener("input", save);
        el.removeEventListener("submit", noteSend);
      };
    },
    [form, sent],
  );
  const discard = useCallback(() => {
    saveDraft(draftKey(window.location.pathname, form), {});
    node.current?.reset();
    setRestoredAt(null);
  }, [form]);
  return { ref, restoredAt, discard };
}

/**
 * A server-action form's answer that is not a success (errors, or a confirmation to give): the send noted for
 * <SentDrafts> is forgotten, so no later success page elsewhere deletes this form's draft.
 */
export function useRefusedSend(state: { errors: Record<string, string>; confirm?: string | null }) {
  const refused = Object.keys(state.errors).length > 0 || !!state.confirm;
  useEffect(() => {
    if (refused) forgetSent();
  }, [state, refused]);
}
