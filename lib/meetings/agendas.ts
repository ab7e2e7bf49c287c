// Meetings of the council and its committees (section E): scheduled by the officers who run them (democratic services,
// the Town Clerk), each with its agenda deadline; the agenda pack — the items and reports listed, each officer report
// with any member's own report beside it — read through the one visibility builder; publishing the agenda, after
// which later items are refused (HAL-E4) and which waits for every consultation (CWC-E5).
import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { londonDate, shiftDays } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { profileOf } from "@/lib/protocol/council-profile";
import type { ActionState } from "@/lib/requests/action-specs";
import { errorsFrom } from "@/lib/requests/forms/types";
import { zodFieldErrors } from "@/lib/requests/schema";
import { transition, TX_OPTIONS } from "@/lib/requests/store";
import { visibleAtLeast } from "@/lib/requests/visibility";
import { FUTURE_EVENT_YEARS, isId, optionalDate, optionalText, requiredId, shiftYears } from "@/lib/validation";
import { publicationBlockers } from "@/lib/workflow/reports";
import { recordAdminChange } from "@/lib/admin/audit";
import { managesMeetings } from "./changes";
import { lockMeeting } from "./next";

/** Who schedules meetings and publishes agendas. */
export const runsMeetings = (viewer: Pick<Viewer, "roles">) =>
  viewer.roles.includes("DEMOCRATIC_SERVICES") || viewer.roles.includes("TOWN_CLERK");

const today = (now: Date) => londonDate(now);

const scheduleSchema = (now: Date) =>
  z.object({
    committeeId: requiredId("Choose the committee, board or panel that meets"),
    date: optionalDate("The date of the meeting", () => ({
      min: today(now),
      max: shiftYears(today(now), FUTURE_EVENT_YEARS),
    })),
    agendaDeadline: optionalDate("The agenda deadline", () => ({
      min: today(now),
      max: shiftYears(today(now), FUTURE_EVENT_YEARS),
    })),
    location: optionalText(200),
  });

/** Democratic services, the Town Clerk or the council's administrator schedule a meeting, with its deadline. */
export async function handleScheduleMeeting(
  viewer: Viewer,
  values: Record<string, string>,
  now: Date,
): Promise<ActionState & { id?: string }> {
  const p = scheduleSchema(now).safeParse(values);
  if (!p.success) return { errors: zodFieldErrors(p.error) ?? {}, values };
  const d = p.data;
  try {
    if (!managesMeetings(viewer))
      throw new AppError(
        "FORBIDDEN_BY_RULE",
        "Meetings are scheduled by democratic services, the Town Clerk or the council's administrator.",
      );
    if (!d.date)
      throw new AppError("VALIDATION", "Enter the date of the meeting", { date: "Enter the date of the meeting" });
    const deadline = d.agendaDeadline ?? shiftDays(d.date, -7);
    if (deadline > d.date)
      throw new AppError("VALIDATION", "The agenda deadline must be on or before the meeting", {
        agendaDeadline: "The agenda deadline must be on or before the date of the meeting",
      });
    const committee = await db().committee.findFirst({
      where: { id: d.committeeId, councilId: viewer.council.id, retiredAt: null },
      select: { id: true, name: true },
    });
    if (!committee)
      throw new AppError("VALIDATION", "Choose the committee", {
        committeeId: "Choose the committee, board or panel that meets",
      });
    const m = await db().$transaction(async (tx) => {
      const created = await tx.meeting.create({
        data: {
          councilId: viewer.council.id,
          committeeId: committee.id,
          title: committee.name,
          date: new Date(`${d.date}T00:00:00Z`),
          agendaDeadline: new Date(`${deadline}T00:00:00Z`),
          location: d.location,
          createdById: viewer.id,
        },
      });
      await recordAdminChange(tx, viewer.council, viewer, {
        entity: "MEETING",
        entityId: created.id,
        action: "CREATE",
        summary: `Scheduled the meeting “${created.title}” (${d.date})`,
        before: null,
        after: { title: created.title, date: d.date, agendaDeadline: deadline, location: d.location },
      });
      return created;
    }, TX_OPTIONS);
    return { errors: {}, values: {}, id: m.id };
  } catch (e) {
    return { errors: errorsFrom(e), values };
  }
}

export type MeetingSummary = {
  id: string;
  title: string;
  date: string;
  agendaDeadline: string | null;
  location: string;
  published: boolean;
  /** Cancelled: its reason (the meeting stays listed, marked cancelled); null when it goes ahead. */
  cancelled: string | null;
};

/** The council's meetings from today (or a committee's), soonest first, a page at a time. Meetings are public. */
export async function listMeetings(
  viewer: Viewer,
  now: Date,
  opts: { committeeId?: string | null; page?: number } = {},
): Promise<{ items: MeetingSummary[]; more: boolean }> {
  const take = 20;
  const page = Math.max(1, Math.min(opts.page ?? 1, 200));
  const rows = await db().meeting.findMany({
    where: {
      councilId: viewer.council.id,
      date: { gte: new Date(`${today(now)}T00:00:00Z`) },
      ...(opts.committeeId && isId(opts.committeeId) ? { committeeId: opts.committeeId } : {}),
    },
    orderBy: [{ date: "asc" }, { id: "asc" }],
    skip: (page - 1) * take,
    take: take + 1,
  });
  return { items: rows.slice(0, take).map(summaryOf), more: rows.length > take };
}

