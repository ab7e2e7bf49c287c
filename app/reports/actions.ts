"use server";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { textValues } from "@/lib/form-values";
import type { ActionState } from "@/lib/requests/action-specs";
import { handleReportAction, handleReportAuthorisation, handleStartReport } from "@/lib/reports/forms";

export async function startReportAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer("/reports/new");
  const out = await handleStartReport(viewer, textValues(form), new Date());
  if ("done" in out) redirect(`/reports/${out.id}?done=${out.done}`);
  return out;
}

export async function reportAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = textValues(form);
  const viewer = await requireViewer(`/reports/${values.requestId ?? ""}`);
  const out = await handleReportAction(viewer, values, new Date());
  if ("done" in out) redirect(`/reports/${out.id}?done=${out.done}`);
  return out;
}

export async function reportAuthorisationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer("/reports/authorisations");
  const out = await handleReportAuthorisation(viewer, textValues(form));
  if (!Object.keys(out.errors).length)
    redirect(`/reports/authorisations?done=${out.values.on === "no" ? "ended" : "1"}`);
  return out;
}
