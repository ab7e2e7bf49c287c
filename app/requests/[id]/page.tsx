import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/Notice";
import { SummaryList } from "@/components/SummaryList";
import { Tag } from "@/components/Tag";
import { Timeline } from "@/components/Timeline";
import { requireViewer } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getProfile, roleLabel } from "@/lib/protocol/profiles";
import { londonDate } from "@/lib/protocol/working-days";
import type { CanonicalRole } from "@/lib/protocol/roles";
import {
  availableBriefingActions,
  availableComplaintActions,
  availableInformationActions,
  groundOptions,
  OUTCOME_LABELS,
} from "@/lib/requests/available-actions";
import { toBriefing } from "@/lib/requests/briefings";
import { staffWorkload } from "@/lib/requests/workload";
import { listAttachments } from "@/lib/requests/attachments";
import { describeAction, dueText, formatDate, formatDateTime } from "@/lib/requests/describe";
import { toInfoRequest } from "@/lib/requests/information";
import { getRequestDetail, STATUS_LABELS } from "@/lib/requests/queries";
import { notFound } from "next/navigation";
import { RequestActions, type ActionSpec } from "./RequestActions";

export const metadata: Metadata = { title: "Request" };

const GROUND_LABEL: Record<string, string> = {
  OTHER: "Another reason (explain below)",
  PARTY_POLITICAL_MATTER: "A party political matter, not council business",
  PREJUDICES_NEUTRALITY: "Would prejudice political neutrality",
};

