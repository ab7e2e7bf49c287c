// CWC-B3: the Chief Executive, Deputy Chief Executive and Chief Operating Officer record when they are away, so a
// briefing request filed while all three are absent goes to the appropriate Director instead.
import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { londonDate } from "@/lib/dates";
import { optionalDate, shiftYears } from "@/lib/validation";
import { zodFieldErrors } from "@/lib/requests/schema";

/** Roles whose absence changes where a briefing request goes (CWC-B3). */
export const ABSENCE_ROLES = ["CHIEF_EXECUTIVE", "DEPUTY_CHIEF_EXECUTIVE", "CHIEF_OPERATING_OFFICER"] as const;

export const mayRecordAbsence = (viewer: Viewer) =>
  viewer.storedRoles.some((r) => (ABSENCE_ROLES as readonly string[]).includes(r));

const bounds = () => {
  const today = londonDate(new Date());
  return { min: today, max: shiftYears(today, 1) };
};
const absenceSchema = z
  .object({
    fromDate: optionalDate("The first day", bounds),
    toDate: optionalDate("The last day", bounds),
  })
  .superRefine((v, ctx) => {
    if (!v.fromDate)
      ctx.addIssue({ code: "custom", path: ["fromDate"], message: "Enter the first day you are away" });
    if (!v.toDate) ctx.addIssue({ code: "custom", path: ["toDate"], message: "Enter the last day you are away" });
    if (v.fromDate && v.toDate && v.toDate < v.fromDate)
      ctx.addIssue({
        code: "custom",
        path: ["toDate"],
        message: "The last day must be on or after the first day",
      });
  });

export type AbsenceFormState = { errors: Record<string, string>; values: Record<string, string>; saved?: boolean };

/** Records an absence of the viewer's own (the form handler behind the account page). */
export async function handleRecordAbsence(
  viewer: Viewer,
  values: Record<string, string>,
): Promise<AbsenceFormState> {
  if (!mayRecordAbsence(viewer))
    return {
      errors: {
        form: "Only the Chief Executive, Deputy or Chief Operating Officer record absences here. (CWC-B3)",
      },
      values,
    };
  const parsed = absenceSchema.safeParse(values);
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error), values };
  await db().absence.create({
    data: {
      councilId: viewer.council.id,
      userId: viewer.id,
      fromDate: new Date(`${parsed.data.fromDate}T00:00:00Z`),
      toDate: new Date(`${parsed.data.toDate}T00:00:00Z`),
    },
  });
  return { errors: {}, values: {}, saved: true };
}

/** Removes one of the viewer's own absences (back early, or entered by mistake). */
export async function cancelAbsence(viewer: Viewer, id: string): Promise<void> {
  await db().absence.deleteMany({ where: { id, userId: viewer.id, councilId: viewer.council.id } });
}

/** The viewer's absences that have not ended. */
export async function upcomingAbsences(viewer: Viewer) {
  const today = new Date(`${londonDate(new Date())}T00:00:00Z`);
  const rows = await db().absence.findMany({
    where: { userId: viewer.id, councilId: viewer.council.id, toDate: { gte: today } },
    orderBy: { fromDate: "asc" },
    take: 50,
  });
  return rows.map((a) => ({
    id: a.id,
    fromDate: a.fromDate.toISOString().slice(0, 10),
    toDate: a.toDate.toISOString().slice(0, 10),
  }));
}
