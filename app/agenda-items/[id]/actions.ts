"use server";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { handleAgendaItemAction } from "@/lib/agenda-items/service";
import { textValues } from "@/lib/form-values";
import type { ActionState } from "@/lib/requests/action-specs";

export async function agendaItemAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = textValues(form);
  const viewer = await requireViewer(`/agenda-items/${values.requestId ?? ""}`);
  const outcome = await handleAgendaItemAction(viewer, values, new Date());
  if ("done" in outcome) redirect(`/agenda-items/${outcome.requestId}?done=${outcome.done}`);
  return outcome;
}
