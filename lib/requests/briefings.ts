// Party-group briefing use cases. Content is confidential to the requesting group(s) (CWC-B6, WIG-B7, DEF-B6);
// officers are invited and accept in person (HAL-B1); the equal-treatment guard looks across requests (CWC-B5).
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError, notFound } from "@/lib/errors";
import { profileOf } from "@/lib/protocol/council-profile";
import { londonDate } from "@/lib/dates";
import { previousWorkingDay } from "@/lib/protocol/working-days";
import { formatDate } from "./describe";
import { briefingAccessAtFiling, userGrant, type Grant } from "@/lib/workflow/access";
import {
  checkGroupReport,
  decideBriefing,
  offerBriefing,
  submitBriefingRequest,
  type Briefing,
  type BriefingAction,
  type BriefingSubmission,
  type Officer,
} from "@/lib/workflow/briefing";
import { toActor } from "./actor";
import { briefingRoutingContext, councilFacts } from "./context";
import {
  createRequest,
  fail,
  fileOnce,
  transition,
  TX_OPTIONS,
  type Filed,
  type RequestRow,
  type Tx,
} from "./store";
import { visibleWithId } from "./visibility";
import { db } from "@/lib/db";

type BriefingData = {
  groupIds: string[];
  optedInGroupIds: string[];
  recipientIds: string[];
  proposedAttendeeId: string | null;
  shortNotice: boolean;
  meetingDate: string | null;
  /** CWC-B10: proposed start time and expected length. */
  startTime?: string | null;
  durationMinutes?: number | null;
  councilBusiness: string;
  committeeId: string | null;
  onePartyMeeting: boolean;
  item: string | null;
  majorIssue: string | null;
  warnings: { ruleId: string; message: string }[];
  administrationDiscussion: boolean;
  minutesSpent?: number;
  proposedDate?: string | null;
  proposedStartTime?: string | null;
  proposedDurationMinutes?: number | null;
  proposalReasons?: string | null;
  exception?: { ruleId: string; text: string };
};

export async function fileBriefingRequest(
  viewer: Viewer,
  input: BriefingSubmission,
  opts: { now: Date; idempotencyKey?: string | null; dryRun?: boolean },
): Promise<Filed> {
  const profile = profileOf(viewer);
  return fileOnce(
    viewer,
    opts.idempotencyKey,
    async (tx) => {
      const groups = await tx.partyGroup.findMany({
        // A retired group is not offered to join; the member's own group stays theirs until they are moved.
        where: {
          id: { in: input.groupIds },
          councilId: viewer.council.id,
          OR: [{ retiredAt: null }, { id: viewer.partyGroup?.id ?? "" }],
        },
        select: { id: true },
      });
      if (groups.length !== input.groupIds.length)
        throw new AppError("VALIDATION", "Choose a party group of your council", {
          groupIds: "Choose a party group of your council",
        });
      const facts = await councilFacts(tx, viewer.council.id, opts.now);
      const decision = submitBriefingRequest(
        profile,
        toActor(viewer),
        input,
        briefingRoutingContext(facts),
        opts.now,
      );
      if (!decision.ok) fail(decision);
      const r = decision.routing;
      const data: BriefingData = {
        groupIds: input.groupIds,
        optedInGroupIds:
          viewer.partyGroup && input.groupIds.includes(viewer.partyGroup.id) ? [viewer.partyGroup.id] : [],
        recipientIds: r.recipientIds,
        proposedAttendeeId: r.proposedAttendeeId,
        shortNotice: r.shortNotice,
        meetingDate: input.meetingDate,
        startTime: input.startTime ?? null,
        durationMinutes: input.durationMinutes ?? null,
        councilBusiness: input.councilBusiness,
        committeeId: input.committeeId,
        onePartyMeeting: input.onePartyMeeting,
        item: input.item ?? null,
        majorIssue: input.majorIssue ?? null,
        warnings: r.warnings,
        administrationDiscussion: isAdministrationDiscussion(profile, viewer, r.recipientIds, facts),
      };
      const created = await createRequest(tx, {
        viewer,
        type: "BRIEFING",
        kind: input.kind,
        status: r.state,
        subject: input.subject,
        details: input.councilBusiness,
        subjectKey: input.subjectKey.trim().toLowerCase(),
        serviceId: input.serviceId,
        groupId: input.groupIds[0] ?? null,
        deciderId: r.recipientIds.length === 1 ? r.recipientIds[0]! : null,
        dueDate: r.dueDate,
        data,
        idempotencyKey: opts.idempotencyKey,
        ruleId: r.ruleId,
        grants: briefingAccessAtFiling({
          // C2007-B1: a discussion with the administration's leadership is seen by its leaders, not the whole group.
          groupIds: input.kind === "ROLE" || data.administrationDiscussion ? [] : input.groupIds,
          requesterId: viewer.id,
          recipientIds: r.recipientIds,
          monitoringOfficerIds: facts.holders("MONITORING_OFFICER"),
        }),
        notify: [
          {
            userIds: r.state === "SUBMITTED" ? r.recipientIds : [],
            kind: "RECEIVED",
            title: `Briefing request: ${input.subject.trim()}${r.shortNotice ? " (short notice)" : ""}`,
          },
          {
            userIds: [viewer.id],
            kind: "FILED",
            title: `Your briefing request “${input.subject.trim()}” was received`,
          },
        ],
        auditData: { warnings: r.warnings },
      });
      return created;
    },
    opts.dryRun,
  );
}

