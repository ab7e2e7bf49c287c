"use server";
import { notFound, redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { textValues } from "@/lib/form-values";
import type { ActionState } from "@/lib/requests/action-specs";
import { handleSaveSso, handleTurnOffSso } from "@/lib/sso/settings";

/** Another council's or a non-administrator's request is not found, as the page is. */
function rethrow(e: unknown): never {
  if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
  throw e;
}

/** "Test and save": reads the issuer's configuration, then saves; an error keeps what was typed, not the secret. */
export async function saveSsoAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer("/admin/sso");
  const out = await handleSaveSso(viewer, textValues(form), new Date()).catch(rethrow);
  if ("done" in out) redirect("/admin/sso?done=saved");
  return out;
}

/** Turns single sign-on off once the confirmation page has been answered. */
export async function turnOffSsoAction(form: FormData): Promise<void> {
  const viewer = await requireViewer("/admin/sso");
  const out = await handleTurnOffSso(viewer, textValues(form), new Date()).catch(rethrow);
  redirect("done" in out ? "/admin/sso?done=off" : "/admin/sso?confirm=off");
}
