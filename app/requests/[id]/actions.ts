"use server";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { handleRequestAction, type ActionState } from "@/lib/requests/forms/request-actions";

export type { ActionState } from "@/lib/requests/forms/request-actions";

export async function requestAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  const viewer = await requireViewer(`/requests/${values.requestId ?? ""}`);
  const outcome = await handleRequestAction(db(), viewer, values, new Date());
  if ("done" in outcome) redirect(`/requests/${outcome.requestId}?done=${outcome.done}`);
  return outcome;
}
