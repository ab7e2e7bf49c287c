// Everything the request page shows and offers, read once through the visibility builder: the detail (cut to the
// viewer's access level), the actions the workflow allows this person now with the choices their forms need, files,
// invited officers, and the notices attached to decisions.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { getProfile } from "@/lib/protocol/profiles";
import type { CouncilProfile } from "@/lib/protocol/profiles/types";
import { londonDate } from "@/lib/dates";
import type { ActionSpec, Choice } from "./action-specs";
import { listAttachments } from "./attachments";
import {
  availableBriefingActions,
  availableComplaintActions,
  availableInformationActions,
  groundOptions,
  OUTCOME_LABELS,
} from "./available-actions";
import { toBriefing } from "./briefings";
import { formatDate } from "./describe";
import { toInfoRequest } from "./information";
import { findVisibleRequest, toRequestDetail, type RequestDetail, type VisibleRequest } from "./queries";
import { STATUS_LABELS } from "./labels";
import { requesterIdsOf } from "./store";
import { staffWorkload } from "./workload";

const BRIEFING_GROUND_LABELS: Record<string, string> = {
  OTHER: "Another reason (explain below)",
  PARTY_POLITICAL_MATTER: "A party political matter, not council business",
  PREJUDICES_NEUTRALITY: "Would prejudice political neutrality",
};

export type SameSubject = {
  id: string;
  reference: string;
  group: string;
  status: string;
  accepted: boolean;
  at: string;
};

export type RequestPage = {
  detail: RequestDetail;
  specs: ActionSpec[];
  sameSubject: SameSubject[];
  files: { id: string; filename: string; size: number; createdAt: string }[];
  attendees: { id: string; name: string; status: string }[];
  agendaMeeting: { id: string; title: string; date: string } | null;
  notices: { ruleId: string; text: string }[];
  refusal: { ground: string; reasons: string } | null;
};

const personLabel = (u: { name: string; jobTitle: string | null }) =>
  `${u.name}${u.jobTitle ? `, ${u.jobTitle}` : ""}`;

async function officerChoices(where: Record<string, unknown>, viewer: Viewer): Promise<Choice[]> {
  const rows = await db().user.findMany({
    where: { councilId: viewer.council.id, active: true, roles: { has: "OFFICER" }, ...where },
    orderBy: { name: "asc" },
    select: { id: true, name: true, jobTitle: true },
    take: 300,
  });
  return rows.map((o) => ({ value: o.id, label: personLabel(o) }));
}

async function informationSpecs(
  profile: CouncilProfile,
  row: VisibleRequest,
  viewer: Viewer,
): Promise<ActionSpec[]> {
  const available = availableInformationActions(profile, toInfoRequest(row), viewer);
  const reviewer =
    profile.information.reviewer.value === "DIRECTOR_OF_GOVERNANCE"
      ? "Director of Governance"
      : "Monitoring Officer";
  const specs: ActionSpec[] = [];
  for (const a of available) {
    if (a === "ALLOCATE") {
      const current = row.allocatedToId
        ? await db().user.findUnique({ where: { id: row.allocatedToId }, select: { name: true } })
        : null;
      const officers = await officerChoices(
        {
          ...(row.serviceId ? { serviceId: row.serviceId } : {}),
          id: { notIn: [viewer.id, row.allocatedToId ?? ""] },
        },
        viewer,
      );
      specs.push({ action: a, current: current?.name ?? null, officers });
    } else if (a === "TRIAGE") {
      const services = await db().service.findMany({
        where: { councilId: viewer.council.id, chiefOfficerId: { not: null } },
        orderBy: { name: "asc" },
        select: { id: true, name: true },
      });
      specs.push({ action: a, services: services.map((s) => ({ value: s.id, label: s.name })) });
    } else if (a === "REQUEST_REVIEW") specs.push({ action: a, reviewer });
    else if (a === "MEMBER_RESPONDS") specs.push({ action: a, pausedFor: row.pauseReason });
    else if (a === "REFUSE") specs.push({ action: a, grounds: groundOptions(profile) });
    else specs.push({ action: a });
  }
  return specs;
}

