import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Notice } from "@/components/Notice";
import { requireViewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { loadAgendaPack } from "@/lib/meetings/agendas";
import { ChangeMeetingForm, PublishAgendaForm } from "../MeetingForms";
import { AgendaPack } from "./AgendaPack";

export const metadata: Metadata = { title: "Agenda" };

const DONE: Record<string, string> = {
  SCHEDULED: "The meeting has been scheduled.",
  PUBLISHED: "The agenda has been published. Every member can now read its reports.",
  CHANGED: "The meeting has been changed.",
  CANCELLED: "The meeting has been cancelled. Anything on its agenda has moved to the next meeting.",
};

/** A meeting's agenda pack, as the viewer may see it (visibility builder), with publishing for those who run it. */
export default async function MeetingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { id } = await params;
  const { done } = await searchParams;
  const viewer = await requireViewer(`/meetings/${id}`);
  const pack = await loadAgendaPack(viewer, id).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return (
    <>
      <p className="mb-4">
        <Link href="/meetings">All meetings</Link>
      </p>
      {done && DONE[done] ? <Notice title={DONE[done]} tone="success" /> : null}
      <span className="caption">{viewer.council.name}</span>
      <h1 className="h1">{pack.meeting.title}</h1>
      <p className="mb-6">
        <Link href={`/meetings/${id}/print`}>Printable agenda pack</Link>
      </p>
      <AgendaPack pack={pack} />
      {pack.mayPublish ? (
        <PublishAgendaForm
          meetingId={id}
          specs={[
            {
              action: "PUBLISH",
              area: "other",
              title: "Publish this agenda",
              hint: "Every member can then read its reports. Nothing more can be added to this meeting's agenda: later items go to the next meeting.",
              fields: [],
              submit: "Publish the agenda",
            },
          ]}
        />
      ) : null}
      {pack.mayChange ? (
        <ChangeMeetingForm
          meetingId={id}
          specs={[
            {
              action: "CHANGE",
              area: "other",
              title: "Rename or move this meeting",
              hint: "Everything listed for it stays on its agenda; a new date or place is sent to the authors of what is on it.",
              fields: [
                { kind: "text", name: "title", label: "Meeting", initial: pack.meeting.title },
                { kind: "date", name: "date", label: "Meeting date", initial: pack.meeting.date },
                {
                  kind: "date",
                  name: "agendaDeadline",
                  label: "Agenda deadline",
                  hint: "The last day for reports and items. Leave blank for a week before the meeting.",
                  initial: pack.meeting.agendaDeadline ?? "",
                },
                { kind: "text", name: "location", label: "Where (optional)", initial: pack.meeting.location },
              ],
              submit: "Save the meeting",
              tone: "secondary",
            },
            {
              action: "CANCEL",
              area: "other",
              title: "Cancel this meeting",
              hint: "It stays in the list, marked cancelled. Anything on its agenda moves to the next meeting of the same body, and its author is told.",
              fields: [{ kind: "textarea", name: "reasons", label: "Why is it cancelled?" }],
              submit: "Cancel the meeting",
              tone: "warning",
            },
          ]}
        />
      ) : null}
    </>
  );
}
