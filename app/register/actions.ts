"use server";
// The register's server actions: thin — read the form, the viewer, call one handler in lib/register/forms.ts.
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { textValues } from "@/lib/form-values";
import type { ActionState } from "@/lib/requests/action-specs";
import { handleRegisterAction, handleRegisterEntry } from "@/lib/register/forms";

/** A new register entry (/register/new/<kind>): `action` is the type of entry. */
export async function registerEntryAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = textValues(form);
  const viewer = await requireViewer("/register");
  const outcome = await handleRegisterEntry(viewer, values, new Date());
  if ("done" in outcome) redirect(`/register/${outcome.id}?done=${outcome.done}`);
  return outcome;
}

/** A step on a register entry's page. */
export async function registerStepAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = textValues(form);
  const viewer = await requireViewer(`/register/${values.requestId ?? ""}`);
  const outcome = await handleRegisterAction(viewer, values, new Date());
  if ("done" in outcome) redirect(`/register/${outcome.id}?done=${outcome.done}`);
  return outcome;
}
