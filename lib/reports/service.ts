// Officer reports (section E): starting a report, versions, members' suggestions and proposed changes, the member's
// own report alongside, sharing drafts, consultation, listing for a meeting and the meeting's outcome. Each step is
// one transaction: a conditional update of the report (lib/requests/store.ts transition), its audit event with the
// rule ID, access grants and notifications. The rules are pure, in lib/workflow/reports.ts.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { profileOf } from "@/lib/protocol/council-profile";
import { toActor } from "@/lib/requests/actor";
import { createRequest, fail, fileOnce, transition, TX_OPTIONS, type Tx } from "@/lib/requests/store";
import { visibleAtLeast, visibleWithId } from "@/lib/requests/visibility";
import { lockMeeting } from "@/lib/meetings/next";
import { CLOSED_STATUSES } from "@/lib/requests/labels";
import { londonDate } from "@/lib/dates";
import { groupGrant, userGrant, type Grant } from "@/lib/workflow/access";
import {
  addOwnReport,
  decideMemberChange,
  mayAuthorReport,
  proposeMemberChange,
  recordOutcome,
  reviseReport,
  suggest,
  suppressReport,
  type ReportFacts,
} from "@/lib/workflow/reports";

export type ReportData = {
  /** Services whose Director must be consulted (CWC-E5). */
  affectedServiceIds?: string[];
  /** The Cabinet Member consulted on a Cabinet report on their portfolio (CWC-E5). */
  portfolioMemberId?: string | null;
  /** Shared for preliminary consideration with these groups and people (WIG-E6, HTC-E1). */
  sharedWithGroupIds?: string[];
  sharedWithUserIds?: string[];
  /** The member's call for this report, if it answers one (WIG-E7). */
  callId?: string | null;
};

const dataOf = (r: { data: unknown }) => (r.data ?? {}) as ReportData;
/** A report that can still change: not yet on a published agenda, not decided or withdrawn. */
export const OPEN_REPORT = ["DRAFT", "SHARED", "ON_AGENDA", "REFERRED_BACK"];