const summaryOf = (m: {
  id: string;
  title: string;
  date: Date;
  agendaDeadline: Date | null;
  location: string;
  publishedAt: Date | null;
  cancelledAt: Date | null;
  cancellationReason: string;
}): MeetingSummary => ({
  id: m.id,
  title: m.title,
  date: m.date.toISOString().slice(0, 10),
  agendaDeadline: m.agendaDeadline ? m.agendaDeadline.toISOString().slice(0, 10) : null,
  location: m.location,
  published: !!m.publishedAt,
  cancelled: m.cancelledAt ? m.cancellationReason : null,
});

export type PackReport = {
  id: string;
  reference: string;
  title: string;
  summary: string;
  recommendations: string;
  version: number;
  author: string;
  service: string | null;
  status: string;
  memberReports: { author: string; capacity: string; reason: string; title: string; body: string }[];
};

export type AgendaPack = {
  meeting: MeetingSummary & { committee: string | null; termsOfReference: string };
  items: { id: string; reference: string; subject: string; proposer: string; details: string | null }[];
  reports: PackReport[];
  /** Reports listed that the viewer may not read yet (a count only: before publication they are drafts). */
  mayPublish: boolean;
  /** Democratic services, the Town Clerk or the administrator may rename, move or cancel it (not once cancelled). */
  mayChange: boolean;
};

