// What the agenda-item pages show and offer, read through the one visibility builder: the list of the viewer's
// visible items of the section E routes, one item's page with the steps open to this person, and the creation forms.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { londonDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { profileOf } from "@/lib/protocol/council-profile";
import type { ActionSpec, FieldSpec } from "@/lib/requests/action-specs";
import { toActor } from "@/lib/requests/actor";
import { formatDate } from "@/lib/requests/describe";
import { STATUS_LABELS } from "@/lib/requests/labels";
import { getRequestDetail, PAGE_SIZE, type RequestDetail } from "@/lib/requests/queries";
import { levelOf, subjectAtLevel, viewerGrantsSelect, visibleTo } from "@/lib/requests/visibility";
import {
  AGENDA_ROUTE_KINDS,
  availableAgendaSteps,
  KIND_LABELS,
  ROUTE_RULES,
  routeExplanation,
  routesFor,
  type AgendaRouteKind,
} from "@/lib/workflow/agenda-items";

type Option = { value: string; label: string };

const meetingLabel = (m: { title: string; date: Date }) =>
  `${m.title}, ${formatDate(m.date.toISOString().slice(0, 10))}`;

/** Meetings from today whose agenda is still open, of one committee or of all (for the forms' selects). */
async function openMeetings(viewer: Viewer, committeeId: string | null, now: Date): Promise<Option[]> {
  const rows = await db().meeting.findMany({
    where: {
      councilId: viewer.council.id,
      ...(committeeId ? { committeeId } : { committeeId: { not: null } }),
      date: { gte: new Date(`${londonDate(now)}T00:00:00Z`) },
      publishedAt: null,
      cancelledAt: null,
    },
    orderBy: [{ date: "asc" }, { title: "asc" }],
    take: committeeId ? 12 : 60,
    select: { id: true, title: true, date: true },
  });
  return rows.map((m) => ({ value: m.id, label: meetingLabel(m) }));
}

// ---- The list ---------------------------------------------------------------------------------------------------

export type AgendaItemRow = {
  id: string;
  reference: string;
  subject: string;
  kind: string;
  status: string;
  committee: string | null;
  meeting: string | null;
};

export async function listAgendaItems(
  viewer: Viewer,
  pageNumber: number,
): Promise<{ rows: AgendaItemRow[]; page: number; pages: number; total: number; routes: AgendaRouteKind[] }> {
  const where = { ...visibleTo(viewer), type: "AGENDA_ITEM" as const, kind: { in: [...AGENDA_ROUTE_KINDS] } };
  const prisma = db();
  const total = await prisma.request.count({ where });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(pageNumber) || 1), pages);
  const rows = await prisma.request.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: {
      id: true,
      reference: true,
      subject: true,
      kind: true,
      status: true,
      committeeId: true,
      meetingId: true,
      access: viewerGrantsSelect(viewer),
    },
  });
  const [committees, meetings] = await Promise.all([
    prisma.committee.findMany({
      where: { councilId: viewer.council.id, id: { in: rows.map((r) => r.committeeId ?? "") } },
      select: { id: true, name: true },
    }),
    prisma.meeting.findMany({
      where: { councilId: viewer.council.id, id: { in: rows.map((r) => r.meetingId ?? "") } },
      select: { id: true, title: true, date: true },
    }),
  ]);
  const committee = new Map(committees.map((c) => [c.id, c.name]));
  const meeting = new Map(meetings.map((m) => [m.id, meetingLabel(m)]));
  return {
    page,
    pages,
    total,
    routes: routesFor(profileOf(viewer), toActor(viewer)),
    rows: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      subject: subjectAtLevel(r.subject, "Agenda item", levelOf(r.access)),
      kind: KIND_LABELS[r.kind as AgendaRouteKind] ?? r.kind,
      status: STATUS_LABELS[r.status] ?? r.status,
      committee: r.committeeId ? (committee.get(r.committeeId) ?? null) : null,
      meeting: r.status === "LISTED" || r.status === "ACCEPTED" ? (meeting.get(r.meetingId ?? "") ?? null) : null,
    })),
  };
}

// ---- One item ---------------------------------------------------------------------------------------------------

