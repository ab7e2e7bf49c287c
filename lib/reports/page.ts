// What the report page shows this person and what it lets them do, as data (ActionSpecs rendered by
// components/ActionForms.tsx). Read through the one visibility builder: no grant, no report — not found.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { profileOf } from "@/lib/protocol/council-profile";
import type { ActionSpec } from "@/lib/requests/action-specs";
import { getRequestDetail, type RequestDetail } from "@/lib/requests/queries";
import { visibleAtLeast } from "@/lib/requests/visibility";
import { londonDate } from "@/lib/dates";
import {
  OUTCOME_LABELS,
  OUTCOMES,
  REVISION_GROUND_LABELS,
  REVISION_GROUNDS,
  isReportOfficer,
} from "@/lib/workflow/reports";
import { toActor } from "@/lib/requests/actor";
import { wordDiff, type DiffPart } from "./diff";
import { reportFacts, type ReportData } from "./service";

export type VersionText = {
  id: string;
  number: number | null;
  title: string;
  summary: string;
  recommendations: string;
  author: string;
  at: string;
  note: string;
  ground: string | null;
  approvedBy: string | null;
};

export type ReportPage = {
  detail: RequestDetail;
  service: string | null;
  committee: { name: string; kind: string } | null;
  meeting: { id: string; title: string; date: string; published: boolean } | null;
  versions: { number: number; author: string; at: string; approvedBy: string | null; ground: string | null }[];
  shown: VersionText;
  latest: number;
  comparison: {
    from: number;
    to: number;
    title: DiffPart[];
    summary: DiffPart[];
    recommendations: DiffPart[];
  } | null;
  proposals: VersionText[];
  memberReports: {
    id: string;
    author: string;
    capacity: string;
    reason: string;
    title: string;
    body: string;
    at: string;
  }[];
  consultations: { consultee: string; basis: string; comments: string | null; respondedAt: string | null }[];
  sharedWith: string[];
  specs: ActionSpec[];
};

const iso = (d: Date) => d.toISOString();

/** Steps whose words are for the report's officers: a member reads that they happened, not what was said — so one
 * group never reads another's suggestion, proposal or which groups a draft was shared with (WIG-E6). */
const OFFICERS_ONLY_REASONS = [
  "SUGGESTION_ADDED",
  "MEMBER_EDIT_REFUSED",
  "MEMBER_CHANGE_PROPOSED",
  "MEMBER_CHANGE_DECLINED",
  "SHARED_FOR_PRELIMINARY_CONSIDERATION",
  "CONSULTED",
];
const isStaff = (viewer: Viewer) => viewer.roles.includes("OFFICER") || viewer.roles.includes("TOWN_CLERK");

