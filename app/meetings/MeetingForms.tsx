"use client";
// The meeting pages' forms: scheduling a meeting, publishing its agenda, changing or cancelling it (shared action
// forms).
import { ActionForms } from "@/components/ActionForms";
import type { ActionSpec } from "@/lib/requests/action-specs";
import { changeMeetingAction, publishAgendaAction, scheduleMeetingAction } from "./actions";

export function ScheduleMeetingForm({ specs }: { specs: ActionSpec[] }) {
  return (
    <ActionForms
      requestId="new"
      specs={specs}
      act={scheduleMeetingAction}
      backHref="/meetings"
      heading="Schedule a meeting"
    />
  );
}

export function PublishAgendaForm({ meetingId, specs }: { meetingId: string; specs: ActionSpec[] }) {
  return (
    <ActionForms
      requestId={meetingId}
      specs={specs}
      act={publishAgendaAction}
      backHref={`/meetings/${meetingId}`}
      heading="Publish the agenda"
    />
  );
}

export function ChangeMeetingForm({ meetingId, specs }: { meetingId: string; specs: ActionSpec[] }) {
  return (
    <ActionForms
      requestId={meetingId}
      specs={specs}
      act={changeMeetingAction}
      backHref={`/meetings/${meetingId}`}
      heading="Change or cancel this meeting"
    />
  );
}