export type AgendaItemPage = {
  detail: RequestDetail;
  kind: AgendaRouteKind;
  kindLabel: string;
  ruleId: string;
  committee: { name: string; termsOfReference: string } | null;
  service: string | null;
  /** The meeting it is on (LISTED) or will go to (a call for a report, once acknowledged). */
  meeting: { id: string; title: string; date: string; published: boolean } | null;
  /** The meeting the member asked for (HAL-E4), until the Chair decides. */
  requestedMeeting: { title: string; date: string } | null;
  onAgenda: boolean;
  facts: { key: string; value: string }[];
  specs: ActionSpec[];
};

export async function loadAgendaItemPage(viewer: Viewer, id: string, now: Date): Promise<AgendaItemPage> {
  const detail = await getRequestDetail(viewer, id);
  if (detail.type !== "AGENDA_ITEM" || !(AGENDA_ROUTE_KINDS as readonly string[]).includes(detail.kind))
    throw notFound("That agenda item");
  const prisma = db();
  const row = await prisma.request.findUniqueOrThrow({
    where: { id: detail.id },
    select: {
      kind: true,
      status: true,
      createdById: true,
      deciderId: true,
      committeeId: true,
      meetingId: true,
      serviceId: true,
      data: true,
    },
  });
  const kind = row.kind as AgendaRouteKind;
  const data = row.data as Record<string, unknown>;
  const [committee, service, meeting, requested] = await Promise.all([
    row.committeeId
      ? prisma.committee.findFirst({
          where: { id: row.committeeId, councilId: viewer.council.id },
          select: { name: true, termsOfReference: true },
        })
      : null,
    row.serviceId
      ? prisma.service.findFirst({
          where: { id: row.serviceId, councilId: viewer.council.id },
          select: { name: true },
        })
      : null,
    row.meetingId
      ? prisma.meeting.findFirst({
          where: { id: row.meetingId, councilId: viewer.council.id },
          select: { id: true, title: true, date: true, publishedAt: true },
        })
      : null,
    typeof data.requestedMeetingId === "string" && row.status !== "LISTED"
      ? prisma.meeting.findFirst({
          where: { id: data.requestedMeetingId, councilId: viewer.council.id },
          select: { title: true, date: true },
        })
      : null,
  ]);
  const full = detail.level === "FULL";
  const facts: { key: string; value: string }[] = [];
  if (full && kind === "CALL_FOR_REPORT") {
    facts.push({
      key: "Within the committee's terms of reference",
      value: data.termsConfirmed ? "Confirmed when the report was called for" : "Not confirmed",
    });
    facts.push({
      key: "Required or voluntary",
      value: data.required ? "Required by the panel or the Cabinet" : "Called for by a member (voluntary)",
    });
  }
  if (full && kind === "IMPLEMENTATION_FAILURE") {
    facts.push({ key: "Decision", value: String(data.decision ?? "") });
    if (typeof data.decisionDate === "string")
      facts.push({ key: "Date of the decision", value: formatDate(data.decisionDate) });
  }
  const specs = await stepSpecs(
    viewer,
    {
      kind,
      status: row.status,
      createdById: row.createdById,
      deciderId: row.deciderId,
      committeeId: row.committeeId,
    },
    typeof data.requestedMeetingId === "string" ? data.requestedMeetingId : null,
    now,
  );
  return {
    detail,
    kind,
    kindLabel: KIND_LABELS[kind],
    ruleId: ROUTE_RULES[kind],
    committee: committee ? { name: committee.name, termsOfReference: committee.termsOfReference } : null,
    service: service?.name ?? null,
    meeting: meeting
      ? {
          id: meeting.id,
          title: meeting.title,
          date: meeting.date.toISOString().slice(0, 10),
          published: !!meeting.publishedAt,
        }
      : null,
    requestedMeeting: requested
      ? { title: requested.title, date: requested.date.toISOString().slice(0, 10) }
      : null,
    onAgenda: row.status === "LISTED" && !!row.meetingId,
    facts,
    specs,
  };
}