/** The agenda pack: the items and reports on the meeting's agenda that the viewer may see (visibility builder). */
export async function loadAgendaPack(
  viewer: Viewer,
  meetingId: string,
  now: Date = new Date(),
): Promise<AgendaPack> {
  if (!isId(meetingId)) throw new AppError("NOT_FOUND", "That meeting was not found.");
  const prisma = db();
  const m = await prisma.meeting.findFirst({ where: { id: meetingId, councilId: viewer.council.id } });
  if (!m) throw new AppError("NOT_FOUND", "That meeting was not found.");
  const committee = m.committeeId
    ? await prisma.committee.findUnique({
        where: { id: m.committeeId },
        select: { name: true, termsOfReference: true },
      })
    : null;
  const [items, reports] = await Promise.all([
    prisma.request.findMany({
      where: { ...visibleAtLeast(viewer, "SUMMARY"), meetingId: m.id, type: "AGENDA_ITEM", status: "LISTED" },
      orderBy: { createdAt: "asc" },
      take: 200,
      select: { id: true, reference: true, subject: true, details: true, createdById: true },
    }),
    prisma.request.findMany({
      where: {
        ...visibleAtLeast(viewer, "FULL"),
        meetingId: m.id,
        type: "REPORT",
        status: { in: ["ON_AGENDA", "PUBLISHED", "AGREED", "NOT_AGREED", "REJECTED"] },
      },
      orderBy: { createdAt: "asc" },
      take: 200,
      select: { id: true, reference: true, status: true, serviceId: true, createdById: true },
    }),
  ]);
  // An item's details only where the viewer reads it in full (the request page's rule).
  const fullItems = new Set(
    (
      await prisma.request.findMany({
        where: { ...visibleAtLeast(viewer, "FULL"), id: { in: items.map((i) => i.id) } },
        select: { id: true },
      })
    ).map((r) => r.id),
  );
  const reportIds = reports.map((r) => r.id);
  const [versions, own, services] = await Promise.all([
    prisma.reportVersion.findMany({
      where: { requestId: { in: reportIds }, number: { not: null } },
      orderBy: { number: "desc" },
      distinct: ["requestId"],
    }),
    prisma.memberReport.findMany({ where: { requestId: { in: reportIds } }, orderBy: { createdAt: "asc" } }),
    prisma.service.findMany({ where: { councilId: viewer.council.id }, select: { id: true, name: true } }),
  ]);
  const people = new Map(
    (
      await prisma.user.findMany({
        where: {
          councilId: viewer.council.id,
          id: {
            in: [
              ...items.map((i) => i.createdById),
              ...reports.map((r) => r.createdById),
              ...own.map((o) => o.authorId),
            ],
          },
        },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  const name = (id: string) => people.get(id) ?? "A former user";
  const serviceName = new Map(services.map((s) => [s.id, s.name]));
  return {
    meeting: {
      ...summaryOf(m),
      committee: committee?.name ?? null,
      termsOfReference: committee?.termsOfReference ?? "",
    },
    items: items.map((i) => ({
      id: i.id,
      reference: i.reference,
      subject: i.subject,
      proposer: name(i.createdById),
      details: fullItems.has(i.id) ? i.details : null,
    })),
    reports: reports.map((r) => {
      const v = versions.find((x) => x.requestId === r.id)!;
      return {
        id: r.id,
        reference: r.reference,
        title: v.title,
        summary: v.summary,
        recommendations: v.recommendations,
        version: v.number!,
        author: name(r.createdById),
        service: r.serviceId ? (serviceName.get(r.serviceId) ?? null) : null,
        status: r.status,
        memberReports: own
          .filter((o) => o.requestId === r.id)
          .map((o) => ({
            author: name(o.authorId),
            capacity: o.capacity,
            reason: o.reason,
            title: o.title,
            body: o.body,
          })),
      };
    }),
    mayPublish: runsMeetings(viewer) && !m.publishedAt && !m.cancelledAt,
    // A meeting whose date has passed is a record of what happened: not moved or cancelled.
    mayChange: managesMeetings(viewer) && !m.cancelledAt && m.date.toISOString().slice(0, 10) >= today(now),
  };
}

/**
 * Publishing the agenda: every report listed becomes a public paper for all members (the officer's report and any
 * member's own report beside it); CWC-E5 — refused while any consultation on a listed report is unanswered. After
 * publication, later items and reports are refused (HAL-E4; lib/meetings/next.ts finds the next open meeting).
 */
export async function handlePublishAgenda(
  viewer: Viewer,
  values: Record<string, string>,
  now: Date,
): Promise<ActionState> {
  const meetingId = values.meetingId ?? "";
  try {
    if (!runsMeetings(viewer))
      throw new AppError("FORBIDDEN_BY_RULE", "Agendas are published by democratic services or the Town Clerk.");
    if (!isId(meetingId)) throw new AppError("NOT_FOUND", "That meeting was not found.");
    if (values.confirmed !== "yes")
      return {
        errors: {},
        values,
        confirm: "Publish this agenda? Every member will see its reports, and no more items can be added to it.",
      };
    const profile = profileOf(viewer);
    await db().$transaction(async (tx) => {
      // The meeting's row lock first: a report or item being listed now either lands before publication, or sees it.
      await lockMeeting(tx, viewer.council.id, meetingId);
      const m = await tx.meeting.findFirst({ where: { id: meetingId, councilId: viewer.council.id } });
      if (!m) throw new AppError("NOT_FOUND", "That meeting was not found.");
      if (m.cancelledAt)
        throw new AppError("CONFLICT", "This meeting was cancelled: its agenda is not published.");
      const reports = await tx.request.findMany({
        where: { councilId: viewer.council.id, meetingId: m.id, type: "REPORT", status: "ON_AGENDA" },
      });
      const consultations = await tx.reportConsultation.findMany({
        where: { requestId: { in: reports.map((r) => r.id) } },
        select: { requestId: true, consulteeId: true, respondedAt: true },
      });
      const names = new Map(
        (
          await tx.user.findMany({
            where: { id: { in: consultations.map((c) => c.consulteeId) } },
            select: { id: true, name: true, jobTitle: true },
          })
        ).map((u) => [u.id, `${u.name}${u.jobTitle ? ` (${u.jobTitle})` : ""}`]),
      );
      for (const r of reports) {
        const d = publicationBlockers(
          profile,
          consultations
            .filter((c) => c.requestId === r.id)
            .map((c) => ({ consultee: names.get(c.consulteeId) ?? "a consultee", respondedAt: c.respondedAt })),
        );
        if (!d.ok)
          throw new AppError("FORBIDDEN_BY_RULE", `“${r.subject}” (${r.reference}): ${d.message}`, {}, d.ruleId);
      }
      const done = await tx.meeting.updateMany({
        where: { id: m.id, publishedAt: null },
        data: { publishedAt: now, publishedById: viewer.id },
      });
      if (done.count === 0) throw new AppError("CONFLICT", "This agenda has already been published.");
      // The rule publication follows here: consultation first (CWC-E5), or the agenda closed to later items (HAL-E4).
      const rule = profile.duties.reports.consultation.value
        ? profile.duties.reports.consultation.ruleId
        : profile.duties.agendaItems.value === "CHIEF_OFFICER_THEN_CHAIR"
          ? profile.duties.agendaItems.ruleId
          : "";
      // Changes still waiting for the Chief Officer's approval lapse: a published paper no longer changes.
      await tx.reportVersion.updateMany({
        where: { requestId: { in: reports.map((r) => r.id) }, state: "PROPOSED" },
        data: { state: "DECLINED", note: "Lapsed: the agenda was published" },
      });
      for (const r of reports)
        await transition(tx, {
          request: r,
          viewer,
          action: "AGENDA_PUBLISHED",
          to: "PUBLISHED",
          ruleId: rule,
          reasons: `${m.title}, ${m.date.toISOString().slice(0, 10)}`,
          // Published papers: every member reads the report and any member's own report beside it.
          grants: [{ allMembers: true, level: "FULL", ruleId: rule || "COUNCIL" }],
          notify: [
            {
              userIds: [r.createdById],
              kind: "AGENDA_PUBLISHED",
              title: `Agenda published with your report “${r.subject}”`,
            },
          ],
        });
    }, TX_OPTIONS);
  } catch (e) {
    return { errors: errorsFrom(e), values };
  }
  return { errors: {}, values: {} };
}
