import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForms } from "@/components/ActionForms";
import { ClearDrafts } from "@/components/ClearDrafts";
import { Notice } from "@/components/Notice";
import { RecordHistory } from "@/components/RecordHistory";
import { SummaryList } from "@/components/SummaryList";
import { StatusTag } from "@/components/Tag";
import { requireViewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/requests/describe";
import { loadRegisterRecord, REGISTER_ACTION_TITLES } from "@/lib/register/queries";
import { registerStepAction } from "../actions";

export const metadata: Metadata = { title: "Register entry" };

const DONE: Record<string, string> = {
  DISCLOSURE: "Your disclosure has been sent. Only the people listed below can see it.",
  VISIT: "Your visit notice has been recorded.",
  PUBLICITY: "Your publicity request has been sent to the communications officer.",
  EVENT: "The event has been recorded and the ward councillors told.",
  CONSULT_GROUP_LEADER: "The consultation has been recorded. The Group Leader can now see this disclosure.",
  CLOSE: "The disclosure is closed with the course of action agreed.",
  SHARE_WITH_OTHER_PARTY: "The disclosure has been shared with the other person.",
  APPROVE: "You have approved the request. The councillor has been told.",
  DECLINE: "You have declined the request. The councillor has been sent your reasons.",
};

/** The creation form a new entry was made with (its draft is no longer needed). */
const NEW_FORM: Record<string, string> = {
  DISCLOSURE: "/register/new/disclosure",
  VISIT: "/register/new/visit",
  PUBLICITY: "/register/new/publicity",
  EVENT: "/register/new/event",
};

/** What the details are called on each kind of entry. */
const DETAILS_HEADING: Record<string, string> = {
  DISCLOSURE: "The relationship",
  VISIT: "The visit",
  PUBLICITY: "What it should say",
  EVENT: "About the event",
};

/** One register entry: a disclosure, a visit notice, a publicity request or a ceremonial event. */
export default async function RegisterEntryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { id } = await params;
  const { done } = await searchParams;
  const viewer = await requireViewer(`/register/${id}`);
  const record = await loadRegisterRecord(viewer, id).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const { detail, facts, notices, specs, decision } = record;
  return (
    <>
      {done && DONE[done] ? <Notice tone="success" title={DONE[done]} /> : null}
      {done ? <ClearDrafts path={`/register/${detail.id}`} /> : null}
      {done && NEW_FORM[done] ? <ClearDrafts path={NEW_FORM[done]} /> : null}
      <span className="caption">
        {detail.typeLabel} {detail.reference}
      </span>
      <h1 className="h1">{detail.subject}</h1>
      <p className="mb-6">
        <StatusTag label={detail.statusLabel} status={detail.status} closed={detail.closed} />
      </p>
      {decision ? (
        <div
          className={`mb-8 max-w-3xl border-l-4 pl-4 ${decision.outcome === "Declined" ? "border-error" : "border-success"}`}
        >
          <h2 className="h3">{decision.outcome}</h2>
          {decision.reasons ? <p className="whitespace-pre-wrap">{decision.reasons}</p> : null}
          <p className="text-base text-muted">({decision.citation})</p>
        </div>
      ) : null}
      <SummaryList
        rows={[
          { key: "Reference", value: detail.reference },
          { key: "Made on", value: formatDate(detail.createdAt) },
          ...facts,
        ]}
      />
      {notices.length ? (
        <ul className="mb-8 max-w-3xl space-y-3 border-l-4 border-brand pl-4">
          {notices.map((n) => (
            <li key={n.text}>
              {n.text} <span className="text-base text-muted">({n.citation})</span>
            </li>
          ))}
        </ul>
      ) : null}
      {detail.details ? (
        <>
          <h2 className="h2">{DETAILS_HEADING[detail.type] ?? "Details"}</h2>
          <p className="mb-8 max-w-3xl whitespace-pre-wrap">{detail.details}</p>
        </>
      ) : null}
      <ActionForms
        specs={specs}
        requestId={detail.id}
        act={registerStepAction}
        backHref={`/register/${detail.id}`}
      />
      <RecordHistory
        detail={detail}
        profileKey={viewer.council.profileKey}
        actionTitles={REGISTER_ACTION_TITLES}
      />
      <p>
        <Link href="/register">Back to the register</Link>
      </p>
    </>
  );
}
