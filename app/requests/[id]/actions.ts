"use server";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { textValues } from "@/lib/form-values";
import { handleRequestAction, type ActionState } from "@/lib/requests/forms/request-actions";

export type { ActionState } from "@/lib/requests/forms/request-actions";

/** The file chosen in the form, if any (the decide form names it after its action, e.g. GRANT__file). */
async function chosenFile(form: FormData) {
  const f = [...form.values()].find((v): v is File => v instanceof File && v.size > 0);
  return f ? { name: f.name, type: f.type, size: f.size, bytes: new Uint8Array(await f.arrayBuffer()) } : null;
}

export async function requestAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = textValues(form);
  const viewer = await requireViewer(`/requests/${values.requestId ?? ""}`);
  const outcome = await handleRequestAction(viewer, values, new Date(), await chosenFile(form));
  if ("done" in outcome) redirect(`/requests/${outcome.requestId}?done=${outcome.done}`);
  return outcome;
}