/** The report page: the version asked for (or the latest), optionally compared with the one before it. */
export async function loadReportPage(
  viewer: Viewer,
  id: string,
  opts: { version?: number | null; compare?: boolean },
): Promise<ReportPage> {
  const found = await getRequestDetail(viewer, id);
  if (found.type !== "REPORT" || found.level !== "FULL") throw notFound("That report");
  const staff = isStaff(viewer);
  const detail: RequestDetail = staff
    ? found
    : {
        ...found,
        timeline: found.timeline.map((t) =>
          OFFICERS_ONLY_REASONS.includes(t.action) ? { ...t, reasons: null } : t,
        ),
      };
  const prisma = db();
  const row = await prisma.request.findUniqueOrThrow({
    where: { id: detail.id },
    select: {
      serviceId: true,
      committeeId: true,
      meetingId: true,
      createdById: true,
      data: true,
      councilId: true,
    },
  });
  const [versions, proposals, memberReports, consultations, service, committee, meeting] = await Promise.all([
    prisma.reportVersion.findMany({
      where: { requestId: detail.id, number: { not: null } },
      orderBy: { number: "asc" },
    }),
    prisma.reportVersion.findMany({
      where: { requestId: detail.id, state: "PROPOSED" },
      orderBy: { createdAt: "asc" },
    }),
    prisma.memberReport.findMany({ where: { requestId: detail.id }, orderBy: { createdAt: "asc" } }),
    prisma.reportConsultation.findMany({ where: { requestId: detail.id }, orderBy: { requestedAt: "asc" } }),
    row.serviceId ? prisma.service.findUnique({ where: { id: row.serviceId }, select: { name: true } }) : null,
    row.committeeId
      ? prisma.committee.findUnique({ where: { id: row.committeeId }, select: { name: true, kind: true } })
      : null,
    row.meetingId
      ? prisma.meeting.findUnique({
          where: { id: row.meetingId },
          select: { id: true, title: true, date: true, publishedAt: true },
        })
      : null,
  ]);
  const d = (row.data ?? {}) as ReportData;
  const groups = d.sharedWithGroupIds?.length
    ? await prisma.partyGroup.findMany({ where: { id: { in: d.sharedWithGroupIds } }, select: { name: true } })
    : [];
  const personIds = [
    ...versions.flatMap((v) => [v.authorId, v.approvedById]),
    ...proposals.map((p) => p.authorId),
    ...memberReports.map((m) => m.authorId),
    ...consultations.map((c) => c.consulteeId),
    ...(d.sharedWithUserIds ?? []),
  ].filter((x): x is string => !!x);
  const people = new Map(
    (
      await prisma.user.findMany({
        where: { id: { in: [...new Set(personIds)] }, councilId: viewer.council.id },
        select: { id: true, name: true, jobTitle: true },
      })
    ).map((u) => [u.id, u]),
  );
  const who = (uid: string | null) => (uid ? (people.get(uid)?.name ?? "A former user") : null);
  const text = (v: (typeof versions)[number]): VersionText => ({
    id: v.id,
    number: v.number,
    title: v.title,
    summary: v.summary,
    recommendations: v.recommendations,
    author: who(v.authorId)!,
    at: iso(v.createdAt),
    note: v.note,
    ground: v.ground,
    approvedBy: who(v.approvedById),
  });
  const latest = versions[versions.length - 1]!;
  const shownRow = versions.find((v) => v.number === opts.version) ?? latest;
  const before = versions.find((v) => v.number === (shownRow.number ?? 0) - 1);
  const facts = await reportFacts(prisma, viewer, row);
  const actor = toActor(viewer);
  const officer = isReportOfficer(actor, facts);
  return {
    detail,
    service: service?.name ?? null,
    committee,
    meeting: meeting
      ? {
          id: meeting.id,
          title: meeting.title,
          date: iso(meeting.date).slice(0, 10),
          published: !!meeting.publishedAt,
        }
      : null,
    versions: versions.map((v) => ({
      number: v.number!,
      author: who(v.authorId)!,
      at: iso(v.createdAt),
      approvedBy: who(v.approvedById),
      ground: v.ground,
    })),
    shown: text(shownRow),
    latest: latest.number!,
    comparison:
      opts.compare && before
        ? {
            from: before.number!,
            to: shownRow.number!,
            title: wordDiff(before.title, shownRow.title),
            summary: wordDiff(before.summary, shownRow.summary),
            recommendations: wordDiff(before.recommendations, shownRow.recommendations),
          }
        : null,
    // A proposed change is seen by its proposer and the report's officers (who decide it).
    proposals: proposals.filter((p) => officer || p.authorId === viewer.id).map(text),
    memberReports: memberReports.map((m) => ({
      id: m.id,
      author: who(m.authorId)!,
      capacity: m.capacity,
      reason: m.reason,
      title: m.title,
      body: m.body,
      at: iso(m.createdAt),
    })),
    consultations: consultations.map((c) => ({
      consultee: who(c.consulteeId)!,
      basis: c.basis,
      comments: staff || c.consulteeId === viewer.id ? c.comments : null,
      respondedAt: c.respondedAt ? iso(c.respondedAt) : null,
    })),
    // Which groups a draft went to is for the officers; a member sees only that it was shared with them.
    sharedWith: staff ? [...groups.map((g) => g.name), ...(d.sharedWithUserIds ?? []).map((u) => who(u)!)] : [],
    specs: await reportSpecs(viewer, detail, row, facts, {
      latest: text(latest),
      proposals: proposals.filter(() => viewer.id === facts.serviceChiefOfficerId).map(text),
      waitingOnMe: consultations.some((c) => c.consulteeId === viewer.id && !c.respondedAt),
    }),
  };
}

