// Keeping the council's meetings true (issue 15, "the organisation"): the council's administrator, democratic
// services or the Town Clerk rename or move a meeting, or cancel it. A cancelled meeting stays on old records and in
// the list (marked cancelled, with its reason) but takes no new items; whatever was listed on its agenda moves to the
// same body's next open meeting, each record with a step on its timeline and its author told — nothing is lost, so a
// meeting with business on its agenda cannot be cancelled until that next meeting exists. Every change is audited.
import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAdminChange } from "@/lib/admin/audit";
import { db } from "@/lib/db";
import { londonDate, shiftDays } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { ActionState } from "@/lib/requests/action-specs";
import { errorsFrom } from "@/lib/requests/forms/types";
import { CLOSED_STATUSES } from "@/lib/requests/labels";
import { zodFieldErrors } from "@/lib/requests/schema";
import { transition, TX_OPTIONS, writeNotifications, type Tx } from "@/lib/requests/store";
import {
  FUTURE_EVENT_YEARS,
  isId,
  optionalDate,
  optionalText,
  requiredLine,
  requiredText,
  shiftYears,
} from "@/lib/validation";
import { lockMeeting } from "./next";

/** Who keeps the list of meetings: democratic services, the Town Clerk, and the council's administrator. */
export const managesMeetings = (viewer: Pick<Viewer, "roles">) =>
  viewer.roles.some((r) => r === "DEMOCRATIC_SERVICES" || r === "TOWN_CLERK" || r === "ADMIN");

const MEETING_TITLE_MAX = 120;
const today = (now: Date) => londonDate(now);
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

const changeSchema = (now: Date) =>
  z.object({
    title: requiredLine(MEETING_TITLE_MAX, "Enter the meeting's name"),
    date: optionalDate("The date of the meeting", () => ({
      min: today(now),
      max: shiftYears(today(now), FUTURE_EVENT_YEARS),
    })),
    agendaDeadline: optionalDate("The agenda deadline", () => ({
      min: shiftYears(today(now), -1),
      max: shiftYears(today(now), FUTURE_EVENT_YEARS),
    })),
    location: optionalText(200),
  });

type MeetingRow = NonNullable<Awaited<ReturnType<typeof loadForChange>>>;

/** The meeting, locked for the rest of the transaction; not found for another council's or a forged id. */
async function loadForChange(tx: Tx, councilId: string, meetingId: string) {
  if (!isId(meetingId) || !(await lockMeeting(tx, councilId, meetingId))) return null;
  return tx.meeting.findFirst({ where: { id: meetingId, councilId } });
}

const snapshot = (m: MeetingRow) => ({
  title: m.title,
  date: iso(m.date),
  agendaDeadline: iso(m.agendaDeadline),
  location: m.location,
  cancelled: m.cancelledAt ? (m.cancellationReason ?? "") : null,
});

function forbidUnlessManager(viewer: Viewer) {
  if (!managesMeetings(viewer))
    throw new AppError(
      "FORBIDDEN_BY_RULE",
      "Meetings are kept by democratic services, the Town Clerk or the council's administrator.",
    );
}