/**
 * C2007-B1: the administration group's leader asking the Chief Executive for a briefing is a discussion with the
 * administration's leadership — confidential to them and the Chief Executive, outside the equal-treatment guard.
 */
function isAdministrationDiscussion(
  profile: ReturnType<typeof profileOf>,
  viewer: Viewer,
  recipientIds: string[],
  facts: { holders: (role: "CHIEF_EXECUTIVE") => string[] },
): boolean {
  if (!profile.briefing.administrationExemption.value || !viewer.partyGroup?.isAdministration) return false;
  if (!viewer.groupOffices.some((o) => o.kind === "LEADER")) return false;
  const chiefExecutives = facts.holders("CHIEF_EXECUTIVE");
  return recipientIds.some((id) => chiefExecutives.includes(id));
}

/** A stored briefing as the pure workflow sees it. */
export function toBriefing(row: RequestRow & { attendees: { officerId: string; status: string }[] }): Briefing {
  const d = row.data as unknown as BriefingData;
  return {
    state: row.status as Briefing["state"],
    kind: row.kind as Briefing["kind"],
    groupIds: d.groupIds,
    optedInGroupIds: d.optedInGroupIds,
    subjectKey: row.subjectKey ?? "",
    recipientIds: d.recipientIds,
    handlerId: row.deciderId,
    serviceId: row.serviceId,
    attendees: row.attendees.map((a) => ({
      officerId: a.officerId,
      status: a.status as "INVITED" | "ACCEPTED" | "DECLINED",
    })),
    administrationDiscussion: d.administrationDiscussion,
    requesterId: row.createdById,
  };
}

async function sameSubjectAcceptances(tx: Tx, row: RequestRow, viewerId: string, groupIds: string[]) {
  if (!row.subjectKey) return [];
  const others = await tx.request.findMany({
    where: {
      councilId: row.councilId,
      type: "BRIEFING",
      subjectKey: row.subjectKey,
      id: { not: row.id },
      status: { in: ["ACCEPTED", "COMPLETED"] },
      OR: [{ deciderId: viewerId }, { attendees: { some: { officerId: viewerId, status: "ACCEPTED" } } }],
    },
    select: { data: true, deciderId: true },
  });
  return others
    .map((o) => ({
      briefingGroupIds: (o.data as unknown as BriefingData).groupIds ?? [],
      officerHandledIt: o.deciderId === viewerId,
    }))
    .filter((o) => !o.briefingGroupIds.some((g) => groupIds.includes(g)));
}

export type BriefingServiceAction =
  | Exclude<BriefingAction, { type: "PROPOSE_DATE" } | { type: "ACCEPT_DATE" } | { type: "INVITE_ATTENDEE" }>
  | { type: "INVITE"; officerId: string; reasons?: string }
  | {
      type: "PROPOSE_DATE";
      date: string | null;
      reasons: string;
      startTime?: string | null;
      durationMinutes?: number | null;
    }
  | { type: "ACCEPT_DATE" };