async function reportSpecs(
  viewer: Viewer,
  detail: RequestDetail,
  row: { committeeId: string | null; councilId: string },
  facts: Awaited<ReturnType<typeof reportFacts>>,
  x: { latest: VersionText; proposals: VersionText[]; waitingOnMe: boolean },
): Promise<ActionSpec[]> {
  const profile = profileOf(viewer);
  const r = profile.duties.reports;
  const actor = toActor(viewer);
  const officer = isReportOfficer(actor, facts);
  const member = viewer.roles.includes("MEMBER") && !viewer.roles.includes("OFFICER");
  const open = ["DRAFT", "SHARED", "ON_AGENDA", "REFERRED_BACK"].includes(detail.status);
  const specs: ActionSpec[] = [];
  const textFields = (prefill: boolean): ActionSpec["fields"] => [
    { kind: "text", name: "title", label: "Title", initial: prefill ? x.latest.title : "" },
    { kind: "textarea", name: "summary", label: "Report", rows: 10, initial: prefill ? x.latest.summary : "" },
    {
      kind: "textarea",
      name: "recommendations",
      label: "Recommendations",
      rows: 5,
      initial: prefill ? x.latest.recommendations : "",
    },
  ];
  if (x.waitingOnMe)
    specs.push({
      action: "CONSULTED",
      area: "other",
      title: "You are consulted on this report",
      hint: "The report is not published until everyone consulted has answered.",
      fields: [{ kind: "textarea", name: "comments", label: "Your comments (optional)", rows: 4 }],
      submit: "Record that I have been consulted",
      why: [
        {
          ruleId: r.consultation.ruleId,
          text: "Affected services' Directors and the portfolio's Cabinet Member are consulted before publication.",
        },
      ],
    });
  for (const [i, p] of x.proposals.entries())
    specs.push({
      action: "APPROVE_CHANGE",
      key: `APPROVE_CHANGE-${i + 1}`,
      area: "other",
      title: `Decide ${p.author}'s proposed change`,
      hint: "The proposed change is shown above under “Changes waiting for approval”. Approving it expressly makes it the next version of the report, showing your approval.",
      fields: [
        { kind: "hidden", name: "proposalId", value: p.id },
        {
          kind: "radios",
          name: "decision",
          legend: "Do you expressly approve this change?",
          options: [
            { value: "APPROVE", label: "Yes, approve the change" },
            { value: "DECLINE", label: "No, do not approve it" },
          ],
        },
        { kind: "textarea", name: "reasons", label: "Reasons (needed if you do not approve it)", rows: 2 },
      ],
      submit: "Record my decision",
      why: [
        {
          ruleId: r.memberEdits.ruleId,
          text: "The report is the officer's: a member's change needs the Chief Officer's express approval.",
        },
      ],
    });
  if (officer && open) {
    const shared = facts.shared && r.revisionAfterSharing.value !== "AUTHOR";
    specs.push({
      action: "REVISE",
      area: "other",
      title: "Revise the report",
      hint: shared
        ? "This draft has been shared for preliminary consideration: a revision records its ground."
        : "Your revision becomes the next version; earlier versions stay readable.",
      fields: [
        ...textFields(true),
        ...(shared
          ? [
              {
                kind: "radios" as const,
                name: "ground",
                legend: "Why are you revising it after preliminary consideration?",
                options: REVISION_GROUNDS.map((g) => ({ value: g, label: REVISION_GROUND_LABELS[g] })),
              },
            ]
          : []),
        { kind: "text", name: "note", label: "What changed (optional)" },
      ],
      submit: "Save as a new version",
      why: shared
        ? [
            {
              ruleId: r.revisionAfterSharing.ruleId,
              text: "After sharing, a revision is made only on a stated ground.",
            },
          ]
        : undefined,
    });
    if (["DRAFT", "SHARED", "REFERRED_BACK"].includes(detail.status)) {
      const [groups, members] = await Promise.all([
        db().partyGroup.findMany({
          where: { councilId: viewer.council.id, retiredAt: null },
          orderBy: { name: "asc" },
          select: { id: true, name: true },
        }),
        db().user.findMany({
          where: {
            councilId: viewer.council.id,
            active: true,
            roles: { hasSome: ["CABINET_MEMBER", "COUNCIL_CHAIR"] },
          },
          orderBy: { name: "asc" },
          select: { id: true, name: true, jobTitle: true },
        }),
      ]);
      specs.push({
        action: "SHARE",
        area: "other",
        title: "Share the draft for preliminary consideration",
        hint: "Only the group or member you choose sees it. There is no expectation that it will be rewritten.",
        fields: [
          {
            kind: "select",
            name: "groupId",
            label: "With a party group",
            options: groups.map((g) => ({ value: g.id, label: g.name })),
            placeholder: "No group",
          },
          {
            kind: "select",
            name: "userId",
            label: "Or with a member",
            options: members.map((m) => ({
              value: m.id,
              label: `${m.name}${m.jobTitle ? `, ${m.jobTitle}` : ""}`,
            })),
            placeholder: "No member",
          },
        ],
        submit: "Share the draft",
        tone: "secondary",
      });
    }
  }
  if ((officer || viewer.roles.includes("DEMOCRATIC_SERVICES") || viewer.roles.includes("TOWN_CLERK")) && open) {
    const meetings = await db().meeting.findMany({
      where: {
        councilId: viewer.council.id,
        committeeId: row.committeeId ?? undefined,
        publishedAt: null,
        cancelledAt: null,
        date: { gte: new Date(`${londonDate(new Date())}T00:00:00Z`) },
      },
      orderBy: { date: "asc" },
      take: 12,
      select: { id: true, title: true, date: true },
    });
    specs.push({
      action: "LIST",
      area: "other",
      title: detail.status === "ON_AGENDA" ? "Move to another meeting" : "List for a meeting",
      fields: meetings.length
        ? [
            {
              kind: "select",
              name: "meetingId",
              label: "Meeting",
              options: meetings.map((m) => ({
                value: m.id,
                label: `${m.title}, ${m.date.toISOString().slice(0, 10)}`,
              })),
              placeholder: "Choose a meeting",
            },
          ]
        : [{ kind: "info", text: "No meeting of this body with an open agenda is scheduled yet." }],
      submit: "List the report",
      tone: "secondary",
    });
  }
  if (member && open) {
    specs.push({
      action: "SUGGEST",
      area: "other",
      title: "Suggest content",
      hint: "The report is the officer's: they decide whether to adopt your suggestion.",
      fields: [
        { kind: "textarea", name: "suggestion", label: "Your suggestion", rows: 4 },
        { kind: "text", name: "timing", label: "Proposed timing (optional)" },
      ],
      submit: "Send the suggestion",
      why: [{ ruleId: r.memberEdits.ruleId, text: "Members suggest; the officer decides the content." }],
    });
    if (r.memberEdits.value === "WITH_CHIEF_OFFICER_APPROVAL")
      specs.push({
        action: "PROPOSE_CHANGE",
        area: "other",
        title: "Propose a change to the report",
        hint: "Your change is not made until the Chief Officer expressly approves it.",
        fields: [...textFields(true), { kind: "text", name: "note", label: "Why (optional)" }],
        submit: "Send the change for approval",
        tone: "secondary",
        why: [
          {
            ruleId: r.memberEdits.ruleId,
            text: "The report is not amended by members without the Chief Officer's express approval.",
          },
        ],
      });
    const byChair = r.ownReportBy.value === "CHAIR" && facts.committeeChairId === viewer.id;
    const byCabinet =
      r.ownReportBy.value === "CABINET_MEMBER" && facts.cabinet && viewer.roles.includes("CABINET_MEMBER");
    if (byChair || byCabinet)
      specs.push({
        action: "OWN_REPORT",
        area: "other",
        title: byChair ? "Add your own report as Chair" : "Add your own report as Cabinet Member",
        hint: "Exceptionally, your report goes alongside the officer's, marked as yours. The officer's report stays on the agenda.",
        fields: [
          { kind: "text", name: "title", label: "Title of your report" },
          { kind: "textarea", name: "body", label: "Your report", rows: 8 },
          {
            kind: "textarea",
            name: "reason",
            label: "The exceptional reason for adding your own report",
            rows: 3,
          },
        ],
        submit: "Add my report alongside",
        tone: "secondary",
        why: [
          {
            ruleId: r.ownReportBy.ruleId,
            text: "A member's own report is added in addition; no pressure to withdraw the officer's.",
          },
        ],
      });
  }
  if (
    detail.status === "PUBLISHED" &&
    (officer || viewer.roles.includes("DEMOCRATIC_SERVICES") || viewer.roles.includes("TOWN_CLERK"))
  )
    specs.push({
      action: "OUTCOME",
      area: "decide",
      title: "Record the meeting's decision",
      fields: [
        {
          kind: "radios",
          name: "outcome",
          legend: "What did the meeting decide?",
          options: OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] })),
        },
        { kind: "textarea", name: "minute", label: "Minute or resolution (optional)", rows: 3 },
      ],
      submit: "Record the decision",
    });
  if (officer && ["DRAFT", "SHARED", "ON_AGENDA", "REFERRED_BACK"].includes(detail.status))
    specs.push({
      action: "WITHDRAW",
      area: "other",
      title: "Withdraw the report",
      hint: "Only the report's officers can withdraw it. No member can withdraw, hold or stop an officer report.",
      fields: [{ kind: "textarea", name: "reasons", label: "Reasons", rows: 3 }],
      submit: "Withdraw the report",
      tone: "warning",
      why: [
        {
          ruleId: r.noWithdrawal.ruleId,
          text: "Members have no withdraw, hold or do-not-present action on an officer report.",
        },
      ],
    });
  return specs;
}

