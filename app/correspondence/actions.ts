"use server";
// The correspondence pages' server actions: read the form, find the viewer, call one handler, go to the record.
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import {
  handleCorrespondenceAction,
  handleDraftLetter,
  handleRecordCorrespondence,
} from "@/lib/correspondence/forms";
import { textValues } from "@/lib/form-values";
import type { ActionState } from "@/lib/requests/action-specs";

export async function recordCorrespondenceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = textValues(form);
  const viewer = await requireViewer("/correspondence/new");
  const outcome = await handleRecordCorrespondence(viewer, values, new Date());
  if ("done" in outcome) redirect(`/correspondence/${outcome.id}?done=${outcome.done}`);
  return outcome;
}

export async function draftLetterAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = textValues(form);
  const viewer = await requireViewer("/correspondence/new-letter");
  const outcome = await handleDraftLetter(viewer, values, new Date());
  if ("done" in outcome) redirect(`/correspondence/${outcome.id}?done=${outcome.done}`);
  return outcome;
}

export async function correspondenceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = textValues(form);
  const viewer = await requireViewer(`/correspondence/${values.requestId ?? ""}`);
  const outcome = await handleCorrespondenceAction(viewer, values, new Date());
  if ("done" in outcome) redirect(`/correspondence/${outcome.id}?done=${outcome.done}`);
  return outcome;
}