/** Notes of a held briefing: a message confidential to the requesting group and the officers in it (HAL-B4, DEF-B6). */
export type BriefingExtras = { notes?: string };

export async function actOnBriefing(
  viewer: Viewer,
  requestId: string,
  action: BriefingServiceAction,
  now: Date,
  extras: BriefingExtras = {},
): Promise<void> {
  const prisma = db();
  const profile = profileOf(viewer);
  await prisma.$transaction(async (tx) => {
    const row = await tx.request.findFirst({
      where: { type: "BRIEFING", ...visibleWithId(viewer, requestId) },
      include: { attendees: true },
    });
    if (!row) throw notFound("That request");
    const d = row.data as unknown as BriefingData;
    // Metadata-only access (the Monitoring Officer, DEF-B6) gives no actions.
    const briefing = toBriefing(row);
    let pureAction: BriefingAction;
    let invited: Officer | null = null;
    if (action.type === "INVITE") {
      const o = await tx.user.findFirst({
        where: { id: action.officerId, councilId: viewer.council.id, active: true, roles: { has: "OFFICER" } },
        select: { id: true, roles: true, serviceId: true, seniority: true, tier: true, jnc: true },
      });
      if (!o)
        throw new AppError("VALIDATION", "Choose an officer of your council", {
          officerId: "Choose an officer of your council",
        });
      invited = { ...o, roles: o.roles as string[] };
      pureAction = { type: "INVITE_ATTENDEE", officer: invited, reasons: action.reasons };
    } else if (action.type === "PROPOSE_DATE") {
      pureAction = { type: "PROPOSE_DATE", date: action.date, reasons: action.reasons, today: londonDate(now) };
    } else if (action.type === "ACCEPT_DATE") {
      pureAction = { type: "ACCEPT_DATE", proposedDate: d.proposedDate ?? null };
    } else {
      pureAction = action;
    }
    const sameSubject =
      pureAction.type === "DECLINE" || pureAction.type === "ATTENDEE_ANSWER"
        ? await sameSubjectAcceptances(tx, row, viewer.id, d.groupIds)
        : [];
    const decision = decideBriefing(profile, briefing, toActor(viewer), pureAction, { sameSubject });
    if (!decision.ok) fail(decision);

    const data: BriefingData = { ...d };
    const grants: Grant[] = [];
    const patch: Parameters<typeof transition>[1]["patch"] = {};
    let reasons: string | null = null;
    const groupMembers = async () =>
      (
        await tx.user.findMany({
          where: { councilId: viewer.council.id, partyGroupId: { in: d.groupIds }, active: true },
          select: { id: true },
        })
      ).map((u) => u.id);
    let notifyIds: (string | null)[] = [];
    switch (pureAction.type) {
      case "OPT_IN":
        data.optedInGroupIds = [...new Set([...d.optedInGroupIds, pureAction.groupId])];
        if (decision.to === "SUBMITTED") notifyIds = d.recipientIds;
        break;
      case "TAKE":
      case "ACCEPT":
        patch.deciderId = viewer.id;
        notifyIds = pureAction.type === "ACCEPT" ? [row.createdById] : [];
        break;
      case "DECLINE":
        reasons = pureAction.reasons;
        patch.deciderId = viewer.id;
        patch.closedAt = now;
        notifyIds = await groupMembers();
        break;
      case "INVITE_ATTENDEE":
        await tx.attendee.create({
          data: {
            councilId: viewer.council.id,
            requestId: row.id,
            officerId: invited!.id,
            invitedById: viewer.id,
            reasons: pureAction.reasons?.trim() || null,
          },
        });
        grants.push(...userGrant(invited!.id, decision.ruleId, "SUMMARY"));
        reasons = pureAction.reasons ?? null;
        notifyIds = [invited!.id];
        break;
      case "ATTENDEE_ANSWER":
        await tx.attendee.update({
          where: { requestId_officerId: { requestId: row.id, officerId: viewer.id } },
          data: {
            status: pureAction.accept ? "ACCEPTED" : "DECLINED",
            answeredAt: now,
            reasons: pureAction.reasons?.trim() || null,
          },
        });
        if (pureAction.accept) grants.push(...userGrant(viewer.id, "DEF-B6"));
        reasons = pureAction.reasons ?? null;
        notifyIds = [row.deciderId];
        break;
      case "COMPLETE":
        data.minutesSpent = pureAction.minutesSpent ?? undefined;
        if (extras.notes?.trim())
          await tx.message.create({
            data: {
              councilId: viewer.council.id,
              requestId: row.id,
              authorId: viewer.id,
              kind: "BRIEFING_NOTES",
              body: extras.notes.trim(),
              marking: "CONFIDENTIAL",
            },
          });
        if (decision.exception) data.exception = decision.exception;
        patch.closedAt = now;
        notifyIds = [row.createdById];
        if (decision.exception && row.serviceId)
          notifyIds.push((await councilFacts(tx, viewer.council.id, now)).chiefOfficerOfService(row.serviceId));
        break;
      case "WITHDRAW":
        patch.closedAt = now;
        notifyIds = d.recipientIds;
        break;
      case "PROPOSE_DATE":
        data.proposedDate = pureAction.date;
        if (action.type === "PROPOSE_DATE") {
          data.proposedStartTime = action.startTime ?? null;
          data.proposedDurationMinutes = action.durationMinutes ?? null;
        }
        data.proposalReasons = pureAction.reasons.trim();
        reasons = pureAction.reasons;
        notifyIds = [row.createdById, ...(await groupMembers())];
        break;
      case "ACCEPT_DATE":
        data.meetingDate = d.proposedDate ?? d.meetingDate;
        data.startTime = d.proposedStartTime ?? d.startTime ?? null;
        data.durationMinutes = d.proposedDurationMinutes ?? d.durationMinutes ?? null;
        data.proposedDate = null;
        data.proposedStartTime = null;
        data.proposedDurationMinutes = null;
        notifyIds = [row.deciderId ?? null, ...d.recipientIds];
        break;
    }
    patch.data = data;
    await transition(tx, {
      request: row,
      viewer,
      action: pureAction.type === "INVITE_ATTENDEE" ? "INVITE_ATTENDEE" : pureAction.type,
      to: decision.to,
      ruleId: decision.ruleId,
      reasons,
      patch,
      grants,
      notify: [
        {
          userIds: notifyIds,
          kind: pureAction.type,
          title:
            pureAction.type === "INVITE_ATTENDEE"
              ? await invitationTitle(tx, row.reference, row.subject, d, viewer)
              : `${row.reference} “${row.subject}”: ${decision.to.toLowerCase().replace(/_/g, " ")}`,
        },
      ],
      auditData: {
        ...(invited ? { officerId: invited.id } : {}),
        ...(decision.exception ? { exception: decision.exception } : {}),
      },
    });
  }, TX_OPTIONS);
}

