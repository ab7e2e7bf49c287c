// MoJ timeline: every step, who did it and in what role, when, and (under "Why?") the rule it followed.
export type TimelineItem = {
  id: string;
  title: string;
  who: string;
  role: string | null;
  when: string;
  reasons: string | null;
  ruleId: string | null;
};

export function Timeline({ items }: { items: TimelineItem[] }) {
  return (
    <ol className="mb-8 space-y-6 border-l-4 border-brand pl-6" aria-label="Timeline">
      {items.map((t) => (
        <li key={t.id}>
          <h3 className="font-bold">{t.title}</h3>
          <p className="text-base text-muted">
            {t.who}
            {t.role ? `, ${t.role}` : ""} — <time>{t.when}</time>
          </p>
          {t.reasons ? <p className="mt-1 whitespace-pre-wrap">{t.reasons}</p> : null}
          {t.ruleId ? (
            // The rule is beside the step, not in its text (plain language): open "Why?" to see it.
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
