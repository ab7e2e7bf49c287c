import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/PrintButton";
import { requireViewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { loadAgendaPack } from "@/lib/meetings/agendas";
import { AgendaPack } from "../AgendaPack";

export const metadata: Metadata = { title: "Agenda pack (print)" };

/** The agenda pack laid out for paper or "Save as PDF": every report in full, each on its own, no page furniture. */
export default async function PrintPackPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer(`/meetings/${id}/print`);
  const pack = await loadAgendaPack(viewer, id).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return (
    <article className="print-pack">
      <p className="mb-4 print:hidden">
        <Link href={`/meetings/${id}`}>Back to the agenda</Link>
      </p>
      <PrintButton />
      <p className="caption">{viewer.council.name}</p>
      <h1 className="h1">{pack.meeting.title}: agenda pack</h1>
      <AgendaPack pack={pack} links={false} />
    </article>
  );
}
