import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForms } from "@/components/ActionForms";
import { Notice } from "@/components/Notice";
import { RecordHistory } from "@/components/RecordHistory";
import { SummaryList } from "@/components/SummaryList";
import { Tag } from "@/components/Tag";
import { requireViewer } from "@/lib/auth/session";
import { loadAgendaItemPage } from "@/lib/agenda-items/page";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/requests/describe";
import { agendaItemAction } from "./actions";

export const metadata: Metadata = { title: "Agenda item" };

const DONE: Record<string, string> = {
  PROPOSE: "Your item has been sent to the Chief Officer it concerns.",
  CALL_FOR_REPORT: "The call for a report has been sent to the Chief Officer.",
  IMPLEMENTATION_FAILURE: "The failure has been listed on the committee's next agenda.",
  RECORD_DISCUSSION: "Your discussion has been recorded and the item sent to the Chair.",
  AGREE: "The item is on the agenda and the member has been told.",
  NOT_AGREE: "Your decision and reasons have been sent to the member.",
  ACKNOWLEDGE: "The call for a report has been acknowledged.",
  WITHDRAW: "The item has been withdrawn.",
};

const ACTION_TITLES: Record<string, string> = {
  FILED: "Sent",
  RECORD_DISCUSSION: "Discussed with the Chief Officer",
  AGREE: "Agreed by the Chair",
  NOT_AGREE: "Not agreed by the Chair",
  ACKNOWLEDGE: "Acknowledged by the Chief Officer",
  WITHDRAW: "Withdrawn",
};

export default async function AgendaItemPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { id } = await params;
  const { done } = await searchParams;
  const viewer = await requireViewer(`/agenda-items/${id}`);
  const page = await loadAgendaItemPage(viewer, id, new Date()).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const { detail } = page;
  return (
    <>
      {done && DONE[done] ? <Notice tone="success" title={DONE[done]} /> : null}
      <Link href="/agenda-items" className="mb-6 inline-block">
        Back to agenda items
      </Link>
      <span className="caption">
        {page.kindLabel} {detail.reference}
      </span>
      <h1 className="h1 break-words">{detail.subject}</h1>
      <p className="mb-6">
        <Tag tone={detail.closed && !page.onAgenda ? "grey" : "blue"}>{detail.statusLabel}</Tag>
      </p>
      <SummaryList
        rows={[
          ...(page.committee ? [{ key: "Committee", value: page.committee.name }] : []),
          ...(page.meeting
            ? [
                {
                  key: page.onAgenda ? "On the agenda of" : "Meeting",
                  value: (
                    <Link href={`/meetings/${page.meeting.id}`}>
                      {page.meeting.title}, {formatDate(page.meeting.date)}
                      {page.meeting.published ? " (agenda published)" : ""}
                    </Link>
                  ),
                },
              ]
            : []),
          ...(page.requestedMeeting
            ? [
                {
                  key: "Meeting asked for",
                  value: `${page.requestedMeeting.title}, ${formatDate(page.requestedMeeting.date)}`,
                },
              ]
            : []),
          ...(page.service ? [{ key: "Service", value: page.service }] : []),
          { key: page.kind === "IMPLEMENTATION_FAILURE" ? "Reported by" : "Proposed by", value: detail.filedBy },
          ...(detail.holder ? [{ key: "With", value: detail.holder.jobTitle ?? detail.holder.name }] : []),
          ...page.facts,
        ]}
      />
      {page.kind === "CALL_FOR_REPORT" &&
      !detail.closed &&
      (viewer.roles.includes("CHIEF_OFFICER") || viewer.roles.includes("OFFICER")) &&
      viewer.id !== detail.createdById ? (
        <p className="mb-6">
          <Link href={`/reports/new?call=${detail.id}`}>Start the report this call asks for</Link>
        </p>
      ) : null}
      {page.kind === "CALL_FOR_REPORT" && page.committee?.termsOfReference ? (
        <section aria-labelledby="terms-title" className="mb-8 max-w-3xl">
          <h2 id="terms-title" className="h2">
            The committee&apos;s terms of reference
          </h2>
          <p>{page.committee.termsOfReference}</p>
        </section>
      ) : null}
      {detail.details ? (
        <section aria-labelledby="details-title" className="mb-8 max-w-3xl">
          <h2 id="details-title" className="h2">
            Details
          </h2>
          <p className="break-words whitespace-pre-wrap">{detail.details}</p>
        </section>
      ) : null}
      <ActionForms
        specs={page.specs}
        act={agendaItemAction}
        requestId={detail.id}
        backHref={`/agenda-items/${detail.id}`}
      />
      <RecordHistory
        detail={detail}
        profileKey={viewer.council.profileKey}
        actionTitles={ACTION_TITLES}
        messageTitles={{ DISCUSSION: "The Chief Officer's discussion" }}
      />
      <p className="text-base text-muted">Rule: {page.ruleId}</p>
    </>
  );
}
