"use server";
import { notFound, redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { textValues } from "@/lib/form-values";
import type { ActionState } from "@/lib/requests/action-specs";
import { handleInvitePerson } from "@/lib/users/invitations";

/** An administrator invites a person: on success, their page (to add group, wards, service…). */
export async function invitePersonAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer("/admin/users/invite");
  let out: Awaited<ReturnType<typeof handleInvitePerson>>;
  try {
    out = await handleInvitePerson(viewer, textValues(form), new Date());
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
  if (out.id) redirect(`/admin/users/${out.id}?done=invited`);
  return { errors: out.errors, values: out.values };
}
