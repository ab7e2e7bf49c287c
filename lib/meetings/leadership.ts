// HTC-D9: Leadership Team meetings (the Town Clerk with the Chairman and Vice-Chairman) are recorded as preliminary
// consideration only. Their notes are seen by the Town Clerk, the Chairman and the Vice-Chairman.
import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { londonDate } from "@/lib/dates";
import { errorsFrom } from "@/lib/requests/forms/types";
import { toActor } from "@/lib/requests/actor";
import { zodFieldErrors } from "@/lib/requests/schema";
import { EARLIEST_DATE, optionalDate, optionalText } from "@/lib/validation";
import { AppError } from "@/lib/errors";
import { recordLeadershipMeeting } from "@/lib/workflow/town-council";

export const mayReadLeadershipMeetings = (viewer: Viewer) =>
  viewer.roles.some((r) => r === "TOWN_CLERK" || r === "COUNCIL_CHAIR" || r === "COUNCIL_VICE_CHAIR");

export async function listLeadershipMeetings(viewer: Viewer) {
  if (!mayReadLeadershipMeetings(viewer)) return [];
  const rows = await db().leadershipMeeting.findMany({
    where: { councilId: viewer.council.id },
    orderBy: { date: "desc" },
    take: 20,
  });
  return rows.map((r) => ({ id: r.id, date: r.date.toISOString().slice(0, 10), notes: r.notes }));
}

const schema = z.object({
  date: optionalDate("The date of the meeting", () => ({ min: EARLIEST_DATE, max: londonDate(new Date()) })),
  notes: optionalText(5000),
});

export type LeadershipFormState = {
  errors: Record<string, string>;
  values: Record<string, string>;
  saved?: boolean;
};

export async function handleRecordLeadershipMeeting(
  viewer: Viewer,
  values: Record<string, string>,
): Promise<LeadershipFormState> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error), values };
  try {
    if (!parsed.data.date)
      throw new AppError("VALIDATION", "Enter the date of the meeting", { date: "Enter the date of the meeting" });
    const d = recordLeadershipMeeting(toActor(viewer), { notes: parsed.data.notes });
    if (!d.ok) throw new AppError(d.code, d.message, d.field ? { [d.field]: d.message } : {}, d.ruleId);
    await db().leadershipMeeting.create({
      data: {
        councilId: viewer.council.id,
        date: new Date(`${parsed.data.date}T00:00:00Z`),
        notes: parsed.data.notes.trim(),
        recordedById: viewer.id,
      },
    });
  } catch (e) {
    return { errors: errorsFrom(e), values };
  }
  return { errors: {}, values: {}, saved: true };
}