function complaintSpecs(profile: CouncilProfile, row: VisibleRequest, viewer: Viewer, now: Date): ActionSpec[] {
  const c = availableComplaintActions(profile, row, viewer, now);
  const specs: ActionSpec[] = [];
  if (c.escalate) specs.push({ action: "ESCALATE", informal: c.escalate.informal });
  if (c.outcome)
    specs.push({
      action: "RECORD_OUTCOME",
      outcomes: c.outcome.outcomes?.map((o) => ({ value: o, label: OUTCOME_LABELS[o] ?? o })) ?? null,
    });
  return specs;
}

/** DEF-B3 / equal treatment (e.g. CWC-B5, HAL-B2): the decider sees other groups' briefings on the same subject. */
async function sameSubjectBriefings(row: VisibleRequest, viewer: Viewer): Promise<SameSubject[]> {
  if (!row.subjectKey) return [];
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
    select: { id: true, reference: true, status: true, createdAt: true, groupId: true },
  });
  const groupIds = others.map((o) => o.groupId).filter((g): g is string => !!g);
  const groups = await db().partyGroup.findMany({
    where: { id: { in: groupIds } },
    select: { id: true, name: true },
  });
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));
  return others
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

async function briefingSpecs(
  profile: CouncilProfile,
  row: VisibleRequest,
  viewer: Viewer,
  now: Date,
): Promise<{ specs: ActionSpec[]; sameSubject: SameSubject[] }> {
  const proposed = (row.data as { proposedDate?: string | null }).proposedDate ?? null;
  const available = availableBriefingActions(profile, toBriefing(row), viewer, proposed, londonDate(now));
  const specs: ActionSpec[] = [];
  for (const a of available) {
    if (a === "DECLINE") {
      const grounds = [
        ...new Set([
          "OTHER",
          ...(profile.briefing.councilBusinessOnly.value ? ["PARTY_POLITICAL_MATTER"] : []),
          "PREJUDICES_NEUTRALITY",
        ]),
      ];
      specs.push({
        action: a,
        grounds: grounds.map((g) => ({ value: g, label: BRIEFING_GROUND_LABELS[g] ?? g })),
      });
    } else if (a === "INVITE")
      specs.push({ action: a, officers: await officerChoices({ id: { not: viewer.id } }, viewer) });
    else if (a === "COMPLETE")
      specs.push({ action: a, askLeftBeforeDecision: profile.briefing.leaveBeforeDecision.value });
    else if (a === "ACCEPT_DATE") specs.push({ action: a, date: formatDate(proposed!) });
    else specs.push({ action: a });
  }
  const sameSubject = available.includes("ACCEPT") ? await sameSubjectBriefings(row, viewer) : [];
  return { specs, sameSubject };
}

async function clerkDecisionSpec(row: VisibleRequest, viewer: Viewer): Promise<ActionSpec> {
  const staff = await staffWorkload(viewer.council.id);
  return {
    action: "CLERK_DECISION",
    preferredOfficerId: (row.data as { preferredOfficerId?: string | null }).preferredOfficerId ?? null,
    staff: staff.map((s) => ({
      value: s.id,
      label: personLabel(s),
      load: `${s.openItems} open, ${s.estimatedHours} hours estimated${s.capacityHours ? ` of ${s.capacityHours} hours a week` : ""}`,
    })),
  };
}