/** HAL-B1: what an invitation says — who invites, for which group(s), when, and by when to answer. */
async function invitationTitle(tx: Tx, reference: string, subject: string, d: BriefingData, viewer: Viewer) {
  const groups = await tx.partyGroup.findMany({
    where: { id: { in: d.groupIds }, councilId: viewer.council.id },
    select: { name: true },
  });
  const forWhom = groups.length ? ` for ${groups.map((g) => g.name).join(" and ")}` : "";
  const when = d.meetingDate ? ` on ${formatDate(d.meetingDate)}${d.startTime ? ` at ${d.startTime}` : ""}` : "";
  const by = d.meetingDate ? `by ${formatDate(previousWorkingDay(d.meetingDate))}` : "as soon as you can";
  return `${viewer.name} invites you to a briefing${forWhom}${when}: “${subject}” (${reference}). Please accept or decline ${by}.`;
}

/**
 * An officer taking part (the recipient who accepted, or an invited officer who accepted) adds notes to an accepted
 * or held briefing: confidential to the requesting group(s) and the officers in it (DEF-B6, HAL-B4).
 */
export async function addBriefingNotes(viewer: Viewer, requestId: string, notes: string): Promise<void> {
  if (!notes.trim()) throw new AppError("VALIDATION", "Enter the notes", { notes: "Enter the notes" });
  await db().$transaction(async (tx) => {
    const row = await tx.request.findFirst({
      where: { type: "BRIEFING", ...visibleWithId(viewer, requestId) },
      include: { attendees: true },
    });
    if (!row) throw notFound("That request");
    const takesPart =
      row.deciderId === viewer.id ||
      row.attendees.some((a) => a.officerId === viewer.id && a.status === "ACCEPTED");
    if (!takesPart || !["ACCEPTED", "COMPLETED"].includes(row.status))
      throw new AppError(
        "FORBIDDEN_BY_RULE",
        "Only the officers taking part in an accepted briefing can add notes to it.",
        {},
        "DEF-B6",
      );
    await tx.message.create({
      data: {
        councilId: viewer.council.id,
        requestId: row.id,
        authorId: viewer.id,
        kind: "BRIEFING_NOTES",
        body: notes.trim(),
        marking: "CONFIDENTIAL",
      },
    });
    await transition(tx, {
      request: row,
      viewer,
      action: "ADD_NOTES",
      to: row.status,
      ruleId: "DEF-B6",
      notify: [
        { userIds: [row.createdById], kind: "ADD_NOTES", title: `${row.reference} “${row.subject}”: notes added` },
      ],
    });
  }, TX_OPTIONS);
}

