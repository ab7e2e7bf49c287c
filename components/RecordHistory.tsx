// The history of a section E record (a report, correspondence, a register entry): every step and message in time
// order, who did it in what role, with the rule under "Why?" — the same timeline as the request page.
import { inOrder, Timeline } from "@/components/Timeline";
import { getProfile, roleLabel } from "@/lib/protocol/profiles";
import type { CanonicalRole } from "@/lib/protocol/roles";
import { describeAction, formatDateTime } from "@/lib/requests/describe";
import type { RequestDetail } from "@/lib/requests/queries";

export function RecordHistory({
  detail,
  profileKey,
  messageTitles = {},
  actionTitles = {},
  heading = "History",
}: {
  detail: Pick<RequestDetail, "timeline" | "messages">;
  profileKey: string;
  /** How each kind of message is headed (e.g. SUGGESTION: "Suggestion"). */
  messageTitles?: Record<string, string>;
  /** Wording for this record's steps (e.g. FILED: "Letter recorded"); others read from their action's name. */
  actionTitles?: Record<string, string>;
  heading?: string;
}) {
  const profile = getProfile(profileKey);
  return (
    <section aria-labelledby="history-title" className="mb-10">
      <h2 id="history-title" className="h2">
        {heading}
      </h2>
      <Timeline
        items={inOrder([
          ...detail.timeline.map((t) => ({
            id: t.id,
            at: t.at,
            title: actionTitles[t.action] ?? describeAction(t.action),
            who: t.who,
            role: t.role ? roleLabel(profile, t.role as CanonicalRole) : null,
            when: formatDateTime(t.at),
            reasons: t.reasons,
            ruleId: t.ruleId,
          })),
          ...detail.messages.map((m) => ({
            id: m.id,
            at: m.at,
            tone: "message" as const,
            title: messageTitles[m.kind] ?? "Note",
            who: m.author,
            role: null,
            when: formatDateTime(m.at),
            reasons: null,
            ruleId: null,
            body: m.body,
          })),
        ])}
      />
    </section>
  );
}
