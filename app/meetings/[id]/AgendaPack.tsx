// The agenda pack of a meeting: its items, then each officer report (latest version) with any member's own report
// beside it, marked as theirs with the reason. Shared by the pack page and its print view.
import Link from "next/link";
import type { AgendaPack as Pack } from "@/lib/meetings/agendas";
import { formatDate } from "@/lib/requests/describe";

const CAPACITY: Record<string, string> = { CHAIR: "Chair's report", CABINET_MEMBER: "Cabinet Member's report" };

export function AgendaPack({ pack, links = true }: { pack: Pack; links?: boolean }) {
  const m = pack.meeting;
  let n = 0;
  return (
    <>
      <p className="mb-2 text-xl">
        {formatDate(m.date)}
        {m.location ? `, ${m.location}` : ""}
      </p>
      <p className="mb-6">
        {m.cancelled !== null
          ? `This meeting was cancelled: ${m.cancelled}`
          : m.published
            ? "The agenda is published."
            : `Draft agenda: not yet published${m.agendaDeadline ? ` (deadline ${formatDate(m.agendaDeadline)})` : ""}.`}
      </p>
      {m.termsOfReference ? (
        <p className="mb-8 max-w-3xl">
          <span className="font-semibold">Terms of reference:</span> {m.termsOfReference}
        </p>
      ) : null}
      <h2 className="h2">Agenda</h2>
      {pack.items.length === 0 && pack.reports.length === 0 ? (
        <p className="mb-8">Nothing is listed yet.</p>
      ) : null}
      <ol className="mb-8 space-y-8">
        {pack.items.map((i) => (
          <li key={i.id} className="break-inside-avoid">
            <h3 className="h3">
              {++n}. {links ? <Link href={`/requests/${i.id}`}>{i.subject}</Link> : i.subject}
            </h3>
            <p className="text-base text-muted">
              Item proposed by {i.proposer} ({i.reference})
            </p>
            {i.details ? <p className="mt-2 max-w-3xl whitespace-pre-wrap">{i.details}</p> : null}
          </li>
        ))}
        {pack.reports.map((r) => (
          <li key={r.id} className="break-inside-avoid" data-testid="pack-report">
            <h3 className="h3">
              {++n}. {links ? <Link href={`/reports/${r.id}`}>{r.title}</Link> : r.title}
            </h3>
            <p className="text-base text-muted">
              Officer report by {r.author}
              {r.service ? `, ${r.service}` : ""} — {r.reference}, version {r.version}
            </p>
            <div className="mt-2 max-w-3xl">
              <p className="whitespace-pre-wrap">{r.summary}</p>
              <h4 className="mt-4 font-semibold">Recommendations</h4>
              <p className="whitespace-pre-wrap">{r.recommendations}</p>
            </div>
            {r.memberReports.map((o, k) => (
              <aside
                key={k}
                className="mt-6 max-w-3xl border-l-4 border-brand pl-4"
                aria-label={`${CAPACITY[o.capacity] ?? "Member's report"}: ${o.title}`}
              >
                <p className="font-semibold">
                  {CAPACITY[o.capacity] ?? "Member's report"}, alongside the officer&apos;s report — {o.author}
                </p>
                <p className="text-base text-muted">Reason for this exceptional report: {o.reason}</p>
                <h4 className="mt-2 font-semibold">{o.title}</h4>
                <p className="whitespace-pre-wrap">{o.body}</p>
              </aside>
            ))}
          </li>
        ))}
      </ol>
    </>
  );
}
