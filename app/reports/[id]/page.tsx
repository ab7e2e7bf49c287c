import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Notice } from "@/components/Notice";
import { RecordHistory } from "@/components/RecordHistory";
import { SummaryList } from "@/components/SummaryList";
import { Tag } from "@/components/Tag";
import { requireViewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { formatDate, formatDateTime } from "@/lib/requests/describe";
import { loadReportPage } from "@/lib/reports/page";
import type { DiffPart } from "@/lib/reports/diff";
import { REVISION_GROUND_LABELS, type RevisionGround } from "@/lib/workflow/reports";
import { ReportActionForms } from "../ReportForms";

export const metadata: Metadata = { title: "Report" };

const DONE: Record<string, string> = {
  STARTED: "The report has been started: this is version 1.",
  REVISE: "Your revision is saved as a new version.",
  PROPOSE_CHANGE:
    "Your change has been sent to the Chief Officer. It is not in the report unless they expressly approve it.",
  APPROVE_CHANGE: "Your decision on the proposed change has been recorded.",
  SUGGEST: "Your suggestion has been sent to the officer.",
  OWN_REPORT: "Your report has been added alongside the officer's.",
  SHARE: "The draft has been shared for preliminary consideration.",
  CONSULTED: "Your consultation response has been recorded.",
  LIST: "The report is listed for the meeting.",
  OUTCOME: "The meeting's decision has been recorded.",
  WITHDRAW: "The report has been withdrawn.",
};

const STEPS: Record<string, string> = {
  FILED: "Report started",
  REPORT_REVISED: "Revised (new version)",
  MEMBER_CHANGE_PROPOSED: "A member proposed a change",
  MEMBER_CHANGE_APPROVED: "Member's change expressly approved",
  MEMBER_CHANGE_DECLINED: "Member's change not approved",
  MEMBER_EDIT_REFUSED: "A member's change was refused",
  SUGGESTION_ADDED: "Suggestion made",
  MEMBER_REPORT_ADDED: "Member's own report added alongside",
  SHARED_FOR_PRELIMINARY_CONSIDERATION: "Draft shared for preliminary consideration",
  CONSULTED: "Consulted",
  LISTED_FOR_MEETING: "Listed for a meeting",
  AGENDA_PUBLISHED: "Agenda published",
  OUTCOME_AGREED: "Recommendations agreed",
  OUTCOME_NOT_AGREED: "Recommendations not agreed",
  OUTCOME_REJECTED: "Recommendations rejected",
  OUTCOME_REFERRED_BACK: "Referred back",
};

function Diff({ label, parts }: { label: string; parts: DiffPart[] }) {
  return (
    <div className="mb-6 max-w-3xl">
      <h3 className="font-semibold">{label}</h3>
      <p className="whitespace-pre-wrap">
        {parts.map((p, i) =>
          p.change === "added" ? (
            <ins key={i} className="bg-[#cce2d8] no-underline">
              <span className="sr-only">[added: </span>
              {p.text}
              <span className="sr-only">]</span>
            </ins>
          ) : p.change === "removed" ? (
            <del key={i} className="bg-[#f4cdc6]">
              <span className="sr-only">[removed: </span>
              {p.text}
              <span className="sr-only">]</span>
            </del>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </p>
    </div>
  );
}

export default async function ReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string; version?: string; compare?: string }>;
}) {
  const { id } = await params;
  const q = await searchParams;
  const viewer = await requireViewer(`/reports/${id}`);
  const version = Number(q.version);
  const page = await loadReportPage(viewer, id, {
    version: Number.isInteger(version) && version > 0 && version < 10_000 ? version : null,
    compare: q.compare === "1",
  }).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const { detail, shown } = page;
  return (
    <>
      <p className="mb-4">
        <Link href="/reports">All reports</Link>
      </p>
      {q.done && DONE[q.done] ? <Notice title={DONE[q.done]!} tone="success" /> : null}
      <span className="caption">
        Officer report {detail.reference} <Tag>{detail.statusLabel}</Tag>
      </span>
      <h1 className="h1">{shown.title}</h1>
      <SummaryList
        rows={[
          { key: "Written by", value: detail.filedBy },
          { key: "Service", value: page.service ?? "—" },
          { key: "To", value: page.committee?.name ?? "—" },
          {
            key: "Meeting",
            value: page.meeting ? (
              <Link href={`/meetings/${page.meeting.id}`}>
                {page.meeting.title}, {formatDate(page.meeting.date)}
                {page.meeting.published ? " (agenda published)" : ""}
              </Link>
            ) : (
              "Not listed yet"
            ),
          },
          ...(page.sharedWith.length
            ? [{ key: "Shared for preliminary consideration with", value: page.sharedWith.join(", ") }]
            : []),
          ...(page.consultations.length
            ? [
                {
                  key: "Consultation",
                  value: (
                    <ul>
                      {page.consultations.map((c, i) => (
                        <li key={i}>
                          {c.consultee}: {c.respondedAt ? `consulted ${formatDate(c.respondedAt)}` : "waiting"}
                          {c.comments ? ` — “${c.comments}”` : ""}
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]
            : []),
        ]}
      />
      <section aria-labelledby="version-title" className="mb-10">
        <h2 id="version-title" className="h2">
          Version {shown.number}
          {shown.number === page.latest ? " (current)" : ""}
        </h2>
        <p className="mb-4 text-base text-muted">
          By {shown.author}, {formatDateTime(shown.at)}
          {shown.approvedBy ? ` — a member's change, expressly approved by ${shown.approvedBy}` : ""}
          {shown.ground
            ? ` — revised because: ${REVISION_GROUND_LABELS[shown.ground as RevisionGround] ?? shown.ground}`
            : ""}
        </p>
        {page.comparison ? (
          <>
            <p className="mb-4">
              Changes from version {page.comparison.from} to version {page.comparison.to}: added words are
              highlighted green, removed words red and struck through.
            </p>
            <Diff label="Title" parts={page.comparison.title} />
            <Diff label="Report" parts={page.comparison.summary} />
            <Diff label="Recommendations" parts={page.comparison.recommendations} />
          </>
        ) : (
          <div className="max-w-3xl">
            <p className="mb-4 whitespace-pre-wrap">{shown.summary}</p>
            <h3 className="h3">Recommendations</h3>
            <p className="mb-4 whitespace-pre-wrap">{shown.recommendations}</p>
          </div>
        )}
        {(shown.number ?? 1) > 1 ? (
          <p>
            {page.comparison ? (
              <Link href={`/reports/${id}?version=${shown.number}`}>Show this version in full</Link>
            ) : (
              <Link href={`/reports/${id}?version=${shown.number}&compare=1`}>
                Compare with version {(shown.number ?? 1) - 1}
              </Link>
            )}
          </p>
        ) : null}
      </section>
      {page.memberReports.map((m) => (
        <section
          key={m.id}
          aria-label={`${m.capacity === "CHAIR" ? "Chair's" : "Cabinet Member's"} report: ${m.title}`}
          className="mb-10 border-l-4 border-brand pl-4"
        >
          <h2 className="h2">
            {m.capacity === "CHAIR" ? "Chair's report" : "Cabinet Member's report"}, alongside: {m.title}
          </h2>
          <p className="mb-2 text-base text-muted">
            By {m.author}, {formatDateTime(m.at)}. Reason for this exceptional report: {m.reason}
          </p>
          <p className="max-w-3xl whitespace-pre-wrap">{m.body}</p>
        </section>
      ))}
      {page.proposals.length ? (
        <section aria-labelledby="proposals-title" className="mb-10">
          <h2 id="proposals-title" className="h2">
            Changes waiting for approval
          </h2>
          {page.proposals.map((p) => (
            <div key={p.id} className="mb-6 max-w-3xl bg-panel p-4">
              <p className="font-semibold">
                {p.author} proposes, {formatDateTime(p.at)}
                {p.note ? `: ${p.note}` : ""}
              </p>
              <p className="mt-2 font-semibold">Title</p>
              <p>{p.title}</p>
              <p className="mt-2 font-semibold">Report</p>
              <p className="whitespace-pre-wrap">{p.summary}</p>
              <p className="mt-2 font-semibold">Recommendations</p>
              <p className="whitespace-pre-wrap">{p.recommendations}</p>
            </div>
          ))}
        </section>
      ) : null}
      <section aria-labelledby="versions-title" className="mb-10">
        <h2 id="versions-title" className="h2">
          Versions
        </h2>
        <ol className="max-w-3xl list-decimal pl-6">
          {page.versions.map((v) => (
            <li key={v.number}>
              <Link href={`/reports/${id}?version=${v.number}`}>Version {v.number}</Link> — {v.author},{" "}
              {formatDateTime(v.at)}
              {v.approvedBy ? ` (member's change approved by ${v.approvedBy})` : ""}
              {v.ground ? ` (${REVISION_GROUND_LABELS[v.ground as RevisionGround] ?? v.ground})` : ""}
            </li>
          ))}
        </ol>
      </section>
      <ReportActionForms id={detail.id} specs={page.specs} />
      <RecordHistory
        detail={detail}
        profileKey={viewer.council.profileKey}
        actionTitles={STEPS}
        messageTitles={{ SUGGESTION: "Suggestion" }}
      />
    </>
  );
}
