// Town council use cases (HTC): assistance requests through the Town Clerk, agenda items, suspected Code breaches.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError, notFound } from "@/lib/errors";
import { profileOf } from "@/lib/protocol/council-profile";
import { refuse } from "@/lib/protocol/types";
import { londonDate } from "@/lib/dates";
import { assistanceAccessAtFiling, userGrant, type Grant } from "@/lib/workflow/access";
import { dueDate } from "@/lib/workflow/due";
import {
  allMembersNotice,
  decideAgendaItem,
  decideAssistance,
  decideCodeBreachReferral,
  reallocateStaffWork,
  reportCodeBreach,
  submitAgendaItem,
  submitAssistanceRequest,
  type AgendaAction,
  type AssistanceState,
  type AssistanceSubmission,
  type ClerkDecision,
} from "@/lib/workflow/town-council";
import { toActor } from "./actor";
import { councilFacts } from "./context";
import { createRequest, fail, fileOnce, transition, TX_OPTIONS, type Filed } from "./store";
import { visibleWithId } from "./visibility";
import { db } from "@/lib/db";
import { lockMeeting, nextOpenMeeting, openMeetingById } from "@/lib/meetings/next";

export async function fileAssistanceRequest(
  viewer: Viewer,
  input: AssistanceSubmission,
  opts: { now: Date; idempotencyKey?: string | null; dryRun?: boolean },
): Promise<Filed> {
  const profile = profileOf(viewer);
  return fileOnce(
    viewer,
    opts.idempotencyKey,
    async (tx) => {
      const facts = await councilFacts(tx, viewer.council.id, opts.now);
      const clerkId = facts.holders("TOWN_CLERK")[0] ?? null;
      const d = submitAssistanceRequest(profile, toActor(viewer), input, clerkId);
      if (!d.ok) fail(d);
      if (
        input.preferredOfficerId &&
        !(await tx.user.findFirst({
          where: { id: input.preferredOfficerId, councilId: viewer.council.id, roles: { has: "OFFICER" } },
        }))
      ) {
        throw new AppError("VALIDATION", "Choose a member of staff", {
          preferredOfficerId: "Choose a member of staff",
        });
      }
      return createRequest(tx, {
        viewer,
        type: "ASSISTANCE",
        kind: "ASSISTANCE",
        status: "SUBMITTED",
        subject: input.subject,
        details: input.details,
        deciderId: d.handlerId,
        dueDate: dueDate(profile, "ASSISTANCE", opts.now),
        data: { preferredOfficerId: input.preferredOfficerId, estimatedHours: input.estimatedHours },
        idempotencyKey: opts.idempotencyKey,
        ruleId: d.ruleId,
        grants: assistanceAccessAtFiling({ requesterId: viewer.id, townClerkId: d.handlerId }),
        notify: [
          { userIds: [d.handlerId], kind: "RECEIVED", title: `Assistance request: ${input.subject.trim()}` },
          {
            userIds: [viewer.id],
            kind: "FILED",
            title: `Your assistance request “${input.subject.trim()}” went to the Town Clerk`,
          },
        ],
      });
    },
    opts.dryRun,
  );
}

