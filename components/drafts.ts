"use client";
// Drafts: what a person types is kept in this browser (localStorage) as they type, so nothing is lost when a
// session ends mid-sentence, an error page interrupts, or the tab closes. A draft comes back when the same form is
// opened again, with a notice and a way to discard it; it is deleted once the form has been sent (the page after a
// successful send renders <ClearDrafts>, or — for any form that keeps a draft — the page a send leads to carries
// `?done=`, and <SentDrafts> deletes the draft of the form just sent), and every draft is deleted on sign-out or
// when someone else signs in on this browser (docs/decisions/0009).
export type DraftValues = Record<string, string | string[]>;
type Stored = { at: string; values: DraftValues };

const PREFIX = "mr-draft:";
const OWNER = "mr-draft-owner";
/** The draft of the form last sent, for the page its success leads to (sessionStorage: this tab only). */
const SENT = "mr-draft-sent";
/** A success page arriving later than this after the send is not taken as that send's. */
const SENT_WITHIN_MS = 120_000;

export const draftKey = (path: string, form: string) => `${PREFIX}${path}#${form}`;

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

const hasText = (v: DraftValues) =>
  Object.values(v).some((x) => (Array.isArray(x) ? x.length > 0 : x.trim().length > 0));

export function saveDraft(key: string, values: DraftValues): void {
  const s = storage();
  if (!s) return;
  try {
    if (hasText(values)) s.setItem(key, JSON.stringify({ at: new Date().toISOString(), values } satisfies Stored));
    else s.removeItem(key);
  } catch {
    /* storage full or disabled: the form still works */
  }
}

export function loadDraft(key: string): Stored | null {
  try {
    const raw = storage()?.getItem(key);
    const d = raw ? (JSON.parse(raw) as Stored) : null;
    return d && typeof d.values === "object" && hasText(d.values) ? d : null;
  } catch {
    return null;
  }
}

export function removeDrafts(prefixPath?: string): void {
  const s = storage();
  if (!s) return;
  const match = prefixPath ? `${PREFIX}${prefixPath}` : PREFIX;
  for (const k of Object.keys(s)) if (k.startsWith(match)) s.removeItem(k);
}

/** After a successful sign-in: another person's drafts never show up for this one. */
export function claimDrafts(email: string): void {
  const s = storage();
  if (!s) return;
  const who = email.trim().toLowerCase();
  if (s.getItem(OWNER) !== who) removeDrafts();
  s.setItem(OWNER, who);
}

/** A form was sent: if the next page says it was done, its draft is no longer needed. */
export function noteSent(key: string): void {
  try {
    window.sessionStorage.setItem(SENT, JSON.stringify({ key, at: Date.now() }));
  } catch {
    /* no session storage: the draft stays until discarded */
  }
}

/** The send was refused (errors, or a confirmation asked for): its draft is still needed. */
export function forgetSent(): void {
  try {
    window.sessionStorage.removeItem(SENT);
  } catch {
    /* nothing noted */
  }
}

/** On a page reached by a successful send (`?done=`): deletes the draft of the form that was sent. */
export function clearSentDraft(): void {
  try {
    const raw = window.sessionStorage.getItem(SENT);
    if (!raw) return;
    window.sessionStorage.removeItem(SENT);
    const { key, at } = JSON.parse(raw) as { key?: unknown; at?: unknown };
    if (
      typeof key === "string" &&
      key.startsWith(PREFIX) &&
      typeof at === "number" &&
      Date.now() - at < SENT_WITHIN_MS
    )
      storage()?.removeItem(key);
  } catch {
    /* nothing to clear */
  }
}