export type ReportListItem = {
  id: string;
  reference: string;
  title: string;
  status: string;
  committee: string | null;
  updatedAt: string;
};

/** Reports the viewer may see, newest first, a page at a time. */
export async function listReports(
  viewer: Viewer,
  page: number,
): Promise<{ items: ReportListItem[]; more: boolean }> {
  const take = 20;
  const rows = await db().request.findMany({
    // Reports are granted in full; a list shows titles only where the viewer may read them (SUMMARY or above).
    where: { ...visibleAtLeast(viewer, "SUMMARY"), type: "REPORT" },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    skip: (Math.max(1, Math.min(page, 500)) - 1) * take,
    take: take + 1,
    select: { id: true, reference: true, subject: true, status: true, committeeId: true, updatedAt: true },
  });
  const committees = new Map(
    (
      await db().committee.findMany({
        where: {
          councilId: viewer.council.id,
          id: { in: rows.map((r) => r.committeeId).filter((x): x is string => !!x) },
        },
        select: { id: true, name: true },
      })
    ).map((c) => [c.id, c.name]),
  );
  return {
    items: rows.slice(0, take).map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.subject,
      status: r.status,
      committee: r.committeeId ? (committees.get(r.committeeId) ?? null) : null,
      updatedAt: r.updatedAt.toISOString(),
    })),
    more: rows.length > take,
  };
}

/** A Chief Officer's page of report authorisations: the officers of their services, and who is authorised now. */
export async function loadAuthorisations(viewer: Viewer) {
  if (!viewer.roles.includes("CHIEF_OFFICER") || viewer.headedServiceIds.length === 0) return null;
  const [officers, current] = await Promise.all([
    db().user.findMany({
      where: {
        councilId: viewer.council.id,
        active: true,
        serviceId: { in: viewer.headedServiceIds },
        id: { not: viewer.id },
      },
      orderBy: { name: "asc" },
      select: { id: true, name: true, jobTitle: true },
    }),
    db().reportAuthorisation.findMany({
      where: { councilId: viewer.council.id, chiefOfficerId: viewer.id, revokedAt: null },
      select: { officerId: true, createdAt: true },
    }),
  ]);
  const since = new Map(current.map((c) => [c.officerId, c.createdAt.toISOString()]));
  return officers.map((o) => ({ ...o, authorisedSince: since.get(o.id) ?? null }));
}