export async function decideAssistanceRequest(
  viewer: Viewer,
  requestId: string,
  decision: ClerkDecision,
  now: Date,
): Promise<void> {
  const prisma = db();
  const profile = profileOf(viewer);
  await prisma.$transaction(async (tx) => {
    const row = await tx.request.findFirst({ where: { type: "ASSISTANCE", ...visibleWithId(viewer, requestId) } });
    if (!row) throw notFound("That request");
    const d = decideAssistance(profile, toActor(viewer), row.status as AssistanceState, decision);
    if (!d.ok) fail(d);
    if (
      decision.allocatedOfficerId &&
      !(await tx.user.findFirst({
        where: {
          id: decision.allocatedOfficerId,
          councilId: viewer.council.id,
          active: true,
          roles: { has: "OFFICER" },
        },
      }))
    ) {
      throw new AppError("VALIDATION", "Choose a member of staff", {
        allocatedOfficerId: "Choose a member of staff",
      });
    }
    const requester = await tx.user.findUniqueOrThrow({ where: { id: row.createdById }, select: { name: true } });
    const grants: Grant[] = [...(d.to !== "DECLINED" ? userGrant(decision.allocatedOfficerId, "HTC-D1") : [])];
    const allMembers = d.notifyAllMembers
      ? await tx.user.findMany({
          where: { councilId: viewer.council.id, active: true, roles: { has: "MEMBER" } },
          select: { id: true },
        })
      : [];
    // HTC-D4: "yes" lets every member open the summary (DEF-D3); "no" keeps it to the requester, Clerk and officer.
    if (d.notifyAllMembers) grants.push({ allMembers: true, level: "SUMMARY", ruleId: "HTC-D4" });
    await transition(tx, {
      request: row,
      viewer,
      action: `CLERK_${decision.outcome}`,
      to: d.to,
      ruleId: d.ruleId,
      reasons: decision.reasons || decision.workloadNote,
      patch: {
        allocatedToId: d.to !== "DECLINED" ? decision.allocatedOfficerId : null,
        closedAt: d.to === "DECLINED" ? now : null,
        data: { ...(row.data as object), clerkDecision: decision, informAllMembers: d.notifyAllMembers },
      },
      grants,
      notify: [
        {
          userIds: [row.createdById],
          kind: `CLERK_${decision.outcome}`,
          title: `${row.reference} “${row.subject}”: ${d.to.toLowerCase()}`,
        },
        {
          userIds: d.to !== "DECLINED" ? [decision.allocatedOfficerId] : [],
          kind: "ALLOCATED",
          title: `${row.reference} “${row.subject}” has been allocated to you`,
        },
        {
          userIds: allMembers.map((m) => m.id).filter((id) => id !== row.createdById),
          kind: "ALL_MEMBERS_NOTICE",
          title: allMembersNotice(requester.name, row.subject, d.to),
        },
      ],
      auditData: {
        workloadFinding: decision.workloadFinding,
        appropriateness: decision.appropriateness,
        informAllMembers: decision.informAllMembers,
      },
    });
  }, TX_OPTIONS);
}

/** HTC-D5: only the Town Clerk reallocates staff work on an accepted assistance request. */
export async function reallocateAssistance(viewer: Viewer, requestId: string, officerId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const row = await tx.request.findFirst({ where: { type: "ASSISTANCE", ...visibleWithId(viewer, requestId) } });
    if (!row) throw notFound("That request");
    const d = reallocateStaffWork(toActor(viewer));
    if (!d.ok) fail(d);
    if (!["ACCEPTED", "MODIFIED"].includes(row.status))
      throw new AppError("CONFLICT", "Only accepted work can be reallocated.", {}, "HTC-D5");
    const officer = await tx.user.findFirst({
      where: { id: officerId, councilId: viewer.council.id, active: true, roles: { has: "OFFICER" } },
      select: { id: true },
    });
    if (!officer || officer.id === row.allocatedToId)
      throw new AppError("VALIDATION", "Choose another member of staff", {
        officerId: "Choose another member of staff",
      });
    await transition(tx, {
      request: row,
      viewer,
      action: "ALLOCATE",
      to: row.status,
      ruleId: "HTC-D5",
      patch: { allocatedToId: officer.id },
      grants: userGrant(officer.id, "HTC-D5"),
      notify: [
        {
          userIds: [officer.id],
          kind: "ALLOCATED",
          title: `${row.reference} “${row.subject}” has been allocated to you`,
        },
      ],
    });
  }, TX_OPTIONS);
}

