// "What the member told us" (issue 13): every answer of the form the request was made with, as a summary list, for
// everyone who may read the request in full; and, for an officer invited to a briefing (SUMMARY access, HAL-B1),
// what the invitation is about: which group and committee, when, who invited them and by when to answer.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { previousWorkingDay } from "@/lib/protocol/working-days";
import { formatDate, formatDateTime } from "./describe";
import type { VisibleRequest } from "./queries";
import { CATEGORIES, CLASSIFICATIONS } from "./schema";

type Row = { key: string; value: string };
const yes = (v: unknown) => (v ? "Yes" : "No");

const labelOf = (list: readonly { value: string; label: string }[], v: unknown) =>
  list.find((o) => o.value === v)?.label ?? null;

/** The member's answers on an information request, as they gave them (issue: the handling side sees them all). */
function informationAnswers(row: VisibleRequest, ward: string | null): { key: string; value: string }[] {
  const d = row.data as {
    category?: string;
    classification?: string | null;
    needToKnowGrounds?: string;
    needPresumed?: boolean;
    thirdPartyData?: boolean;
    thirdPartyJustification?: string;
    capacity?: string | null;
    wardId?: string | null;
  };
  const rows: { key: string; value: string | null }[] = [
    { key: "What kind of information", value: labelOf(CATEGORIES, d.category) },
    { key: "Kind of request", value: labelOf(CLASSIFICATIONS, d.classification) },
    {
      key: "Asked",
      value:
        d.capacity === "AS_WARD_REPRESENTATIVE"
          ? `As ward representative${ward ? ` for ${ward}` : ""}`
          : d.capacity === "AS_MEMBER"
            ? "As a councillor"
            : null,
    },
    {
      key: "Need to know",
      value: d.needPresumed ? "Presumed (the member's own ward or committee)" : d.needToKnowGrounds || null,
    },
    {
      key: "Other people's personal information",
      value: d.thirdPartyData ? `Yes. ${d.thirdPartyJustification || "No justification given."}` : "No",
    },
  ];
  return rows.filter((r): r is { key: string; value: string } => !!r.value);
}

/** The people, groups and committees an answer names, in three small lookups (never per row). */
async function names(viewer: Viewer, ids: { users: string[]; groups: string[]; committees: string[] }) {
  const council = viewer.council.id;
  const [users, groups, committees] = await Promise.all([
    ids.users.length
      ? db().user.findMany({
          where: { id: { in: ids.users }, councilId: council },
          select: { id: true, name: true },
        })
      : [],
    ids.groups.length
      ? db().partyGroup.findMany({
          where: { id: { in: ids.groups }, councilId: council },
          select: { id: true, name: true },
        })
      : [],
    ids.committees.length
      ? db().committee.findMany({
          where: { id: { in: ids.committees }, councilId: council },
          select: { id: true, name: true },
        })
      : [],
  ]);
  const all = new Map([...users, ...groups, ...committees].map((x) => [x.id, x.name]));
  return (id: string | null | undefined) => (id ? (all.get(id) ?? null) : null);
}

type BriefingAnswers = {
  groupIds?: string[];
  committeeId?: string | null;
  councilBusiness?: string;
  meetingDate?: string | null;
  startTime?: string | null;
  durationMinutes?: number | null;
  onePartyMeeting?: boolean;
  item?: string | null;
  majorIssue?: string | null;
};

function meetingWhen(d: BriefingAnswers): string | null {
  if (!d.meetingDate) return null;
  return [
    formatDate(d.meetingDate),
    d.startTime ? `at ${d.startTime}` : "",
    d.durationMinutes ? `for ${d.durationMinutes} minutes` : "",
  ]
    .filter(Boolean)
    .join(" ");
}

async function briefingAnswers(viewer: Viewer, row: VisibleRequest): Promise<Row[]> {
  const d = row.data as BriefingAnswers;
  const name = await names(viewer, {
    users: [],
    groups: d.groupIds ?? [],
    committees: d.committeeId ? [d.committeeId] : [],
  });
  const rows: { key: string; value: string | null }[] = [
    {
      key: "For",
      value:
        (d.groupIds ?? []).map(name).filter(Boolean).join(" and ") ||
        (row.kind === "ROLE" ? "A role briefing" : null),
    },
    { key: "Council business", value: d.councilBusiness || null },
    { key: "Committee or portfolio", value: name(d.committeeId) },
    { key: "Meeting", value: meetingWhen(d) },
    { key: "For one party only", value: d.onePartyMeeting === undefined ? null : yes(d.onePartyMeeting) },
    { key: "Item to attend for", value: d.item || null },
    { key: "Why it is a major issue", value: d.majorIssue || null },
  ];
  return rows.filter((r): r is Row => !!r.value);
}