async function stepSpecs(
  viewer: Viewer,
  item: {
    kind: AgendaRouteKind;
    status: string;
    createdById: string;
    deciderId: string | null;
    committeeId: string | null;
  },
  requestedMeetingId: string | null,
  now: Date,
): Promise<ActionSpec[]> {
  const steps = availableAgendaSteps(toActor(viewer), {
    kind: item.kind,
    state: item.status,
    proposerId: item.createdById,
    deciderId: item.deciderId,
    committeeId: item.committeeId,
  });
  if (!steps.length) return [];
  const meetings = steps.some((s) => s === "AGREE" || s === "ACKNOWLEDGE")
    ? await openMeetings(viewer, item.committeeId, now)
    : [];
  const ruleId = ROUTE_RULES[item.kind];
  const specs: ActionSpec[] = [];
  for (const s of steps) {
    if (s === "RECORD_DISCUSSION")
      specs.push({
        action: s,
        area: "decide",
        title: "Record your discussion of the item",
        hint: "It then goes to the committee's Chair, who decides whether it goes on the agenda.",
        fields: [{ kind: "textarea", name: "discussion", label: "Your discussion with the member", rows: 5 }],
        submit: "Record the discussion",
        why: [
          { ruleId, text: "A member's item is discussed with the Chief Officer, then agreed with the Chair." },
        ],
      });
    if (s === "AGREE")
      specs.push({
        action: s,
        area: "decide",
        title: "Agree the item for the agenda",
        hint: "Only your agreement places it on the agenda, and only before the agenda is published.",
        fields: [
          {
            kind: "select",
            name: "meetingId",
            label: "Meeting",
            options: meetings,
            initial:
              requestedMeetingId && meetings.some((m) => m.value === requestedMeetingId) ? requestedMeetingId : "",
            placeholder: "The meeting the member asked for",
          },
        ],
        submit: "Agree the item",
        why: [{ ruleId, text: "The agenda is the Chair's responsibility." }],
      });
    if (s === "NOT_AGREE")
      specs.push({
        action: s,
        area: "decide",
        title: "Do not agree the item",
        fields: [{ kind: "textarea", name: "reasons", label: "Your reasons", hint: "Shown to the member." }],
        submit: "Record that you do not agree",
        tone: "warning",
        why: [{ ruleId: "DEF-A2", text: "Every refusal or decline needs written reasons." }],
      });
    if (s === "ACKNOWLEDGE")
      specs.push({
        action: s,
        area: "decide",
        title: "Acknowledge the call for a report",
        hint: "Say which meeting the report will go to, if you know. You can start the report from its page.",
        fields: [
          {
            kind: "select",
            name: "meetingId",
            label: "Meeting the report will go to (optional)",
            options: meetings,
            placeholder: "Not yet known",
          },
        ],
        submit: "Acknowledge",
        why: [{ ruleId, text: "A call for a report goes to the relevant Chief Officer." }],
      });
    if (s === "WITHDRAW")
      specs.push({
        action: s,
        area: "other",
        title: "Withdraw the item",
        fields: [],
        submit: "Withdraw",
        tone: "warning",
        confirm: "Are you sure you want to withdraw this item? It cannot be reopened.",
      });
  }
  return specs;
}

// ---- Creation forms ---------------------------------------------------------------------------------------------

