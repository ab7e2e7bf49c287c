"use server";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { textValues } from "@/lib/form-values";
import { handlePublishAgenda, handleScheduleMeeting } from "@/lib/meetings/agendas";
import { handleCancelMeeting, handleChangeMeeting } from "@/lib/meetings/changes";
import { handleRecordLeadershipMeeting, type LeadershipFormState } from "@/lib/meetings/leadership";
import type { ActionState } from "@/lib/requests/action-specs";

export async function recordLeadershipMeetingAction(
  _prev: LeadershipFormState,
  form: FormData,
): Promise<LeadershipFormState> {
  const viewer = await requireViewer("/meetings");
  return handleRecordLeadershipMeeting(
    viewer,
    Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)])),
  );
}

/** Democratic services or the Town Clerk schedule a meeting (ActionForms; the record id is "new"). */
export async function scheduleMeetingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer("/meetings");
  const out = await handleScheduleMeeting(viewer, textValues(form), new Date());
  if (out.id) redirect(`/meetings/${out.id}?done=SCHEDULED`);
  return out;
}

/** Publishing a meeting's agenda (the record id is the meeting's). */
export async function publishAgendaAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = textValues(form);
  const viewer = await requireViewer(`/meetings/${values.requestId ?? ""}`);
  const out = await handlePublishAgenda(viewer, { ...values, meetingId: values.requestId ?? "" }, new Date());
  if (!Object.keys(out.errors).length && !out.confirm) redirect(`/meetings/${values.requestId}?done=PUBLISHED`);
  return out;
}

/** Renaming or moving a meeting, or cancelling it (the record id is the meeting's; the action says which). */
export async function changeMeetingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = textValues(form);
  const meetingId = values.requestId ?? "";
  const viewer = await requireViewer(`/meetings/${meetingId}`);
  const cancel = values.action === "CANCEL";
  const out = await (cancel ? handleCancelMeeting : handleChangeMeeting)(
    viewer,
    { ...values, meetingId },
    new Date(),
  );
  if (!Object.keys(out.errors).length && !out.confirm)
    redirect(`/meetings/${meetingId}?done=${cancel ? "CANCELLED" : "CHANGED"}`);
  return out;
}
