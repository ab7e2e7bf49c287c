"use server";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { textValues } from "@/lib/form-values";
import { handleOrganisationAction } from "@/lib/organisation/admin";
import type { ActionState } from "@/lib/requests/action-specs";

/** Every organisation form (ActionForms): add, change, retire, reinstate; the item id is "new" for an addition. */
export async function organisationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer("/admin/organisation");
  const out = await handleOrganisationAction(viewer, textValues(form), new Date());
  if ("done" in out) redirect(`/admin/organisation/${out.kind}/${out.id}?done=${out.done}`);
  return out;
}
