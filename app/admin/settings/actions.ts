"use server";
import { notFound, redirect } from "next/navigation";
import { handleSaveSettings } from "@/lib/admin/settings";
import { requireViewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { textValues } from "@/lib/form-values";
import type { ActionState } from "@/lib/requests/action-specs";

/** Saves the council's protocol settings as a new version; anyone but the council's administrators: not found. */
export async function saveSettingsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer("/admin/settings");
  let out: Awaited<ReturnType<typeof handleSaveSettings>>;
  try {
    out = await handleSaveSettings(viewer, textValues(form), new Date());
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
  if ("done" in out) redirect(`/admin/settings?saved=${out.version}`);
  return out;
}
