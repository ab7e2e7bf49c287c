"use server";
import { requireViewer } from "@/lib/auth/session";
import { handleRecordLeadershipMeeting, type LeadershipFormState } from "@/lib/meetings/leadership";

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
