"use server";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { handleRequestAction, type ActionState } from "@/lib/requests/forms/request-actions";

export type { ActionState } from "@/lib/requests/forms/request-actions";

export async function requestAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = Object.fromEntries(
    [...form.entries()].filter(([, v]) => typeof v === "string").map(([k, v]) => [k, String(v)]),
  );
  const viewer = await requireViewer(`/requests/${values.requestId ?? ""}`);
  const f = form.get("file");
  const file =
    f instanceof File && f.size > 0
      ? { name: f.name, type: f.type, size: f.size, bytes: new Uint8Array(await f.arrayBuffer()) }
      : null;
  const outcome = await handleRequestAction(viewer, values, new Date(), file);
  if ("done" in outcome) redirect(`/requests/${outcome.requestId}?done=${outcome.done}`);
  return outcome;
}
