"use server";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { handleNewAgendaItem } from "@/lib/agenda-items/service";
import { textValues } from "@/lib/form-values";
import type { ActionState } from "@/lib/requests/action-specs";

export async function newAgendaItemAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer("/agenda-items");
  const outcome = await handleNewAgendaItem(viewer, textValues(form), new Date());
  if ("done" in outcome) redirect(`/agenda-items/${outcome.id}?done=${outcome.done}`);
  return outcome;
}