/** The committee report template's sections a potential-decision report to a group must complete (HAL-B6). */
export const GROUP_REPORT_SECTIONS = ["Purpose", "Recommendations", "Options considered", "Implications"] as const;

export type GroupReportInput = {
  classification?: "POTENTIAL_DECISION" | "POLICY_PRINCIPLE";
  committeeOrPanel: string | null;
  legalImplications?: string;
  financialImplications?: string;
  sections: Record<string, string>;
  body: string;
};

/**
 * A report for the group, by an officer taking part in an accepted briefing: written as for the committee or panel
 * (HAL-B6, WIG-B4) and confidential to the group like the briefing (DEF-B6).
 */
export async function issueGroupReport(viewer: Viewer, requestId: string, input: GroupReportInput): Promise<void> {
  const profile = profileOf(viewer);
  await db().$transaction(async (tx) => {
    const row = await tx.request.findFirst({
      where: { type: "BRIEFING", ...visibleWithId(viewer, requestId) },
      include: { attendees: true },
    });
    if (!row) throw notFound("That request");
    const takesPart =
      row.deciderId === viewer.id ||
      row.attendees.some((a) => a.officerId === viewer.id && a.status === "ACCEPTED");
    const rule = profile.briefing.reportRules;
    if (!rule) throw new AppError("FORBIDDEN_BY_RULE", "This council's protocol has no rules for group reports.");
    if (!takesPart || !["ACCEPTED", "COMPLETED"].includes(row.status))
      throw new AppError(
        "FORBIDDEN_BY_RULE",
        "Only the officers taking part in an accepted briefing write its report.",
        {},
        rule.ruleId,
      );
    const committee = input.committeeOrPanel
      ? await tx.committee.findFirst({
          where: { id: input.committeeOrPanel, councilId: viewer.council.id, retiredAt: null },
          select: { name: true },
        })
      : null;
    const formal = rule.value === "WIG" || input.classification === "POTENTIAL_DECISION";
    const d = checkGroupReport(profile, {
      classification: input.classification,
      committeeOrPanel: committee?.name ?? null,
      legalImplications: input.legalImplications,
      financialImplications: input.financialImplications,
      requiredSections: rule.value === "HAL" && formal ? input.sections : undefined,
    });
    if (!d.ok) fail(d);
    if (!formal && !input.body.trim())
      throw new AppError("VALIDATION", "Enter the report", { body: "Enter the report" });
    const parts = [
      rule.value === "HAL"
        ? `Classification: ${input.classification === "POTENTIAL_DECISION" ? "potential decision" : "policy or principle"}`
        : null,
      committee ? `Written as for: ${committee.name}` : null,
      ...(rule.value === "HAL" && formal
        ? GROUP_REPORT_SECTIONS.map((k) => `${k}:\n${input.sections[k]!.trim()}`)
        : []),
      rule.value === "WIG" ? `Legal implications:\n${input.legalImplications!.trim()}` : null,
      rule.value === "WIG" ? `Financial implications:\n${input.financialImplications!.trim()}` : null,
      input.body.trim() || null,
    ].filter((x): x is string => !!x);
    await tx.message.create({
      data: {
        councilId: viewer.council.id,
        requestId: row.id,
        authorId: viewer.id,
        kind: "GROUP_REPORT",
        body: parts.join("\n\n"),
        marking: "CONFIDENTIAL",
      },
    });
    await transition(tx, {
      request: row,
      viewer,
      action: "GROUP_REPORT",
      to: row.status,
      ruleId: rule.ruleId,
      notify: [
        {
          userIds: [row.createdById],
          kind: "GROUP_REPORT",
          title: `${row.reference} “${row.subject}”: report issued`,
        },
      ],
    });
  }, TX_OPTIONS);
}