/** The creation form for a route, or the explanation of why this council or person cannot use it. */
export async function newAgendaItemForm(
  viewer: Viewer,
  kind: AgendaRouteKind,
  idempotencyKey: string,
  now: Date,
): Promise<{ spec: ActionSpec | null; explanation: string | null }> {
  const profile = profileOf(viewer);
  const explanation = routeExplanation(profile, kind);
  if (explanation) return { spec: null, explanation };
  if (!routesFor(profile, toActor(viewer)).includes(kind))
    return {
      spec: null,
      explanation:
        kind === "IMPLEMENTATION_FAILURE"
          ? `A Chief Officer reports a failure to implement a committee decision. (${ROUTE_RULES[kind]})`
          : kind === "CALL_FOR_REPORT"
            ? `Councillors call for reports; democratic services or the Chief Executive record a report a panel or the Cabinet requires. (${ROUTE_RULES[kind]})`
            : `Councillors propose agenda items. (${ROUTE_RULES[kind]})`,
    };
  const prisma = db();
  const [committees, services] = await Promise.all([
    prisma.committee.findMany({
      where: { councilId: viewer.council.id, retiredAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true, kind: true, termsOfReference: true },
    }),
    prisma.service.findMany({
      where: { councilId: viewer.council.id, retiredAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true, chiefOfficer: { select: { name: true, jobTitle: true } } },
    }),
  ]);
  const hidden = (name: string, value: string): FieldSpec => ({ kind: "hidden", name, value });
  const committeeSelect = (label: string, hint?: string): FieldSpec => ({
    kind: "select",
    name: "committeeId",
    label,
    hint,
    options: committees.map((c) => ({ value: c.id, label: c.name })),
    placeholder: "Choose a committee",
  });
  const serviceSelect = (label: string, hint: string): FieldSpec => ({
    kind: "select",
    name: "serviceId",
    label,
    hint,
    options: services.map((s) => ({
      value: s.id,
      label: s.chiefOfficer
        ? `${s.name} (${s.chiefOfficer.jobTitle ?? s.chiefOfficer.name})`
        : `${s.name} (no Chief Officer set up)`,
    })),
    placeholder: "Choose a service",
  });
  const common = [hidden("idempotencyKey", idempotencyKey), hidden("kind", kind)];
  const ruleId = ROUTE_RULES[kind];
  if (kind === "MEMBER_ITEM")
    return {
      explanation: null,
      spec: {
        action: "PROPOSE",
        area: "other",
        title: "Propose an item for a Board or Committee agenda",
        hint: "Your item is discussed with the Chief Officer it concerns, then the Chair decides whether it goes on the agenda. The agenda is the Chair's responsibility.",
        fields: [
          ...common,
          committeeSelect("Board or Committee"),
          {
            kind: "select",
            name: "meetingId",
            label: "Meeting (optional)",
            hint: "Leave this to use the committee's next meeting whose agenda is still open.",
            options: await openMeetings(viewer, null, now),
            placeholder: "The committee's next open meeting",
          },
          serviceSelect("Service the item concerns", "Its Chief Officer discusses the item with you."),
          { kind: "text", name: "title", label: "Title of the item" },
          { kind: "textarea", name: "details", label: "What the item is about", rows: 6 },
        ],
        submit: "Propose the item",
        why: [{ ruleId, text: "Discussed with the relevant Chief Officer and agreed with the Chair in advance." }],
      },
    };
  if (kind === "CALL_FOR_REPORT") {
    const recorder = viewer.roles.includes("DEMOCRATIC_SERVICES") || viewer.roles.includes("CHIEF_EXECUTIVE");
    return {
      explanation: null,
      spec: {
        action: "CALL_FOR_REPORT",
        area: "other",
        title: recorder ? "Record a call for a report" : "Call for a report to a committee",
        hint: "The report is written by the Chief Officer of the service you choose.",
        fields: [
          ...common,
          {
            kind: "table",
            caption: "Committees and their terms of reference",
            headers: ["Committee", "Terms of reference"],
            rows: committees.map((c) => [c.name, c.termsOfReference || "Not recorded"]),
          },
          committeeSelect("Committee", recorder ? "For a required report: the panel or the Cabinet." : undefined),
          { kind: "text", name: "matter", label: "The matter the report is to cover" },
          { kind: "textarea", name: "details", label: "What the report should address (optional)", rows: 4 },
          serviceSelect("Service to report", "The call goes to its Chief Officer."),
          {
            kind: "checkbox",
            name: "termsConfirmed",
            label: "I confirm the matter falls within the committee's terms of reference",
            hint: "The terms of reference of each committee are shown above.",
          },
          ...(recorder
            ? [
                {
                  kind: "checkbox",
                  name: "required",
                  label: "The panel or the Cabinet required this report (it is not voluntary)",
                  hint: "Only a panel or the Cabinet can require a report.",
                } as FieldSpec,
              ]
            : []),
        ],
        submit: recorder ? "Record the call for a report" : "Call for the report",
        why: [
          {
            ruleId,
            text: "Members may call for a report to a committee within its terms of reference; a panel or the Cabinet may require one.",
          },
        ],
      },
    };
  }
  return {
    explanation: null,
    spec: {
      action: "IMPLEMENTATION_FAILURE",
      area: "other",
      title: "Report a failure to implement a committee decision",
      hint: "It goes on the committee's next agenda that is still open, so the committee hears of it promptly.",
      fields: [
        ...common,
        committeeSelect("Committee whose decision it was"),
        { kind: "text", name: "decision", label: "The decision" },
        { kind: "date", name: "decisionDate", label: "Date of the decision" },
        { kind: "textarea", name: "failure", label: "What failed", rows: 4 },
        { kind: "textarea", name: "reasons", label: "Why it was not implemented", rows: 4 },
      ],
      submit: "Report it to the committee",
      why: [
        { ruleId, text: "A significant failure to implement a decision is reported promptly to that committee." },
      ],
    },
  };
}