/** The people who run meetings (democratic services, the Town Clerk): they see reports listed for a meeting. */
export async function meetingOfficers(tx: Tx, councilId: string): Promise<string[]> {
  const rows = await tx.user.findMany({
    where: { councilId, active: true, roles: { hasSome: ["DEMOCRATIC_SERVICES", "TOWN_CLERK"] } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** What the rules need about a report and the person acting on it. */
export async function reportFacts(
  tx: Tx,
  viewer: Viewer,
  r: { serviceId: string | null; committeeId: string | null; createdById?: string; data?: unknown },
): Promise<ReportFacts> {
  const [service, committee, auths] = await Promise.all([
    r.serviceId
      ? tx.service.findFirst({
          where: { id: r.serviceId, councilId: viewer.council.id },
          select: { chiefOfficerId: true },
        })
      : null,
    r.committeeId
      ? tx.committee.findFirst({
          where: { id: r.committeeId, councilId: viewer.council.id },
          select: { chairId: true, kind: true },
        })
      : null,
    tx.reportAuthorisation.findMany({
      where: { councilId: viewer.council.id, officerId: viewer.id, revokedAt: null },
      select: { chiefOfficerId: true },
    }),
  ]);
  const d = dataOf({ data: r.data });
  return {
    serviceChiefOfficerId: service?.chiefOfficerId ?? null,
    authorisedBy: auths.map((a) => a.chiefOfficerId),
    authorId: r.createdById,
    committeeChairId: committee?.chairId ?? null,
    cabinet: committee?.kind === "CABINET",
    shared: !!(d.sharedWithGroupIds?.length || d.sharedWithUserIds?.length),
  };
}

export type StartReport = {
  title: string;
  summary: string;
  recommendations: string;
  serviceId: string;
  committeeId: string;
  affectedServiceIds: string[];
  portfolioMemberId: string | null;
  callId: string | null;
};

/** The active Cabinet Members whose portfolio covers a service (CWC-E5 "the appropriate Cabinet Member"). */
async function portfolioHolders(tx: Tx, councilId: string, serviceId: string) {
  return tx.user.findMany({
    where: {
      councilId,
      active: true,
      roles: { has: "CABINET_MEMBER" },
      portfolioServices: { some: { id: serviceId } },
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** HAL-E1, C2007-E3, WIG-E4, CWC-E5, HTC-E1: an officer starts a report; version 1 is written with it. */
export async function startReport(
  viewer: Viewer,
  input: StartReport,
  opts: { now: Date; idempotencyKey?: string | null },
) {
  const profile = profileOf(viewer);
  return fileOnce(viewer, opts.idempotencyKey, async (tx) => {
    const councilId = viewer.council.id;
    const [service, committee] = await Promise.all([
      tx.service.findFirst({
        where: { id: input.serviceId, councilId, retiredAt: null },
        select: { id: true, chiefOfficerId: true },
      }),
      tx.committee.findFirst({
        where: { id: input.committeeId, councilId, retiredAt: null },
        select: { id: true, chairId: true, kind: true },
      }),
    ]);
    if (!service)
      throw new AppError("VALIDATION", "Choose the service", {
        serviceId: "Choose the service the report is from",
      });
    if (!committee)
      throw new AppError("VALIDATION", "Choose the meeting body", { committeeId: "Choose who the report is to" });
    const facts = await reportFacts(tx, viewer, { serviceId: service.id, committeeId: committee.id });
    const may = mayAuthorReport(profile, toActor(viewer), facts);
    if (!may.ok) fail(may);
    // WIG-E7: the member's call this report answers — one the author can see, still open.
    const call = input.callId
      ? await tx.request.findFirst({
          where: { ...visibleWithId(viewer, input.callId), type: "AGENDA_ITEM", kind: "CALL_FOR_REPORT" },
        })
      : null;
    if (input.callId && (!call || CLOSED_STATUSES.includes(call.status)))
      throw new AppError("VALIDATION", "That call for a report was not found, or it has already been answered.");
    const consult = profile.duties.reports.consultation;
    const affected = consult.value ? input.affectedServiceIds.filter((id) => id !== service.id) : [];
    const affectedServices = affected.length
      ? await tx.service.findMany({
          where: { id: { in: affected }, councilId, retiredAt: null },
          select: { id: true, chiefOfficerId: true },
        })
      : [];
    let portfolioMemberId: string | null = null;
    if (consult.value && committee.kind === "CABINET") {
      const cm = input.portfolioMemberId
        ? await tx.user.findFirst({
            where: { id: input.portfolioMemberId, councilId, roles: { has: "CABINET_MEMBER" }, active: true },
            select: { id: true },
          })
        : null;
      if (!cm)
        throw new AppError(
          "VALIDATION",
          "Choose the Cabinet Member whose portfolio the report is on",
          { portfolioMemberId: "Choose the Cabinet Member whose portfolio the report is on" },
          consult.ruleId,
        );
      // The appropriate Cabinet Member: when the report's service is in one or more portfolios, one of their holders.
      const holders = await portfolioHolders(tx, councilId, service.id);
      if (holders.length && !holders.some((h) => h.id === cm.id)) {
        const message = `The report's service is in the portfolio of ${holders.map((h) => h.name).join(" or ")}: choose ${holders.length > 1 ? "one of them" : "them"}`;
        throw new AppError("VALIDATION", message, { portfolioMemberId: message }, consult.ruleId);
      }
      portfolioMemberId = cm.id;
    }
    const chairGrant = profile.duties.reports.ownReportBy.value === "CHAIR" ? committee.chairId : null;
    const grants: Grant[] = [
      ...userGrant(viewer.id, profile.duties.reports.authors.ruleId),
      ...userGrant(service.chiefOfficerId, profile.duties.reports.authors.ruleId),
      // HAL-E2, C2007-E3: the Chair discusses the report before the agenda and may suggest content.
      ...userGrant(chairGrant, profile.duties.reports.ownReportBy.ruleId),
      ...affectedServices.flatMap((s) => userGrant(s.chiefOfficerId, consult.ruleId)),
      ...userGrant(portfolioMemberId, consult.ruleId),
    ];
    const request = await createRequest(tx, {
      viewer,
      type: "REPORT",
      kind: "OFFICER_REPORT",
      status: "DRAFT",
      subject: input.title,
      details: `${input.summary}\n\n${input.recommendations}`,
      serviceId: service.id,
      deciderId: viewer.id,
      data: {
        affectedServiceIds: affectedServices.map((s) => s.id),
        portfolioMemberId,
        callId: input.callId,
      } satisfies ReportData,
      idempotencyKey: opts.idempotencyKey,
      ruleId: profile.duties.reports.authors.ruleId,
      grants,
      notify: [
        {
          userIds: [service.chiefOfficerId, chairGrant],
          kind: "REPORT_STARTED",
          title: `Report started: ${input.title}`,
        },
        {
          userIds: [...affectedServices.map((s) => s.chiefOfficerId), portfolioMemberId],
          kind: "REPORT_CONSULTATION",
          title: `You are consulted on the report “${input.title}” before it is published`,
        },
      ],
    });
    await tx.request.update({ where: { id: request.id }, data: { committeeId: committee.id } });
    await tx.reportVersion.create({
      data: {
        councilId,
        requestId: request.id,
        number: 1,
        title: input.title,
        summary: input.summary,
        recommendations: input.recommendations,
        authorId: viewer.id,
        note: "First version",
      },
    });
    if (call)
      await transition(tx, {
        request: call,
        viewer,
        action: "REPORT_STARTED",
        to: "COMPLETED",
        ruleId: "WIG-E7",
        reasons: `Report ${request.reference} started: ${input.title.trim()}`,
        patch: { deciderId: null, closedAt: new Date() },
        notify: [
          {
            userIds: [call.createdById],
            kind: "REPORT_STARTED",
            title: `The report you called for has been started: ${input.title.trim()}`,
          },
        ],
      });
    const consultees = [
      ...affectedServices
        .filter((s) => s.chiefOfficerId && s.chiefOfficerId !== viewer.id)
        .map((s) => ({ consulteeId: s.chiefOfficerId!, basis: "AFFECTED_SERVICE", serviceId: s.id })),
      ...(portfolioMemberId ? [{ consulteeId: portfolioMemberId, basis: "PORTFOLIO", serviceId: null }] : []),
    ];
    if (consultees.length)
      await tx.reportConsultation.createMany({
        data: consultees.map((c) => ({ councilId, requestId: request.id, ...c })),
        skipDuplicates: true,
      });
    return request;
  });
}

/** The report as the acting person may act on it (FULL access), locked for this transaction's conditional update. */
async function actable(tx: Tx, viewer: Viewer, id: string) {
  const row = await tx.request.findFirst({
    where: { type: "REPORT", AND: [visibleWithId(viewer, id), visibleAtLeast(viewer, "FULL")] },
  });
  if (!row) throw notFound("That report");
  return row;
}

async function currentVersion(tx: Tx, requestId: string) {
  return tx.reportVersion.findFirstOrThrow({
    where: { requestId, number: { not: null } },
    orderBy: { number: "desc" },
  });
}

export type ReportText = { title: string; summary: string; recommendations: string; note: string };

/** An officer's revision (WIG-E6, HTC-E1 after sharing: with the ground). */
export async function reviseReportText(viewer: Viewer, id: string, text: ReportText, ground: string | null) {
  const profile = profileOf(viewer);
  await db().$transaction(async (tx) => {
    const row = await actable(tx, viewer, id);
    if (["AGREED", "NOT_AGREED", "REJECTED", "WITHDRAWN"].includes(row.status))
      throw new AppError("CONFLICT", "This report has been decided: it can no longer be revised.");
    if (row.status === "PUBLISHED")
      throw new AppError("CONFLICT", "The agenda with this report is published: it can no longer be revised.");
    const facts = await reportFacts(tx, viewer, row);
    const d = reviseReport(profile, toActor(viewer), facts, ground);
    if (!d.ok) fail(d);
    const last = await currentVersion(tx, row.id);
    // The conditional update first: two revisions at once — one wins, the other is told (no clash on the number).
    await transition(tx, {
      request: row,
      viewer,
      action: "REPORT_REVISED",
      to: row.status === "REFERRED_BACK" ? "DRAFT" : row.status,
      ruleId: d.ruleId || profile.duties.reports.authors.ruleId,
      reasons: [d.ground ? `Ground: ${d.ground}` : "", text.note].filter(Boolean).join(". ") || null,
      patch: { subject: text.title, details: `${text.summary}\n\n${text.recommendations}` },
      auditData: { version: last.number! + 1, ground: d.ground },
      notify: [
        {
          userIds: await readersToTell(tx, row),
          kind: "REPORT_REVISED",
          title: `Report revised (version ${last.number! + 1}): ${text.title}`,
        },
      ],
    });
    await tx.reportVersion.create({
      data: {
        councilId: row.councilId,
        requestId: row.id,
        number: last.number! + 1,
        ...text,
        authorId: viewer.id,
        ground: d.ground,
      },
    });
  }, TX_OPTIONS);
}

/** Everyone holding a personal grant on the report (groups are told through their members' pages, not mail). */
async function readersToTell(tx: Tx, row: { id: string }) {
  const grants = await tx.requestAccess.findMany({
    where: { requestId: row.id, userId: { not: null } },
    select: { userId: true },
  });
  return grants.map((g) => g.userId);
}

/** HAL-E2, C2007-E3: a member's change is held for the Chief Officer's express approval; CWC-E6, WIG-E4, HTC-E1:
 * refused — members cannot change an officer report. */
export async function proposeChange(viewer: Viewer, id: string, text: ReportText) {
  const profile = profileOf(viewer);
  return db().$transaction(async (tx) => {
    const row = await actable(tx, viewer, id);
    const d = proposeMemberChange(profile, toActor(viewer));
    if (!d.ok) {
      // The member's words are not lost: kept as a suggestion for the officer (CWC-E6 "their comment is saved").
      await tx.message.create({
        data: {
          councilId: row.councilId,
          requestId: row.id,
          authorId: viewer.id,
          kind: "SUGGESTION",
          body: `Proposed change (not made — ${d.ruleId}): ${text.note ? `${text.note}\n\n` : ""}${text.title}\n\n${text.summary}\n\nRecommendations: ${text.recommendations}`,
        },
      });
      await tx.auditEvent.create({
        data: {
          councilId: row.councilId,
          requestId: row.id,
          actorId: viewer.id,
          actorRole: viewer.roles[0] ?? null,
          action: "MEMBER_EDIT_REFUSED",
          ruleId: d.ruleId,
          reasons: d.message,
        },
      });
      return { refused: d };
    }
    if (row.status === "PUBLISHED" || ["AGREED", "NOT_AGREED", "REJECTED", "WITHDRAWN"].includes(row.status))
      throw new AppError("CONFLICT", "This report can no longer be changed.");
    const facts = await reportFacts(tx, viewer, row);
    const version = await tx.reportVersion.create({
      data: {
        councilId: row.councilId,
        requestId: row.id,
        number: null,
        state: "PROPOSED",
        ...text,
        authorId: viewer.id,
      },
    });
    await transition(tx, {
      request: row,
      viewer,
      action: "MEMBER_CHANGE_PROPOSED",
      to: row.status,
      ruleId: d.ruleId,
      reasons: text.note || null,
      auditData: { proposalId: version.id },
      notify: [
        {
          userIds: [facts.serviceChiefOfficerId, row.createdById],
          kind: "MEMBER_CHANGE_PROPOSED",
          title: `${viewer.name} proposes a change to “${row.subject}”: it needs your express approval`,
        },
      ],
    });
    return { refused: null };
  }, TX_OPTIONS);
}

/** HAL-E2, C2007-E3: the Chief Officer approves the member's change (it becomes a version showing the approval), or
 * declines it. */
export async function decideChange(
  viewer: Viewer,
  id: string,
  proposalId: string,
  approve: boolean,
  reasons: string,
) {
  const profile = profileOf(viewer);
  await db().$transaction(async (tx) => {
    const row = await actable(tx, viewer, id);
    const facts = await reportFacts(tx, viewer, row);
    const d = decideMemberChange(profile, toActor(viewer), facts);
    if (!d.ok) fail(d);
    if (!OPEN_REPORT.includes(row.status))
      throw new AppError(
        "CONFLICT",
        "This report's agenda is published or it has been decided: it can no longer change.",
      );
    const proposal = await tx.reportVersion.findFirst({
      where: { id: proposalId, requestId: row.id, state: "PROPOSED" },
    });
    if (!proposal) throw new AppError("CONFLICT", "That proposed change has already been decided.");
    if (!approve && !reasons.trim())
      throw new AppError("VALIDATION", "Give reasons for not approving the change", {
        reasons: "Give reasons for not approving the change",
      });
    const last = await currentVersion(tx, row.id);
    // The conditional update first: two decisions (or a revision) at once — one wins, the other is told.
    await transition(tx, {
      request: row,
      viewer,
      action: approve ? "MEMBER_CHANGE_APPROVED" : "MEMBER_CHANGE_DECLINED",
      to: row.status,
      ruleId: d.ruleId,
      reasons: reasons.trim() || null,
      patch: approve
        ? { subject: proposal.title, details: `${proposal.summary}\n\n${proposal.recommendations}` }
        : {},
      auditData: { proposalId: proposal.id, version: approve ? last.number! + 1 : null },
      notify: [
        {
          userIds: [proposal.authorId, row.createdById],
          kind: approve ? "MEMBER_CHANGE_APPROVED" : "MEMBER_CHANGE_DECLINED",
          title: approve
            ? `Your change to “${row.subject}” was expressly approved and is in version ${last.number! + 1}`
            : `Your change to “${row.subject}” was not approved`,
          body: approve ? "" : `Reasons: ${reasons.trim()}`,
        },
      ],
    });
    const taken = await tx.reportVersion.updateMany({
      where: { id: proposal.id, state: "PROPOSED" },
      data: approve
        ? { state: "CURRENT", number: last.number! + 1, approvedById: viewer.id, approvedAt: new Date() }
        : { state: "DECLINED" },
    });
    if (taken.count === 0) throw new AppError("CONFLICT", "That proposed change has already been decided.");
  }, TX_OPTIONS);
}

/** Members (and officers) comment; CWC-E6: the Cabinet Member may propose timing. The officer decides. */
export async function addSuggestion(viewer: Viewer, id: string, text: string, timing: string) {
  const profile = profileOf(viewer);
  await db().$transaction(async (tx) => {
    const row = await actable(tx, viewer, id);
    const d = suggest(profile, toActor(viewer), text);
    if (!d.ok) fail(d);
    await tx.message.create({
      data: {
        councilId: row.councilId,
        requestId: row.id,
        authorId: viewer.id,
        kind: "SUGGESTION",
        body: timing.trim() ? `${text.trim()}\n\nProposed timing: ${timing.trim()}` : text.trim(),
      },
    });
    const facts = await reportFacts(tx, viewer, row);
    await transition(tx, {
      request: row,
      viewer,
      action: "SUGGESTION_ADDED",
      to: row.status,
      ruleId: d.ruleId,
      notify: [
        {
          userIds: [row.createdById, facts.serviceChiefOfficerId],
          kind: "SUGGESTION",
          title: `${viewer.name} suggested content for “${row.subject}”`,
        },
      ],
    });
  }, TX_OPTIONS);
}

/** HAL-E3, C2007-E4, CWC-E7, WIG-E5: the member's own report, alongside the officer's (which stays). */
export async function addMemberReport(
  viewer: Viewer,
  id: string,
  input: { title: string; body: string; reason: string },
) {
  const profile = profileOf(viewer);
  await db().$transaction(async (tx) => {
    const row = await actable(tx, viewer, id);
    if (!OPEN_REPORT.includes(row.status))
      throw new AppError(
        "CONFLICT",
        "This report's agenda is published or it has been decided: a member's own report is added before publication.",
      );
    const facts = await reportFacts(tx, viewer, row);
    const d = addOwnReport(profile, toActor(viewer), facts, input.reason);
    if (!d.ok) fail(d);
    await tx.memberReport.create({
      data: {
        councilId: row.councilId,
        requestId: row.id,
        authorId: viewer.id,
        capacity: d.capacity,
        reason: input.reason.trim(),
        title: input.title.trim(),
        body: input.body.trim(),
      },
    });
    await transition(tx, {
      request: row,
      viewer,
      action: "MEMBER_REPORT_ADDED",
      to: row.status,
      ruleId: d.ruleId,
      reasons: input.reason.trim(),
      notify: [
        {
          userIds: [row.createdById, facts.serviceChiefOfficerId],
          kind: "MEMBER_REPORT_ADDED",
          title: `${viewer.name} added their own report alongside “${row.subject}”`,
        },
      ],
    });
  }, TX_OPTIONS);
}

/** WIG-E6, HTC-E1: a draft shared for preliminary consideration with one group (that group alone) or a member. */
export async function shareDraft(
  viewer: Viewer,
  id: string,
  target: { groupId: string | null; userId: string | null },
) {
  const profile = profileOf(viewer);
  await db().$transaction(async (tx) => {
    const row = await actable(tx, viewer, id);
    const facts = await reportFacts(tx, viewer, row);
    if (!(viewer.id === row.createdById || viewer.id === facts.serviceChiefOfficerId))
      throw new AppError("FORBIDDEN_BY_RULE", "Only the report's officers can share the draft.");
    if (!["DRAFT", "SHARED", "REFERRED_BACK"].includes(row.status))
      throw new AppError("CONFLICT", "Only a draft is shared for preliminary consideration.");
    const councilId = row.councilId;
    const group = target.groupId
      ? await tx.partyGroup.findFirst({
          where: { id: target.groupId, councilId, retiredAt: null },
          select: { id: true, name: true },
        })
      : null;
    const member = target.userId
      ? await tx.user.findFirst({
          where: { id: target.userId, councilId, roles: { has: "MEMBER" }, active: true },
          select: { id: true, name: true },
        })
      : null;
    if (!group && !member)
      throw new AppError("VALIDATION", "Choose a group or a member to share the draft with", {
        groupId: "Choose a group or a member to share the draft with",
      });
    const rule = profile.duties.reports.revisionAfterSharing.ruleId;
    const d = dataOf(row);
    const groupMembers = group
      ? (await tx.user.findMany({ where: { partyGroupId: group.id, active: true }, select: { id: true } })).map(
          (u) => u.id,
        )
      : [];
    await transition(tx, {
      request: row,
      viewer,
      action: "SHARED_FOR_PRELIMINARY_CONSIDERATION",
      to: row.status === "DRAFT" ? "SHARED" : row.status,
      ruleId: rule,
      reasons: `Shared with ${group?.name ?? member!.name}`,
      patch: {
        data: {
          ...d,
          sharedWithGroupIds: [...new Set([...(d.sharedWithGroupIds ?? []), ...(group ? [group.id] : [])])],
          sharedWithUserIds: [...new Set([...(d.sharedWithUserIds ?? []), ...(member ? [member.id] : [])])],
        },
      },
      grants: [...groupGrant(group?.id, rule), ...userGrant(member?.id, rule)],
      notify: [
        {
          userIds: member ? [member.id] : groupMembers,
          kind: "DRAFT_SHARED",
          title: `Draft report for preliminary consideration: ${row.subject}`,
        },
      ],
    });
  }, TX_OPTIONS);
}

/** CWC-E5: a consultee records that they have been consulted, with any comments. */
export async function respondToConsultation(viewer: Viewer, id: string, comments: string) {
  const profile = profileOf(viewer);
  await db().$transaction(async (tx) => {
    const row = await actable(tx, viewer, id);
    const c = await tx.reportConsultation.updateMany({
      where: { requestId: row.id, consulteeId: viewer.id, respondedAt: null },
      data: { respondedAt: new Date(), comments: comments.trim() || null },
    });
    if (c.count === 0) throw new AppError("CONFLICT", "You have no consultation waiting on this report.");
    await transition(tx, {
      request: row,
      viewer,
      action: "CONSULTED",
      to: row.status,
      ruleId: profile.duties.reports.consultation.ruleId,
      reasons: comments.trim() || null,
      notify: [
        {
          userIds: [row.createdById],
          kind: "CONSULTED",
          title: `${viewer.name} has been consulted on “${row.subject}”`,
        },
      ],
    });
  }, TX_OPTIONS);
}

/** An officer lists the report for a meeting of its committee whose agenda is still open. */
export async function listForMeeting(viewer: Viewer, id: string, meetingId: string) {
  const profile = profileOf(viewer);
  await db().$transaction(async (tx) => {
    const row = await actable(tx, viewer, id);
    const facts = await reportFacts(tx, viewer, row);
    const runsIt = viewer.roles.some((r) => r === "DEMOCRATIC_SERVICES" || r === "TOWN_CLERK");
    if (!(viewer.id === row.createdById || viewer.id === facts.serviceChiefOfficerId || runsIt))
      throw new AppError("FORBIDDEN_BY_RULE", "Officers list reports for meetings.");
    if (!OPEN_REPORT.includes(row.status))
      throw new AppError("CONFLICT", "This report can no longer be listed for a meeting.");
    // The meeting's row lock: publishing waits for this listing, or this listing sees the agenda published.
    await lockMeeting(tx, row.councilId, meetingId);
    const m = await tx.meeting.findFirst({
      where: { id: meetingId, councilId: row.councilId, cancelledAt: null },
      select: { id: true, title: true, date: true, committeeId: true, publishedAt: true, agendaDeadline: true },
    });
    if (!m || (row.committeeId && m.committeeId !== row.committeeId))
      throw new AppError("VALIDATION", "Choose a meeting of the body the report is to", {
        meetingId: "Choose a meeting of the body the report is to",
      });
    if (m.publishedAt)
      throw new AppError("CONFLICT", "That meeting's agenda is published: choose a later meeting.", {
        meetingId: "That meeting's agenda is published: choose a later meeting",
      });
    // After the agenda deadline only the officers who run the meeting add to it (they keep the agenda's timetable).
    if (!runsIt && m.agendaDeadline && m.agendaDeadline < new Date(`${londonDate(new Date())}T00:00:00Z`))
      throw new AppError("VALIDATION", "The agenda deadline for that meeting has passed", {
        meetingId:
          "The agenda deadline for that meeting has passed: choose a later meeting, or ask democratic services",
      });
    await transition(tx, {
      request: row,
      viewer,
      action: "LISTED_FOR_MEETING",
      to: "ON_AGENDA",
      ruleId: profile.duties.reports.authors.ruleId,
      reasons: `${m.title}, ${m.date.toISOString().slice(0, 10)}`,
      patch: { meetingId: m.id },
      grants: (await meetingOfficers(tx, row.councilId)).flatMap((u) => userGrant(u, "COUNCIL")),
      notify: [
        {
          // The Chair is told where they hold the draft (HAL-E2, C2007-E3); elsewhere they read it once published.
          userIds: [profile.duties.reports.ownReportBy.value === "CHAIR" ? facts.committeeChairId : null],
          kind: "REPORT_LISTED",
          title: `Report “${row.subject}” listed for ${m.title} on ${m.date.toISOString().slice(0, 10)}`,
        },
      ],
    });
  }, TX_OPTIONS);
}

/** The officer's own withdrawal; a member's attempt (or a forged one) is refused (HAL-E3, WIG-E4, HTC-E2…). */
export async function suppress(
  viewer: Viewer,
  id: string,
  action: string,
  reasons: string,
  confirmed: boolean,
): Promise<"DONE" | "CONFIRM"> {
  const profile = profileOf(viewer);
  return db().$transaction(async (tx) => {
    const row = await actable(tx, viewer, id);
    const facts = await reportFacts(tx, viewer, row);
    const d = suppressReport(profile, toActor(viewer), facts, action);
    if (!d.ok) fail(d);
    if (action !== "WITHDRAW") throw new AppError("VALIDATION", "That action does not exist.");
    if (!reasons.trim())
      throw new AppError("VALIDATION", "Give reasons for withdrawing the report", {
        reasons: "Give reasons for withdrawing the report",
      });
    if (!["DRAFT", "SHARED", "ON_AGENDA", "REFERRED_BACK"].includes(row.status))
      throw new AppError("CONFLICT", "A published or decided report cannot be withdrawn here.");
    if (!confirmed) return "CONFIRM" as const;
    await transition(tx, {
      request: row,
      viewer,
      action: "WITHDRAW",
      to: "WITHDRAWN",
      ruleId: profile.duties.reports.authors.ruleId,
      reasons,
      patch: { closedAt: new Date(), meetingId: null },
      notify: [
        { userIds: await readersToTell(tx, row), kind: "WITHDRAWN", title: `Report withdrawn: ${row.subject}` },
      ],
    });
    return "DONE" as const;
  }, TX_OPTIONS);
}

/** The meeting's decision: agreed, not agreed (HTC-E2), rejected or referred back (WIG-E5). */
export async function recordReportOutcome(viewer: Viewer, id: string, outcome: string, minute: string) {
  await db().$transaction(async (tx) => {
    const row = await actable(tx, viewer, id);
    const facts = await reportFacts(tx, viewer, row);
    const d = recordOutcome(toActor(viewer), facts, outcome);
    if (!d.ok) fail(d);
    if (row.status !== "PUBLISHED")
      throw new AppError("CONFLICT", "The outcome is recorded once the report's agenda is published.");
    await transition(tx, {
      request: row,
      viewer,
      action: `OUTCOME_${d.to}`,
      to: d.to,
      // The remedy when members disagree with a report is the meeting's decision, not its withdrawal (WIG-E5, HTC-E2).
      ruleId: d.to === "AGREED" ? "" : profileOf(viewer).duties.reports.remedy.ruleId,
      reasons: minute.trim() || null,
      patch: d.to === "REFERRED_BACK" ? { meetingId: null } : { closedAt: new Date() },
      notify: [
        {
          userIds: await readersToTell(tx, row),
          kind: "REPORT_OUTCOME",
          title: `Outcome recorded: ${row.subject}`,
        },
      ],
    });
  }, TX_OPTIONS);
}

/** HAL-E1, C2007-E3, WIG-E4, CWC-E5: a Chief Officer authorises an officer to write reports (or ends it). */
export async function setAuthorisation(viewer: Viewer, officerId: string, on: boolean) {
  const prisma = db();
  if (!viewer.roles.includes("CHIEF_OFFICER") || viewer.headedServiceIds.length === 0)
    throw new AppError(
      "FORBIDDEN_BY_RULE",
      "Only a service's Chief Officer authorises officers to write reports.",
    );
  const officer = await prisma.user.findFirst({
    where: { id: officerId, councilId: viewer.council.id, active: true, roles: { has: "OFFICER" } },
    select: { id: true, serviceId: true },
  });
  if (!officer || !officer.serviceId || !viewer.headedServiceIds.includes(officer.serviceId))
    throw new AppError("VALIDATION", "Choose an officer of your service", {
      officerId: "Choose an officer of your service",
    });
  if (on) {
    const existing = await prisma.reportAuthorisation.findFirst({
      where: { chiefOfficerId: viewer.id, officerId: officer.id, revokedAt: null },
    });
    if (!existing)
      await prisma.reportAuthorisation.create({
        data: {
          councilId: viewer.council.id,
          chiefOfficerId: viewer.id,
          officerId: officer.id,
          serviceId: officer.serviceId,
        },
      });
  } else
    await prisma.reportAuthorisation.updateMany({
      where: { chiefOfficerId: viewer.id, officerId: officer.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
}