export async function fileAgendaItem(
  viewer: Viewer,
  input: { title: string; details: string },
  opts: { now: Date; idempotencyKey?: string | null; dryRun?: boolean },
): Promise<Filed & { meeting: { id: string; title: string; date: string } | null }> {
  const profile = profileOf(viewer);
  let meeting: { id: string; title: string; date: Date } | null = null;
  const result = await fileOnce(
    viewer,
    opts.idempotencyKey,
    async (tx) => {
      // The next meeting whose agenda is not yet published (DEF-D4: the next available).
      meeting = await nextOpenMeeting(tx, viewer.council.id, null, opts.now);
      const d = submitAgendaItem(profile, toActor(viewer), input, meeting?.id ?? null);
      if (!d.ok) fail(d);
      const clerkId = (await councilFacts(tx, viewer.council.id, opts.now)).holders("TOWN_CLERK")[0] ?? null;
      const created = await createRequest(tx, {
        viewer,
        type: "AGENDA_ITEM",
        kind: "AGENDA_ITEM",
        status: d.to,
        subject: input.title,
        details: input.details,
        deciderId: clerkId,
        data: { meetingId: d.meetingId },
        idempotencyKey: opts.idempotencyKey,
        ruleId: d.ruleId,
        // Agenda items are council business in the open: every member can see the list (HTC-D8).
        grants: [
          ...userGrant(viewer.id, "HTC-D8"),
          ...userGrant(clerkId, "HTC-D8"),
          { allMembers: true, level: "SUMMARY", ruleId: "HTC-D8" },
        ],
        notify: [
          { userIds: [clerkId], kind: "RECEIVED", title: `Agenda item: ${input.title.trim()}` },
          { userIds: [viewer.id], kind: "FILED", title: `Your agenda item “${input.title.trim()}” was received` },
        ],
      });
      // The meeting it is listed for, as the agenda pack reads it (status LISTED and Request.meetingId).
      return d.meetingId
        ? tx.request.update({ where: { id: created.id }, data: { meetingId: d.meetingId } })
        : created;
    },
    opts.dryRun,
  );
  const m = meeting as { id: string; title: string; date: Date } | null;
  return { ...result, meeting: m ? { id: m.id, title: m.title, date: m.date.toISOString().slice(0, 10) } : null };
}

export async function actOnAgendaItem(viewer: Viewer, requestId: string, action: AgendaAction): Promise<void> {
  const prisma = db();
  await prisma.$transaction(async (tx) => {
    // A town council member's item (HTC-D8); the other agenda routes have their own page (lib/agenda-items).
    const row = await tx.request.findFirst({
      where: { type: "AGENDA_ITEM", kind: "AGENDA_ITEM", ...visibleWithId(viewer, requestId) },
    });
    if (!row) throw notFound("That agenda item");
    const d = decideAgendaItem(
      toActor(viewer),
      { proposerId: row.createdById, state: row.status as "SUBMITTED" | "LISTED" | "WITHDRAWN" },
      action,
    );
    if (!d.ok) fail(d);
    let meetingTitle = "";
    if (action.type === "ASSIGN_MEETING") {
      // The meeting's row lock first: a cancellation or publication running now either lands before, or sees this.
      await lockMeeting(tx, viewer.council.id, action.meetingId!);
      const m = await openMeetingById(tx, viewer.council.id, action.meetingId!);
      if (!m)
        throw new AppError("VALIDATION", "Choose one of the council's meetings", {
          meetingId: "Choose one of the council's meetings",
        });
      if (m.publishedAt)
        fail(refuse("DEF-D4", "That meeting's agenda is already published. Choose a later meeting.", "meetingId"));
      meetingTitle = `${m.title}, ${m.date.toISOString().slice(0, 10)}`;
    }
    if (action.type === "ADD_ADVICE")
      await tx.message.create({
        data: {
          councilId: row.councilId,
          requestId: row.id,
          authorId: viewer.id,
          kind: "ADVICE",
          body: action.advice!.trim(),
        },
      });
    await transition(tx, {
      request: row,
      viewer,
      action: action.type,
      to: d.to,
      ruleId: "DEF-D4",
      patch:
        action.type === "ASSIGN_MEETING"
          ? { meetingId: action.meetingId, data: { ...(row.data as object), meetingId: action.meetingId } }
          : {},
      notify: [
        {
          userIds: [row.createdById, row.deciderId],
          kind: action.type,
          title: `Agenda item “${row.subject}”: ${action.type === "ASSIGN_MEETING" ? `listed for ${meetingTitle}` : action.type === "ADD_ADVICE" ? "the Town Clerk added procedural advice" : action.type.toLowerCase().replace(/_/g, " ")}`,
        },
      ],
      auditData: action.type === "ASSIGN_MEETING" ? { meetingId: action.meetingId } : {},
    });
  }, TX_OPTIONS);
}