/** DEF-C7: when the handler of the current stage acknowledged the complaint, or by when they should. */
function acknowledgement(d: {
  acknowledgeBy?: string | null;
  acknowledgedAt?: string | null;
  stageStatus?: string;
}): string | null {
  if (d.acknowledgedAt) return `On ${formatDateTime(d.acknowledgedAt)}`;
  if (!d.acknowledgeBy || d.stageStatus !== "OPEN") return null;
  return `Not yet: the council's target is ${formatDate(d.acknowledgeBy)}`;
}

async function complaintAnswers(viewer: Viewer, row: VisibleRequest): Promise<Row[]> {
  const d = row.data as {
    subjectId?: string | null;
    category?: string | null;
    chosenHandler?: string | null;
    ladder?: { kind?: string };
    codeProvision?: string | null;
    acknowledgeBy?: string | null;
    acknowledgedAt?: string | null;
    stageStatus?: string;
  };
  const name = await names(viewer, { users: d.subjectId ? [d.subjectId] : [], groups: [], committees: [] });
  const rows: { key: string; value: string | null }[] = [
    { key: "About", value: name(d.subjectId) ?? "An issue, not a person" },
    { key: "Code of Conduct", value: row.kind === "CODE_OF_CONDUCT" ? "Yes" : "No" },
    { key: "Code provision", value: d.codeProvision || null },
    {
      key: "Kind of complaint",
      value: d.category ? d.category.charAt(0) + d.category.slice(1).toLowerCase() : null,
    },
    {
      key: "Sent to",
      value:
        d.chosenHandler === "DIRECTOR_OF_GOVERNANCE"
          ? "The Director of Governance (the complainant's choice)"
          : d.chosenHandler === "CHIEF_EXECUTIVE"
            ? "The Chief Executive (the complainant's choice)"
            : null,
    },
    { key: "Acknowledged", value: acknowledgement(d) },
  ];
  return rows.filter((r): r is Row => !!r.value);
}

async function assistanceAnswers(viewer: Viewer, row: VisibleRequest): Promise<Row[]> {
  const d = row.data as { preferredOfficerId?: string | null; estimatedHours?: number | null };
  const name = await names(viewer, {
    users: d.preferredOfficerId ? [d.preferredOfficerId] : [],
    groups: [],
    committees: [],
  });
  const rows: { key: string; value: string | null }[] = [
    { key: "Preferred member of staff", value: name(d.preferredOfficerId) ?? "No preference" },
    { key: "Estimated hours", value: d.estimatedHours ? String(d.estimatedHours) : "Not given" },
  ];
  return rows.filter((r): r is Row => !!r.value);
}

async function addresseeRow(viewer: Viewer, row: VisibleRequest): Promise<Row[]> {
  const id = (row.data as { addresseeId?: string | null }).addresseeId;
  if (!id) return [];
  const name = await names(viewer, { users: [id], groups: [], committees: [] });
  return name(id) ? [{ key: "Sent to", value: name(id)! }] : [];
}

/** An invited officer's view of the briefing they are asked to attend (SUMMARY access): enough to answer. */
async function invitationAnswers(viewer: Viewer, row: VisibleRequest): Promise<Row[]> {
  const invite = row.attendees.find((a) => a.officerId === viewer.id);
  if (!invite) return [];
  const d = row.data as BriefingAnswers;
  const name = await names(viewer, {
    users: [invite.invitedById],
    groups: d.groupIds ?? [],
    committees: d.committeeId ? [d.committeeId] : [],
  });
  const rows: { key: string; value: string | null }[] = [
    { key: "For", value: (d.groupIds ?? []).map(name).filter(Boolean).join(" and ") || null },
    { key: "Committee or portfolio", value: name(d.committeeId) },
    { key: "Meeting", value: meetingWhen(d) ?? "No date set yet" },
    { key: "Invited by", value: name(invite.invitedById) },
    { key: "Why you", value: invite.reasons || null },
    {
      key: "Please answer by",
      value:
        invite.status !== "INVITED"
          ? null
          : d.meetingDate
            ? formatDate(previousWorkingDay(d.meetingDate))
            : "As soon as you can",
    },
  ];
  return rows.filter((r): r is Row => !!r.value);
}

/** Everything the member said, at the viewer's level: all answers with FULL access; an invitation's with SUMMARY. */
export async function memberAnswers(
  viewer: Viewer,
  row: VisibleRequest,
  level: "FULL" | "SUMMARY" | "METADATA",
  ward: string | null,
): Promise<Row[]> {
  if (level === "SUMMARY") return row.type === "BRIEFING" ? invitationAnswers(viewer, row) : [];
  if (level !== "FULL") return [];
  switch (row.type) {
    case "INFORMATION":
      return [...informationAnswers(row, ward), ...(await addresseeRow(viewer, row))];
    case "BRIEFING":
      return briefingAnswers(viewer, row);
    case "COMPLAINT":
      return complaintAnswers(viewer, row);
    case "ASSISTANCE":
      return assistanceAnswers(viewer, row);
    default:
      return [];
  }
}