/** DEF-D4 / HTC-D8: the meeting an agenda item is listed for, and the Town Clerk's listing and advice actions. */
async function agendaItem(
  row: VisibleRequest,
  viewer: Viewer,
  closed: boolean,
  now: Date,
): Promise<{ meeting: RequestPage["agendaMeeting"]; specs: ActionSpec[] }> {
  const meetingId = (row.data as { meetingId?: string | null }).meetingId ?? null;
  const m = meetingId
    ? await db().meeting.findFirst({
        where: { id: meetingId, councilId: viewer.council.id },
        select: { id: true, title: true, date: true },
      })
    : null;
  const meeting = m ? { id: m.id, title: m.title, date: m.date.toISOString().slice(0, 10) } : null;
  if (closed || !viewer.roles.includes("TOWN_CLERK")) return { meeting, specs: [] };
  const meetings = await db().meeting.findMany({
    where: {
      councilId: viewer.council.id,
      date: { gte: new Date(`${londonDate(now)}T00:00:00Z`) },
      id: { not: meetingId ?? "" },
    },
    orderBy: { date: "asc" },
    take: 12,
    select: { id: true, title: true, date: true },
  });
  return {
    meeting,
    specs: [
      {
        action: "ASSIGN_MEETING",
        current: meeting ? `${meeting.title} on ${formatDate(meeting.date)}` : null,
        meetings: meetings.map((x) => ({
          value: x.id,
          label: `${x.title}, ${formatDate(x.date.toISOString().slice(0, 10))}`,
        })),
      },
      { action: "ADD_ADVICE" },
    ],
  };
}

export async function loadRequestPage(viewer: Viewer, id: string, now: Date): Promise<RequestPage> {
  const row = await findVisibleRequest(viewer, id);
  const detail = toRequestDetail(viewer, row);
  const profile = getProfile(viewer.council.profileKey);
  const full = detail.level === "FULL";
  const specs: ActionSpec[] = [];
  let sameSubject: SameSubject[] = [];
  let agendaMeeting: RequestPage["agendaMeeting"] = null;
  if (row.type === "INFORMATION" && full) specs.push(...(await informationSpecs(profile, row, viewer)));
  if (row.type === "COMPLAINT" && full) specs.push(...complaintSpecs(profile, row, viewer, now));
  // Invited officers hold summary access and may answer their invitation (HAL-B1): metadata-only access acts on nothing.
  if (row.type === "BRIEFING" && detail.level !== "METADATA") {
    const b = await briefingSpecs(profile, row, viewer, now);
    specs.push(...b.specs);
    sameSubject = b.sameSubject;
  }
  if (row.type === "ASSISTANCE" && row.status === "SUBMITTED" && viewer.roles.includes("TOWN_CLERK"))
    specs.push(await clerkDecisionSpec(row, viewer));
  if (row.type === "CODE_BREACH" && row.status === "REPORTED" && viewer.roles.includes("TOWN_CLERK"))
    specs.push({ action: "CODE_BREACH_DECISION" });
  if (row.type === "AGENDA_ITEM") {
    const a = await agendaItem(row, viewer, detail.closed, now);
    agendaMeeting = a.meeting;
    specs.push(...a.specs);
  }
  const isRequester = requesterIdsOf(row).includes(viewer.id);
  const handles = [row.deciderId, row.allocatedToId, row.reviewerId].includes(viewer.id);
  if (isRequester && !detail.closed && ["COMPLAINT", "ASSISTANCE", "AGENDA_ITEM"].includes(row.type))
    specs.push({ action: "WITHDRAW" });
  if (isRequester && !detail.closed && full) specs.push({ action: "ADD_INFORMATION" });
  if ((isRequester || handles) && !detail.closed && full) specs.push({ action: "ATTACH" });

  const attendeeRows = row.type === "BRIEFING" && full ? row.attendees : [];
  const names = new Map(row.people.map((u) => [u.id, personLabel(u)]));
  const files = full ? await listAttachments(id) : [];
  const notices = full
    ? row.events
        .filter((e) => e.action === "GRANT" || e.action === "REFUSE")
        .flatMap((e) => (e.data as { notices?: { ruleId: string; text: string }[] }).notices ?? [])
    : [];
  return {
    detail,
    specs,
    sameSubject,
    files: files.map((f) => ({
      id: f.id,
      filename: f.filename,
      size: f.size,
      createdAt: f.createdAt.toISOString(),
    })),
    attendees: attendeeRows.map((a) => ({
      id: a.id,
      name: names.get(a.officerId) ?? "A former officer",
      status: a.status,
    })),
    agendaMeeting,
    notices,
    refusal: full ? ((row.data as { refusal?: RequestPage["refusal"] }).refusal ?? null) : null,
  };
}
