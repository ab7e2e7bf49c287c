"use server";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { textValues } from "@/lib/form-values";
import type { ActionState } from "@/lib/requests/action-specs";
import { handleLogRepresentation } from "@/lib/representations/service";

export async function logRepresentationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer("/representations/new");
  const outcome = await handleLogRepresentation(viewer, textValues(form), new Date());
  if ("done" in outcome) redirect(`/representations/${outcome.id}?done=${outcome.done}`);
  return outcome;
}
