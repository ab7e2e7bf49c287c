"use client";
// The meeting pages' forms: scheduling a meeting and publishing its agenda (the shared action forms).
import { ActionForms } from "@/components/ActionForms";
import type { ActionSpec } from "@/lib/requests/action-specs";
import { publishAgendaAction, scheduleMeetingAction } from "./actions";

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