const DONE: Record<string, string> = {
  ADD_INFORMATION: "Your information has been added and the officer has been told.",
  ESCALATE: "The complaint has moved to the next stage.",
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
  const detail = await getRequestDetail(db(), viewer, id).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const profile = getProfile(viewer.council.profileKey);
  let specs: ActionSpec[] = [];
  let sameSubject: {
    id: string;
    reference: string;
    group: string;
    status: string;
    accepted: boolean;
    at: string;
  }[] = [];
  if (detail.type === "INFORMATION" && detail.level === "FULL") {
    const row = await db().request.findUniqueOrThrow({ where: { id } });
    const reviewerRole =
      profile.information.reviewer.value === "DIRECTOR_OF_GOVERNANCE"
        ? "Director of Governance"
        : "Monitoring Officer";
    const available = availableInformationActions(profile, toInfoRequest(row), viewer);
    const officers = available.includes("ALLOCATE")
      ? await db().user.findMany({
          where: {
            councilId: viewer.council.id,
            active: true,
            roles: { has: "OFFICER" },
            ...(row.serviceId ? { serviceId: row.serviceId } : {}),
            id: { notIn: [viewer.id, row.allocatedToId ?? ""] },
          },
          orderBy: { name: "asc" },
          select: { id: true, name: true, jobTitle: true },
          take: 300,
        })
      : [];
    const current = row.allocatedToId
      ? await db().user.findUnique({ where: { id: row.allocatedToId }, select: { name: true } })
      : null;
    const services = available.includes("TRIAGE")
      ? await db().service.findMany({
          where: { councilId: viewer.council.id, chiefOfficerId: { not: null } },
          orderBy: { name: "asc" },
          select: { id: true, name: true },
        })
      : [];
    specs = available.map((a): ActionSpec => {
      switch (a) {
        case "ALLOCATE":
          return {
            action: a,
            current: current?.name ?? null,
            officers: officers.map((o) => ({
              value: o.id,
              label: `${o.name}${o.jobTitle ? `, ${o.jobTitle}` : ""}`,
            })),
          };
        case "TRIAGE":
          return { action: a, services: services.map((s) => ({ value: s.id, label: s.name })) };
        case "REQUEST_REVIEW":
          return { action: a, reviewer: reviewerRole };
        case "MEMBER_RESPONDS":
          return { action: a, pausedFor: row.pauseReason };
        case "REFUSE":
          return { action: a, grounds: groundOptions(profile) };
        default:
          return { action: a };
      }
    });
  }
  const isRequester = ((detail.data as { requesterIds?: string[] }).requesterIds ?? [detail.createdById]).includes(
    viewer.id,
  );
  if (detail.type === "COMPLAINT" && detail.level === "FULL") {
    const row = await db().request.findUniqueOrThrow({ where: { id } });
    const c = availableComplaintActions(profile, row, viewer, new Date());
    if (c.escalate) specs.push({ action: "ESCALATE", informal: c.escalate.informal });
    if (c.outcome)
      specs.push({
        action: "RECORD_OUTCOME",
        outcomes: c.outcome.outcomes?.map((o) => ({ value: o, label: OUTCOME_LABELS[o] ?? o })) ?? null,
      });
  }
  // Invited officers hold summary access and may answer their invitation (HAL-B1): metadata-only access acts on nothing.
  if (detail.type === "BRIEFING" && detail.level !== "METADATA") {
    const row = await db().request.findUniqueOrThrow({ where: { id }, include: { attendees: true } });
    const proposed = (row.data as { proposedDate?: string | null }).proposedDate ?? null;
    const available = availableBriefingActions(profile, toBriefing(row), viewer, proposed, londonDate(new Date()));
    const officers = available.includes("INVITE")
      ? (
          await db().user.findMany({
            where: {
              councilId: viewer.council.id,
              active: true,
              roles: { has: "OFFICER" },
              id: { not: viewer.id },
            },
            orderBy: { name: "asc" },
            select: { id: true, name: true, jobTitle: true },
          })
        ).map((o) => ({ value: o.id, label: `${o.name}${o.jobTitle ? `, ${o.jobTitle}` : ""}` }))
      : [];
    // DEF-B3 / equal treatment (e.g. CWC-B5, HAL-B2): the decider sees other groups' briefings on the same subject.
    if (available.includes("ACCEPT") && row.subjectKey) {
      const others = await db().request.findMany({
        where: {
          councilId: viewer.council.id,
          type: "BRIEFING",
          subjectKey: row.subjectKey,
          id: { not: row.id },
          status: { in: ["SUBMITTED", "ACCEPTED", "COMPLETED", "DECLINED"] },
        },
        orderBy: { createdAt: "desc" },
        take: 10,
        select: { id: true, reference: true, status: true, createdAt: true, groupId: true, deciderId: true },
      });
      const groupNames = new Map(
        (
          await db().partyGroup.findMany({
            where: { id: { in: others.map((o) => o.groupId).filter((g): g is string => !!g) } },
            select: { id: true, name: true },
          })
        ).map((g) => [g.id, g.name]),
      );
      sameSubject = others
        .filter((o) => o.groupId !== row.groupId)
        .map((o) => ({
          id: o.id,
          reference: o.reference,
          group: groupNames.get(o.groupId ?? "") ?? "Another group",
          status: STATUS_LABELS[o.status] ?? o.status,
          accepted: ["ACCEPTED", "COMPLETED"].includes(o.status),
          at: o.createdAt.toISOString(),
        }));
    }
    for (const a of available) {
      if (a === "DECLINE")
        specs.push({
          action: a,
          grounds: [
            ...new Set([
              "OTHER",
              ...(profile.briefing.councilBusinessOnly.value ? ["PARTY_POLITICAL_MATTER"] : []),
              "PREJUDICES_NEUTRALITY",
            ]),
          ].map((g) => ({ value: g, label: GROUND_LABEL[g] ?? g })),
        });
      else if (a === "INVITE") specs.push({ action: a, officers });
      else if (a === "COMPLETE")
        specs.push({ action: a, askLeftBeforeDecision: profile.briefing.leaveBeforeDecision.value });
      else if (a === "ACCEPT_DATE") specs.push({ action: a, date: formatDate(proposed!) });
      else specs.push({ action: a });
    }
  }
  if (detail.type === "ASSISTANCE" && detail.status === "SUBMITTED" && viewer.roles.includes("TOWN_CLERK")) {
    const staff = await staffWorkload(db(), viewer.council.id);
    specs.push({
      action: "CLERK_DECISION",
      preferredOfficerId: (detail.data as { preferredOfficerId?: string | null }).preferredOfficerId ?? null,
      staff: staff.map((s) => ({
        value: s.id,
        label: `${s.name}${s.jobTitle ? `, ${s.jobTitle}` : ""}`,
        load: `${s.openItems} open, ${s.estimatedHours} hours estimated${s.capacityHours ? ` of ${s.capacityHours} hours a week` : ""}`,
      })),
    });
  }
  if (detail.type === "CODE_BREACH" && detail.status === "REPORTED" && viewer.roles.includes("TOWN_CLERK"))
    specs.push({ action: "CODE_BREACH_DECISION" });
  // DEF-D4 / HTC-D8: the Town Clerk lists a member's agenda item for a meeting and may add procedural advice.
  let agendaMeeting: { id: string; title: string; date: string } | null = null;
  if (detail.type === "AGENDA_ITEM") {
    const meetingId =
      (detail.data as { meetingId?: string | null }).meetingId ??
      (await db()
        .request.findUniqueOrThrow({ where: { id }, select: { data: true } })
        .then((r) => (r.data as { meetingId?: string | null }).meetingId ?? null));
    const m = meetingId
      ? await db().meeting.findFirst({
          where: { id: meetingId, councilId: viewer.council.id },
          select: { id: true, title: true, date: true },
        })
      : null;
    agendaMeeting = m ? { id: m.id, title: m.title, date: m.date.toISOString().slice(0, 10) } : null;
    if (!detail.closed && viewer.roles.includes("TOWN_CLERK")) {
      const meetings = await db().meeting.findMany({
        where: {
          councilId: viewer.council.id,
          date: { gte: new Date(`${londonDate(new Date())}T00:00:00Z`) },
          id: { not: meetingId ?? "" },
        },
        orderBy: { date: "asc" },
        take: 12,
        select: { id: true, title: true, date: true },
      });
      specs.push({
        action: "ASSIGN_MEETING",
        current: agendaMeeting ? `${agendaMeeting.title} on ${formatDate(agendaMeeting.date)}` : null,
        meetings: meetings.map((x) => ({
          value: x.id,
          label: `${x.title}, ${formatDate(x.date.toISOString().slice(0, 10))}`,
        })),
      });
      specs.push({ action: "ADD_ADVICE" });
    }
  }
  if (isRequester && !detail.closed && ["COMPLAINT", "ASSISTANCE", "AGENDA_ITEM"].includes(detail.type))
    specs.push({ action: "WITHDRAW" });
  if (isRequester && !detail.closed && detail.level === "FULL") specs.push({ action: "ADD_INFORMATION" });
  const row0 = await db().request.findUniqueOrThrow({
    where: { id },
    select: { deciderId: true, allocatedToId: true, reviewerId: true },
  });
  const handles = [row0.deciderId, row0.allocatedToId, row0.reviewerId].includes(viewer.id);
  if ((isRequester || handles) && !detail.closed && detail.level === "FULL") specs.push({ action: "ATTACH" });
  const files = detail.level === "FULL" ? await listAttachments(db(), id) : [];
  const attendees =
    detail.type === "BRIEFING" && detail.level === "FULL"
      ? await db().attendee.findMany({
          where: { requestId: id },
          orderBy: { createdAt: "asc" },
          select: { id: true, officerId: true, status: true },
        })
      : [];
  const attendeeNames = new Map(
    (
      await db().user.findMany({
        where: { id: { in: attendees.map((a) => a.officerId) } },
        select: { id: true, name: true, jobTitle: true },
      })
    ).map((u) => [u.id, `${u.name}${u.jobTitle ? `, ${u.jobTitle}` : ""}`]),
  );
  const refusal = (detail.data as { refusal?: { ground: string; reasons: string } }).refusal;
  const due = dueText(detail.dueDate, detail.closed, detail.paused);
  const lastNotices = (
    await db().auditEvent.findMany({
      where: { requestId: id, action: { in: ["GRANT", "REFUSE"] } },
      select: { data: true },
    })
  ).flatMap((e) => (e.data as { notices?: { ruleId: string; text: string }[] }).notices ?? []);
  return (
    <>
      {done && DONE[done] ? <Notice tone="success" title={DONE[done]} /> : null}
      <span className="caption">
        {detail.typeLabel} {detail.reference}
      </span>
      <h1 className="h1">{detail.subject}</h1>
      <p className="mb-6">
        <Tag tone={detail.closed ? "grey" : detail.status === "AWAITING_MEMBER" ? "yellow" : "blue"}>
          {detail.statusLabel}
        </Tag>
      </p>
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
      {refusal ? (
        <div className="mb-8 max-w-3xl border-l-4 border-error pl-4">
          <h2 className="h3">Reasons for the refusal</h2>
          <p className="whitespace-pre-wrap">{refusal.reasons}</p>
        </div>
      ) : null}
      {detail.messages.length ? (
        <>
          <h2 className="h2">Replies and notes</h2>
          <ul className="mb-8 max-w-3xl space-y-4">
            {detail.messages.map((m) => (
              <li key={m.id} className="bg-panel p-4">
                <p className="text-base text-muted">
                  {m.author} — {formatDateTime(m.at)}
                  {m.marking !== "NONE" ? ` — ${m.marking.toLowerCase()}` : ""}
                </p>
                <p className="whitespace-pre-wrap">{m.body}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {files.length ? (
        <>
          <h2 className="h2">Files</h2>
          <ul className="mb-8 space-y-2">
            {files.map((f) => (
              <li key={f.id}>
                <a href={`/requests/${id}/attachments/${f.id}`} download>
                  {f.filename}
                </a>{" "}
                <span className="text-base text-muted">
                  ({Math.max(1, Math.round(f.size / 1024))} KB, {formatDateTime(f.createdAt.toISOString())})
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {attendees.length ? (
        <>
          <h2 className="h2">Officers invited</h2>
          <ul className="mb-8 space-y-2">
            {attendees.map((a) => (
              <li key={a.id}>
                {attendeeNames.get(a.officerId)} —{" "}
                <Tag tone={a.status === "ACCEPTED" ? "green" : a.status === "DECLINED" ? "grey" : "yellow"}>
                  {a.status === "ACCEPTED" ? "Accepted" : a.status === "DECLINED" ? "Declined" : "Invited"}
                </Tag>
              </li>
            ))}
          </ul>
        </>
      ) : null}
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
      <RequestActions requestId={detail.id} specs={specs} />
      <h2 className="h2">Timeline</h2>
      <Timeline
        items={detail.timeline.map((t) => ({
          id: t.id,
          title: describeAction(t.action),
          who: t.who,
          role: t.role ? roleLabel(profile, t.role as CanonicalRole) : null,
          when: formatDateTime(t.at),
          reasons: t.reasons,
          ruleId: t.ruleId,
        }))}
      />
      <p>
        <Link href="/requests">Back to requests</Link>
      </p>
    </>
  );
}