export type OfferInput = {
  subject: string;
  councilBusiness: string;
  serviceId: string;
  groupIds: string[];
  reasonsForOmission: string;
};

/**
 * WIG-B6, WIG-B5(b): a Chief Officer offers a briefing to the spokesperson for their service in every group. Each
 * group gets its own briefing, confidential to it (WIG-B7); its spokesperson or Leader takes it up.
 */
export async function offerBriefings(
  viewer: Viewer,
  input: OfferInput,
  opts: { now: Date; idempotencyKey?: string | null; dryRun?: boolean },
): Promise<Filed> {
  const profile = profileOf(viewer);
  return fileOnce(
    viewer,
    opts.idempotencyKey,
    async (tx) => {
      const service = await tx.service.findFirst({
        where: { id: input.serviceId, councilId: viewer.council.id, retiredAt: null },
        select: { id: true, name: true },
      });
      if (!service) throw new AppError("VALIDATION", "Choose your service", { serviceId: "Choose your service" });
      const spokespersons = await tx.groupOffice.findMany({
        where: {
          kind: "SPOKESPERSON",
          portfolio: service.name,
          group: { councilId: viewer.council.id, retiredAt: null },
        },
        select: { groupId: true, userId: true },
      });
      const byGroup: Record<string, string[]> = {};
      for (const o of spokespersons) (byGroup[o.groupId] ??= []).push(o.userId);
      const d = offerBriefing(profile, toActor(viewer), {
        spokespersonsByGroup: byGroup,
        offeredToGroupIds: input.groupIds,
        reasonsForOmission: input.reasonsForOmission,
      });
      if (!d.ok) fail({ ...d, field: d.field === "offeredToGroupIds" ? "groupIds" : d.field });
      if (!d.groupIds.length)
        throw new AppError("VALIDATION", "Choose the groups to offer it to", {
          groupIds: "Choose the groups to offer it to",
        });
      let first: RequestRow | null = null;
      for (const groupId of d.groupIds) {
        const data: BriefingData = {
          groupIds: [groupId],
          optedInGroupIds: [],
          recipientIds: [viewer.id],
          proposedAttendeeId: viewer.id,
          shortNotice: false,
          meetingDate: null,
          councilBusiness: input.councilBusiness,
          committeeId: null,
          onePartyMeeting: false,
          item: null,
          majorIssue: null,
          warnings: [],
          administrationDiscussion: false,
        };
        const created = await createRequest(tx, {
          viewer,
          type: "BRIEFING",
          kind: "OFFERED",
          status: "AWAITING_GROUPS",
          subject: input.subject,
          details: input.councilBusiness,
          subjectKey: `offer:${input.subject.trim().toLowerCase()}`,
          serviceId: service.id,
          groupId,
          deciderId: viewer.id,
          data,
          idempotencyKey: first ? null : opts.idempotencyKey,
          ruleId: "WIG-B6",
          grants: briefingAccessAtFiling({
            groupIds: [groupId],
            requesterId: viewer.id,
            recipientIds: [viewer.id],
            monitoringOfficerIds: [],
          }),
          notify: [
            {
              userIds: byGroup[groupId] ?? [],
              kind: "OFFERED",
              title: `${viewer.name} offers your group a briefing: ${input.subject.trim()}`,
            },
          ],
          auditData: input.reasonsForOmission.trim()
            ? { reasonsForOmission: input.reasonsForOmission.trim() }
            : {},
        });
        first ??= created;
      }
      return first!;
    },
    opts.dryRun,
  );
}
