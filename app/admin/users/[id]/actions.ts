"use server";
import { notFound, redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { textValues } from "@/lib/form-values";
import type { ActionState } from "@/lib/requests/action-specs";
import { handleResendInvitation } from "@/lib/users/invitations";
import {
  handleUpdateMember,
  handleUpdateOfficer,
  handleUpdatePerson,
  handleUpdatePortfolio,
} from "@/lib/users/people";
import { isId } from "@/lib/validation";

const HANDLERS = {
  details: handleUpdatePerson,
  member: handleUpdateMember,
  portfolio: handleUpdatePortfolio,
  officer: handleUpdateOfficer,
};

/** Anything not found (another council's person, a forged id, not an administrator) is the not-found page. */
async function orNotFound<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

/** Saves one of the person page's forms (details and roles; councillor; Cabinet portfolio; officer), each one transaction. */
export async function savePersonAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = textValues(form);
  const userId = isId(values.userId) ? values.userId : "";
  const viewer = await requireViewer(`/admin/users/${userId}`);
  const handler = HANDLERS[values.form as keyof typeof HANDLERS];
  if (!handler || !userId) notFound();
  const out = await orNotFound(() => handler(viewer, values, new Date()));
  if ("done" in out && out.done) redirect(`/admin/users/${userId}?done=saved`);
  return { errors: out.errors, values: out.values };
}

/** A new invitation link (earlier ones stop working). */
export async function resendInvitationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = textValues(form);
  const userId = isId(values.userId) ? values.userId : "";
  const viewer = await requireViewer(`/admin/users/${userId}`);
  const out = await orNotFound(() => handleResendInvitation(viewer, values, new Date()));
  if ("id" in out && out.id) redirect(`/admin/users/${userId}?done=resent`);
  return { errors: out.errors, values: out.values };
}