/** Renames a meeting, or moves its date, agenda deadline or place. A cancelled meeting is not changed. */
export async function handleChangeMeeting(
  viewer: Viewer,
  values: Record<string, string>,
  now: Date,
): Promise<ActionState> {
  const p = changeSchema(now).safeParse(values);
  if (!p.success) return { errors: zodFieldErrors(p.error) ?? {}, values };
  const d = p.data;
  try {
    forbidUnlessManager(viewer);
    if (!d.date)
      throw new AppError("VALIDATION", "Enter the date of the meeting", { date: "Enter the date of the meeting" });
    // As when scheduling: left blank, a week before the meeting.
    const deadline = d.agendaDeadline ?? shiftDays(d.date, -7);
    if (deadline > d.date)
      throw new AppError("VALIDATION", "The agenda deadline must be on or before the meeting", {
        agendaDeadline: "The agenda deadline must be on or before the date of the meeting",
      });
    await db().$transaction(async (tx) => {
      const m = await loadForChange(tx, viewer.council.id, values.meetingId ?? "");
      if (!m) throw new AppError("NOT_FOUND", "That meeting was not found.");
      if (m.cancelledAt) throw new AppError("CONFLICT", "This meeting was cancelled: schedule a new one instead.");
      refuseIfHeld(m, now, "changed");
      const after = await tx.meeting.update({
        where: { id: m.id },
        data: {
          title: d.title,
          date: new Date(`${d.date}T00:00:00Z`),
          agendaDeadline: new Date(`${deadline}T00:00:00Z`),
          location: d.location,
        },
      });
      await auditChange(tx, viewer, m, after, "UPDATE", `Changed the meeting “${m.title}”`);
      await tellAuthorsOfMove(tx, viewer, m, after);
    }, TX_OPTIONS);
    return { errors: {}, values: {} };
  } catch (e) {
    return { errors: errorsFrom(e), values };
  }
}

/** A meeting whose date has passed is a record of what happened: it is neither moved nor cancelled. */
function refuseIfHeld(m: MeetingRow, now: Date, what: "changed" | "cancelled") {
  if (iso(m.date)! < today(now))
    throw new AppError(
      "CONFLICT",
      `This meeting's date has passed, so it cannot be ${what}. Schedule a new meeting instead.`,
    );
}

/** A new date or place is news for everyone whose business is on the agenda: each author is told. */
async function tellAuthorsOfMove(tx: Tx, viewer: Viewer, before: MeetingRow, after: MeetingRow) {
  const moved = iso(before.date) !== iso(after.date);
  if (!moved && before.location === after.location) return;
  const listed = await tx.request.findMany({
    where: { councilId: before.councilId, status: { notIn: CLOSED_STATUSES }, OR: onAgenda(before.id) },
    select: { id: true, subject: true, createdById: true },
    orderBy: { createdAt: "asc" },
  });
  const change = [
    moved ? `now on ${iso(after.date)}` : null,
    before.location !== after.location ? `now at ${after.location ?? "a place to be confirmed"}` : null,
  ]
    .filter(Boolean)
    .join(", ");
  for (const r of listed)
    await writeNotifications(
      tx,
      before.councilId,
      r.id,
      [
        {
          userIds: [r.createdById],
          kind: "MEETING_CHANGED",
          title: `${after.title}, where “${r.subject}” is listed, has moved: ${change}`,
        },
      ],
      viewer.id,
    );
}

/** Records on a meeting's agenda: listed on it, or a member's item still waiting for the Chair that asks for it. */
const onAgenda = (meetingId: string) => [
  { meetingId },
  { meetingId: null, type: "AGENDA_ITEM" as const, data: { path: ["requestedMeetingId"], equals: meetingId } },
];

async function auditChange(
  tx: Tx,
  viewer: Viewer,
  before: MeetingRow,
  after: MeetingRow,
  action: string,
  what: string,
) {
  const b = snapshot(before);
  const a = snapshot(after);
  const keys = (Object.keys(b) as (keyof typeof b)[]).filter((k) => b[k] !== a[k]);
  if (!keys.length) return;
  await recordAdminChange(tx, viewer.council, viewer, {
    entity: "MEETING",
    entityId: before.id,
    action,
    summary: `${what} (${iso(before.date)})`,
    before: Object.fromEntries(keys.map((k) => [k, b[k]])),
    after: Object.fromEntries(keys.map((k) => [k, a[k]])),
  });
}

const cancelSchema = z.object({
  reasons: requiredText(1000, "Enter why the meeting is cancelled"),
});

/**
 * Cancels a meeting, with the reason shown on its page. Open records on its agenda (items, reports) move to the same
 * body's next open meeting, each with a step and its author told; with no such meeting, the cancellation is refused
 * until one is scheduled.
 */
