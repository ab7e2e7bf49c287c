import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { ClearDrafts } from "@/components/ClearDrafts";
import { Notice } from "@/components/Notice";
import { SummaryList } from "@/components/SummaryList";
import { PrintButton } from "@/components/PrintButton";
import { Tag } from "@/components/Tag";
import { inOrder, Timeline } from "@/components/Timeline";
import { requireViewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { profileOf } from "@/lib/protocol/council-profile";
import { roleLabel } from "@/lib/protocol/profiles";
import type { CanonicalRole } from "@/lib/protocol/roles";
import { describeAction, dueText, formatDate, formatDateTime, statusForPerson } from "@/lib/requests/describe";
import { loadRequestPage } from "@/lib/requests/request-page";
import { notFound, redirect } from "next/navigation";
import { recordPathFor } from "@/lib/section-e/records";
import { RequestActions } from "./RequestActions";

export const metadata: Metadata = { title: "Request" };

const DONE: Record<string, string> = {
  ADD_INFORMATION: "Your information has been added and the officer has been told.",
  ESCALATE: "The complaint has moved to the next stage.",
  ACKNOWLEDGE: "The complaint is acknowledged and the complainant told.",
  RECORD_OUTCOME: "The outcome has been recorded.",
  ACCEPT: "You have accepted the request.",
  CLERK_DECISION: "Your decision has been recorded and the member told.",
  CODE_BREACH_DECISION: "Your decision has been recorded.",
  INVITE: "The officer has been invited.",
  ATTENDEE_ANSWER: "Your answer has been recorded.",
  COMPLETE: "The briefing has been recorded as held.",
  ATTACH: "The file has been attached.",
  PROPOSE_DATE: "Your proposed date has been sent to the group.",
  ACCEPT_DATE: "You have accepted the new date.",
  ASSIGN_MEETING: "The item is listed for that meeting and the member told.",
  ADD_ADVICE: "Your advice has been added.",
  ALLOCATE: "The request has been assigned and the officer told.",
  TRIAGE: "The request has been sent to the service's Chief Officer.",
  DECLINE: "You have declined the request; your reasons have been sent.",
  WITHDRAW: "The request has been withdrawn.",
  REQUEST_REVIEW: "Your review request has been sent.",
  MEMBER_RESPONDS: "Your answer has been sent.",
  GRANT: "Your reply has been sent to the member.",
  REFUSE: "The refusal and your reasons have been sent to the member.",
  UPHOLD: "The refusal has been upheld.",
  OVERTURN: "The refusal has been overturned: the information is now to be supplied.",
  CLOSE: "The request has been closed and your response sent to the member.",
  REQUEST_JUSTIFICATION: "The member has been asked for written justification. The due date is paused.",
  APPLY_NEED_TO_KNOW_TEST: "The member has been asked to explain their need to know. The due date is paused.",
  PROPOSE_SCOPE: "Your proposal has been sent to the member. The due date is paused.",
  ISSUE_ANOTHER_MEMBER_NOTICE: "The member has been told the request concerns another councillor.",
  MARK_READILY_AVAILABLE: "The information is marked as readily available: it must now be supplied.",
  REFER_FOR_ADVICE: "The request has been referred to the Chairman for advice.",
  CHAIR_ADVICE: "Your advice has been sent to the Chief Executive.",
  RECORD_GOVERNANCE_ADVICE: "The governance advice has been recorded and the deciding officer told.",
  CLASSIFY_PARTY_DISCIPLINE: "The complaint has been referred to the party and the Group Leader told.",
  AUTHORISE: "The authorisation has been recorded.",
  SET_INVESTIGATOR: "The investigator has been set and told.",
  NOMINATE: "The officer has been nominated and told.",
  OPT_IN: "Your group has opted in to the joint briefing.",
  ADD_NOTES: "Your notes have been added.",
  SHARE: "The request has been shared.",
  MARK_PUBLIC: "The information is recorded as made public.",
  ADVISORY_NOTE: "Your advisory note has been sent.",
  WRITE_REPORT: "Your report has been issued to the group.",
  INTERNAL_NOTE: "Your internal note has been added. The member cannot see it.",
  FOLLOW_UP: "Your follow-up question has been sent. The request is open again with the same officer.",
  EXTEND_DUE: "The due date has been extended and the member sent your holding reply.",
  PAUSE_DUE: "The due date is paused and the member sent your holding reply.",
  RESUME_DUE: "Work has resumed and the due date moved on.",
  DRAFT_REPLY: "Your draft reply has been saved for the officer who decides.",
  CONSULT: "The consultation has been recorded and they have been told.",
  DELEGATE: "The complaint has been delegated and the senior manager told.",
  INVOLVE: "They have been involved and told.",
  CONVERT_TO_CODE: "The complaint has gone to the Monitoring Officer as a Code of Conduct complaint.",
  REFER_TO_COMMITTEE: "The request has been referred to the Committee. The member has been told.",
  RECORD_COMMITTEE_INSTRUCTIONS: "The Committee's instructions have been recorded.",
};

/** How each kind of message is headed on the page. */
const MESSAGE_KINDS: Record<string, string> = {
  REPLY: "Reply",
  STAGE_REPLY: "Reply, in part (more to follow)",
  PROCEDURAL_ADVICE: "Procedural advice, in confidence",
  GOVERNANCE_ADVICE: "Governance advice (not shown to the member)",
  CHAIR_ADVICE: "Chairman's advice (not shown to the member)",
  COMMITTEE_INSTRUCTIONS: "Committee's instructions (not shown to the member)",
  INTERNAL_NOTE: "Internal note (officers only, never the member)",
  DRAFT_REPLY: "Draft reply for the decider (not sent)",
  HOLDING_REPLY: "Holding reply",
  FOLLOW_UP: "Follow-up question from the member",
  ADVICE: "Procedural advice",
  QUESTION: "Question to the member",
  RESPONSE: "The member's answer",
  SCOPE_PROPOSAL: "Proposed narrower scope",
  BRIEFING_NOTES: "Notes of the briefing",
  GROUP_REPORT: "Report for the group",
  NOTE: "Information added",
};

export default async function RequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { id } = await params;
  const { done } = await searchParams;
  const viewer = await requireViewer(`/requests/${id}`);
  // Section E records (reports, correspondence, the register, agenda routes) have pages of their own.
  const elsewhere = await recordPathFor(viewer, id);
  if (elsewhere) redirect(elsewhere);
  const back = backLink((await headers()).get("referer"));
  const page = await loadRequestPage(viewer, id, new Date()).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const detail = page.detail;
  const profile = profileOf(viewer);
  const {
    specs,
    sameSubject,
    files,
    attendees,
    agendaMeeting,
    notices: lastNotices,
    refusal,
    waiting,
    answers,
  } = page;
  const due = dueText(detail.dueDate, detail.closed, detail.paused);
  return (
    <>
      {done && DONE[done] ? <Notice tone="success" title={DONE[done]} /> : null}
      {done ? <ClearDrafts path={`/requests/${detail.id}`} /> : null}
      <span className="caption">
        {detail.kind === "INDIVIDUAL_BRIEFING" ? "Individual briefing request" : detail.typeLabel}{" "}
        {detail.reference}
      </span>
      <h1 className="h1">{detail.subject}</h1>
      <p className="mb-6">
        <Tag tone={detail.closed ? "grey" : detail.status === "AWAITING_MEMBER" ? "yellow" : "blue"}>
          {statusForPerson(detail, detail.createdById === viewer.id)}
        </Tag>{" "}
        {page.serious ? <Tag tone="red">Serious</Tag> : null}
      </p>
      {page.serious ? (
        <p className="mb-6 max-w-3xl">
          A complaint of bullying, harassment, discrimination or victimisation is treated as serious.
        </p>
      ) : null}
      {page.serious ? (
        <details className="mb-6 text-base text-muted">
          <summary className="cursor-pointer">Why?</summary>
          <p>Rule C2007-C1 of your council&apos;s protocol: these are serious offences.</p>
        </details>
      ) : null}
      {detail.level === "METADATA" ? (
        <p className="mb-6">You can see when and between whom this was handled, not its content.</p>
      ) : null}
      <SummaryList
        rows={[
          { key: "Reference", value: detail.reference },
          { key: "Made by", value: detail.filedBy },
          { key: "Made on", value: formatDate(detail.createdAt) },
          ...(detail.holder
            ? [
                {
                  key: detail.closed ? "Handled by" : "With",
                  value: `${detail.holder.name}${detail.holder.jobTitle ? `, ${detail.holder.jobTitle}` : ""}`,
                },
              ]
            : []),
          ...(detail.assignee ? [{ key: "Assigned to", value: detail.assignee }] : []),
          ...(page.proposedAttendee ? [{ key: "Proposed to attend", value: page.proposedAttendee }] : []),
          ...(due ? [{ key: "Due", value: due }] : []),
          ...(agendaMeeting
            ? [
                {
                  key: "Meeting",
                  value: (
                    <Link href={`/meetings#meeting-${agendaMeeting.id}`}>
                      {agendaMeeting.title}, {formatDate(agendaMeeting.date)}
                    </Link>
                  ),
                },
              ]
            : []),
          ...(detail.type === "BRIEFING" && (detail.data as { meetingDate?: string | null }).meetingDate
            ? [{ key: "Meeting date", value: formatDate((detail.data as { meetingDate: string }).meetingDate) }]
            : []),
          ...(detail.type === "BRIEFING" ? briefingTimeRows(detail.data as BriefingTimes) : []),
          ...(detail.type === "BRIEFING" && (detail.data as { proposedDate?: string | null }).proposedDate
            ? [
                {
                  key: "Proposed new date",
                  value: formatDate((detail.data as { proposedDate: string }).proposedDate),
                },
              ]
            : []),
        ]}
      />
      {detail.details ? (
        <>
          <h2 className="h2">The request</h2>
          <p className="mb-8 max-w-3xl whitespace-pre-wrap">{detail.details}</p>
        </>
      ) : null}
      {answers.length ? (
        <>
          <h2 className="h3">{detail.level === "FULL" ? "What the member told us" : "What you are invited to"}</h2>
          <SummaryList rows={answers} />
        </>
      ) : null}
      {refusal ? (
        <div className="mb-8 max-w-3xl border-l-4 border-error pl-4">
          <h2 className="h3">Refused: {refusal.groundLabel}</h2>
          <p className="whitespace-pre-wrap">{refusal.reasons}</p>
        </div>
      ) : null}
      {attendees.length ? (
        <>
          <h2 className="h2">Officers invited</h2>
          <ul className="mb-8 space-y-2">
            {attendees.map((a) => (
              <li key={a.id}>
                {a.name} —{" "}
                <Tag tone={a.status === "ACCEPTED" ? "green" : a.status === "DECLINED" ? "grey" : "yellow"}>
                  {a.status === "ACCEPTED" ? "Accepted" : a.status === "DECLINED" ? "Declined" : "Invited"}
                </Tag>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 className="h2">Conversation</h2>
      <p className="mb-4 max-w-3xl text-base text-muted">
        Everything that has happened on this request, oldest first: steps, replies, notes and files.
      </p>
      <Timeline
        items={inOrder([
          ...detail.timeline
            // A file shows as the file itself, with its link, where the person can open it.
            .filter((t) => !(t.action === "ATTACH" && files.length))
            .map((t) => ({
              id: t.id,
              at: t.at,
              title: describeAction(t.action),
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
            title: MESSAGE_KINDS[m.kind] ?? "Note",
            who: m.author,
            role: null,
            when: formatDateTime(m.at),
            reasons: null,
            body: m.body,
            ruleId: m.marking !== "NONE" ? profile.information.markedItems.ruleId : null,
            extra:
              m.marking !== "NONE" ? (
                <p className="mt-2 border-l-4 border-error pl-3 text-base">
                  Marked {m.marking.toLowerCase().replace(/_/g, " ")}: it must not be forwarded or shared
                  {profile.information.markedItems.value === "UNTIL_PUBLIC"
                    ? " until the Town Clerk records that it has been made public"
                    : ""}
                  .
                </p>
              ) : null,
          })),
          ...files.map((f) => ({
            id: f.id,
            at: f.createdAt,
            tone: "file" as const,
            title: "File attached",
            who: f.uploadedBy,
            role: null,
            when: formatDateTime(f.createdAt),
            reasons: null,
            ruleId: null,
            extra: (
              <p className="mt-1">
                <a href={`/requests/${id}/attachments/${f.id}`} download>
                  {f.filename}
                </a>{" "}
                <span className="text-base text-muted">({Math.max(1, Math.round(f.size / 1024))} KB)</span>
                {f.marking !== "NONE" && !f.madePublicAt ? (
                  <>
                    {" "}
                    <Tag tone="red">{f.marking === "EXEMPT" ? "Exempt" : "Confidential"}</Tag>
                    <span className="block text-base">
                      Marked {f.marking === "EXEMPT" ? "exempt information" : "confidential"} by the officer: it
                      must not be passed on.
                    </span>
                  </>
                ) : null}
              </p>
            ),
          })),
        ])}
      />
      {lastNotices.map((n) => (
        <p key={n.ruleId} className="mb-4 max-w-3xl border-l-4 border-brand pl-4">
          {n.text} <span className="text-base text-muted">({n.ruleId})</span>
        </p>
      ))}
      {sameSubject.length ? (
        <section aria-labelledby="same-subject" className="mb-8 max-w-3xl border-l-4 border-brand pl-4">
          <h2 id="same-subject" className="h3">
            Other groups&apos; briefings on this subject
          </h2>
          <p className="mb-2">
            Groups are treated alike:{" "}
            {sameSubject.some((s) => s.accepted)
              ? "a briefing on this subject was accepted for another group, and an officer who accepted that one cannot decline this one on the same subject."
              : "none has been accepted yet."}{" "}
            Their content stays confidential to each group.
          </p>
          <ul className="space-y-1" data-testid="same-subject">
            {sameSubject.map((s) => (
              <li key={s.id}>
                {s.group} — {s.reference}, {s.status.toLowerCase()} ({formatDate(s.at)})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {waiting.map((w) => (
        <p key={w} className="mb-4 max-w-3xl border-l-4 border-brand pl-4">
          {w}
        </p>
      ))}
      <RequestActions requestId={detail.id} specs={specs} />
      <PrintButton />
      <p>
        <Link href={back.href}>{back.label}</Link>
      </p>
    </>
  );
}

type BriefingTimes = {
  startTime?: string | null;
  durationMinutes?: number | null;
  proposedStartTime?: string | null;
  proposedDurationMinutes?: number | null;
};
/** CWC-B10: the start time and expected length, and any proposed instead. */
function briefingTimeRows(d: BriefingTimes) {
  const mins = (m: number) => `${m} minutes`;
  return [
    ...(d.startTime ? [{ key: "Start time", value: d.startTime }] : []),
    ...(d.durationMinutes ? [{ key: "Expected length", value: mins(d.durationMinutes) }] : []),
    ...(d.proposedStartTime ? [{ key: "Proposed start time", value: d.proposedStartTime }] : []),
    ...(d.proposedDurationMinutes ? [{ key: "Proposed length", value: mins(d.proposedDurationMinutes) }] : []),
  ];
}

/** "Back" returns to the list the person came from, with its filters (queue, requests, search, dashboard, home). */
function backLink(referer: string | null): { href: string; label: string } {
  const lists: [RegExp, string][] = [
    [/^\/queue(\?|$)/, "Back to your queue"],
    [/^\/requests(\?|$)/, "Back to requests"],
    [/^\/search(\?|$)/, "Back to search results"],
    [/^\/dashboard(\?|$)/, "Back to the dashboard"],
    [/^\/notifications(\?|$)/, "Back to notifications"],
    [/^\/$/, "Back to home"],
  ];
  try {
    const url = referer ? new URL(referer) : null;
    const path = url ? `${url.pathname}${url.search}` : "";
    const hit = lists.find(([re]) => re.test(path));
    if (hit && path.length <= 2000) return { href: path, label: hit[1] };
  } catch {
    // Not a URL: the default below.
  }
  return { href: "/requests", label: "Back to requests" };
}
