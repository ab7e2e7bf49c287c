// The case's conversation (MoJ timeline): every step, reply, note and file in the order they happened — who, in
// what role, when — with the rule a step followed under "Why?" beside it, not in its text.
import type { ReactNode } from "react";

export type TimelineItem = {
  id: string;
  /** ISO time, for the order. */
  at: string;
  title: string;
  who: string;
  role: string | null;
  when: string;
  reasons: string | null;
  ruleId: string | null;
  /** A reply, note or question: its text, shown as written. */
  body?: string | null;
  /** Anything else the entry carries (a file's link, a marking notice). */
  extra?: ReactNode;
  /** Replies and notes stand out from the steps around them. */
  tone?: "step" | "message" | "file";
};

/** Steps, messages and files in time order; within the same second a step comes before the reply it carried. */
export function inOrder(items: TimelineItem[]): TimelineItem[] {
  const rank = { step: 0, message: 1, file: 2 } as const;
  return [...items].sort(
    (a, b) =>
      a.at.slice(0, 19).localeCompare(b.at.slice(0, 19)) ||
      rank[a.tone ?? "step"] - rank[b.tone ?? "step"] ||
      a.at.localeCompare(b.at),
  );
}

export function Timeline({ items }: { items: TimelineItem[] }) {
  return (
    <ol className="mb-8 max-w-3xl space-y-6 border-l-4 border-brand pl-6" aria-label="Timeline">
      {items.map((t) => (
        <li key={t.id} className={t.tone === "message" ? "bg-panel p-4" : undefined}>
          <h3 className="font-bold">{t.title}</h3>
          <p className="text-base text-muted">
            {t.who}
            {t.role ? `, ${t.role}` : ""} — <time dateTime={t.at}>{t.when}</time>
          </p>
          {t.body ? <p className="mt-1 whitespace-pre-wrap">{t.body}</p> : null}
          {t.reasons ? <p className="mt-1 whitespace-pre-wrap">{t.reasons}</p> : null}
          {t.extra}
          {t.ruleId ? (
            <details className="mt-1 text-base text-muted">
              <summary className="cursor-pointer">Why?</summary>
              <p>
                Rule {t.ruleId}
                {t.ruleId.startsWith("DEF-")
                  ? " (council setting): a default your council uses where its protocol says nothing."
                  : " of your council's protocol for members and officers."}
              </p>
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