export async function handleCancelMeeting(
  viewer: Viewer,
  values: Record<string, string>,
  now: Date,
): Promise<ActionState> {
  const p = cancelSchema.safeParse(values);
  if (!p.success) return { errors: zodFieldErrors(p.error) ?? {}, values };
  try {
    forbidUnlessManager(viewer);
    if (values.confirmed !== "yes")
      return {
        errors: {},
        values,
        confirm:
          "Cancel this meeting? It stays in the list as cancelled, and anything on its agenda moves to the next meeting.",
      };
    await db().$transaction(async (tx) => {
      const m = await loadForChange(tx, viewer.council.id, values.meetingId ?? "");
      if (!m) throw new AppError("NOT_FOUND", "That meeting was not found.");
      if (m.cancelledAt) throw new AppError("CONFLICT", "This meeting has already been cancelled.");
      refuseIfHeld(m, now, "cancelled");
      await moveAgenda(tx, viewer, m, now, p.data.reasons);
      const after = await tx.meeting.update({
        where: { id: m.id },
        data: { cancelledAt: now, cancellationReason: p.data.reasons },
      });
      await auditChange(tx, viewer, m, after, "RETIRE", `Cancelled the meeting “${m.title}”`);
    }, TX_OPTIONS);
    return { errors: {}, values: {} };
  } catch (e) {
    return { errors: errorsFrom(e), values };
  }
}

/** Moves the open records on a cancelled meeting's agenda to the same body's next open meeting after it. */
async function moveAgenda(tx: Tx, viewer: Viewer, m: MeetingRow, now: Date, reasons: string) {
  const listed = await tx.request.findMany({
    where: { councilId: m.councilId, status: { notIn: CLOSED_STATUSES }, OR: onAgenda(m.id) },
    orderBy: { createdAt: "asc" },
  });
  if (!listed.length) return;
  const next = await nextMeetingAfter(tx, m, now);
  if (!next)
    throw new AppError(
      "VALIDATION",
      `Schedule the next meeting of ${m.title} first: the ${listed.length === 1 ? "record" : `${listed.length} records`} on this agenda move to it.`,
    );
  const where = `${next.title}, ${iso(next.date)}`;
  for (const r of listed)
    await transition(tx, {
      request: r,
      viewer,
      action: "MEETING_CANCELLED",
      to: r.status,
      ruleId: "",
      // A member's item waiting for the Chair now asks for the next meeting; a listed record is listed there.
      patch:
        r.meetingId === m.id
          ? { meetingId: next.id }
          : { data: { ...(r.data as Record<string, unknown>), requestedMeetingId: next.id } },
      reasons: `${m.title} on ${iso(m.date)} was cancelled (${reasons}). Moved to ${where}.`,
      auditData: { fromMeetingId: m.id, toMeetingId: next.id },
      notify: [
        {
          userIds: [r.createdById],
          kind: "MEETING_CANCELLED",
          title: `“${r.subject}” moves to ${where}: the meeting it was listed for was cancelled`,
        },
      ],
    });
}

/**
 * The same body's next open meeting on or after this one (never an earlier one, whose agenda may be settled), locked
 * for the rest of the transaction; one whose agenda was published or that was cancelled meanwhile is passed over.
 */
async function nextMeetingAfter(tx: Tx, m: MeetingRow, now: Date) {
  const passed: string[] = [m.id];
  for (let tries = 0; tries < 3; tries++) {
    const next = await tx.meeting.findFirst({
      where: {
        councilId: m.councilId,
        id: { notIn: passed },
        committeeId: m.committeeId,
        cancelledAt: null,
        publishedAt: null,
        date: { gte: new Date(Math.max(m.date.getTime(), Date.parse(`${today(now)}T00:00:00Z`))) },
      },
      orderBy: [{ date: "asc" }, { id: "asc" }],
    });
    if (!next) return null;
    const locked = await lockMeeting(tx, m.councilId, next.id);
    if (locked && !locked.publishedAt && !locked.cancelledAt) return next;
    passed.push(next.id);
  }
  return null;
}