export async function reportSuspectedCodeBreach(
  viewer: Viewer,
  input: { memberId: string | null; awareOn: string | null; facts: string },
  opts: { now: Date; idempotencyKey?: string | null; dryRun?: boolean },
): Promise<Filed> {
  const profile = profileOf(viewer);
  return fileOnce(
    viewer,
    opts.idempotencyKey,
    async (tx) => {
      if (!profile.townClerkGate)
        fail({
          code: "FORBIDDEN_BY_RULE",
          ruleId: "HTC-D7",
          message: "Suspected Code breaches are reported this way in town councils only.",
        });
      const d = reportCodeBreach(toActor(viewer), input, londonDate(opts.now));
      if (!d.ok) fail(d);
      const member = await tx.user.findFirst({
        where: { id: input.memberId!, councilId: viewer.council.id, roles: { has: "MEMBER" } },
        select: { id: true, name: true },
      });
      if (!member)
        throw new AppError("VALIDATION", "Choose a councillor of your council", {
          memberId: "Choose a councillor of your council",
        });
      const clerkId = (await councilFacts(tx, viewer.council.id, opts.now)).holders("TOWN_CLERK")[0] ?? null;
      return createRequest(tx, {
        viewer,
        type: "CODE_BREACH",
        kind: "CODE_BREACH",
        status: "REPORTED",
        subject: `Suspected Code of Conduct breach by ${member.name}`,
        details: input.facts,
        deciderId: clerkId,
        dueDate: dueDate(profile, "CODE_BREACH", opts.now),
        data: { memberId: member.id, awareOn: input.awareOn, reportedOn: londonDate(opts.now) },
        idempotencyKey: opts.idempotencyKey,
        ruleId: "HTC-D7",
        grants: [...userGrant(viewer.id, "HTC-D7"), ...userGrant(clerkId, "HTC-D7")],
        notify: [
          { userIds: [clerkId], kind: "RECEIVED", title: "A suspected Code of Conduct breach has been reported" },
        ],
      });
    },
    opts.dryRun,
  );
}

export async function decideCodeBreach(
  viewer: Viewer,
  requestId: string,
  input: { seekAdvice: boolean | null; reasons: string },
  now: Date,
): Promise<void> {
  const prisma = db();
  await prisma.$transaction(async (tx) => {
    const row = await tx.request.findFirst({
      where: { type: "CODE_BREACH", ...visibleWithId(viewer, requestId) },
    });
    if (!row) throw notFound("That report");
    const d = decideCodeBreachReferral(toActor(viewer), input);
    if (!d.ok) fail(d);
    const mo = d.referToMonitoringOfficer
      ? ((await councilFacts(tx, viewer.council.id, now)).holders("MONITORING_OFFICER")[0] ?? null)
      : null;
    if (d.referToMonitoringOfficer && !mo)
      throw new AppError(
        "FORBIDDEN_BY_RULE",
        "No Monitoring Officer is set up for your council. Ask the user administrator.",
        {},
        "DEF-D6",
      );
    await transition(tx, {
      request: row,
      viewer,
      action: d.referToMonitoringOfficer ? "REFER_TO_MONITORING_OFFICER" : "NOT_REFERRED",
      to: d.referToMonitoringOfficer ? "REFERRED" : "CLOSED",
      ruleId: "HTC-D7",
      reasons: input.reasons,
      patch: d.referToMonitoringOfficer ? { reviewerId: mo } : { closedAt: now },
      // DEF-D6: the external Monitoring Officer sees only matters referred to them.
      grants: userGrant(mo, "DEF-D6"),
      notify: [
        {
          userIds: [mo, row.createdById],
          kind: "CODE_BREACH_DECISION",
          title: d.referToMonitoringOfficer
            ? "A suspected Code breach was referred to the Monitoring Officer"
            : "The Town Clerk decided not to refer a suspected Code breach",
        },
      ],
    });
  }, TX_OPTIONS);
}
