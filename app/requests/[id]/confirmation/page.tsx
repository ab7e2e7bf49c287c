import type { Metadata } from "next";
import Link from "next/link";
import { ClearDrafts } from "@/components/ClearDrafts";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { dueText } from "@/lib/requests/describe";
import { getRequestDetail } from "@/lib/requests/queries";

export const metadata: Metadata = { title: "Request sent" };

export default async function ConfirmationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer(`/requests/${id}/confirmation`);
  const r = await getRequestDetail(viewer, id).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const due = dueText(r.dueDate, r.closed, r.paused);
  return (
    <>
      <ClearDrafts path="/requests/new" />
      <div className="mb-8 max-w-3xl bg-success p-8 text-center text-white">
        <h1 className="mb-4 text-3xl font-bold md:text-5xl">{r.typeLabel} sent</h1>
        <p className="text-2xl">
          Your reference number
          <br />
          <strong data-testid="reference">{r.reference}</strong>
        </p>
      </div>
      <h2 className="h2">What happens next</h2>
      <p className="mb-4 max-w-3xl" data-testid="sent-to">
        {r.holder
          ? `Your request has gone to ${r.holder.name}${r.holder.jobTitle ? `, ${r.holder.jobTitle}` : ""}.`
          : "Member services will pass your request to the officer who decides it."}
      </p>
      {due ? <p className="mb-4">Council target for a reply: {due}.</p> : null}
      <p className="mb-8">
        You will get a notification when it is decided. You can follow it on the request page.
      </p>
      <p className="mb-2">
        <Link href={`/requests/${r.id}`}>View your request</Link>
      </p>
      <p>
        <Link href="/requests/new">Make another request</Link>
      </p>
    </>
  );
}
