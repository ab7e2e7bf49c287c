// The complaint start page's guidance (WIG-E10 always; HTC-E4 when the complaint is about an officer), as the
// complaint form shows it: blank, with HTC-E4's condition stated; once the person complained about is chosen, for
// that person. The rule itself is lib/workflow/register.ts complaintGuidance.
import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { profileOf } from "@/lib/protocol/council-profile";
import type { CheckResult } from "@/lib/requests/forms/types";
import { isId } from "@/lib/validation";
import { complaintGuidance, guidanceLines, isOfficerPerson } from "@/lib/workflow/register";
import { db } from "@/lib/db";

/**
 * The guidance lines for the complaint form with these answers. Without a `subjectUserId` the form is blank (the start
 * page: conditions stated); "" is a complaint about an issue, not a person; an id is the person complained about.
 */
export async function checkComplaintGuidance(
  viewer: Viewer,
  values: Record<string, string>,
): Promise<CheckResult> {
  const profile = profileOf(viewer);
  if (values.subjectUserId === undefined)
    return { errors: {}, preview: guidanceLines(complaintGuidance(profile, null)) };
  const id = values.subjectUserId.trim();
  if (!id) return { errors: {}, preview: guidanceLines(complaintGuidance(profile, false)) };
  if (!isId(id)) return { errors: { subjectUserId: "Choose a person of your council" } };
  const person = await db().user.findFirst({
    where: { id, councilId: viewer.council.id },
    select: { roles: true },
  });
  if (!person) return { errors: { subjectUserId: "Choose a person of your council" } };
  return { errors: {}, preview: guidanceLines(complaintGuidance(profile, isOfficerPerson(person.roles))) };
}
